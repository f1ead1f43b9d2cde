import type { ApplicationStatus, CertificateType, StorageMedium } from '@app/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { Branch } from '../branch/branch.entity';
import { Customer } from '../customer/customer.entity';
import {
  CodeColumn,
  CreatedAtColumn,
  DateTimeColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../database/columns';
import { StaffUser } from '../staff/staff-user.entity';

/** 臨櫃申請: registered by a teller, finished by the customer at a kiosk. */
@Entity('counter_applications')
@Index('ix_counter_applications_customer', ['customerId', 'createdAt'])
@Index('ix_counter_applications_branch_status', ['branchId', 'status', 'statusChangedAt'])
export class CounterApplication {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_counter_applications_customer' })
  customer?: Customer;

  @CodeColumn(8)
  certType: CertificateType;

  @CodeColumn(8)
  medium: StorageMedium;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Assigned by the CN policy; unique across all applications. */
  @Index('uq_counter_applications_cn', { unique: true })
  @CodeColumn(64)
  commonName: string;

  @Column({ type: 'smallint' })
  cnSequence: number;

  @UuidColumn()
  tellerId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teller_id', foreignKeyConstraintName: 'fk_counter_applications_teller' })
  teller?: StaffUser;

  @UuidColumn()
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'fk_counter_applications_branch' })
  branch?: Branch;

  @CodeColumn(16)
  status: ApplicationStatus;

  @DateTimeColumn()
  statusChangedAt: Date;

  @VersionColumn()
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
