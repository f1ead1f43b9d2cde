import { ApplicationStatus, CertificateType, StorageMedium } from '@app/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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

registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });
registerEnumType(CertificateType, { name: 'CertificateType' });
// StorageMedium is registered with the certificate entity; GraphQL allows one registration per name.

/** 臨櫃申請: registered by a teller, finished by the customer at a kiosk. */
@ObjectType({ description: '臨櫃申請: a certificate application registered at the counter.' })
@Entity('counter_applications')
@Index('ix_counter_applications_customer', ['customerId', 'createdAt'])
@Index('ix_counter_applications_branch_status', ['branchId', 'status', 'statusChangedAt'])
export class CounterApplication {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  @Field(() => ID)
  @UuidColumn()
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_counter_applications_customer' })
  customer?: Customer;

  @Field(() => CertificateType)
  @CodeColumn(8)
  certType: CertificateType;

  @Field(() => StorageMedium)
  @CodeColumn(8)
  medium: StorageMedium;

  @Field()
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field()
  /** Assigned by the CN policy; unique across all applications. */
  @Index('uq_counter_applications_cn', { unique: true })
  @CodeColumn(64)
  commonName: string;

  @Column({ type: 'smallint' })
  cnSequence: number;

  /** Null for an application the customer made online (FEDI conversion), with no teller involved. */
  @Field(() => ID, { nullable: true })
  @UuidColumn({ nullable: true })
  tellerId: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teller_id', foreignKeyConstraintName: 'fk_counter_applications_teller' })
  teller?: StaffUser;

  @Field(() => ID)
  @UuidColumn()
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'fk_counter_applications_branch' })
  branch?: Branch;

  @Field(() => ApplicationStatus)
  @CodeColumn(16)
  status: ApplicationStatus;

  @Field()
  @DateTimeColumn()
  statusChangedAt: Date;

  @Field(() => Int, { description: 'Optimistic lock: a change based on an older version is refused.' })
  @VersionColumn()
  version: number;

  @Field()
  @CreatedAtColumn()
  createdAt: Date;

  @Field()
  @UpdatedAtColumn()
  updatedAt: Date;
}
