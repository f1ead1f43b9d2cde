import { Column, Entity, Index } from 'typeorm';
import { CodeColumn, CreatedAtColumn, DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '../database/columns';

/**
 * A challenge handed to a kiosk for proof of possession of a certificate's key. Only the SHA-256 of
 * the bytes to sign is kept: the kiosk sends the bytes back with the signature, and the hash decides
 * whether they are the ones this server made. Single use: `usedAt` is set under a row lock.
 */
@Entity('certificate_challenges')
@Index('ix_certificate_challenges_expires', ['expiresAt'])
export class CertificateChallenge {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  certificateId: string;

  /** SIGN_IN or RENEW: a proof made for one never passes for the other. */
  @CodeColumn(16)
  purpose: string;

  /** SHA-256 of the challenge's to-be-signed bytes, lower-case hex. */
  @CodeColumn(64)
  digest: string;

  @DateTimeColumn()
  expiresAt: Date;

  @DateTimeColumn({ nullable: true })
  usedAt: Date | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  clientIp: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
