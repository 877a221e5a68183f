import { createDataSourceOptions, Inbox, Outbox, PLATFORM_MIGRATIONS, runMigrations } from '@handoff/platform-database';
import { TEST_DATABASE_URL } from '@handoff/testing';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { ChunkTransaction } from '../lib/chunk-transaction';
import type { ConsumedMessage } from '../lib/kafka-record';
import { outboxMessageOf } from '../lib/outbox-message';
import { runId, testTopic, type TestEvent } from './test-event.fixture';

/** `sequence` is a smallint, so a record whose sequence exceeds 32767 fails with SQLSTATE 22003, every time. */
class AppliedEventsTable1700000000100 implements MigrationInterface {
  readonly name = 'AppliedEventsTable1700000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE applied (entity_id text NOT NULL, sequence smallint NOT NULL, event_id uuid NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applied');
  }
}

/**
 * A consumer's state in a fresh schema of the real PostgreSQL: the events it applied, behind the
 * platform's inbox, in one transaction per chunk like the services do (ChunkTransaction). Each applied
 * event is announced on `<topic>.applied` through the outbox.
 */
export class AppliedEvents {
  private readonly chunks: ChunkTransaction;

  private constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
  ) {
    this.chunks = new ChunkTransaction(dataSource, new Inbox(dataSource), new Outbox());
  }

  static async create(): Promise<AppliedEvents> {
    const schema = `kafka_int_${runId()}`;
    const dataSource = new DataSource(
      createDataSourceOptions({
        url: TEST_DATABASE_URL,
        schema,
        poolSize: 2,
        migrations: [...PLATFORM_MIGRATIONS, AppliedEventsTable1700000000100],
      }),
    );
    await dataSource.initialize();
    await runMigrations(dataSource);
    return new AppliedEvents(dataSource, schema);
  }

  /**
   * Applies the events its inbox has not seen, in one transaction; `beforeCommit` runs after the writes, so a
   * test can fail the chunk there and see it rolled back.
   */
  async apply(messages: ConsumedMessage<TestEvent>[], beforeCommit: () => void = () => undefined): Promise<void> {
    await this.chunks.apply('kafka-int', messages, async (manager, fresh) => {
      for (const { value } of fresh) {
        await manager.query('INSERT INTO applied (entity_id, sequence, event_id) VALUES ($1, $2, $3)', [
          value.entityId,
          value.sequence,
          value.eventId,
        ]);
      }
      beforeCommit();
      return fresh.map(({ topic, value }) => outboxMessageOf(testTopic(`${topic}.applied`), value));
    });
  }

  /** The outbox rows in the order they would be published, as `<topic>/<key>`. */
  async announced(): Promise<string[]> {
    const rows: { topic: string; message_key: string }[] = await this.dataSource.query(
      'SELECT topic, message_key FROM outbox ORDER BY id',
    );
    return rows.map((row) => `${row.topic}/${row.message_key}`);
  }

  async sequencesOf(entityId: string): Promise<number[]> {
    const rows: { sequence: number }[] = await this.dataSource.query(
      'SELECT sequence FROM applied WHERE entity_id = $1 ORDER BY sequence',
      [entityId],
    );
    return rows.map((row) => row.sequence);
  }

  async drop(): Promise<void> {
    await this.dataSource.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.dataSource.destroy();
  }
}
