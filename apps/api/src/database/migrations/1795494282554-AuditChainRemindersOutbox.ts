import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HMAC chain of the audit trail, job leases, expiry reminders and the mail outbox. The migration has
 * no access to the chain key, so events already written stay as they are, with seq and hmac NULL
 * (pre-chain); the chain starts with the first event written after the upgrade (seq 1).
 */

export class AuditChainRemindersOutbox1795494282554 implements MigrationInterface {
  name = 'AuditChainRemindersOutbox1795494282554';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_chain_head\` (\`id\` smallint NOT NULL, \`last_seq\` bigint NOT NULL, \`last_hmac\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`job_leases\` (\`name\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`holder\` varchar(128) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`leased_until\` datetime(3) NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`mail_outbox\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`recipient\` varchar(254) NOT NULL, \`subject\` varchar(255) NOT NULL, \`body\` text NOT NULL, \`purpose\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`branch_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`ix_mail_outbox_branch_created\` (\`branch_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`expiry_reminders\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`certificate_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`threshold_days\` smallint NOT NULL, \`recipient\` varchar(254) NOT NULL, \`sent_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_expiry_reminders_certificate_threshold\` (\`certificate_id\`, \`threshold_days\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`audit_events\` ADD \`seq\` bigint NULL`);
    await queryRunner.query(
      `ALTER TABLE \`audit_events\` ADD \`hmac\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_audit_events_seq\` ON \`audit_events\` (\`seq\`)`);
    await queryRunner.query(
      `INSERT INTO \`audit_chain_head\` (\`id\`, \`last_seq\`, \`last_hmac\`) VALUES (1, 0, NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`expiry_reminders\` ADD CONSTRAINT \`fk_expiry_reminders_certificate\` FOREIGN KEY (\`certificate_id\`) REFERENCES \`certificates\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`expiry_reminders\` DROP FOREIGN KEY \`fk_expiry_reminders_certificate\``);
    await queryRunner.query(`DROP INDEX \`uq_audit_events_seq\` ON \`audit_events\``);
    await queryRunner.query(`ALTER TABLE \`audit_events\` DROP COLUMN \`hmac\``);
    await queryRunner.query(`ALTER TABLE \`audit_events\` DROP COLUMN \`seq\``);
    await queryRunner.query(`DROP INDEX \`uq_expiry_reminders_certificate_threshold\` ON \`expiry_reminders\``);
    await queryRunner.query(`DROP TABLE \`expiry_reminders\``);
    await queryRunner.query(`DROP INDEX \`ix_mail_outbox_branch_created\` ON \`mail_outbox\``);
    await queryRunner.query(`DROP TABLE \`mail_outbox\``);
    await queryRunner.query(`DROP TABLE \`job_leases\``);
    await queryRunner.query(`DROP TABLE \`audit_chain_head\``);
  }
}
