import { StaffRole } from '@app/contracts';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Branch } from '../branch/branch.entity';
import {
  CodeColumn,
  CreatedAtColumn,
  DateTimeColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../database/columns';

registerEnumType(StaffRole, { name: 'StaffRole' });

@ObjectType({ description: 'A member of staff who signs in to the console.' })
@Entity('staff_users')
@Index('ix_staff_users_branch_role', ['branchId', 'role'])
export class StaffUser {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  @Field()
  @Index('uq_staff_users_username', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Field(() => StaffRole)
  @CodeColumn(16)
  role: StaffRole;

  @Field(() => ID)
  @UuidColumn()
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'fk_staff_users_branch' })
  branch?: Branch;

  /** `scrypt$N$r$p$salt$hash`, never exposed. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  failedSignIns: number;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  lockedUntil: Date | null;

  @DateTimeColumn({ nullable: true })
  lastSignInAt: Date | null;

  @Field()
  @CreatedAtColumn()
  createdAt: Date;

  @Field()
  @UpdatedAtColumn()
  updatedAt: Date;
}
