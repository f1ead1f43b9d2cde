import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

/** Every CRL the CA has published; the id is its cRLNumber, so numbers only ever grow. */
@Entity('crls')
export class CrlRecord {
  @PrimaryColumn({ type: 'bigint' })
  crlNumber: string;

  @DateTimeColumn()
  thisUpdate: Date;

  @DateTimeColumn()
  nextUpdate: Date;

  @Column({ type: 'int' })
  entryCount: number;

  /** Up to 16 MiB: about 350,000 entries. */
  @Column({ type: 'mediumblob' })
  der: Buffer;
}
