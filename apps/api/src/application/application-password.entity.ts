import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CodeColumn, CreatedAtColumn, DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '../database/columns';
import { CounterApplication } from './counter-application.entity';

/**
 * 憑證申請密碼: only its slow hash is kept. One row per printed notice; a reprint makes a new row and
 * retires the old one, so at most one row of an application is live (retiredAt null).
 */
@Entity('application_passwords')
@Index('ix_application_passwords_application', ['applicationId', 'retiredAt'])
export class ApplicationPassword {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  applicationId: string;

  @ManyToOne(() => CounterApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_passwords_application' })
  application?: CounterApplication;

  /** Printed on the notice and in its QR code; not a secret. */
  @Index('uq_application_passwords_notice', { unique: true })
  @CodeColumn(20)
  noticeNumber: string;

  /** `scrypt$N$r$p$salt$hash`. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @DateTimeColumn()
  expiresAt: Date;

  @Column({ type: 'smallint', default: 0 })
  failedTries: number;

  @DateTimeColumn({ nullable: true })
  usedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  retiredAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
