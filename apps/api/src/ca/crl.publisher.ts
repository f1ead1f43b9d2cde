import { CertificateStatus, type RevocationReason } from '@app/contracts';
import { buildCrl, type CrlReason, type RevokedEntry } from '@app/pki';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Certificate } from '../certificate/certificate.entity';
import { ENV, type Env } from '../config/env';
import { lockFor } from '../database/row-lock';
import { CaState } from './ca-state';
import { CrlRecord } from './crl-record.entity';

const KEEP_CRLS = 10;
const HOUR = 3600_000;

/**
 * Publishes full CRLs: at once after every revocation, hold or release, and whenever the current
 * one nears its nextUpdate. Numbers come from the database, so several API processes agree.
 */
@Injectable()
export class CrlPublisher {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly state: CaState,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** The newest CRL, published first when there is none or it expires within the hour. */
  async current(now = new Date()): Promise<CrlRecord> {
    const latest = await this.latest();
    if (latest && latest.nextUpdate.getTime() - now.getTime() > HOUR) return latest;
    return this.publish();
  }

  /** Builds, signs and stores the next CRL; calls in one process run one at a time. */
  publish(): Promise<CrlRecord> {
    const run = this.queue.then(() => this.publishNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private latest(): Promise<CrlRecord | null> {
    return this.dataSource.getRepository(CrlRecord).findOne({ where: {}, order: { crlNumber: 'DESC' } });
  }

  private async publishNow(): Promise<CrlRecord> {
    const issuer = this.state.ca.issuer;
    return this.dataSource.transaction(async (m) => {
      const last = await m
        .getRepository(CrlRecord)
        .findOne({ where: {}, order: { crlNumber: 'DESC' }, lock: lockFor(this.dataSource) });
      const crlNumber = BigInt(last?.crlNumber ?? 0) + 1n;
      const rows = await m.getRepository(Certificate).find({
        select: { serialHex: true, status: true, revocationReason: true, statusChangedAt: true },
        where: { status: In([CertificateStatus.REVOKED, CertificateStatus.SUSPENDED]) },
      });
      const entries: RevokedEntry[] = rows.map((c) => ({
        serial: c.serialHex,
        revokedAt: c.statusChangedAt,
        reason: crlReason(c.status, c.revocationReason),
      }));
      const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000);
      const nextUpdate = new Date(thisUpdate.getTime() + this.env.CRL_VALIDITY_HOURS * HOUR);
      const der = await buildCrl({ issuer, thisUpdate, nextUpdate, crlNumber, entries });
      const record = m.create(CrlRecord, {
        crlNumber: crlNumber.toString(),
        thisUpdate,
        nextUpdate,
        entryCount: entries.length,
        der: Buffer.from(der),
      });
      await m.save(record);
      await m
        .createQueryBuilder()
        .delete()
        .from(CrlRecord)
        .where('crl_number <= :old', { old: (crlNumber - BigInt(KEEP_CRLS)).toString() })
        .execute();
      return record;
    });
  }
}

/** A held certificate is listed as certificateHold; a revoked one with its reason. */
export function crlReason(status: string, reason: RevocationReason | null): CrlReason {
  return status === CertificateStatus.SUSPENDED ? 'CERTIFICATE_HOLD' : (reason ?? 'UNSPECIFIED');
}
