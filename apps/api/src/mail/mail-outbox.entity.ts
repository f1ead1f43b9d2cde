import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { CodeColumn, CreatedAtColumn, UuidColumn, UuidPrimaryColumn } from '../database/columns';

/** Mail kept instead of sent (MAIL_TRANSPORT=outbox): the demo shows it in the console. */
@ObjectType({ description: 'A message kept in the local outbox instead of being sent.' })
@Entity('mail_outbox')
@Index('ix_mail_outbox_branch_created', ['branchId', 'createdAt'])
export class MailOutboxMessage {
  @Field(() => ID)
  @UuidPrimaryColumn()
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Field()
  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  /** What the mail is about, e.g. EXPIRY_REMINDER. */
  @Field()
  @CodeColumn(32)
  purpose: string;

  /** The branch whose customer it went to: supervisors see their branch's mail only. */
  @Field(() => ID, { nullable: true })
  @UuidColumn({ nullable: true })
  branchId: string | null;

  @Field()
  @CreatedAtColumn()
  createdAt: Date;
}
