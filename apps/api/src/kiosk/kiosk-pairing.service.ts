import { DomainError } from '@app/contracts';
import { deriveKioskKey, encodeKioskKey, mintPairingToken } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertInBranch, branchScope } from '../common/branch-scope';
import type { RequestContext } from '../common/request-context';
import { ENV, type Env } from '../config/env';
import type { KioskAgentKey, KioskPairing } from './dto/kiosk.types';
import { Kiosk } from './kiosk.entity';
import { pairingMasterKey } from './kiosk-pairing-key';

/**
 * Pairs a kiosk page with the agent on its kiosk (see libs/domain kiosk-pairing): a teller starts a
 * customer session and gets a short-lived token that only that kiosk's agent accepts, only from the
 * kiosk page's origin. The customer-facing kiosk flow reuses {@link KioskPairingService.pair}.
 */
@Injectable()
export class KioskPairingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** The kiosks of the caller's branch (every kiosk for an admin), by code. */
  async list(ctx: RequestContext): Promise<Kiosk[]> {
    const scope = branchScope(ctx);
    return this.dataSource.getRepository(Kiosk).find({
      where: scope ? { branchId: scope } : {},
      order: { code: 'ASC' },
    });
  }

  /**
   * Starts a customer session on the kiosk `kioskCode` of the caller's branch. Throws DomainError
   * KIOSK_NOT_FOUND, OUT_OF_BRANCH, KIOSK_INACTIVE, KIOSK_PAIRING_UNAVAILABLE. Audited as
   * KIOSK_SESSION_STARTED (the token itself is not recorded).
   */
  async pair(ctx: RequestContext, kioskCode: string): Promise<KioskPairing> {
    const master = pairingMasterKey(this.env);
    return this.dataSource.transaction(async (m) => {
      const kiosk = await this.findActive(m, ctx, kioskCode);
      const issuedAt = Math.floor(Date.now() / 1000);
      const expiresAt = issuedAt + this.env.KIOSK_PAIRING_TTL_MINUTES * 60;
      const sessionId = randomUUID();
      const origin = this.env.KIOSK_PAGE_ORIGIN;
      const kioskKey = await deriveKioskKey(master, kiosk.code);
      const token = await mintPairingToken(kioskKey, { kioskCode: kiosk.code, sessionId, origin, issuedAt, expiresAt });
      await this.audit.record(m, ctx, {
        action: 'KIOSK_SESSION_STARTED',
        targetType: 'Kiosk',
        targetId: kiosk.id,
        after: { kioskCode: kiosk.code, sessionId, origin, expiresAt: new Date(expiresAt * 1000).toISOString() },
      });
      return { token, sessionId, kioskCode: kiosk.code, origin, expiresAt: new Date(expiresAt * 1000) };
    });
  }

  /**
   * The agent key of `kioskCode` for its config file (admins only, by the resolver). Audited as
   * KIOSK_AGENT_KEY_ISSUED without the key. Throws DomainError KIOSK_NOT_FOUND, KIOSK_PAIRING_UNAVAILABLE.
   */
  async issueAgentKey(ctx: RequestContext, kioskCode: string): Promise<KioskAgentKey> {
    const master = pairingMasterKey(this.env);
    return this.dataSource.transaction(async (m) => {
      const kiosk = await m.findOneBy(Kiosk, { code: kioskCode });
      if (!kiosk) throw new DomainError('KIOSK_NOT_FOUND');
      assertInBranch(ctx, kiosk.branchId);
      await this.audit.record(m, ctx, {
        action: 'KIOSK_AGENT_KEY_ISSUED',
        targetType: 'Kiosk',
        targetId: kiosk.id,
        after: { kioskCode: kiosk.code },
      });
      return { kioskCode: kiosk.code, kioskKey: encodeKioskKey(await deriveKioskKey(master, kiosk.code)) };
    });
  }

  private async findActive(m: EntityManager, ctx: RequestContext, kioskCode: string): Promise<Kiosk> {
    const kiosk = await m.findOneBy(Kiosk, { code: kioskCode });
    if (!kiosk) throw new DomainError('KIOSK_NOT_FOUND');
    assertInBranch(ctx, kiosk.branchId);
    if (!kiosk.active) throw new DomainError('KIOSK_INACTIVE');
    return kiosk;
  }
}
