import { DomainError } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Branch } from '../branch/branch.entity';
import { likeEscape, sortColumn, type ListArgs } from '../common/dto/list-args';
import { hashSecret } from '../common/password-hash';
import type { RequestContext } from '../common/request-context';
import { lockFor } from '../database/row-lock';
import { isUniqueViolation } from '../database/unique-violation';
import type { CreateStaffUserInput, StaffUserFilter, UpdateStaffUserInput } from './dto/staff.inputs';
import { assertStaffPassword } from './staff-password.policy';
import { StaffUser } from './staff-user.entity';

const SORTABLE = { username: 's.username', displayName: 's.displayName', role: 's.role', createdAt: 's.createdAt' };

function snapshot(s: StaffUser): Record<string, unknown> {
  return { username: s.username, displayName: s.displayName, role: s.role, branchId: s.branchId, active: s.active };
}

/** Staff accounts: administered by ADMIN only (the resolver says so). */
@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(
    _ctx: RequestContext,
    args: ListArgs,
    filter: StaffUserFilter = {},
  ): Promise<{ items: StaffUser[]; total: number }> {
    const qb = this.dataSource.getRepository(StaffUser).createQueryBuilder('s');
    if (filter.role) qb.andWhere('s.role = :role', { role: filter.role });
    if (filter.branchId) qb.andWhere('s.branchId = :branchId', { branchId: filter.branchId });
    if (filter.ids) qb.andWhere(filter.ids.length ? 's.id IN (:...ids)' : '1 = 0', { ids: filter.ids });
    const q = filter.q?.trim();
    if (q)
      qb.andWhere("(s.username LIKE :q ESCAPE '!' OR s.displayName LIKE :q ESCAPE '!')", { q: `%${likeEscape(q)}%` });
    qb.orderBy(sortColumn(SORTABLE, args.sortField, 'username'), args.sortOrder ?? 'ASC').addOrderBy('s.id', 'ASC');
    const [items, total] = await qb.skip(args.skip).take(args.take).getManyAndCount();
    return { items, total };
  }

  async findOne(_ctx: RequestContext, id: string): Promise<StaffUser> {
    const staff = await this.dataSource.getRepository(StaffUser).findOneBy({ id });
    if (!staff) throw new DomainError('STAFF_NOT_FOUND');
    return staff;
  }

  async create(ctx: RequestContext, input: CreateStaffUserInput): Promise<StaffUser> {
    assertStaffPassword(input.password);
    const passwordHash = await hashSecret(input.password);
    try {
      return await this.dataSource.transaction(async (m) => {
        if (!(await m.existsBy(Branch, { id: input.branchId }))) throw new DomainError('BRANCH_NOT_FOUND');
        if (await m.existsBy(StaffUser, { username: input.username })) throw new DomainError('STAFF_USERNAME_TAKEN');
        const staff = m.create(StaffUser, {
          id: randomUUID(),
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          branchId: input.branchId,
          passwordHash,
          active: true,
          failedSignIns: 0,
          lockedUntil: null,
          lastSignInAt: null,
        });
        await m.save(staff);
        await this.audit.record(m, ctx, {
          action: 'STAFF_CREATED',
          targetType: 'StaffUser',
          targetId: staff.id,
          after: snapshot(staff),
        });
        return staff;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('STAFF_USERNAME_TAKEN');
      throw error;
    }
  }

  async update(ctx: RequestContext, id: string, input: UpdateStaffUserInput): Promise<StaffUser> {
    if (input.password !== undefined) assertStaffPassword(input.password);
    const passwordHash = input.password !== undefined ? await hashSecret(input.password) : undefined;
    return this.dataSource.transaction(async (m) => {
      const staff = await m.getRepository(StaffUser).findOne({ where: { id }, lock: lockFor(this.dataSource) });
      if (!staff) throw new DomainError('STAFF_NOT_FOUND');
      if (input.branchId && !(await m.existsBy(Branch, { id: input.branchId })))
        throw new DomainError('BRANCH_NOT_FOUND');
      const before = snapshot(staff);
      if (input.displayName !== undefined) staff.displayName = input.displayName;
      if (input.role !== undefined) staff.role = input.role;
      if (input.branchId !== undefined) staff.branchId = input.branchId;
      if (input.active !== undefined) staff.active = input.active;
      if (passwordHash) Object.assign(staff, { passwordHash, failedSignIns: 0, lockedUntil: null });
      await m.save(staff);
      const after = { ...snapshot(staff), ...(passwordHash ? { passwordReset: true } : {}) };
      await this.audit.record(m, ctx, {
        action: 'STAFF_UPDATED',
        targetType: 'StaffUser',
        targetId: id,
        before,
        after,
      });
      return staff;
    });
  }
}
