import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The console's audit log: admin actions and sign-ins, read newest first by id. */
export class AuditLog1765900000000 implements MigrationInterface {
  readonly name = 'AuditLog1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" varchar(512) NOT NULL,
        "actor_name" varchar(256) NOT NULL,
        "action" varchar(128) NOT NULL,
        "target" varchar(512) NOT NULL,
        "outcome" varchar(16) NOT NULL,
        "detail" jsonb,
        CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_audit_log_outcome" CHECK ("outcome" IN ('succeeded', 'failed'))
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
