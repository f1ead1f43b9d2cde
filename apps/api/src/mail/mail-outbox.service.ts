import { DomainError } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { branchScope } from '../common/branch-scope';
import type { ListArgs } from '../common/dto/list-args';
import type { RequestContext } from '../common/request-context';
import { MailOutboxMessage } from './mail-outbox.entity';

/** The outbox page: admins see every message, supervisors those to their branch's customers. */
@Injectable()
export class MailOutboxService {
  constructor(private readonly dataSource: DataSource) {}

  async list(ctx: RequestContext, args: ListArgs): Promise<{ items: MailOutboxMessage[]; total: number }> {
    const qb = this.dataSource.getRepository(MailOutboxMessage).createQueryBuilder('m');
    const scope = branchScope(ctx);
    if (scope) qb.andWhere('m.branchId = :scope', { scope });
    qb.orderBy('m.createdAt', 'DESC').addOrderBy('m.id', 'ASC');
    const [items, total] = await qb.skip(args.skip).take(args.take).getManyAndCount();
    return { items, total };
  }

  async findOne(ctx: RequestContext, id: string): Promise<MailOutboxMessage> {
    const message = await this.dataSource.getRepository(MailOutboxMessage).findOneBy({ id });
    const scope = branchScope(ctx);
    if (!message || (scope !== null && message.branchId !== scope)) throw new DomainError('NOT_FOUND');
    return message;
  }
}
