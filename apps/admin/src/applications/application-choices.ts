import { ApplicationStatus, StorageMedium } from '@app/contracts';
import { canApplicationTransition } from '@app/domain';

const choicesOf = (name: string, values: Readonly<Record<string, string>>) =>
  Object.values(values).map((value) => ({ id: value, name: `enums.${name}.${value}` }));

export const APPLICATION_STATUS_CHOICES = choicesOf('ApplicationStatus', ApplicationStatus);
export const MEDIUM_CHOICES = choicesOf('StorageMedium', StorageMedium);

/** What the show page offers, from the same state machine the API enforces. */
export function applicationActions(status: ApplicationStatus): { print: boolean; reissue: boolean; cancel: boolean } {
  const toPrinted = canApplicationTransition(status, ApplicationStatus.NOTICE_PRINTED);
  return {
    // A first notice, or a new one after the password expired or locked.
    print: toPrinted && status !== ApplicationStatus.NOTICE_PRINTED,
    // A live notice that got lost: a new password, the old one dies.
    reissue: toPrinted && status === ApplicationStatus.NOTICE_PRINTED,
    cancel: canApplicationTransition(status, ApplicationStatus.CANCELLED),
  };
}
