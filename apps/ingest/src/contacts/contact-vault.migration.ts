import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contact vault: one row per lead, sealed details or an erasure tombstone. Also indexes the leads merged
 * into a lead, which the vault reads to combine a survivor with the leads merged into it.
 */
export class ContactVault1765100000001 implements MigrationInterface {
  readonly name = 'ContactVault1765100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contact_vault" (
        "lead_id" uuid NOT NULL,
        "sealed" text,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "erased_at" timestamptz,
        CONSTRAINT "PK_contact_vault" PRIMARY KEY ("lead_id"),
        CONSTRAINT "FK_contact_vault_lead" FOREIGN KEY ("lead_id") REFERENCES "leads" ("id"),
        CONSTRAINT "CHK_contact_vault_sealed_or_erased" CHECK (("sealed" IS NULL) = ("erased_at" IS NOT NULL))
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_leads_merged_into_lead_id" ON "leads" ("merged_into_lead_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_leads_merged_into_lead_id"`);
    await queryRunner.query(`DROP TABLE "contact_vault"`);
  }
}
