import { MigrationInterface, QueryRunner } from 'typeorm';

export class CounterUnsuspendRequests1795494342510 implements MigrationInterface {
  name = 'CounterUnsuspendRequests1795494342510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`unsuspend_requests\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`certificate_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`branch_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`pending_certificate_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`document_type\` varchar(24) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`seen_in_person\` tinyint NOT NULL, \`note\` varchar(200) NULL, \`requested_by_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`requested_at\` datetime(3) NOT NULL, \`decided_by_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`decided_at\` datetime(3) NULL, \`decision_reason\` varchar(200) NULL, \`version\` int NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_unsuspend_requests_pending\` (\`pending_certificate_id\`), INDEX \`ix_unsuspend_requests_certificate\` (\`certificate_id\`, \`requested_at\`), INDEX \`ix_unsuspend_requests_branch_status\` (\`branch_id\`, \`status\`, \`requested_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`unsuspend_requests\` ADD CONSTRAINT \`fk_unsuspend_requests_certificate\` FOREIGN KEY (\`certificate_id\`) REFERENCES \`certificates\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`unsuspend_requests\` ADD CONSTRAINT \`fk_unsuspend_requests_branch\` FOREIGN KEY (\`branch_id\`) REFERENCES \`branches\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`unsuspend_requests\` ADD CONSTRAINT \`fk_unsuspend_requests_requested_by\` FOREIGN KEY (\`requested_by_id\`) REFERENCES \`staff_users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`unsuspend_requests\` ADD CONSTRAINT \`fk_unsuspend_requests_decided_by\` FOREIGN KEY (\`decided_by_id\`) REFERENCES \`staff_users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`unsuspend_requests\` DROP FOREIGN KEY \`fk_unsuspend_requests_decided_by\``);
    await queryRunner.query(
      `ALTER TABLE \`unsuspend_requests\` DROP FOREIGN KEY \`fk_unsuspend_requests_requested_by\``,
    );
    await queryRunner.query(`ALTER TABLE \`unsuspend_requests\` DROP FOREIGN KEY \`fk_unsuspend_requests_branch\``);
    await queryRunner.query(
      `ALTER TABLE \`unsuspend_requests\` DROP FOREIGN KEY \`fk_unsuspend_requests_certificate\``,
    );
    await queryRunner.query(`DROP INDEX \`ix_unsuspend_requests_branch_status\` ON \`unsuspend_requests\``);
    await queryRunner.query(`DROP INDEX \`ix_unsuspend_requests_certificate\` ON \`unsuspend_requests\``);
    await queryRunner.query(`DROP INDEX \`uq_unsuspend_requests_pending\` ON \`unsuspend_requests\``);
    await queryRunner.query(`DROP TABLE \`unsuspend_requests\``);
  }
}
