import { TokenStatus, TokenType } from '@app/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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

registerEnumType(TokenType, { name: 'TokenType' });
registerEnumType(TokenStatus, { name: 'TokenStatus' });

/** 載具: an iKey or ezSign USB token handed to a customer. */
@ObjectType({ description: '載具: an iKey or ezSign USB token handed to a customer.' })
@Entity('tokens')
@Index('uq_tokens_type_serial', ['type', 'serial'], { unique: true })
@Index('ix_tokens_owner', ['ownerCustomerId', 'status'])
@Index('ix_tokens_branch_status', ['branchId', 'status'])
export class Token {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  @Field(() => TokenType)
  @CodeColumn(8)
  type: TokenType;

  /** The serial number as the token reports it (CK_TOKEN_INFO.serialNumber, trimmed). */
  @Field()
  @Index('ix_tokens_serial')
  @CodeColumn(32)
  serial: string;

  @Field(() => ID, { nullable: true })
  @UuidColumn({ nullable: true })
  ownerCustomerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_customer_id', foreignKeyConstraintName: 'fk_tokens_owner' })
  owner?: Customer;

  /** Where it was registered. */
  @Field(() => ID)
  @UuidColumn()
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'fk_tokens_branch' })
  branch?: Branch;

  @Field(() => TokenStatus)
  @CodeColumn(8)
  status: TokenStatus;

  @Field()
  @DateTimeColumn()
  statusChangedAt: Date;

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
