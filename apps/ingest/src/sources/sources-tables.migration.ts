import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sources table; unqualified names land in the service schema through the data source's search_path. */
export class SourcesTables1764500000000 implements MigrationInterface {
  readonly name = 'SourcesTables1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sources" (
        "id" uuid NOT NULL,
        "name" varchar(200) NOT NULL,
        "write_key_hash" char(64) NOT NULL,
        "key_prefix" varchar(16) NOT NULL,
        "signing_secret_encrypted" text,
        "require_signature" boolean NOT NULL DEFAULT false,
        "status" varchar(16) NOT NULL DEFAULT 'active',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz,
        CONSTRAINT "PK_sources" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_sources_status" CHECK ("status" IN ('active', 'revoked'))
      )`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sources_write_key_hash" ON "sources" ("write_key_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sources"`);
  }
}
