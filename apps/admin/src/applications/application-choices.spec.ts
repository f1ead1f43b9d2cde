import { describe, expect, it } from '@jest/globals';
import { ApplicationStatus } from '@app/contracts';
import { applicationActions } from './application-choices';

describe('what the application page offers a teller', () => {
  it('follows the state machine: print first, reissue a live notice, print again after expiry or lock', () => {
    expect(applicationActions(ApplicationStatus.REGISTERED)).toEqual({ print: true, reissue: false, cancel: true });
    expect(applicationActions(ApplicationStatus.NOTICE_PRINTED)).toEqual({ print: false, reissue: true, cancel: true });
    expect(applicationActions(ApplicationStatus.EXPIRED)).toEqual({ print: true, reissue: false, cancel: true });
    expect(applicationActions(ApplicationStatus.LOCKED)).toEqual({ print: true, reissue: false, cancel: true });
  });

  it('offers nothing once the customer has applied, or after cancelling', () => {
    const none = { print: false, reissue: false, cancel: false };
    for (const status of ['APPLIED', 'ISSUED', 'COMPLETED', 'CANCELLED'] as const) {
      expect(applicationActions(status)).toEqual(none);
    }
  });
});
