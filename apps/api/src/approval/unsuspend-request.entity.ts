import { ApprovalStatus, IdentityDocument } from '@app/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { Branch } from '../branch/branch.entity';
import { Certificate } from '../certificate/certificate.entity';
import {
  CodeColumn,
  CreatedAtColumn,
  DateTimeColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../database/columns';
import { StaffUser } from '../staff/staff-user.entity';

registerEnumType(ApprovalStatus, { name: 'ApprovalStatus' });
registerEnumType(IdentityDocument, { name: 'IdentityDocument' });

/**
 * 憑證解禁 asked for at the counter: the teller's identity check, waiting for a supervisor of the
 * same branch (four eyes) unless UNSUSPEND_REQUIRES_APPROVAL is off.
 */
@ObjectType({ description: 'An unsuspend (憑證解禁) request and its four-eyes decision.' })
@Entity('unsuspend_requests')
@Index('ix_unsuspend_requests_branch_status', ['branchId', 'status', 'requestedAt'])
@Index('ix_unsuspend_requests_certificate', ['certificateId', 'requestedAt'])
export class UnsuspendRequest {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  @Field(() => ID)
  @UuidColumn()
  certificateId: string;

  @ManyToOne(() => Certificate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'certificate_id', foreignKeyConstraintName: 'fk_unsuspend_requests_certificate' })
  certificate?: Certificate;

  /** The certificate's branch: only its supervisors may decide. */
  @Field(() => ID)
  @UuidColumn()
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'fk_unsuspend_requests_branch' })
  branch?: Branch;

  @Field(() => ApprovalStatus)
  @CodeColumn(10)
  status: ApprovalStatus;

  /**
   * The certificate id while PENDING, null once decided: a unique key on it allows one waiting
   * request per certificate (MariaDB has no partial indexes; NULLs never collide).
   */
  @Index('uq_unsuspend_requests_pending', { unique: true })
  @UuidColumn({ nullable: true })
  pendingCertificateId: string | null;

  @Field(() => IdentityDocument)
  @CodeColumn(24)
  documentType: IdentityDocument;

  @Field()
  @Column({ type: 'boolean' })
  seenInPerson: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Field(() => ID)
  @UuidColumn()
  requestedById: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id', foreignKeyConstraintName: 'fk_unsuspend_requests_requested_by' })
  requestedBy?: StaffUser;

  @Field()
  @DateTimeColumn()
  requestedAt: Date;

  @Field(() => ID, { nullable: true })
  @UuidColumn({ nullable: true })
  decidedById: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'fk_unsuspend_requests_decided_by' })
  decidedBy?: StaffUser;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  decidedAt: Date | null;

  /** Why it was rejected (or cancelled). */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionReason: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
