import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing's own books: every qualification it received (with what a decision reads about the lead), every
 * assignment of one to a rep, every decision with its full trace, each pool's strategy memory, and the latest
 * capacity quota published per rep. One live (open or accepted) assignment per qualification is a constraint,
 * so no bug or race can hand one qualification to two reps at once.
 */
export class AssignmentTables1765100000000 implements MigrationInterface {
  readonly name = 'AssignmentTables1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "qualifications" (
        "qualification_id" uuid NOT NULL,
        "lead_id" uuid NOT NULL,
        "qualified_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL,
        "lead" jsonb NOT NULL,
        "status" varchar(16) NOT NULL,
        "queued_pool_id" varchar(128),
        "queued_since" timestamptz,
        "queued_trigger" varchar(16),
        CONSTRAINT "PK_qualifications" PRIMARY KEY ("qualification_id"),
        CONSTRAINT "CHK_qualifications_status" CHECK ("status" IN ('assigned', 'queued', 'closed'))
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_qualifications_lead" ON "qualifications" ("lead_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_qualifications_queued" ON "qualifications" ("queued_since") WHERE "status" = 'queued'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_qualifications_received" ON "qualifications" ("received_at")`);
    await queryRunner.query(
      `CREATE TABLE "assignments" (
        "assignment_id" uuid NOT NULL,
        "qualification_id" uuid NOT NULL REFERENCES "qualifications" ("qualification_id"),
        "lead_id" uuid NOT NULL,
        "attempt" integer NOT NULL,
        "trigger" varchar(16) NOT NULL,
        "rep_id" varchar(128) NOT NULL REFERENCES "reps" ("id"),
        "team_id" varchar(128),
        "pool_id" varchar(128) NOT NULL,
        "rule_id" varchar(128) NOT NULL,
        "strategy" varchar(32) NOT NULL,
        "path" varchar(32) NOT NULL,
        "reason" text NOT NULL,
        "assigned_at" timestamptz NOT NULL,
        "sla_due_at" timestamptz NOT NULL,
        "status" varchar(16) NOT NULL,
        "status_at" timestamptz NOT NULL,
        CONSTRAINT "PK_assignments" PRIMARY KEY ("assignment_id"),
        CONSTRAINT "UQ_assignments_attempt" UNIQUE ("qualification_id", "attempt"),
        CONSTRAINT "CHK_assignments_status"
          CHECK ("status" IN ('open', 'accepted', 'rejected', 'sla_missed', 'reassigned', 'won', 'lost'))
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assignments_live" ON "assignments" ("qualification_id")
        WHERE "status" IN ('open', 'accepted')`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_assignments_lead" ON "assignments" ("lead_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_assignments_rep_time" ON "assignments" ("rep_id", "assigned_at")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_assignments_sla" ON "assignments" ("sla_due_at") WHERE "status" = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "routing_decisions" (
        "id" bigserial NOT NULL,
        "qualification_id" uuid NOT NULL REFERENCES "qualifications" ("qualification_id"),
        "lead_id" uuid NOT NULL,
        "assignment_id" uuid,
        "decided_at" timestamptz NOT NULL,
        "trigger" varchar(16) NOT NULL,
        "outcome" varchar(16) NOT NULL,
        "rep_id" varchar(128),
        "pool_id" varchar(128) NOT NULL,
        "rule_id" varchar(128) NOT NULL,
        "rule_set_version" varchar(128) NOT NULL,
        "reason" text NOT NULL,
        "trace" jsonb NOT NULL,
        CONSTRAINT "PK_routing_decisions" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_routing_decisions_lead" ON "routing_decisions" ("lead_id", "decided_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_routing_decisions_pool" ON "routing_decisions" ("pool_id", "decided_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "pool_states" (
        "pool_id" varchar(128) NOT NULL,
        "state" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "PK_pool_states" PRIMARY KEY ("pool_id")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "rep_capacities" (
        "rep_id" varchar(128) NOT NULL,
        "remaining_lead_capacity" double precision NOT NULL,
        "attainment_ratio" double precision NOT NULL,
        "pace_gap" double precision NOT NULL,
        "available" boolean NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        CONSTRAINT "PK_rep_capacities" PRIMARY KEY ("rep_id")
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rep_capacities', 'pool_states', 'routing_decisions', 'assignments', 'qualifications']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
