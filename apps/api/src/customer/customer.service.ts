import { DomainError } from '@app/contracts';
import { classifyIdNumber, customerKindOf, idNumberErrorCode, normalizeIdNumber } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Branch } from '../branch/branch.entity';
import { assertInBranch, branchScope } from '../common/branch-scope';
import { likeEscape, sortColumn, type ListArgs } from '../common/dto/list-args';
import type { RequestContext } from '../common/request-context';
import { lockFor } from '../database/row-lock';
import { isUniqueViolation } from '../database/unique-violation';
import { Customer } from './customer.entity';
import type { CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from './dto/customer.inputs';

const SORTABLE = { idNumber: 'c.idNumber', name: 'c.name', createdAt: 'c.createdAt', updatedAt: 'c.updatedAt' };

/** What the audit trail keeps of a customer. */
function snapshot(c: Customer): Record<string, unknown> {
  return { idNumber: c.idNumber, name: c.name, email: c.email, phone: c.phone, homeBranchId: c.homeBranchId };
}

@Injectable()
export class CustomerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** One page of the caller's customers, filtered and sorted in SQL. */
  async list(
    ctx: RequestContext,
    args: ListArgs,
    filter: CustomerFilter = {},
  ): Promise<{ items: Customer[]; total: number }> {
    const qb = this.dataSource.getRepository(Customer).createQueryBuilder('c');
    const scope = branchScope(ctx);
    if (scope) qb.andWhere('c.homeBranchId = :scope', { scope });
    if (filter.homeBranchId) qb.andWhere('c.homeBranchId = :branch', { branch: filter.homeBranchId });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.ids) qb.andWhere(filter.ids.length ? 'c.id IN (:...ids)' : '1 = 0', { ids: filter.ids });
    if (filter.idNumber) qb.andWhere('c.idNumber = :idNumber', { idNumber: normalizeIdNumber(filter.idNumber) });
    const q = filter.q?.trim();
    if (q) {
      // ID numbers are ASCII (their column too): only ASCII text can be an ID prefix.
      const idPrefix = normalizeIdNumber(q);
      const byId = /^[A-Z0-9]+$/.test(idPrefix) ? "c.idNumber LIKE :prefix ESCAPE '!' OR " : '';
      qb.andWhere(`(${byId}c.name LIKE :part ESCAPE '!')`, {
        prefix: `${likeEscape(idPrefix)}%`,
        part: `%${likeEscape(q)}%`,
      });
    }
    qb.orderBy(sortColumn(SORTABLE, args.sortField, 'updatedAt'), args.sortOrder ?? 'DESC').addOrderBy('c.id', 'ASC');
    const [items, total] = await qb.skip(args.skip).take(args.take).getManyAndCount();
    return { items, total };
  }

  async findOne(ctx: RequestContext, id: string): Promise<Customer> {
    const customer = await this.dataSource.getRepository(Customer).findOneBy({ id });
    if (!customer) throw new DomainError('CUSTOMER_NOT_FOUND');
    assertInBranch(ctx, customer.homeBranchId);
    return customer;
  }

  /** Registers a customer after checking the ID's checksum; one customer per ID number. */
  async create(ctx: RequestContext, input: CreateCustomerInput): Promise<Customer> {
    const idNumber = normalizeIdNumber(input.idNumber);
    const idKind = classifyIdNumber(idNumber);
    if (!idKind)
      throw DomainError.invalidInput([{ field: 'idNumber', code: idNumberErrorCode(idNumber) ?? 'ID_NUMBER_INVALID' }]);
    const homeBranchId = input.homeBranchId ?? ctx.staff!.branchId;
    assertInBranch(ctx, homeBranchId);
    try {
      return await this.dataSource.transaction(async (m) => {
        if (!(await m.existsBy(Branch, { id: homeBranchId }))) throw new DomainError('BRANCH_NOT_FOUND');
        if (await m.existsBy(Customer, { idNumber })) throw new DomainError('CUSTOMER_DUPLICATE');
        const customer = m.create(Customer, {
          id: randomUUID(),
          kind: customerKindOf(idKind),
          idKind,
          idNumber,
          name: input.name,
          email: input.email ?? null,
          phone: input.phone ?? null,
          homeBranchId,
        });
        await m.save(customer);
        await this.audit.record(m, ctx, {
          action: 'CUSTOMER_CREATED',
          targetType: 'Customer',
          targetId: customer.id,
          after: snapshot(customer),
        });
        return customer;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CUSTOMER_DUPLICATE');
      throw error;
    }
  }

  /** Edits contact data; an edit based on an older version is refused. The ID number never changes. */
  async update(ctx: RequestContext, id: string, input: UpdateCustomerInput): Promise<Customer> {
    return this.dataSource.transaction(async (m) => {
      const customer = await this.lockedCustomer(m, id);
      assertInBranch(ctx, customer.homeBranchId);
      if (customer.version !== input.version) throw new DomainError('STALE_UPDATE');
      const before = snapshot(customer);
      if (input.name !== undefined) customer.name = input.name;
      if (input.email !== undefined) customer.email = input.email;
      if (input.phone !== undefined) customer.phone = input.phone;
      await m.save(customer);
      await this.audit.record(m, ctx, {
        action: 'CUSTOMER_UPDATED',
        targetType: 'Customer',
        targetId: id,
        before,
        after: snapshot(customer),
      });
      return customer;
    });
  }

  private async lockedCustomer(m: EntityManager, id: string): Promise<Customer> {
    const customer = await m.getRepository(Customer).findOne({ where: { id }, lock: lockFor(this.dataSource) });
    if (!customer) throw new DomainError('CUSTOMER_NOT_FOUND');
    return customer;
  }
}
