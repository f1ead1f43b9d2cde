import { webcrypto } from 'node:crypto';
import { type DnAttribute } from '@app/domain';
import { caIssuer, type CaIssuer, issueOcspResponderCertificate, parseName, toDnAttributes } from '@app/pki';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ENV, type Env } from '../config/env';
import { CaState } from './ca-state';

const HOUR = 3600_000;
/** Backdating covers clients whose clock is a little behind ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface OcspSigner {
  readonly responder: CaIssuer;
  /** The responder is not the CA itself: its certificate goes into each response. */
  readonly delegated: boolean;
}

/**
 * Chooses who signs OCSP responses (OCSP_SIGNER). In `delegated` mode this process holds an
 * RSA-2048 responder key that never leaves memory (non-extractable WebCrypto key) and a
 * certificate for it from the issuing CA, renewed when half its lifetime has passed: a restart
 * simply makes a new one, so there is nothing to store, back up or leak.
 */
@Injectable()
export class OcspSignerProvider {
  private delegated: { signer: OcspSigner; renewAt: number } | null = null;
  private renewing: Promise<OcspSigner> | null = null;

  constructor(
    private readonly state: CaState,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async current(now = Date.now()): Promise<OcspSigner> {
    if (this.env.OCSP_SIGNER === 'ca') return { responder: this.state.ca.issuer, delegated: false };
    if (this.delegated && now < this.delegated.renewAt) return this.delegated.signer;
    // one renewal at a time: concurrent queries wait for the same new certificate
    this.renewing ??= this.renew(now).finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async renew(now: number): Promise<OcspSigner> {
    const issuer = this.state.ca.issuer;
    const keys = await webcrypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    const lifetime = this.env.OCSP_RESPONDER_VALIDITY_HOURS * HOUR;
    const notBefore = new Date(Math.floor((now - CLOCK_SKEW_MS) / 1000) * 1000);
    const certificate = await issueOcspResponderCertificate({
      publicKey: new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey)),
      subject: responderSubject(issuer),
      notBefore,
      notAfter: new Date(notBefore.getTime() + lifetime),
      issuer,
    });
    const signer: OcspSigner = { responder: caIssuer(certificate, { privateKey: keys.privateKey }), delegated: true };
    this.delegated = { signer, renewAt: now + lifetime / 2 };
    new Logger('OCSP').log(`New delegated OCSP responder certificate, serial ${signer.responder.certificate.serial}`);
    return signer;
  }
}

/** The CA's own DN with " OCSP Responder" after its CN, so people see whose responder it is. */
function responderSubject(issuer: CaIssuer): DnAttribute[] {
  const caDn = toDnAttributes(parseName(issuer.certificate.subject)) ?? [{ type: 'CN', value: 'CA' }];
  const cn = caDn.find((a) => a.type === 'CN')?.value ?? 'CA';
  return [...caDn.filter((a) => a.type !== 'CN'), { type: 'CN', value: `${cn} OCSP Responder` }];
}
