import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CounterApplication } from '../application/counter-application.entity';
import { Customer } from '../customer/customer.entity';
import { CodeColumn, CreatedAtColumn, DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '../database/columns';

/**
 * A legacy FEDI certificate presented for conversion to FXML, recorded when its holder starts the
 * conversion (the challenge needs something to be bound to) and marked converted with the
 * application it made. Its issuer and serial are unique: a FEDI certificate converts once.
 */
@Entity('fedi_conversions')
@Index('uq_fedi_conversions_certificate', ['issuerKey', 'serialHex'], { unique: true })
@Index('ix_fedi_conversions_customer', ['customerId'])
export class FediConversion {
  @UuidPrimaryColumn()
  id: string;

  /** SHA-256 of the issuer Name DER, lower-case hex: the issuer's identity, short enough to index. */
  @CodeColumn(64)
  issuerKey: string;

  /** The FEDI certificate's serial, lower-case hex without leading zeros. */
  @CodeColumn(64)
  serialHex: string;

  @Column({ type: 'varchar', length: 512 })
  issuerDn: string;

  @Column({ type: 'varchar', length: 512 })
  subjectDn: string;

  /** The FEDI certificate, DER: the challenge is verified against its key. */
  @Column({ type: 'blob' })
  der: Buffer;

  /** The holder, once the proof with the FEDI key has shown who it is and that they bank here. */
  @UuidColumn({ nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_fedi_conversions_customer' })
  customer?: Customer;

  /** The FXML application the conversion made; null until converted. */
  @UuidColumn({ nullable: true })
  applicationId: string | null;

  @ManyToOne(() => CounterApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_fedi_conversions_application' })
  application?: CounterApplication;

  /** The kiosk's idempotency key of the conversion: a retry with it is answered with the first pair. */
  @Column({ type: 'varchar', length: 36, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  requestId: string | null;

  @DateTimeColumn({ nullable: true })
  convertedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
