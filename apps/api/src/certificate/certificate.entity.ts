import { CertificateStatus, CertificateUsage, RevocationReason, StorageMedium } from '@app/contracts';
import type { DnAttributeType } from '@app/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { CounterApplication } from '../application/counter-application.entity';
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
import { Token } from '../token/token.entity';

registerEnumType(CertificateStatus, { name: 'CertificateStatus' });
registerEnumType(CertificateUsage, { name: 'CertificateUsage' });
registerEnumType(StorageMedium, { name: 'StorageMedium' });
registerEnumType(RevocationReason, { name: 'RevocationReason' });

/** An FXML certificate, one of the signing/encryption pair every enrolment issues. */
@ObjectType({ description: 'An FXML certificate, one of the signing/encryption pair every enrolment issues.' })
@Entity('certificates')
@Index('ix_certificates_customer', ['customerId', 'status'])
@Index('ix_certificates_status_not_after', ['status', 'notAfter'])
@Index('ix_certificates_branch_status', ['branchId', 'status', 'notAfter'])
// The issuance worker's queue, oldest first: lets SKIP LOCKED lock only the rows it takes.
@Index('ix_certificates_status_created', ['status', 'createdAt'])
export class Certificate {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  /** Lower-case hex of the positive serial number (128 random bits). Reserved before signing. */
  @Field()
  @Index('uq_certificates_serial', { unique: true })
  @CodeColumn(40)
  serialHex: string;

  @Field()
  @Column({ type: 'varchar', length: 512 })
  subjectDn: string;

  @Field()
  @Index('ix_certificates_cn')
  @CodeColumn(64)
  commonName: string;

  @Field(() => CertificateUsage)
  @CodeColumn(12)
  usage: CertificateUsage;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  notBefore: Date | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  notAfter: Date | null;

  @Field(() => StorageMedium)
  @CodeColumn(8)
  medium: StorageMedium;

  @Field(() => ID, { nullable: true })
  @UuidColumn({ nullable: true })
  tokenId: string | null;

  @ManyToOne(() => Token, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'token_id', foreignKeyConstraintName: 'fk_certificates_token' })
  token?: Token;

  @Field(() => ID)
  @UuidColumn()
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_certificates_customer' })
  customer?: Customer;

  @Field(() => ID, { nullable: true })
  @UuidColumn({ nullable: true })
  applicationId: string | null;

  @ManyToOne(() => CounterApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_certificates_application' })
  application?: CounterApplication;

  /** The certificate this one renews. */
  @Field(() => ID, { nullable: true })
  @UuidColumn({ nullable: true })
  predecessorId: string | null;

  @ManyToOne(() => Certificate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'predecessor_id', foreignKeyConstraintName: 'fk_certificates_predecessor' })
  predecessor?: Certificate;

  @Field(() => ID)
  @UuidColumn()
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'fk_certificates_branch' })
  branch?: Branch;

  @Field(() => CertificateStatus)
  @CodeColumn(12)
  status: CertificateStatus;

  @Field(() => RevocationReason, { nullable: true })
  @CodeColumn(24, { nullable: true })
  revocationReason: RevocationReason | null;

  @Field()
  @DateTimeColumn()
  statusChangedAt: Date;

  /** The caller's idempotency key: the same request id never makes a second certificate. */
  @Index('uq_certificates_request', { unique: true })
  @CodeColumn(64, { nullable: true })
  requestId: string | null;

  /** Subject as the RA assigned it, one attribute per RDN; signed into the certificate. */
  @Column({ type: 'simple-json', nullable: true })
  subject: Array<{ type: DnAttributeType; value: string }> | null;

  /** SubjectPublicKeyInfo DER from the validated CSR; kept so that signing can be retried. */
  @Column({ type: 'blob', nullable: true })
  publicKey: Buffer | null;

  /** DER of the issued certificate; null while PENDING. */
  @Column({ type: 'blob', nullable: true })
  der: Buffer | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field()
  @CreatedAtColumn()
  createdAt: Date;

  @Field()
  @UpdatedAtColumn()
  updatedAt: Date;
}
