import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quota's books. Configuration the admin sets (quotas, team history, rate table, lead limits), the facts sales
 * systems report (deal facts, folded into one row per deal), the contributions those outcomes credit (kept with a
 * withdrawal mark and the time they were last recorded, so a late change can mark its period restated), each
 * lead's current holder for workload, and the capacity last published per rep (so unchanged figures are not
 * published again).
 */
export class QuotaTables1765300000000 implements MigrationInterface {
  readonly name = 'QuotaTables1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quotas" (
        "id" varchar(128) NOT NULL,
        "owner_kind" varchar(8) NOT NULL,
        "owner_id" varchar(128) NOT NULL,
        "period_id" varchar(128) NOT NULL,
        "period_kind" varchar(16) NOT NULL,
        "period_start" timestamptz NOT NULL,
        "period_end" timestamptz NOT NULL,
        "targets" jsonb NOT NULL,
        "curve" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_quotas" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_quotas_owner_period" UNIQUE ("owner_kind", "owner_id", "period_id"),
        CONSTRAINT "CHK_quotas_owner_kind" CHECK ("owner_kind" IN ('rep', 'team')),
        CONSTRAINT "CHK_quotas_period" CHECK ("period_end" > "period_start")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_quotas_period" ON "quotas" ("period_id")`);
    await queryRunner.query(
      `CREATE TABLE "team_memberships" (
        "rep_id" varchar(128) NOT NULL,
        "team_id" varchar(128) NOT NULL,
        "valid_from" timestamptz NOT NULL,
        "valid_to" timestamptz,
        CONSTRAINT "PK_team_memberships" PRIMARY KEY ("rep_id", "valid_from")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_team_memberships_team" ON "team_memberships" ("team_id")`);
    await queryRunner.query(
      `CREATE TABLE "rep_limits" (
        "rep_id" varchar(128) NOT NULL,
        "max_open_leads" integer NOT NULL,
        CONSTRAINT "PK_rep_limits" PRIMARY KEY ("rep_id"),
        CONSTRAINT "CHK_rep_limits_max" CHECK ("max_open_leads" >= 0)
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "exchange_rates" (
        "from_currency" char(3) NOT NULL,
        "to_currency" char(3) NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date,
        "rate" numeric NOT NULL,
        CONSTRAINT "PK_exchange_rates" PRIMARY KEY ("from_currency", "to_currency", "valid_from"),
        CONSTRAINT "CHK_exchange_rates_rate" CHECK ("rate" > 0)
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "deal_facts" (
        "event_id" uuid NOT NULL,
        "deal_id" varchar(200) NOT NULL,
        "kind" varchar(20) NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "rep_id" varchar(128),
        "lead_id" uuid,
        "amount" numeric,
        "currency" char(3),
        CONSTRAINT "PK_deal_facts" PRIMARY KEY ("event_id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_deal_facts_deal" ON "deal_facts" ("deal_id")`);
    await queryRunner.query(
      `CREATE TABLE "deals" (
        "deal_id" varchar(200) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'open',
        "rep_id" varchar(128),
        "lead_id" uuid,
        "amount" numeric,
        "currency" char(3),
        "closed_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_deals" PRIMARY KEY ("deal_id")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "contributions" (
        "id" varchar(256) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "rep_id" varchar(128) NOT NULL,
        "at" timestamptz NOT NULL,
        "amount" numeric,
        "currency" char(3),
        "withdrawn" boolean NOT NULL DEFAULT false,
        "recorded_at" timestamptz NOT NULL,
        CONSTRAINT "PK_contributions" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_contributions_rep_at" ON "contributions" ("rep_id", "at")`);
    await queryRunner.query(
      `CREATE TABLE "lead_holdings" (
        "lead_id" uuid NOT NULL,
        "rep_id" varchar(128) NOT NULL,
        "routed_at" timestamptz NOT NULL,
        "closed_outcome" varchar(16),
        "closed_at" timestamptz,
        CONSTRAINT "PK_lead_holdings" PRIMARY KEY ("lead_id")
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_holdings_open" ON "lead_holdings" ("rep_id") WHERE "closed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "routed_leads" (
        "assignment_id" uuid NOT NULL,
        "lead_id" uuid NOT NULL,
        "rep_id" varchar(128) NOT NULL,
        "routed_at" timestamptz NOT NULL,
        CONSTRAINT "PK_routed_leads" PRIMARY KEY ("assignment_id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_routed_leads_rep_time" ON "routed_leads" ("rep_id", "routed_at")`);
    await queryRunner.query(
      `CREATE TABLE "rep_capacities" (
        "rep_id" varchar(128) NOT NULL,
        "figures" jsonb,
        "published_at" timestamptz,
        CONSTRAINT "PK_rep_capacities" PRIMARY KEY ("rep_id")
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rep_capacities',
      'routed_leads',
      'lead_holdings',
      'contributions',
      'deals',
      'deal_facts',
      'exchange_rates',
      'rep_limits',
      'team_memberships',
      'quotas',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
