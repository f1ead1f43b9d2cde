import { DomainError } from '@app/contracts';
import { fromPem, toHex } from './bytes';
import { assertDer, children, readTime, readTlv, type Tlv, tlvBytes, tlvContent } from './der';
import { type SigningKey } from './signing';
import { keyIdentifier } from './extensions';

/** The parts of an X.509 certificate this library needs, read straight from its DER. */
export interface CertificateInfo {
  readonly der: Uint8Array;
  /** TBSCertificate DER (what the signature covers). */
  readonly tbs: Uint8Array;
  /** Serial number as lowercase hex of its minimal unsigned magnitude (no leading zero octets). */
  readonly serial: string;
  /** Issuer and subject Name DER, byte for byte. */
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SubjectPublicKeyInfo DER. */
  readonly publicKey: Uint8Array;
  /** The subject key identifier extension's value, or the RFC 5280 §4.2.1.2 method (1) hash when absent. */
  readonly keyId: Uint8Array;
}

/** A CA that signs: its certificate read once, and its private key. Keep one per process and reuse it. */
export interface CaIssuer {
  readonly certificate: CertificateInfo;
  readonly key: SigningKey;
}

/**
 * Reads an X.509 v3 certificate (RFC 5280 §4.1) from DER or PEM. Throws DomainError
 * PKI_DATA_MALFORMED when it is not one.
 */
export function readCertificate(input: Uint8Array | string): CertificateInfo {
  const der = typeof input === 'string' ? fromPem(input, ['CERTIFICATE']) : input;
  if (!der) throw new DomainError('PKI_DATA_MALFORMED', { structure: 'Certificate' });
  try {
    assertDer(der);
    const [tbsTlv] = children(der, readTlv(der, 0));
    const fields = children(der, tbsTlv);
    const at = fields[0].tag === 0xa0 ? 1 : 0;
    const [serial, , issuer, validity, subject, spki] = fields.slice(at);
    if (
      serial.tag !== 0x02 ||
      issuer.tag !== 0x30 ||
      validity.tag !== 0x30 ||
      subject.tag !== 0x30 ||
      spki.tag !== 0x30
    ) {
      throw new Error('not a certificate');
    }
    const [notBefore, notAfter] = children(der, validity);
    const publicKey = tlvBytes(der, spki);
    const extensions = fields.find((f) => f.tag === 0xa3);
    return {
      der,
      tbs: tlvBytes(der, tbsTlv),
      serial: integerHex(tlvContent(der, serial)),
      issuer: tlvBytes(der, issuer),
      subject: tlvBytes(der, subject),
      notBefore: readTime(der, notBefore),
      notAfter: readTime(der, notAfter),
      publicKey,
      keyId: (extensions && subjectKeyId(der, extensions)) ?? keyIdentifier(publicKey),
    };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('PKI_DATA_MALFORMED', { structure: 'Certificate' });
  }
}

/** A CA ready to sign: its certificate (DER or PEM) read once, with its private key. */
export function caIssuer(certificate: Uint8Array | string, key: SigningKey): CaIssuer {
  return { certificate: readCertificate(certificate), key };
}

function integerHex(content: Uint8Array): string {
  let i = 0;
  while (i < content.byteLength - 1 && content[i] === 0) i++;
  return toHex(content.subarray(i));
}

function subjectKeyId(der: Uint8Array, wrapper: Tlv): Uint8Array | undefined {
  const [list] = children(der, wrapper);
  for (const ext of children(der, list)) {
    const parts = children(der, ext);
    const oidTlv = parts[0];
    const value = parts[parts.length - 1];
    if (Buffer.from(tlvBytes(der, oidTlv)).equals(SKI_OID)) {
      const inner = tlvContent(der, value);
      return tlvContent(inner, readTlv(inner, 0)).slice();
    }
  }
  return undefined;
}

// 06 03 55 1d 0e: OBJECT IDENTIFIER 2.5.29.14
const SKI_OID = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0e]);
