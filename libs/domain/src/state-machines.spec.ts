import { describe, expect, it } from '@jest/globals';
import { ApplicationStatus, CertificateStatus, TokenStatus } from '@app/contracts';
import { domainErrorOf } from '@app/contracts/testing/domain-error';
import {
  assertApplicationTransition,
  assertCertificateTransition,
  assertTokenTransition,
  canApplicationTransition,
  canCertificateTransition,
  canTokenTransition,
  nextApplicationStatuses,
  nextCertificateStatuses,
  nextTokenStatuses,
  type TransitionContext,
} from './state-machines';

const COUNTER: TransitionContext = { channel: 'COUNTER' };
const KIOSK: TransitionContext = { channel: 'KIOSK' };
const SYSTEM: TransitionContext = { channel: 'SYSTEM' };

/** Every ordered pair of statuses, with whether SPEC.md lists it. */
function pairs<S extends string>(statuses: readonly S[], spec: Readonly<Record<S, readonly S[]>>): [S, S, boolean][] {
  return statuses.flatMap((from) => statuses.map((to): [S, S, boolean] => [from, to, spec[from].includes(to)]));
}

describe('application', () => {
  const SPEC: Record<ApplicationStatus, ApplicationStatus[]> = {
    REGISTERED: ['NOTICE_PRINTED', 'CANCELLED'],
    NOTICE_PRINTED: ['NOTICE_PRINTED', 'APPLIED', 'EXPIRED', 'LOCKED', 'CANCELLED'],
    APPLIED: ['ISSUED'],
    ISSUED: ['COMPLETED'],
    COMPLETED: [],
    CANCELLED: [],
    EXPIRED: ['NOTICE_PRINTED', 'CANCELLED'],
    LOCKED: ['NOTICE_PRINTED', 'CANCELLED'],
  };

  it.each(pairs(Object.values(ApplicationStatus), SPEC))('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canApplicationTransition(from, to)).toBe(allowed);
    expect(canApplicationTransition(from, to, COUNTER)).toBe(allowed);
    if (allowed) expect(() => assertApplicationTransition(from, to)).not.toThrow();
    else expect(domainErrorOf(() => assertApplicationTransition(from, to)).details).toEqual({ from, to });
  });

  it('lists the next statuses', () => {
    for (const from of Object.values(ApplicationStatus)) {
      expect([...nextApplicationStatuses(from)].sort()).toEqual([...SPEC[from]].sort());
    }
  });

  it('throws INVALID_STATE_TRANSITION', () => {
    expect(domainErrorOf(() => assertApplicationTransition('COMPLETED', 'CANCELLED')).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
  });
});

describe('certificate', () => {
  // As seen from the counter; elsewhere SUSPENDED → ACTIVE is missing.
  const SPEC: Record<CertificateStatus, CertificateStatus[]> = {
    PENDING: ['ISSUED', 'REVOKED'],
    ISSUED: ['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'],
    ACTIVE: ['SUSPENDED', 'REVOKED', 'EXPIRED'],
    SUSPENDED: ['ACTIVE', 'REVOKED', 'EXPIRED'],
    REVOKED: [],
    EXPIRED: [],
  };

  it.each(pairs(Object.values(CertificateStatus), SPEC))('at the counter %s → %s allowed: %s', (from, to, allowed) => {
    expect(canCertificateTransition(from, to, COUNTER)).toBe(allowed);
    if (allowed) expect(() => assertCertificateTransition(from, to, COUNTER)).not.toThrow();
    else expect(domainErrorOf(() => assertCertificateTransition(from, to, COUNTER)).details).toEqual({ from, to });
  });

  it('unsuspends only at the counter', () => {
    expect(canCertificateTransition('SUSPENDED', 'ACTIVE', COUNTER)).toBe(true);
    expect(canCertificateTransition('SUSPENDED', 'ACTIVE', KIOSK)).toBe(false);
    expect(canCertificateTransition('SUSPENDED', 'ACTIVE', SYSTEM)).toBe(false);
    expect(canCertificateTransition('SUSPENDED', 'ACTIVE')).toBe(false);
    const error = domainErrorOf(() => assertCertificateTransition('SUSPENDED', 'ACTIVE', KIOSK));
    expect(error.code).toBe('INVALID_STATE_TRANSITION');
    expect(error.details).toEqual({ from: 'SUSPENDED', to: 'ACTIVE' });
  });

  it('lets the customer suspend at the kiosk', () => {
    expect(canCertificateTransition('ACTIVE', 'SUSPENDED', KIOSK)).toBe(true);
    expect(canCertificateTransition('ACTIVE', 'SUSPENDED')).toBe(true);
  });

  it('lists only what the channel may do', () => {
    expect(nextCertificateStatuses('SUSPENDED', COUNTER)).toEqual(['ACTIVE', 'REVOKED', 'EXPIRED']);
    expect(nextCertificateStatuses('SUSPENDED', KIOSK)).toEqual(['REVOKED', 'EXPIRED']);
    expect(nextCertificateStatuses('SUSPENDED')).toEqual(['REVOKED', 'EXPIRED']);
    expect(nextCertificateStatuses('REVOKED', COUNTER)).toEqual([]);
    expect(nextCertificateStatuses('EXPIRED', COUNTER)).toEqual([]);
  });
});

describe('token', () => {
  const SPEC: Record<TokenStatus, TokenStatus[]> = {
    ACTIVE: ['LOCKED', 'LOST', 'RETIRED'],
    LOCKED: ['ACTIVE', 'LOST', 'RETIRED'],
    LOST: ['RETIRED'],
    RETIRED: [],
  };

  it.each(pairs(Object.values(TokenStatus), SPEC))('at the counter %s → %s allowed: %s', (from, to, allowed) => {
    expect(canTokenTransition(from, to, COUNTER)).toBe(allowed);
    if (allowed) expect(() => assertTokenTransition(from, to, COUNTER)).not.toThrow();
    else expect(domainErrorOf(() => assertTokenTransition(from, to, COUNTER)).code).toBe('INVALID_STATE_TRANSITION');
  });

  it('unlocks only through a PIN reset at the counter', () => {
    expect(canTokenTransition('LOCKED', 'ACTIVE', KIOSK)).toBe(false);
    expect(canTokenTransition('LOCKED', 'ACTIVE')).toBe(false);
    expect(nextTokenStatuses('LOCKED', KIOSK)).toEqual(['LOST', 'RETIRED']);
    expect(nextTokenStatuses('LOCKED', COUNTER)).toEqual(['ACTIVE', 'LOST', 'RETIRED']);
  });

  it('locks from any channel (10 wrong PINs happen at the kiosk)', () => {
    expect(canTokenTransition('ACTIVE', 'LOCKED', KIOSK)).toBe(true);
    expect(nextTokenStatuses('RETIRED', COUNTER)).toEqual([]);
  });
});
