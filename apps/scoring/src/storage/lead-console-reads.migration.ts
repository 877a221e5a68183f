import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the operator console lists: each lead's latest qualification time as a column (backfilled from the state),
 * indexed for "newest MQLs first" over the leads at or past MQL, and every stage change from now on (states keep
 * only the current stage, so earlier changes cannot be recovered).
 */
export class LeadConsoleReads1765100000000 implements MigrationInterface {
  readonly name = 'LeadConsoleReads1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead_state" ADD COLUMN "qualified_at" timestamptz`);
    await queryRunner.query(
      `UPDATE "lead_state" SET "qualified_at" = ("state" -> 'lifecycle' ->> 'lastQualifiedAt')::timestamptz
       WHERE "state" -> 'lifecycle' ->> 'lastQualifiedAt' IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_state_qualified" ON "lead_state" ("qualified_at" DESC, "lead_id" DESC)
       WHERE "qualified_at" IS NOT NULL AND "merged_into" IS NULL AND "stage" IN ('mql', 'sql', 'opportunity', 'customer')`,
    );
    await queryRunner.query(
      `CREATE TABLE "lead_stage_changes" (
        "id" bigserial NOT NULL,
        "lead_id" uuid NOT NULL,
        "from_stage" varchar(16) NOT NULL,
        "to_stage" varchar(16) NOT NULL,
        "changed_at" timestamptz NOT NULL,
        "reason" varchar(32) NOT NULL,
        "detail" text,
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_lead_stage_changes" PRIMARY KEY ("id")
      )`,
    );
    // A lead's changes are only written under its row lock, so its ids grow in the order the changes were made.
    await queryRunner.query(`CREATE INDEX "IDX_lead_stage_changes_lead" ON "lead_stage_changes" ("lead_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "lead_stage_changes"`);
    await queryRunner.query(`DROP INDEX "IDX_lead_state_qualified"`);
    await queryRunner.query(`ALTER TABLE "lead_state" DROP COLUMN "qualified_at"`);
  }
}
