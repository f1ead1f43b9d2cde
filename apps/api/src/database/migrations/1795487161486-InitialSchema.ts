import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795487161486 implements MigrationInterface {
  name = 'InitialSchema1795487161486';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`branches\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`code\` varchar(7) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`name\` varchar(100) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_branches_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`customers\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`kind\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`id_kind\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`id_number\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`name\` varchar(100) NOT NULL, \`email\` varchar(254) NULL, \`phone\` varchar(20) NULL, \`home_branch_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`version\` int NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_customers_id_number\` (\`id_number\`), INDEX \`ix_customers_branch_name\` (\`home_branch_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`staff_users\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`username\` varchar(50) NOT NULL, \`display_name\` varchar(100) NOT NULL, \`role\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`branch_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`password_hash\` varchar(255) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`failed_sign_ins\` int NOT NULL DEFAULT '0', \`locked_until\` datetime(3) NULL, \`last_sign_in_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_staff_users_username\` (\`username\`), INDEX \`ix_staff_users_branch_role\` (\`branch_id\`, \`role\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`counter_applications\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`customer_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`cert_type\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`medium\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`email\` varchar(254) NOT NULL, \`common_name\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`cn_sequence\` smallint NOT NULL, \`teller_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`branch_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status_changed_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_counter_applications_cn\` (\`common_name\`), INDEX \`ix_counter_applications_branch_status\` (\`branch_id\`, \`status\`, \`status_changed_at\`), INDEX \`ix_counter_applications_customer\` (\`customer_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`application_passwords\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`application_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`notice_number\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`password_hash\` varchar(255) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`failed_tries\` smallint NOT NULL DEFAULT '0', \`used_at\` datetime(3) NULL, \`retired_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_application_passwords_notice\` (\`notice_number\`), INDEX \`ix_application_passwords_application\` (\`application_id\`, \`retired_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_events\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`occurred_at\` datetime(3) NOT NULL, \`actor_type\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`actor_id\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`actor_role\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`branch_code\` varchar(7) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`kiosk_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`action\` varchar(48) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`target_type\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`target_id\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`before\` text NULL, \`after\` text NULL, \`request_id\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`client_ip\` varchar(45) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, INDEX \`ix_audit_events_action_time\` (\`action\`, \`occurred_at\`), INDEX \`ix_audit_events_actor_time\` (\`actor_id\`, \`occurred_at\`), INDEX \`ix_audit_events_branch_time\` (\`branch_code\`, \`occurred_at\`), INDEX \`ix_audit_events_target\` (\`target_type\`, \`target_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`tokens\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`type\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`serial\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`owner_customer_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`branch_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status_changed_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`ix_tokens_serial\` (\`serial\`), INDEX \`ix_tokens_branch_status\` (\`branch_id\`, \`status\`), INDEX \`ix_tokens_owner\` (\`owner_customer_id\`, \`status\`), UNIQUE INDEX \`uq_tokens_type_serial\` (\`type\`, \`serial\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`certificates\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`serial_hex\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`subject_dn\` varchar(512) NOT NULL, \`common_name\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`usage\` varchar(12) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`not_before\` datetime(3) NULL, \`not_after\` datetime(3) NULL, \`medium\` varchar(8) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`token_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`customer_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`application_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`predecessor_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`branch_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status\` varchar(12) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`revocation_reason\` varchar(24) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`status_changed_at\` datetime(3) NOT NULL, \`der\` blob NULL, \`version\` int NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_certificates_serial\` (\`serial_hex\`), INDEX \`ix_certificates_cn\` (\`common_name\`), INDEX \`ix_certificates_branch_status\` (\`branch_id\`, \`status\`, \`not_after\`), INDEX \`ix_certificates_status_not_after\` (\`status\`, \`not_after\`), INDEX \`ix_certificates_customer\` (\`customer_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`customers\` ADD CONSTRAINT \`fk_customers_home_branch\` FOREIGN KEY (\`home_branch_id\`) REFERENCES \`branches\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`staff_users\` ADD CONSTRAINT \`fk_staff_users_branch\` FOREIGN KEY (\`branch_id\`) REFERENCES \`branches\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`counter_applications\` ADD CONSTRAINT \`fk_counter_applications_customer\` FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`counter_applications\` ADD CONSTRAINT \`fk_counter_applications_teller\` FOREIGN KEY (\`teller_id\`) REFERENCES \`staff_users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`counter_applications\` ADD CONSTRAINT \`fk_counter_applications_branch\` FOREIGN KEY (\`branch_id\`) REFERENCES \`branches\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`application_passwords\` ADD CONSTRAINT \`fk_application_passwords_application\` FOREIGN KEY (\`application_id\`) REFERENCES \`counter_applications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`tokens\` ADD CONSTRAINT \`fk_tokens_owner\` FOREIGN KEY (\`owner_customer_id\`) REFERENCES \`customers\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`tokens\` ADD CONSTRAINT \`fk_tokens_branch\` FOREIGN KEY (\`branch_id\`) REFERENCES \`branches\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`certificates\` ADD CONSTRAINT \`fk_certificates_token\` FOREIGN KEY (\`token_id\`) REFERENCES \`tokens\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`certificates\` ADD CONSTRAINT \`fk_certificates_customer\` FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`certificates\` ADD CONSTRAINT \`fk_certificates_application\` FOREIGN KEY (\`application_id\`) REFERENCES \`counter_applications\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`certificates\` ADD CONSTRAINT \`fk_certificates_predecessor\` FOREIGN KEY (\`predecessor_id\`) REFERENCES \`certificates\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`certificates\` ADD CONSTRAINT \`fk_certificates_branch\` FOREIGN KEY (\`branch_id\`) REFERENCES \`branches\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`certificates\` DROP FOREIGN KEY \`fk_certificates_branch\``);
    await queryRunner.query(`ALTER TABLE \`certificates\` DROP FOREIGN KEY \`fk_certificates_predecessor\``);
    await queryRunner.query(`ALTER TABLE \`certificates\` DROP FOREIGN KEY \`fk_certificates_application\``);
    await queryRunner.query(`ALTER TABLE \`certificates\` DROP FOREIGN KEY \`fk_certificates_customer\``);
    await queryRunner.query(`ALTER TABLE \`certificates\` DROP FOREIGN KEY \`fk_certificates_token\``);
    await queryRunner.query(`ALTER TABLE \`tokens\` DROP FOREIGN KEY \`fk_tokens_branch\``);
    await queryRunner.query(`ALTER TABLE \`tokens\` DROP FOREIGN KEY \`fk_tokens_owner\``);
    await queryRunner.query(
      `ALTER TABLE \`application_passwords\` DROP FOREIGN KEY \`fk_application_passwords_application\``,
    );
    await queryRunner.query(`ALTER TABLE \`counter_applications\` DROP FOREIGN KEY \`fk_counter_applications_branch\``);
    await queryRunner.query(`ALTER TABLE \`counter_applications\` DROP FOREIGN KEY \`fk_counter_applications_teller\``);
    await queryRunner.query(
      `ALTER TABLE \`counter_applications\` DROP FOREIGN KEY \`fk_counter_applications_customer\``,
    );
    await queryRunner.query(`ALTER TABLE \`staff_users\` DROP FOREIGN KEY \`fk_staff_users_branch\``);
    await queryRunner.query(`ALTER TABLE \`customers\` DROP FOREIGN KEY \`fk_customers_home_branch\``);
    await queryRunner.query(`DROP INDEX \`ix_certificates_customer\` ON \`certificates\``);
    await queryRunner.query(`DROP INDEX \`ix_certificates_status_not_after\` ON \`certificates\``);
    await queryRunner.query(`DROP INDEX \`ix_certificates_branch_status\` ON \`certificates\``);
    await queryRunner.query(`DROP INDEX \`ix_certificates_cn\` ON \`certificates\``);
    await queryRunner.query(`DROP INDEX \`uq_certificates_serial\` ON \`certificates\``);
    await queryRunner.query(`DROP TABLE \`certificates\``);
    await queryRunner.query(`DROP INDEX \`uq_tokens_type_serial\` ON \`tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_tokens_owner\` ON \`tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_tokens_branch_status\` ON \`tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_tokens_serial\` ON \`tokens\``);
    await queryRunner.query(`DROP TABLE \`tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_events_target\` ON \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_events_branch_time\` ON \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_events_actor_time\` ON \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_events_action_time\` ON \`audit_events\``);
    await queryRunner.query(`DROP TABLE \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`ix_application_passwords_application\` ON \`application_passwords\``);
    await queryRunner.query(`DROP INDEX \`uq_application_passwords_notice\` ON \`application_passwords\``);
    await queryRunner.query(`DROP TABLE \`application_passwords\``);
    await queryRunner.query(`DROP INDEX \`ix_counter_applications_customer\` ON \`counter_applications\``);
    await queryRunner.query(`DROP INDEX \`ix_counter_applications_branch_status\` ON \`counter_applications\``);
    await queryRunner.query(`DROP INDEX \`uq_counter_applications_cn\` ON \`counter_applications\``);
    await queryRunner.query(`DROP TABLE \`counter_applications\``);
    await queryRunner.query(`DROP INDEX \`ix_staff_users_branch_role\` ON \`staff_users\``);
    await queryRunner.query(`DROP INDEX \`uq_staff_users_username\` ON \`staff_users\``);
    await queryRunner.query(`DROP TABLE \`staff_users\``);
    await queryRunner.query(`DROP INDEX \`ix_customers_branch_name\` ON \`customers\``);
    await queryRunner.query(`DROP INDEX \`uq_customers_id_number\` ON \`customers\``);
    await queryRunner.query(`DROP TABLE \`customers\``);
    await queryRunner.query(`DROP INDEX \`uq_branches_code\` ON \`branches\``);
    await queryRunner.query(`DROP TABLE \`branches\``);
  }
}
