import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoring models (versioned, at most one active), each lead's state, the append-only score ledger and the
 * inputs applied to each lead (what a backtest replays). Unqualified names land in the service schema (the
 * data source's search_path). No column holds a name or an email: profiles keep only fit attributes.
 */
export class ScoringTables1764500000000 implements MigrationInterface {
  readonly name = 'ScoringTables1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scoring_models" (
        "version" varchar(128) NOT NULL,
        "model_id" varchar(128) NOT NULL,
        "name" varchar(200) NOT NULL,
        "definition" jsonb NOT NULL,
        "active" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "activated_at" timestamptz,
        CONSTRAINT "PK_scoring_models" PRIMARY KEY ("version")
      )`,
    );
    // At most one active model, enforced by the database so two concurrent activations cannot both win.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_scoring_models_one_active" ON "scoring_models" ("active") WHERE "active"`,
    );
    await queryRunner.query(
      `CREATE TABLE "lead_state" (
        "lead_id" uuid NOT NULL,
        "state" jsonb NOT NULL,
        "version" integer NOT NULL,
        "stage" varchar(16) NOT NULL,
        "behaviour_score" double precision NOT NULL,
        "fit_score" double precision NOT NULL,
        "grade" char(1) NOT NULL,
        "model_version" varchar(128) NOT NULL,
        "merged_into" uuid,
        "cold_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_lead_state" PRIMARY KEY ("lead_id"),
        CONSTRAINT "CHK_lead_state_not_merged_into_itself" CHECK ("merged_into" <> "lead_id")
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_state_cold_at" ON "lead_state" ("cold_at") WHERE "cold_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "score_ledger" (
        "id" bigserial NOT NULL,
        "lead_id" uuid NOT NULL,
        "kind" varchar(16) NOT NULL,
        "event_id" uuid NOT NULL,
        "cause_event_id" uuid NOT NULL,
        "rule_id" varchar(128) NOT NULL,
        "model_version" varchar(128) NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "recorded_at" timestamptz NOT NULL,
        "points" double precision NOT NULL,
        "previous_awarded" double precision NOT NULL,
        "awarded" double precision NOT NULL,
        "points_after_decay" double precision NOT NULL,
        "cap" varchar(16),
        "merged_from_lead_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_score_ledger" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_score_ledger_kind" CHECK ("kind" IN ('awarded', 'adjusted', 'merged')),
        CONSTRAINT "CHK_score_ledger_cap" CHECK ("cap" IN ('once_per_lead', 'rule_cap', 'window_cap'))
      )`,
    );
    // Pages and exports walk one lead's rows in id order rather than created_at (the transaction's start time):
    // a lead's rows are only written under its row lock, so its ids grow in the order the changes committed.
    await queryRunner.query(`CREATE INDEX "IDX_score_ledger_lead" ON "score_ledger" ("lead_id", "id")`);
    await queryRunner.query(
      `CREATE TABLE "lead_events" (
        "id" bigserial NOT NULL,
        "lead_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "kind" varchar(16) NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "payload" jsonb NOT NULL,
        "applied_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_lead_events" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_lead_events_lead_event" UNIQUE ("lead_id", "event_id"),
        CONSTRAINT "CHK_lead_events_kind" CHECK ("kind" IN ('engagement', 'sales'))
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "lead_events"`);
    await queryRunner.query(`DROP TABLE "score_ledger"`);
    await queryRunner.query(`DROP TABLE "lead_state"`);
    await queryRunner.query(`DROP TABLE "scoring_models"`);
  }
}
