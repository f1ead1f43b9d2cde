import { KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { RENEW, START_CHALLENGE, type MyCertificate, type Renewed } from '../kiosk-queries';
import type { Medium } from '../medium/medium';

const normalise = (serial: string) =>
  serial
    .replace(/[^0-9a-f]/gi, '')
    .replace(/^0+/, '')
    .toLowerCase();

export interface RenewInput {
  /** The token or computer store that holds the old keys; the new pairs go there too. */
  readonly medium: Medium;
  readonly certificate: MyCertificate;
  readonly session: string;
  /** One per renewal attempt: a retried call returns the first pair. */
  readonly requestId: string;
  readonly locale: string;
}

/**
 * 憑證更新: a new signing and encryption pair on the medium, a `renew` challenge signed with the old
 * signing key (proof that the customer still holds it), then renewCertificates.
 */
export async function renewOnMedium(input: RenewInput, onKeys: () => void): Promise<Renewed> {
  const { medium, certificate, locale } = input;
  const { certificates } = await medium.objects();
  const old = certificates.find((c) => normalise(c.serialNumber) === normalise(certificate.serialHex));
  if (!old) throw new KioskError('PRIVATE_KEY_NOT_FOUND', 'the certificate is not on this medium');

  onKeys();
  const { keys } = await medium.generate({
    subject: [{ type: 'CN', value: certificate.commonName }],
    label: certificate.commonName,
  });
  const csrOf = (usage: string) => keys.find((k) => k.usage === usage)?.csrPem ?? '';

  const { startCertificateChallenge: challenge } = await kioskGraphql<{
    startCertificateChallenge: { challengeId: string; toBeSigned: string };
  }>(START_CHALLENGE, { input: { serialHex: certificate.serialHex, purpose: 'RENEW' } }, {}, locale);
  const { signature } = await medium.sign(old.id, challenge.toBeSigned);
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
