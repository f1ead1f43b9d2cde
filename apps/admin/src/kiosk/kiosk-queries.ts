import type { CertificateStatus, CertificateUsage, StorageMedium } from '@app/contracts';

/** The GraphQL documents of the kiosk page and the shapes it reads from them. */

export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
export const KIOSKS = `query { kiosks { code name active } }`;
export const PAIR = `mutation($kioskCode: String!) { pairKioskAgent(kioskCode: $kioskCode) { token sessionId expiresAt } }`;
export const OPEN_APPLICATION = `mutation($input: OpenApplicationInput!) {
  openApplication(input: $input) { ticket application { id commonName email medium certType } }
}`;
export const TERMS = `query { termsOfUse { version text } }`;
export const SUBMIT = `mutation($input: SubmitApplicationRequestsInput!) {
  submitApplicationRequests(input: $input) { enrolment { session } }
}`;
export const DOWNLOAD = `mutation($input: DownloadCertificatesInput) {
  downloadCertificates(input: $input) { certificates { id serialHex usage der } chain }
}`;
export const CONFIRM_INSTALLED = `mutation($input: ConfirmInstalledInput!) { confirmInstalled(input: $input) { id status } }`;
const CERTIFICATE_FIELDS =
  'id serialHex usage status medium commonName subjectDn issuerDn notBefore notAfter renewableFrom';
export const MY_CERTIFICATES = `query { myCertificates { ${CERTIFICATE_FIELDS} } }`;
export const SUSPEND = `mutation($input: SuspendMyCertificateInput!) {
  suspendMyCertificate(input: $input) { releaseAtCounterOnly certificate { ${CERTIFICATE_FIELDS} } }
}`;
export const START_CHALLENGE = `mutation($input: StartCertificateChallengeInput!) {
  startCertificateChallenge(input: $input) { challengeId toBeSigned }
}`;
export const PROVE = `mutation($input: ChallengeAnswerInput!) { proveCertificate(input: $input) { session } }`;

export interface KioskOption {
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
}

export interface Pairing {
  readonly token: string;
  readonly sessionId: string;
  readonly expiresAt: string;
}

export interface OpenedApplication {
  readonly ticket: string;
  readonly application: {
    readonly id: string;
    readonly commonName: string;
    readonly email: string;
    readonly medium: StorageMedium;
    readonly certType: string;
  };
}

export interface Terms {
  readonly version: string;
  readonly text: string;
}

export interface Downloaded {
  readonly certificates: readonly { id: string; serialHex: string; usage: CertificateUsage; der: string }[];
  readonly chain: readonly string[];
}

export interface MyCertificate {
  readonly id: string;
  readonly serialHex: string;
  readonly usage: CertificateUsage;
  readonly status: CertificateStatus;
  readonly medium: StorageMedium;
  readonly commonName: string;
  readonly subjectDn: string;
  /** Null until the CA has signed. */
  readonly issuerDn: string | null;
  readonly notBefore: string | null;
  readonly notAfter: string | null;
  /** When online renewal opens (ACTIVE certificates only). */
  readonly renewableFrom: string | null;
}

export const RENEW = `mutation($input: RenewCertificatesInput!) {
  renewCertificates(input: $input) { certificates { id serialHex usage status } tokenRoom { capacity live ended } }
}`;

export interface Renewed {
  readonly certificates: readonly {
    id: string;
    serialHex: string;
    usage: CertificateUsage;
    status: CertificateStatus;
  }[];
  readonly tokenRoom: { capacity: number; live: number; ended: number } | null;
}
