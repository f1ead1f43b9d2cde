import { describe, expect, it } from '@jest/globals';
import { blankToNull, MAX_TAKE, pageArgs, pickFilter } from './resource-provider';

describe('pageArgs', () => {
  const sortable = ['name', 'updatedAt'];

  it('turns page and perPage into skip and take', () => {
    const args = pageArgs(
      { pagination: { page: 3, perPage: 25 }, sort: { field: 'name', order: 'DESC' } },
      sortable,
      {},
    );
    expect(args).toEqual({ skip: 50, take: 25, sortField: 'name', sortOrder: 'DESC', filter: {} });
  });

  it('leaves out a sort field the API does not know', () => {
    const args = pageArgs({ pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' } }, sortable, {});
    expect(args.sortField).toBeUndefined();
    expect(args.sortOrder).toBeUndefined();
  });

  it('never asks for more than the API serves', () => {
    expect(pageArgs({ pagination: { page: 2, perPage: 1000 } }, sortable, {})).toMatchObject({
      skip: MAX_TAKE,
      take: MAX_TAKE,
    });
  });
});

describe('pickFilter', () => {
  it('keeps known, non-empty keys, trimmed', () => {
    expect(pickFilter({ q: '  王 ', homeBranchId: '', kind: null, other: 'x' }, ['q', 'homeBranchId', 'kind'])).toEqual(
      { q: '王' },
    );
  });
});

describe('blankToNull', () => {
  it('makes an emptied optional field null', () => {
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
    expect(blankToNull(' 02-1234 ')).toBe('02-1234');
  });
});
