import { describe, expect, it } from '@jest/globals';
import { StaffRole } from '@app/contracts';
import type { RequestContext } from '../common/request-context';
import { reportScope } from './report-scope';

const OWN = '00000000-0000-4000-8000-000000000b01';
const OTHER = '00000000-0000-4000-8000-000000000b02';
const as = (role: StaffRole): RequestContext => ({
  requestId: 'spec',
  clientIp: null,
  locale: 'zh-TW',
  staff: { id: 's', username: 'u', role, branchId: OWN, branchCode: '0060000' },
});

describe('reportScope', () => {
  it('keeps tellers and supervisors to their branch, and refuses another one outright', () => {
    for (const role of [StaffRole.TELLER, StaffRole.SUPERVISOR]) {
      expect(reportScope(as(role))).toEqual({ branchId: OWN, perBranch: false });
      expect(reportScope(as(role), OWN)).toEqual({ branchId: OWN, perBranch: false });
      expect(() => reportScope(as(role), OTHER)).toThrow(expect.objectContaining({ code: 'OUT_OF_BRANCH' }));
    }
  });

  it('gives an admin the bank with a row per branch, or any one branch', () => {
    expect(reportScope(as(StaffRole.ADMIN))).toEqual({ branchId: null, perBranch: true });
    expect(reportScope(as(StaffRole.ADMIN), OTHER)).toEqual({ branchId: OTHER, perBranch: false });
  });

  it('refuses a caller without a session', () => {
    const anonymous = { ...as(StaffRole.ADMIN), staff: null };
    expect(() => reportScope(anonymous)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
