import { describe, expect, it } from '@jest/globals';
import { listLink } from './list-link';

describe('listLink', () => {
  it('puts the filter into the query string, leaving out what is not set', () => {
    const url = listLink('certificates', { status: 'SUSPENDED', branchId: undefined, notAfterFrom: '' });
    expect(url).toBe('/certificates?filter=%7B%22status%22%3A%22SUSPENDED%22%7D');
    expect(JSON.parse(decodeURIComponent(url.split('filter=')[1]))).toEqual({ status: 'SUSPENDED' });
  });
});
