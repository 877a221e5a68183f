import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory: reps with their team memberships and out-of-office periods, teams, pools with their member
 * teams and reps, territories, and accounts with the domains they own. Unqualified names land in the service
 * schema (the data source's search_path). Reps hold a display name only: no email or phone (README "Personal
 * data"). Reps are never deleted (assignments name them), so the foreign keys to them restrict.
 */
export class DirectoryTables1765000000000 implements MigrationInterface {
  readonly name = 'DirectoryTables1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "teams" (
        "id" varchar(128) NOT NULL,
        "name" varchar(200) NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_teams" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "reps" (
        "id" varchar(128) NOT NULL,
        "name" varchar(200) NOT NULL,
        "active" boolean NOT NULL,
        "weight" double precision NOT NULL,
        "languages" text[] NOT NULL,
        "skills" text[] NOT NULL,
        "time_zone" varchar(64) NOT NULL,
        "working_hours" jsonb NOT NULL,
        "paused_until" timestamptz,
        "daily_cap" integer,
        "rolling_30_day_cap" integer,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_reps" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_reps_weight" CHECK ("weight" >= 0),
        CONSTRAINT "CHK_reps_caps" CHECK ("daily_cap" >= 0 AND "rolling_30_day_cap" >= 0)
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "rep_teams" (
        "rep_id" varchar(128) NOT NULL REFERENCES "reps" ("id") ON DELETE CASCADE,
        "team_id" varchar(128) NOT NULL REFERENCES "teams" ("id"),
        CONSTRAINT "PK_rep_teams" PRIMARY KEY ("rep_id", "team_id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_rep_teams_team" ON "rep_teams" ("team_id")`);
    await queryRunner.query(
      `CREATE TABLE "rep_out_of_office" (
        "rep_id" varchar(128) NOT NULL REFERENCES "reps" ("id") ON DELETE CASCADE,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        CONSTRAINT "PK_rep_out_of_office" PRIMARY KEY ("rep_id", "starts_at", "ends_at"),
        CONSTRAINT "CHK_rep_out_of_office_order" CHECK ("starts_at" < "ends_at")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "pools" (
        "id" varchar(128) NOT NULL,
        "name" varchar(200) NOT NULL,
        "require_working_hours" boolean NOT NULL,
        "sla_minutes" integer NOT NULL,
        "sla_in_business_hours" boolean NOT NULL,
        "max_attempts" integer NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_pools" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_pools_sla_minutes" CHECK ("sla_minutes" >= 1),
        CONSTRAINT "CHK_pools_max_attempts" CHECK ("max_attempts" >= 1)
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "pool_teams" (
        "pool_id" varchar(128) NOT NULL REFERENCES "pools" ("id") ON DELETE CASCADE,
        "team_id" varchar(128) NOT NULL REFERENCES "teams" ("id"),
        CONSTRAINT "PK_pool_teams" PRIMARY KEY ("pool_id", "team_id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_pool_teams_team" ON "pool_teams" ("team_id")`);
    await queryRunner.query(
      `CREATE TABLE "pool_reps" (
        "pool_id" varchar(128) NOT NULL REFERENCES "pools" ("id") ON DELETE CASCADE,
        "rep_id" varchar(128) NOT NULL REFERENCES "reps" ("id"),
        CONSTRAINT "PK_pool_reps" PRIMARY KEY ("pool_id", "rep_id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_pool_reps_rep" ON "pool_reps" ("rep_id")`);
    await queryRunner.query(
      `CREATE TABLE "territories" (
        "id" varchar(128) NOT NULL,
        "name" varchar(200) NOT NULL,
        "countries" text[] NOT NULL,
        "regions" text[] NOT NULL,
        "postal_prefixes" text[] NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_territories" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "accounts" (
        "id" varchar(128) NOT NULL,
        "name" varchar(200) NOT NULL,
        "owner_rep_id" varchar(128) REFERENCES "reps" ("id"),
        "segment" varchar(64),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_accounts" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_accounts_owner" ON "accounts" ("owner_rep_id")`);
    // One account per domain, so an exact domain match names one account.
    await queryRunner.query(
      `CREATE TABLE "account_domains" (
        "domain" varchar(253) NOT NULL,
        "account_id" varchar(128) NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
        CONSTRAINT "PK_account_domains" PRIMARY KEY ("domain")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_account_domains_account" ON "account_domains" ("account_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'account_domains',
      'accounts',
      'territories',
      'pool_reps',
      'pool_teams',
      'pools',
      'rep_out_of_office',
      'rep_teams',
      'reps',
      'teams',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
