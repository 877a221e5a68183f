import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leads, the identity links that map identifiers to them, and the merge history. Unqualified names land in
 * the service schema (the data source's search_path). No column can hold a clear email: emails are keys only
 * as their SHA-256 hex.
 */
export class IdentityTables1764400000000 implements MigrationInterface {
  readonly name = 'IdentityTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "leads" (
        "id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "merged_into_lead_id" uuid,
        "merged_at" timestamptz,
        CONSTRAINT "PK_leads" PRIMARY KEY ("id"),
        CONSTRAINT "FK_leads_merged_into" FOREIGN KEY ("merged_into_lead_id") REFERENCES "leads" ("id"),
        CONSTRAINT "CHK_leads_not_merged_into_itself" CHECK ("merged_into_lead_id" <> "id"),
        CONSTRAINT "CHK_leads_merged_at" CHECK (("merged_into_lead_id" IS NULL) = ("merged_at" IS NULL))
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "identity_links" (
        "kind" varchar(16) NOT NULL,
        "value" text NOT NULL,
        "lead_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_identity_links" PRIMARY KEY ("kind", "value"),
        CONSTRAINT "FK_identity_links_lead" FOREIGN KEY ("lead_id") REFERENCES "leads" ("id"),
        CONSTRAINT "CHK_identity_links_kind" CHECK ("kind" IN ('anonymous', 'user', 'email')),
        CONSTRAINT "CHK_identity_links_email_is_hash" CHECK ("kind" <> 'email' OR "value" ~ '^[0-9a-f]{64}$')
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_identity_links_lead_id" ON "identity_links" ("lead_id")`);
    await queryRunner.query(
      `CREATE TABLE "lead_merges" (
        "id" uuid NOT NULL,
        "surviving_lead_id" uuid NOT NULL,
        "merged_lead_id" uuid NOT NULL,
        "reason" varchar(32) NOT NULL,
        "event_id" uuid NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        CONSTRAINT "PK_lead_merges" PRIMARY KEY ("id"),
        CONSTRAINT "FK_lead_merges_surviving_lead" FOREIGN KEY ("surviving_lead_id") REFERENCES "leads" ("id"),
        CONSTRAINT "FK_lead_merges_merged_lead" FOREIGN KEY ("merged_lead_id") REFERENCES "leads" ("id"),
        CONSTRAINT "CHK_lead_merges_reason" CHECK ("reason" IN ('identify', 'alias', 'email_match')),
        CONSTRAINT "UQ_lead_merges_merged_lead_id" UNIQUE ("merged_lead_id"),
        CONSTRAINT "UQ_lead_merges_event_id" UNIQUE ("event_id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_lead_merges_surviving_lead_id" ON "lead_merges" ("surviving_lead_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "lead_merges"`);
    await queryRunner.query(`DROP TABLE "identity_links"`);
    await queryRunner.query(`DROP TABLE "leads"`);
  }
}
