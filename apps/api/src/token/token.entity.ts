import type { TokenStatus, TokenType } from '@app/contracts';
import { Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
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

/** 載具: an iKey or ezSign USB token handed to a customer. */
@Entity('tokens')
@Index('uq_tokens_type_serial', ['type', 'serial'], { unique: true })
@Index('ix_tokens_owner', ['ownerCustomerId', 'status'])
@Index('ix_tokens_branch_status', ['branchId', 'status'])
export class Token {
  @UuidPrimaryColumn()
  id: string;

  @CodeColumn(8)
  type: TokenType;

  /** The serial number as the token reports it (CK_TOKEN_INFO.serialNumber, trimmed). */
  @Index('ix_tokens_serial')
  @CodeColumn(32)
  serial: string;

  @UuidColumn({ nullable: true })
  ownerCustomerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_customer_id', foreignKeyConstraintName: 'fk_tokens_owner' })
  owner?: Customer;

  /** Where it was registered. */
  @UuidColumn()
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'fk_tokens_branch' })
  branch?: Branch;

  @CodeColumn(8)
  status: TokenStatus;

  @DateTimeColumn()
  statusChangedAt: Date;

  @VersionColumn()
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
