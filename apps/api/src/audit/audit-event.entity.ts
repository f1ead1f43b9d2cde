import type { ActorType } from '@app/contracts';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CodeColumn, DateTimeColumn } from '../database/columns';

/**
 * Append-only record of who did what, where and when. Written in the same transaction as the change
 * it describes, so a change without its audit row cannot exist. No secret ever goes into before/after.
 * Each event since the chain started carries `seq` and an HMAC over the previous event's HMAC and its
 * own fields (see audit-chain.ts); rows written before the upgrade have neither (pre-chain).
 */
@ObjectType({ description: 'One audited action: who, in which role, branch and kiosk, did what to which record.' })
@Entity('audit_events')
@Index('ix_audit_events_target', ['targetType', 'targetId'])
@Index('ix_audit_events_branch_time', ['branchCode', 'occurredAt'])
@Index('ix_audit_events_actor_time', ['actorId', 'occurredAt'])
@Index('ix_audit_events_action_time', ['action', 'occurredAt'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** Position in the HMAC chain, 1, 2, 3… without gaps; null on pre-chain rows. */
  @Field(() => String, { nullable: true })
  @Index('uq_audit_events_seq', { unique: true })
  @Column({ type: 'bigint', nullable: true })
  seq: string | null;

  /** Hex HMAC-SHA256 over the previous event's HMAC and this event's canonical fields. */
  @CodeColumn(64, { nullable: true })
  hmac: string | null;

  @Field()
  @DateTimeColumn()
  occurredAt: Date;

  @Field(() => String)
  @CodeColumn(10)
  actorType: ActorType;

  /** Staff id, customer id, or the job name for SYSTEM. */
  @Field(() => String, { nullable: true })
  @CodeColumn(64, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  @CodeColumn(16, { nullable: true })
  actorRole: string | null;

  @Field(() => String, { nullable: true })
  @CodeColumn(7, { nullable: true })
  branchCode: string | null;

  @Field(() => String, { nullable: true })
  @CodeColumn(36, { nullable: true })
  kioskId: string | null;

  @Field()
  @CodeColumn(48)
  action: string;

  @Field()
  @CodeColumn(32)
  targetType: string;

  @Field(() => String, { nullable: true })
  @CodeColumn(64, { nullable: true })
  targetId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @CodeColumn(64, { nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true })
  @CodeColumn(45, { nullable: true })
  clientIp: string | null;
}
