import type { CustomerSessionService } from '../customer-session/customer-session.service';
import type { SubmittedApplication } from './dto/enrolment.types';
import type { AppliedPair } from './enrolment.service';
import { toKioskCertificate } from './kiosk-certificate.view';

/**
 * The kiosk's answer to a queued pair, with the enrolment session its download and install steps
 * go on with: an apply and a FEDI conversion end the same way from here on.
 */
export function toSubmittedApplication(
  { application, certificates }: AppliedPair,
  sessions: CustomerSessionService,
): SubmittedApplication {
  const { token, expiresAt } = sessions.issue({
    customerId: application.customerId,
    scope: 'enrolment',
    applicationId: application.id,
    certificateId: null,
  });
  const { id, commonName, certType, medium, email, status } = application;
  return {
    application: { id, commonName, certType, medium, email, status },
    certificates: certificates.map(toKioskCertificate),
    enrolment: { session: token, expiresAt },
  };
}
