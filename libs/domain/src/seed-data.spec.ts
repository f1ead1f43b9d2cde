import { describe, expect, it } from '@jest/globals';
import { IdKind, StaffRole } from '@app/contracts';
import { SEED_BRANCHES } from '@app/seeds/branches.data';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { SEED_STAFF } from '@app/seeds/staff.data';
import { classifyIdNumber, normalizeIdNumber } from './id-number';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const unique = (values: readonly string[]): boolean => new Set(values).size === values.length;

describe('seed data', () => {
  const branchIds = SEED_BRANCHES.map((b) => b.id);

  it('has two branches with 7-digit codes of bank 006', () => {
    expect(SEED_BRANCHES).toHaveLength(2);
    for (const b of SEED_BRANCHES) {
      expect(b.id).toMatch(UUID);
      expect(b.code).toMatch(/^006\d{4}$/);
    }
    expect(unique(branchIds)).toBe(true);
    expect(unique(SEED_BRANCHES.map((b) => b.code))).toBe(true);
  });

  it('gives every branch a teller, a supervisor and an admin with usable demo passwords', () => {
    for (const branchId of branchIds) {
      const roles = SEED_STAFF.filter((s) => s.branchId === branchId).map((s) => s.role);
      expect([...roles].sort()).toEqual([StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.TELLER]);
    }
    for (const s of SEED_STAFF) {
      expect(s.id).toMatch(UUID);
      expect(s.demoPassword.length).toBeGreaterThanOrEqual(10);
      expect(s.demoPassword).toMatch(/[A-Za-z]/);
      expect(s.demoPassword).toMatch(/\d/);
    }
    expect(unique(SEED_STAFF.map((s) => s.id))).toBe(true);
    expect(unique(SEED_STAFF.map((s) => s.username))).toBe(true);
  });

  it('stores only valid, normalised ID numbers', () => {
    for (const c of SEED_CUSTOMERS) {
      expect({ idNumber: c.idNumber, kind: classifyIdNumber(c.idNumber) }).not.toEqual({
        idNumber: c.idNumber,
        kind: null,
      });
      expect(normalizeIdNumber(c.idNumber)).toBe(c.idNumber);
    }
  });

  it('has about 50 customers of every kind, including the manual examples', () => {
    const kinds = SEED_CUSTOMERS.map((c) => classifyIdNumber(c.idNumber));
    expect(SEED_CUSTOMERS.length).toBeGreaterThanOrEqual(45);
    expect(kinds.filter((k) => k === IdKind.BUSINESS_NUMBER).length).toBeGreaterThanOrEqual(5);
    expect(kinds.filter((k) => k === IdKind.RESIDENT_ID).length).toBeGreaterThanOrEqual(1);
    const ids = SEED_CUSTOMERS.map((c) => c.idNumber);
    expect(ids).toContain('U139514691');
    expect(ids).toContain('F246061918');
  });

  it('has unique ids and ID numbers, plausible contacts and real home branches', () => {
    expect(unique(SEED_CUSTOMERS.map((c) => c.id))).toBe(true);
    expect(unique(SEED_CUSTOMERS.map((c) => c.idNumber))).toBe(true);
    for (const c of SEED_CUSTOMERS) {
      expect(c.id).toMatch(UUID);
      expect(c.name.trim()).not.toBe('');
      expect(c.email).toMatch(/^[a-z0-9.-]+@example\.com\.tw$/);
      expect(c.phone).toMatch(/^09\d{8}$/);
      expect(branchIds).toContain(c.homeBranchId);
    }
    for (const branchId of branchIds) {
      expect(SEED_CUSTOMERS.filter((c) => c.homeBranchId === branchId).length).toBeGreaterThanOrEqual(15);
    }
  });
});
