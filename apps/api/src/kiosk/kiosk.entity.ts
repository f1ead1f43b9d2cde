import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Branch } from '../branch/branch.entity';
import { CodeColumn, CreatedAtColumn, UpdatedAtColumn, UuidColumn, UuidPrimaryColumn } from '../database/columns';

/** Where an agent runs: a shared kiosk in the branch (wiped after each customer) or a customer's own PC. */
export const KioskMode = { KIOSK: 'KIOSK', PERSONAL: 'PERSONAL' } as const;
export type KioskMode = (typeof KioskMode)[keyof typeof KioskMode];
registerEnumType(KioskMode, { name: 'KioskMode' });

@ObjectType({ description: 'A registered computer at a branch that runs the kiosk agent.' })
@Entity('kiosks')
@Index('ix_kiosks_branch', ['branchId'])
export class Kiosk {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  /** The code in the agent's config file, e.g. K0060000-01; its pairing key is derived from it. */
  @Field()
  @Index('uq_kiosks_code', { unique: true })
  @CodeColumn(32)
  code: string;

  @Field(() => ID)
  @UuidColumn()
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'fk_kiosks_branch' })
  branch?: Branch;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => KioskMode)
  @CodeColumn(16)
  mode: KioskMode;

  /** A deactivated kiosk gets no new pairing: sessions cannot start on it. */
  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field()
  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
