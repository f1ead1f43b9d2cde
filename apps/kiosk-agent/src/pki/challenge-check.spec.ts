import { describe, expect, it } from '@jest/globals';
import { domainErrorOf } from '@app/contracts/testing/domain-error';
import { createChallenge } from '@app/pki';
import { checkChallenge } from './challenge-check';

const ORIGIN = 'https://ra.bank.test';

describe('checkChallenge', () => {
  it('accepts a challenge issued to the asking page', () => {
    expect(() =>
      checkChallenge(createChallenge({ purpose: 'renew', origin: ORIGIN }).toBeSigned, ORIGIN),
    ).not.toThrow();
  });

  it('refuses a challenge issued to another origin (relayed)', () => {
    const { toBeSigned } = createChallenge({ purpose: 'renew', origin: 'https://evil.test' });
    expect(domainErrorOf(() => checkChallenge(toBeSigned, ORIGIN)).code).toBe('AGENT_CHALLENGE_REFUSED');
  });

  it.each([
    ['DER (a certificate body)', Uint8Array.of(0x30, 0x82, 0x01, 0x00)],
    ['empty bytes', new Uint8Array()],
    ['a truncated challenge', createChallenge({ purpose: 'renew', origin: ORIGIN }).toBeSigned.subarray(0, 40)],
    [
      'a challenge with bytes appended',
      Uint8Array.from([...createChallenge({ purpose: 'renew', origin: ORIGIN }).toBeSigned, 0, 0, 0, 0]),
    ],
  ])('refuses %s', (_name, bytes) => {
    expect(domainErrorOf(() => checkChallenge(bytes, ORIGIN)).code).toBe('AGENT_CHALLENGE_REFUSED');
  });
});
