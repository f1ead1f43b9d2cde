import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { JobLease } from './job-lease.entity';

/**
 * Cluster-wide leases for jobs that one API instance at a time should run. Taking a lease is one
 * conditional UPDATE (or the first INSERT), so two instances can never both win it; a holder that
 * dies loses it when `leasedUntil` passes.
 */
@Injectable()
export class JobLeaseService {
  /** This process, as lease holder. */
  readonly holder = `${hostname().slice(0, 64)}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly dataSource: DataSource) {}

  /** Takes (or extends) the lease on `name` for `ttlMs`; false when another holder has it. */
  async acquire(name: string, ttlMs: number, holder = this.holder): Promise<boolean> {
    const now = new Date();
    const until = new Date(now.getTime() + ttlMs);
    const repo = this.dataSource.getRepository(JobLease);
    await repo
      .createQueryBuilder()
      .update(JobLease)
      .set({ holder, leasedUntil: until })
      .where('name = :name AND (leased_until < :now OR holder = :holder)', { name, now, holder })
      .execute();
    // Read back rather than trust the affected-row count, which not every driver reports.
    const current = await repo.findOneBy({ name });
    if (current) return current.holder === holder && current.leasedUntil.getTime() === until.getTime();
    try {
      await repo.insert({ name, holder, leasedUntil: until });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Gives the lease back early, if this holder still has it. */
  async release(name: string, holder = this.holder): Promise<void> {
    await this.dataSource.getRepository(JobLease).update({ name, holder }, { leasedUntil: new Date(0) });
  }

  /** Runs `work` only if the lease is won; null when another instance holds it. */
  async runExclusive<T>(name: string, ttlMs: number, work: () => Promise<T>, holder = this.holder): Promise<T | null> {
    if (!(await this.acquire(name, ttlMs, holder))) return null;
    try {
      return await work();
    } finally {
      await this.release(name, holder);
    }
  }
}
