import type { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable, serviceSchemaOf } from './sql-identifier.util';

/** Indexes the inbox by claim time, so pruning old rows reads only those rows (Inbox.pruneBatch). */
export class InboxRetentionIndex1700000000001 implements MigrationInterface {
  readonly name = 'InboxRetentionIndex1700000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const inbox = qualifiedTable(serviceSchemaOf(queryRunner.connection), 'inbox');
    await queryRunner.query(`CREATE INDEX "IDX_inbox_processed_at" ON ${inbox} ("processed_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = serviceSchemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX ${qualifiedTable(schema, 'IDX_inbox_processed_at')}`);
  }
}
