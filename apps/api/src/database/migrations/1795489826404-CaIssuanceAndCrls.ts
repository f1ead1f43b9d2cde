import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaIssuanceAndCrls1795489826404 implements MigrationInterface {
  name = 'CaIssuanceAndCrls1795489826404';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`crls\` (\`crl_number\` bigint NOT NULL, \`this_update\` datetime(3) NOT NULL, \`next_update\` datetime(3) NOT NULL, \`entry_count\` int NOT NULL, \`der\` mediumblob NOT NULL, PRIMARY KEY (\`crl_number\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`certificates\` ADD \`request_id\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`certificates\` ADD \`subject\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`certificates\` ADD \`public_key\` blob NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_certificates_request\` ON \`certificates\` (\`request_id\`)`);
    await queryRunner.query(
      `CREATE INDEX \`ix_certificates_status_created\` ON \`certificates\` (\`status\`, \`created_at\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_certificates_status_created\` ON \`certificates\``);
    await queryRunner.query(`DROP INDEX \`uq_certificates_request\` ON \`certificates\``);
    await queryRunner.query(`ALTER TABLE \`certificates\` DROP COLUMN \`public_key\``);
    await queryRunner.query(`ALTER TABLE \`certificates\` DROP COLUMN \`subject\``);
    await queryRunner.query(`ALTER TABLE \`certificates\` DROP COLUMN \`request_id\``);
    await queryRunner.query(`DROP TABLE \`crls\``);
  }
}
