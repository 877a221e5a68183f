import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing rule sets as versioned documents (platform-database's VersionedDocuments): a version's definition never
 * changes once stored; activating one version (or rolling back to an older one) is the only write after that.
 */
export class RuleSetTables1765050000000 implements MigrationInterface {
  readonly name = 'RuleSetTables1765050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rule_sets" (
        "version" varchar(128) NOT NULL,
        "definition" jsonb NOT NULL,
        "active" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "activated_at" timestamptz,
        CONSTRAINT "PK_rule_sets" PRIMARY KEY ("version")
      )`,
    );
    // At most one active rule set, enforced by the database so two concurrent activations cannot both win.
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_rule_sets_one_active" ON "rule_sets" ("active") WHERE "active"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rule_sets"`);
  }
}
