import type { MigrationInterface, QueryRunner } from 'typeorm';
import { InboxRetentionIndex1700000000001 } from './inbox-retention.migration';
import { qualifiedTable, serviceSchemaOf } from './sql-identifier.util';

/**
 * Creates the inbox and outbox tables in the data source's own schema, so every service lists this one class
 * in its migrations. The early timestamp makes it run before any service migration.
 */
export class InboxOutboxTables1700000000000 implements MigrationInterface {
  readonly name = 'InboxOutboxTables1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = serviceSchemaOf(queryRunner.connection);
    const inbox = qualifiedTable(schema, 'inbox');
    const outbox = qualifiedTable(schema, 'outbox');
    await queryRunner.query(
      `CREATE TABLE ${inbox} (
        "consumer" varchar(200) NOT NULL,
        "event_id" uuid NOT NULL,
        "topic" varchar(249),
        "partition" integer,
        "offset" bigint,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox" PRIMARY KEY ("consumer", "event_id")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE ${outbox} (
        "id" bigserial NOT NULL,
        "topic" varchar(249) NOT NULL,
        "message_key" text,
        "payload" text NOT NULL,
        "headers" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        CONSTRAINT "PK_outbox" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_outbox_unpublished" ON ${outbox} ("id") WHERE published_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = serviceSchemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE ${qualifiedTable(schema, 'outbox')}`);
    await queryRunner.query(`DROP TABLE ${qualifiedTable(schema, 'inbox')}`);
  }
}

/** The platform's own migrations, in order: list them first in every service's migrations. */
export const PLATFORM_MIGRATIONS = [InboxOutboxTables1700000000000, InboxRetentionIndex1700000000001];
