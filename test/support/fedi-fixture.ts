import {
  caIssuer,
  createCaCertificate,
  issueCertificate,
  parseCsr,
  randomSerial,
  toPem,
  type CaIssuer,
} from '@app/pki';
import { rsaKeyPair } from '@app/pki/testing/keys';
import type { KioskAgent } from '@app/kiosk-agent/agent-server';
import { webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 86_400_000;

export interface FediValidity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/**
 * A legacy FEDI CA made for a suite: self-signed, not ours, trusted by the API only through
 * FEDI_CA_CERT_FILE. Its customer certificates name the holder by ID only, as FEDI-era CNs did.
 */
export class FediCa {
  private constructor(
    readonly issuer: CaIssuer,
    readonly der: Uint8Array,
  ) {}

  static async create(name = 'Legacy FEDI CA'): Promise<FediCa> {
    const keys = await rsaKeyPair();
    const now = Date.now();
    const der = await createCaCertificate({
      subject: [
        { type: 'C', value: 'TW' },
        { type: 'O', value: 'FEDI' },
        { type: 'CN', value: name },
      ],
      publicKey: new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey)),
      notBefore: new Date(now - 3650 * DAY),
      notAfter: new Date(now + 3650 * DAY),
      signedBy: { selfSigned: { privateKey: keys.privateKey } },
    });
    return new FediCa(caIssuer(der, { privateKey: keys.privateKey }), der);
  }

  get pem(): string {
    return toPem(this.der, 'CERTIFICATE');
  }

  /** Writes the CA certificate as FEDI_CA_CERT_FILE wants it; returns the path. */
  writeTo(dir: string, name = 'fedi-ca.pem'): string {
    const path = join(dir, name);
    writeFileSync(path, this.pem);
    return path;
  }

  /** A FEDI customer certificate for `publicKey` (SPKI DER), named `cn`, valid for a year unless told. */
  async issue(publicKey: Uint8Array, cn: string, validity?: FediValidity): Promise<string> {
    const now = Date.now();
    const der = await issueCertificate({
      publicKey,
      subject: [
        { type: 'C', value: 'TW' },
        { type: 'O', value: 'FEDI' },
        { type: 'OU', value: 'FEDI User' },
        { type: 'CN', value: cn },
      ],
      usage: 'SIGNING',
      serial: randomSerial(),
      notBefore: validity?.notBefore ?? new Date(now - 300 * DAY),
      notAfter: validity?.notAfter ?? new Date(now + 65 * DAY),
      profile: { policyOids: [], crlUrls: [], ocspUrls: [] },
      issuer: this.issuer,
    });
    return toPem(der, 'CERTIFICATE');
  }
}

/**
 * A FEDI key pair and its certificate on an emulated iKey, as a FEDI customer's iKey holds them: the
 * key made on the token by the agent's token service, the certificate written next to it. Logs out
 * again, so the kiosk asks for the PIN as it would. Returns the certificate PEM and the key's id.
 */
export async function fediOnToken(
  agent: KioskAgent,
  ca: FediCa,
  token: { serial: string; pin: string },
  cn: string,
): Promise<{ pem: string; id: string }> {
  const tokens = agent.services.tokens;
  await tokens.login(token.serial, token.pin, false);
  const [key] = await tokens.generateKeys(token.serial, [{ type: 'CN', value: cn }], 'FEDI', ['SIGNING'], () => {});
  const pem = await ca.issue((await parseCsr(key.csrPem)).publicKey, cn);
  await tokens.installCertificates(token.serial, [Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')], []);
  await tokens.endSession();
  return { pem, id: key.id };
}
