import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { CodeColumn, CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../database/columns';

@ObjectType({ description: 'A branch of the bank: bank code + branch code, e.g. 0060000.' })
@Entity('branches')
export class Branch {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  @Field()
  @Index('uq_branches_code', { unique: true })
  @CodeColumn(7)
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
