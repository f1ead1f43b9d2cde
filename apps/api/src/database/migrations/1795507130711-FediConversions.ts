import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online FEDI → FXML conversion: the FEDI certificates presented (issuer + serial unique, so each
 * converts once), and applications without a teller (the customer converts without a counter visit).
 * Down refuses while such applications exist: they have no teller to put back.
 */
export class FediConversions1795507130711 implements MigrationInterface {
  name = 'FediConversions1795507130711';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`fedi_conversions\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`issuer_key\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`serial_hex\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`issuer_dn\` varchar(512) NOT NULL, \`subject_dn\` varchar(512) NOT NULL, \`der\` blob NOT NULL, \`customer_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`application_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`request_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`converted_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`ix_fedi_conversions_customer\` (\`customer_id\`), UNIQUE INDEX \`uq_fedi_conversions_certificate\` (\`issuer_key\`, \`serial_hex\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`counter_applications\` DROP FOREIGN KEY \`fk_counter_applications_teller\``);
    await queryRunner.query(
      `ALTER TABLE \`counter_applications\` CHANGE \`teller_id\` \`teller_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`counter_applications\` ADD CONSTRAINT \`fk_counter_applications_teller\` FOREIGN KEY (\`teller_id\`) REFERENCES \`staff_users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`fedi_conversions\` ADD CONSTRAINT \`fk_fedi_conversions_customer\` FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`fedi_conversions\` ADD CONSTRAINT \`fk_fedi_conversions_application\` FOREIGN KEY (\`application_id\`) REFERENCES \`counter_applications\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`fedi_conversions\` DROP FOREIGN KEY \`fk_fedi_conversions_application\``);
    await queryRunner.query(`ALTER TABLE \`fedi_conversions\` DROP FOREIGN KEY \`fk_fedi_conversions_customer\``);
    await queryRunner.query(`ALTER TABLE \`counter_applications\` DROP FOREIGN KEY \`fk_counter_applications_teller\``);
    await queryRunner.query(
      `ALTER TABLE \`counter_applications\` CHANGE \`teller_id\` \`teller_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`counter_applications\` ADD CONSTRAINT \`fk_counter_applications_teller\` FOREIGN KEY (\`teller_id\`) REFERENCES \`staff_users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP INDEX \`uq_fedi_conversions_certificate\` ON \`fedi_conversions\``);
    await queryRunner.query(`DROP INDEX \`ix_fedi_conversions_customer\` ON \`fedi_conversions\``);
    await queryRunner.query(`DROP TABLE \`fedi_conversions\``);
  }
}
