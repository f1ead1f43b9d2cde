import { DomainError, TokenStatus, type ErrorCode } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { asCustomer, type RequestContext } from '../common/request-context';
import { Token } from '../token/token.entity';
import type { CustomerSession } from './customer-session.service';

/** Why a registered token of the customer's own still takes no PIN change or deletion. */
const NOT_ACTIVE: Readonly<Record<Exclude<TokenStatus, 'ACTIVE'>, ErrorCode>> = {
  [TokenStatus.LOST]: 'TOKEN_REPORTED_LOST',
  [TokenStatus.RETIRED]: 'TOKEN_RETIRED',
  [TokenStatus.LOCKED]: 'TOKEN_LOCKED_AT_COUNTER',
};

/**
 * Whether the token in the reader is the session customer's own (SPEC: a token that is not the
 * customer's own refuses PIN change and the other token steps). The kiosk asks before it changes a
 * PIN or deletes anything on the token.
 */
@Injectable()
export class MyTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The customer's ACTIVE registered token with this serial. TOKEN_REPORTED_LOST, TOKEN_RETIRED or
   * TOKEN_LOCKED_AT_COUNTER for their own token in that state; TOKEN_NOT_YOURS alike for another
   * customer's token and a serial never registered, so the answer tells nobody whose a token is.
   * Refusals are audited: a refused token at the kiosk is worth a teller's look (a lost one turning up).
   */
  async find(ctx: RequestContext, session: CustomerSession, serial: string): Promise<Token> {
    const tokens = await this.dataSource.getRepository(Token).findBy({ serial: serial.trim() });
    const own = tokens.find((token) => token.ownerCustomerId === session.customerId);
    if (own?.status === TokenStatus.ACTIVE) return own;
    const code = own ? NOT_ACTIVE[own.status] : 'TOKEN_NOT_YOURS';
    await this.dataSource.transaction((m) =>
      this.audit.record(m, asCustomer(ctx, session.customerId), {
        action: 'KIOSK_TOKEN_REFUSED',
        targetType: 'Token',
        targetId: own?.id ?? tokens[0]?.id ?? null,
        after: { serial, code },
      }),
    );
    throw new DomainError(code);
  }
}
