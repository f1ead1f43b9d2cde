import { CustomerKind, IdKind } from '@app/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { Branch } from '../branch/branch.entity';
import { CodeColumn, CreatedAtColumn, UpdatedAtColumn, UuidColumn, UuidPrimaryColumn } from '../database/columns';

registerEnumType(CustomerKind, { name: 'CustomerKind' });
registerEnumType(IdKind, { name: 'IdKind' });

@ObjectType({ description: 'An individual or business holding FXML certificates.' })
@Entity('customers')
@Index('ix_customers_branch_name', ['homeBranchId', 'name'])
export class Customer {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  @Field(() => CustomerKind)
  @CodeColumn(16)
  kind: CustomerKind;

  @Field(() => IdKind)
  @CodeColumn(16)
  idKind: IdKind;

  /** National ID, resident certificate number or unified business number, normalised. */
  @Field()
  @Index('uq_customers_id_number', { unique: true })
  @CodeColumn(10)
  idNumber: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Field(() => ID)
  @UuidColumn()
  homeBranchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_branch_id', foreignKeyConstraintName: 'fk_customers_home_branch' })
  homeBranch?: Branch;

  /** Optimistic lock: an edit based on an old version is refused (STALE_UPDATE). */
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
