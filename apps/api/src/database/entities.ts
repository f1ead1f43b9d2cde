import { UnsuspendRequest } from '../approval/unsuspend-request.entity';
import { ApplicationPassword } from '../application/application-password.entity';
import { CounterApplication } from '../application/counter-application.entity';
import { AuditChainHead } from '../audit/audit-chain-head.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Branch } from '../branch/branch.entity';
import { CrlRecord } from '../ca/crl-record.entity';
import { Certificate } from '../certificate/certificate.entity';
import { Customer } from '../customer/customer.entity';
import { FediConversion } from '../fedi/fedi-conversion.entity';
import { CertificateChallenge } from '../customer-session/certificate-challenge.entity';
import { Kiosk } from '../kiosk/kiosk.entity';
import { JobLease } from '../lease/job-lease.entity';
import { MailOutboxMessage } from '../mail/mail-outbox.entity';
import { ExpiryReminder } from '../reminder/expiry-reminder.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { Token } from '../token/token.entity';

/** Every entity, listed once: the data source, the CLI and the tests use this list. */
export const ENTITIES = [
  Branch,
  StaffUser,
  Customer,
  CounterApplication,
  ApplicationPassword,
  Token,
  Certificate,
  AuditEvent,
  AuditChainHead,
  JobLease,
  MailOutboxMessage,
  ExpiryReminder,
  CrlRecord,
  UnsuspendRequest,
  Kiosk,
  CertificateChallenge,
  FediConversion,
];
