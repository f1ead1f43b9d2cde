import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kiosks: the registered computers that run the kiosk agent, by branch. */
export class Kiosks1795494845293 implements MigrationInterface {
  name = 'Kiosks1795494845293';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`kiosks\` (\`id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`code\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`branch_id\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`name\` varchar(100) NOT NULL, \`mode\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_kiosks_code\` (\`code\`), INDEX \`ix_kiosks_branch\` (\`branch_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`kiosks\` ADD CONSTRAINT \`fk_kiosks_branch\` FOREIGN KEY (\`branch_id\`) REFERENCES \`branches\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`kiosks\` DROP FOREIGN KEY \`fk_kiosks_branch\``);
    await queryRunner.query(`DROP INDEX \`ix_kiosks_branch\` ON \`kiosks\``);
    await queryRunner.query(`DROP INDEX \`uq_kiosks_code\` ON \`kiosks\``);
    await queryRunner.query(`DROP TABLE \`kiosks\``);
  }
}
