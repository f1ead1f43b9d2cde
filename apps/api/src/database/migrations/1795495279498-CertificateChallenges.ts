import { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificate challenges: the kiosk customer's proof of possession of a certificate key, single use. */
export class CertificateChallenges1795495279498 implements MigrationInterface {
  name = 'CertificateChallenges1795495279498';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`certificate_challenges\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`certificate_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`purpose\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`digest\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`used_at\` datetime(3) NULL, \`client_ip\` varchar(45) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`ix_certificate_challenges_expires\` (\`expires_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_certificate_challenges_expires\` ON \`certificate_challenges\``);
    await queryRunner.query(`DROP TABLE \`certificate_challenges\``);
  }
}
