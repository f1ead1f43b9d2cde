import { derToPem } from '../agent-client';
import { kioskGraphql } from '../kiosk-graphql';
import type { Translate } from '../kiosk-i18n';
import {
  CONFIRM_INSTALLED,
  DOWNLOAD,
  OPEN_APPLICATION,
  SUBMIT,
  type Downloaded,
  type OpenedApplication,
} from '../kiosk-queries';
import { mediumRefusal } from '../medium/application-medium';
import type { Medium } from '../medium/medium';

export type RunStage = 'keys' | 'submitting' | 'downloading' | 'installing';

export interface ApplyInput {
  readonly medium: Medium;
  readonly opened: OpenedApplication;
  readonly termsVersion: string;
  /** One per wizard: a retried submit is answered with the first pair, not a second one. */
  readonly requestId: string;
  readonly locale: string;
}

/**
 * The application by the customer's ID number and the notice's password, as typed (case and
 * spaces forgiven); refused before any key is made when it is registered for the other medium.
 */
export async function openApplication(
  typed: { readonly idNumber: string; readonly password: string },
  kind: Medium['kind'],
  t: Translate,
  locale: string,
): Promise<OpenedApplication> {
  const { openApplication: opened } = await kioskGraphql<{ openApplication: OpenedApplication }>(
    OPEN_APPLICATION,
    { input: { idNumber: typed.idNumber.trim().toUpperCase(), password: typed.password.replace(/\s+/g, '') } },
    {},
    locale,
  );
  const refusal = mediumRefusal(opened, kind, (m) => t(`enums.StorageMedium.${m}`));
  if (refusal) throw refusal;
  return opened;
}

/** Both key pairs on the medium, their CSRs to the API; returns the enrolment session. */
export async function generateAndSubmit(input: ApplyInput, stage: (s: RunStage) => void): Promise<string> {
  stage('keys');
  const { keys } = await input.medium.generate({
    subject: [{ type: 'CN', value: input.opened.application.commonName }],
    label: input.opened.application.commonName,
  });
  const csrOf = (usage: string) => {
    const key = keys.find((k) => k.usage === usage);
    if (!key) throw new Error(`agent made no ${usage} key`);
    return key.csrPem;
  };
  stage('submitting');
  const { submitApplicationRequests } = await kioskGraphql<{
    submitApplicationRequests: { enrolment: { session: string } };
  }>(
    SUBMIT,
    {
      input: {
        ticket: input.opened.ticket,
        ...(input.medium.tokenSerial ? { tokenSerial: input.medium.tokenSerial } : {}),
        signingCsr: csrOf('SIGNING'),
        encryptionCsr: csrOf('ENCRYPTION'),
        requestId: input.requestId,
        acceptedTermsVersion: input.termsVersion,
      },
    },
    {},
    input.locale,
  );
  return submitApplicationRequests.enrolment.session;
}

/**
 * Downloads what the CA signed, writes it next to its keys on the medium with the chain, and tells
 * the API it is installed. Throws CA_ISSUING (6025) while the CA is still at work.
 */
export async function downloadAndInstall(
  medium: Medium,
  session: string,
  locale: string,
  stage: (s: RunStage) => void,
): Promise<Downloaded['certificates']> {
  stage('downloading');
  const { downloadCertificates } = await kioskGraphql<{ downloadCertificates: Downloaded }>(
    DOWNLOAD,
    { input: {} },
    { customerSession: session },
    locale,
  );
  stage('installing');
  await medium.install(
    downloadCertificates.certificates.map((c) => derToPem(c.der)),
    downloadCertificates.chain.map((der) => derToPem(der)),
  );
  await kioskGraphql(
    CONFIRM_INSTALLED,
    { input: { certificateIds: downloadCertificates.certificates.map((c) => c.id) } },
    { customerSession: session },
    locale,
  );
  return downloadCertificates.certificates;
}
