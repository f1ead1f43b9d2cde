import type { AgentClient } from '../agent-client';
import type { RunStage } from '../apply/apply-run';
import { KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import {
  FEDI_CERTIFICATES,
  PROVE_FEDI,
  START_FEDI,
  SUBMIT_FEDI,
  type FediGrant,
  type FediListed,
} from './fedi-queries';

/** A FEDI certificate on the token: what the API said of it, and the id of its key there. */
export interface FediOnToken extends FediListed {
  readonly keyId: string;
  readonly pem: string;
}

/**
 * The FEDI certificates on the (logged-in) token: the page does not know the legacy CA, so it sends
 * each certificate that has its key on the token and the API answers which are FEDI ones.
 */
export async function fediCertificatesOn(agent: AgentClient, serial: string, locale: string): Promise<FediOnToken[]> {
  const { certificates } = await agent.objects({ serial });
  const own = certificates.filter((c) => !c.authority && c.hasPrivateKey !== false);
  if (own.length === 0) return [];
  const { fediCertificates } = await kioskGraphql<{ fediCertificates: FediListed[] }>(
    FEDI_CERTIFICATES,
    { input: { certificates: own.map((c) => c.pem) } },
    {},
    locale,
  );
  return fediCertificates.map((f) => ({ ...f, keyId: own[f.index].id, pem: own[f.index].pem }));
}

/** The API's challenge signed on the token with the FEDI key (the PIN stays with the agent), for a ticket. */
export async function proveFedi(
  agent: AgentClient,
  serial: string,
  certificate: FediOnToken,
  locale: string,
): Promise<FediGrant> {
  const { startFediConversion: challenge } = await kioskGraphql<{
    startFediConversion: { challengeId: string; toBeSigned: string };
  }>(START_FEDI, { input: { certificatePem: certificate.pem } }, {}, locale);
  const { signature } = await agent.signChallenge({ serial, id: certificate.keyId, challenge: challenge.toBeSigned });
  const { proveFediCertificate } = await kioskGraphql<{ proveFediCertificate: FediGrant }>(
    PROVE_FEDI,
    { input: { challengeId: challenge.challengeId, toBeSigned: challenge.toBeSigned, signature } },
    {},
    locale,
  );
  return proveFediCertificate;
}

export interface FediInput {
  readonly agent: AgentClient;
  readonly tokenSerial: string;
  readonly grant: FediGrant;
  readonly email: string;
  readonly termsVersion: string;
  /** One per wizard: a retried submit is answered with the first pair, not a second one. */
  readonly requestId: string;
  readonly locale: string;
}

/** Both new key pairs on the token next to the FEDI key, their CSRs to the API; returns the enrolment session. */
export async function generateAndConvert(input: FediInput, stage: (s: RunStage) => void): Promise<string> {
  stage('keys');
  const { commonName } = input.grant;
  const { keys } = await input.agent.generateKeys({
    serial: input.tokenSerial,
    subject: [{ type: 'CN', value: commonName }],
    label: commonName,
  });
  const csrOf = (usage: string) => {
    const key = keys.find((k) => k.usage === usage);
    if (!key) throw new KioskError(null, `agent made no ${usage} key`);
    return key.csrPem;
  };
  stage('submitting');
  const { submitFediConversion } = await kioskGraphql<{ submitFediConversion: { enrolment: { session: string } } }>(
    SUBMIT_FEDI,
    {
      input: {
        ticket: input.grant.ticket,
        email: input.email,
        tokenSerial: input.tokenSerial,
        signingCsr: csrOf('SIGNING'),
        encryptionCsr: csrOf('ENCRYPTION'),
        requestId: input.requestId,
        acceptedTermsVersion: input.termsVersion,
      },
    },
    {},
    input.locale,
  );
  return submitFediConversion.enrolment.session;
}
