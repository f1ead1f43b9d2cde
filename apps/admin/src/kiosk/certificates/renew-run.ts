import type { AgentClient } from '../agent-client';
import { KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { RENEW, START_CHALLENGE, type MyCertificate, type Renewed } from '../kiosk-queries';

const normalise = (serial: string) =>
  serial
    .replace(/[^0-9a-f]/gi, '')
    .replace(/^0+/, '')
    .toLowerCase();

export interface RenewInput {
  readonly agent: AgentClient;
  readonly tokenSerial: string;
  readonly certificate: MyCertificate;
  readonly session: string;
  /** One per renewal attempt: a retried call returns the first pair. */
  readonly requestId: string;
  readonly locale: string;
}

/**
 * 憑證更新: a new signing and encryption pair on the token, a `renew` challenge signed with the old
 * signing key (proof that the customer still holds it), then renewCertificates.
 */
export async function renewOnToken(input: RenewInput, onKeys: () => void): Promise<Renewed> {
  const { agent, tokenSerial, certificate, locale } = input;
  const { certificates } = await agent.objects({ serial: tokenSerial });
  const old = certificates.find((c) => normalise(c.serialNumber) === normalise(certificate.serialHex));
  if (!old) throw new KioskError('PRIVATE_KEY_NOT_FOUND', 'the certificate is not on this token');

  onKeys();
  const { keys } = await agent.generateKeys({
    serial: tokenSerial,
    subject: [{ type: 'CN', value: certificate.commonName }],
    label: certificate.commonName,
  });
  const csrOf = (usage: string) => keys.find((k) => k.usage === usage)?.csrPem ?? '';

  const { startCertificateChallenge: challenge } = await kioskGraphql<{
    startCertificateChallenge: { challengeId: string; toBeSigned: string };
  }>(START_CHALLENGE, { input: { serialHex: certificate.serialHex, purpose: 'RENEW' } }, {}, locale);
  const { signature } = await agent.signChallenge({ serial: tokenSerial, id: old.id, challenge: challenge.toBeSigned });
  const { renewCertificates } = await kioskGraphql<{ renewCertificates: Renewed }>(
    RENEW,
    {
      input: {
        certificateId: certificate.id,
        signingCsr: csrOf('SIGNING'),
        encryptionCsr: csrOf('ENCRYPTION'),
        renewalProof: { challengeId: challenge.challengeId, toBeSigned: challenge.toBeSigned, signature },
        requestId: input.requestId,
      },
    },
    { customerSession: input.session },
    locale,
  );
  return renewCertificates;
}
