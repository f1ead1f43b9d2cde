import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CodeColumn } from '../database/columns';

/**
 * The one row that says where the audit chain ends. Appenders lock it (SELECT … FOR UPDATE) so that
 * two transactions can never both take the same next sequence number and fork the chain; the
 * verifier compares it with the last event to notice events cut off the end.
 */
@Entity('audit_chain_head')
export class AuditChainHead {
  /** Always 1: a single row. */
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  lastSeq: string;

  /** HMAC of the event at lastSeq; null before the first chained event. */
  @CodeColumn(64, { nullable: true })
  lastHmac: string | null;
}
