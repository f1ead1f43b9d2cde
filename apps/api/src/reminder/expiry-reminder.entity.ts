import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Certificate } from '../certificate/certificate.entity';
import { CreatedAtColumn, UuidColumn } from '../database/columns';

/**
 * One row per certificate and threshold reminded. The unique key is what makes a second mail
 * impossible, even when two API instances run the job at the same moment.
 */
@Entity('expiry_reminders')
@Index('uq_expiry_reminders_certificate_threshold', ['certificateId', 'thresholdDays'], { unique: true })
export class ExpiryReminder {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @UuidColumn()
  certificateId: string;

  @ManyToOne(() => Certificate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'certificate_id', foreignKeyConstraintName: 'fk_expiry_reminders_certificate' })
  certificate?: Certificate;

  @Column({ type: 'smallint' })
  thresholdDays: number;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @CreatedAtColumn()
  sentAt: Date;
}
