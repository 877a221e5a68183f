import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversion prediction: what each lead's prediction is computed from (its engagement counts and its latest
 * prediction, beside its scoring state), one row per hand-off to sales with the features frozen at that moment
 * (so training never sees what happened afterwards) and the outcome sales reported, and the trained models.
 */
export class PredictionTables1765000000000 implements MigrationInterface {
  readonly name = 'PredictionTables1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead_state" ADD COLUMN "prediction" jsonb`);
    await queryRunner.query(
      `CREATE TABLE "lead_handoffs" (
        "lead_id" uuid NOT NULL,
        "qualification_number" integer NOT NULL,
        "handed_at" timestamptz NOT NULL,
        "snapshot" jsonb NOT NULL,
        "outcome" varchar(16),
        "outcome_at" timestamptz,
        CONSTRAINT "PK_lead_handoffs" PRIMARY KEY ("lead_id", "qualification_number"),
        CONSTRAINT "CHK_lead_handoffs_outcome" CHECK ("outcome" IN ('won', 'lost', 'rejected'))
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_lead_handoffs_handed_at" ON "lead_handoffs" ("handed_at")`);
    await queryRunner.query(
      `CREATE TABLE "prediction_models" (
        "version" serial NOT NULL,
        "trained_at" timestamptz NOT NULL DEFAULT now(),
        "status" varchar(8) NOT NULL DEFAULT 'shadow',
        "qualifies_at" double precision,
        "activated_at" timestamptz,
        "definition" jsonb NOT NULL,
        "model" jsonb NOT NULL,
        CONSTRAINT "PK_prediction_models" PRIMARY KEY ("version"),
        CONSTRAINT "CHK_prediction_models_status" CHECK ("status" IN ('shadow', 'active', 'retired')),
        CONSTRAINT "CHK_prediction_models_threshold" CHECK ("status" <> 'active' OR "qualifies_at" BETWEEN 0 AND 1)
      )`,
    );
    // At most one active model, enforced by the database so two concurrent activations cannot both win.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_prediction_models_one_active" ON "prediction_models" ("status") WHERE "status" = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "prediction_models"`);
    await queryRunner.query(`DROP TABLE "lead_handoffs"`);
    await queryRunner.query(`ALTER TABLE "lead_state" DROP COLUMN "prediction"`);
  }
}
