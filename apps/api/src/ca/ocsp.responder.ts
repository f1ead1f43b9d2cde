import { CertificateStatus } from '@app/contracts';
import {
  buildOcspResponse,
  certIdMatchesIssuer,
  ocspErrorResponse,
  parseOcspRequest,
  type OcspAnswer,
  type OcspCertId,
  type OcspStatus,
} from '@app/pki';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Certificate } from '../certificate/certificate.entity';
import { ENV, type Env } from '../config/env';
import { CaState } from './ca-state';
import { crlReason } from './crl.publisher';
import { OcspSignerProvider } from './ocsp-signer';

const HOUR = 3600_000;

/** RFC 6960 answers from the certificates table, signed by the delegated responder or the CA (OCSP_SIGNER). */
@Injectable()
export class OcspResponder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly state: CaState,
    private readonly signer: OcspSignerProvider,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async respond(requestDer: Uint8Array): Promise<Uint8Array> {
    let request;
    try {
      request = parseOcspRequest(requestDer);
    } catch {
      return ocspErrorResponse('malformedRequest');
    }
    if (!this.state.ready) return ocspErrorResponse('tryLater');
    const issuer = this.state.ca.issuer;
    const serials = request.certIds.map((id) => id.serial);
    const rows = await this.dataSource.getRepository(Certificate).find({
      select: { serialHex: true, status: true, revocationReason: true, statusChangedAt: true },
      where: { serialHex: In(serials.length ? serials : ['-']) },
    });
    const bySerial = new Map(rows.map((c) => [c.serialHex, c]));
    const answers: OcspAnswer[] = request.certIds.map((certId: OcspCertId) => ({
      certId,
      status: certIdMatchesIssuer(certId, issuer.certificate)
        ? statusOf(bySerial.get(certId.serial))
        : { status: 'unknown' },
    }));
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    return buildOcspResponse({
      ...(await this.signer.current()),
      answers,
      producedAt: now,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + Math.min(this.env.CRL_VALIDITY_HOURS, 24) * HOUR),
      nonce: request.nonce,
    });
  }
}

function statusOf(c: Certificate | undefined): OcspStatus {
  if (!c || c.status === CertificateStatus.PENDING) return { status: 'unknown' };
  if (c.status === CertificateStatus.REVOKED || c.status === CertificateStatus.SUSPENDED) {
    return { status: 'revoked', revokedAt: c.statusChangedAt, reason: crlReason(c.status, c.revocationReason) };
  }
  return { status: 'good' };
}
