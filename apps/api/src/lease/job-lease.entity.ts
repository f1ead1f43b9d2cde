import { Entity, PrimaryColumn } from 'typeorm';
import { CodeColumn, DateTimeColumn } from '../database/columns';

/** Who runs a cluster-wide job right now: one row per job, taken over once `leasedUntil` has passed. */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  name: string;

  /** Host, process and a random part: unique per running instance. */
  @CodeColumn(128)
  holder: string;

  @DateTimeColumn()
  leasedUntil: Date;
}
