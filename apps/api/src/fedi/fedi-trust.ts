import { DomainError } from '@app/contracts';
import { idNumberErrorCode, normalizeIdNumber } from '@app/domain';
import { parseName, readCertificate } from '@app/pki';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ENV, type Env } from '../config/env';

/** A customer certificate of the legacy FEDI CA, checked and read. */
export interface FediCertificate {
  readonly der: Buffer;
  /** Lower-case hex, no leading zeros (libs/pki `readCertificate`). */
  readonly serialHex: string;
  /** SHA-256 of the issuer Name DER, lower-case hex. */
  readonly issuerKey: string;
  readonly issuerDn: string;
  readonly subjectDn: string;
  readonly commonName: string;
  /** The ID or business number the CN starts with, normalised; null when it is not a valid one. */
  readonly idNumber: string | null;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The CA certificates of a PEM file; throws when there is none, so a wrong path stops the boot. */
export function readFediAnchors(pem: string): X509Certificate[] {
  const anchors = (pem.match(PEM_CERTIFICATE) ?? []).map((block) => new X509Certificate(block));
  if (anchors.length === 0) throw new Error('FEDI_CA_CERT_FILE holds no PEM certificate');
  return anchors;
}

/**
 * The bank's trust in the legacy FEDI CA, which is not ours: its certificates come from
 * FEDI_CA_CERT_FILE, read once at boot (a file that is set but unreadable stops the boot rather than
 * turning the function off unnoticed). A FEDI certificate is accepted when one of them issued and
 * signed it, it is within its validity, and its CN starts with a valid ID or business number.
 */
@Injectable()
export class FediTrust {
  private readonly anchors: readonly X509Certificate[] | null;

  constructor(@Inject(ENV) env: Env) {
    this.anchors = env.FEDI_CA_CERT_FILE ? readFediAnchors(readFileSync(env.FEDI_CA_CERT_FILE, 'utf8')) : null;
  }

  get available(): boolean {
    return this.anchors !== null;
  }

  /**
   * The FEDI certificate in `input` (PEM or DER), checked at `now`: `read`, then the `problem` if any
   * is thrown. Throws FEDI_CONVERSION_UNAVAILABLE, PKI_DATA_MALFORMED, FEDI_CERTIFICATE_UNTRUSTED,
   * FEDI_CERTIFICATE_EXPIRED `{ notBefore, notAfter }` or FEDI_CERTIFICATE_NAME_INVALID.
   */
  check(input: string | Uint8Array, now = new Date()): FediCertificate & { readonly idNumber: string } {
    const certificate = this.read(input);
    const problem = fediProblem(certificate, now);
    if (problem) throw problem;
    return certificate as FediCertificate & { readonly idNumber: string };
  }

  /**
   * A certificate the FEDI CA issued, read but not judged on its dates or name. Throws
   * FEDI_CONVERSION_UNAVAILABLE with no FEDI CA configured, PKI_DATA_MALFORMED, and
   * FEDI_CERTIFICATE_UNTRUSTED for one no FEDI CA certificate issued and signed (ours, for one)
   * or a CA certificate itself.
   */
  read(input: string | Uint8Array): FediCertificate {
    if (!this.anchors) throw new DomainError('FEDI_CONVERSION_UNAVAILABLE');
    const info = readCertificate(input);
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(Buffer.from(info.der));
    } catch {
      throw new DomainError('PKI_DATA_MALFORMED', { structure: 'Certificate' });
    }
    const issued = this.anchors.some((ca) => ca.ca && x509.checkIssued(ca) && x509.verify(ca.publicKey));
    if (!issued || x509.ca) throw new DomainError('FEDI_CERTIFICATE_UNTRUSTED');
    const subject = parseName(info.subject);
    const commonName = subject.rdns.flat().find((a) => a.type === 'CN')?.value ?? '';
    // Legacy CNs are `<ID>` or `<ID>-<anything>`: only the ID part is ours to check.
    const idNumber = normalizeIdNumber(commonName.split('-')[0] ?? '');
    return {
      der: Buffer.from(info.der),
      serialHex: info.serial,
      issuerKey: createHash('sha256').update(info.issuer).digest('hex'),
      issuerDn: parseName(info.issuer).display,
      subjectDn: subject.display,
      commonName,
      idNumber: idNumber && !idNumberErrorCode(idNumber) ? idNumber : null,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
    };
  }
}

/** Why a FEDI CA certificate cannot be converted at `now`: outside its validity, or no valid ID in its CN. */
export function fediProblem(c: FediCertificate, now: Date): DomainError | null {
  if (c.notBefore.getTime() > now.getTime() || c.notAfter.getTime() <= now.getTime()) {
    return new DomainError('FEDI_CERTIFICATE_EXPIRED', {
      notBefore: c.notBefore.toISOString().slice(0, 10),
      notAfter: c.notAfter.toISOString().slice(0, 10),
    });
  }
  if (!c.idNumber) return new DomainError('FEDI_CERTIFICATE_NAME_INVALID');
  return null;
}
