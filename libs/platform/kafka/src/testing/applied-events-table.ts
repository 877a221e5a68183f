import { createDataSourceOptions, Inbox, PLATFORM_MIGRATIONS, runMigrations } from '@handoff/platform-database';
import { TEST_DATABASE_URL } from '@handoff/testing';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { ConsumedMessage } from '../lib/kafka-record';
import type { TestEvent } from './test-event.fixture';
import { runId } from './test-event.fixture';

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
 * platform's inbox, in one transaction per chunk like the services do.
 */
export class AppliedEvents {
  private readonly inbox: Inbox;

  private constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
  ) {
    this.inbox = new Inbox(dataSource);
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

  /** Applies the events its inbox has not seen, in one transaction. */
  async apply(messages: ConsumedMessage<TestEvent>[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const fresh = await this.inbox.claim(
        manager,
        'kafka-int',
        messages.map((m) => m.value.eventId),
      );
      for (const { value } of messages.filter((m) => fresh.has(m.value.eventId))) {
        await manager.query('INSERT INTO applied (entity_id, sequence, event_id) VALUES ($1, $2, $3)', [
          value.entityId,
          value.sequence,
          value.eventId,
        ]);
      }
    });
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
