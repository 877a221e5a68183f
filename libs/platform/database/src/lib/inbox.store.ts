import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { qualifiedTable, serviceSchemaOf } from './sql-identifier.util';
import { assertInTransaction } from './transaction.guard';

/** An event to claim, with where it came from (kept for diagnosis only). */
export interface InboxEntry {
  eventId: string;
  topic?: string;
  partition?: number;
  offset?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CONSUMER_LENGTH = 200;

/** Idempotent consumers: records applied event ids in the service schema, in the caller's transaction. */
@Injectable()
export class Inbox {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the events for `consumer` and returns the ids not seen before: apply only those. The claim commits
   * or rolls back with the caller's transaction, so a failed apply is retried on redelivery. One statement
   * for the whole batch; a duplicate id inside the batch is claimed once. Returned ids are spelled as given.
   */
  async claim(
    manager: EntityManager,
    consumer: string,
    events: ReadonlyArray<string | InboxEntry>,
  ): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    assertInTransaction(manager, 'Inbox.claim');
    const entries = events.map(toEntry);
    validateClaim(consumer, entries);
    const asGiven = new Map(entries.map((entry) => [entry.eventId.toLowerCase(), entry.eventId]));
    const rows: Array<{ event_id: string }> = await manager.query(
      `INSERT INTO ${qualifiedTable(serviceSchemaOf(manager.connection), 'inbox')}
         (consumer, event_id, topic, partition, "offset")
       SELECT $1, e.event_id, e.topic, e.partition, e."offset"
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[]) AS e(event_id, topic, partition, "offset")
       ON CONFLICT DO NOTHING
       RETURNING event_id`,
      [
        consumer,
        entries.map((entry) => entry.eventId),
        entries.map((entry) => entry.topic ?? null),
        entries.map((entry) => entry.partition ?? null),
        entries.map((entry) => entry.offset ?? null),
      ],
    );
    return new Set(rows.map((row) => asGiven.get(row.event_id) ?? row.event_id));
  }

  /**
   * Deletes at most `limit` rows of every consumer claimed before `cutoff` and returns how many: one short
   * transaction per batch. Rows a concurrent transaction holds are skipped (SKIP LOCKED), so pruning never
   * waits on a consumer and replicas pruning at once split the work.
   */
  async pruneBatch(cutoff: Date, limit: number): Promise<number> {
    const inbox = qualifiedTable(serviceSchemaOf(this.dataSource), 'inbox');
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${inbox} WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM ${inbox} WHERE processed_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [cutoff.toISOString(), limit],
    );
    return deleted;
  }
}

function toEntry(event: string | InboxEntry): InboxEntry {
  return typeof event === 'string' ? { eventId: event } : event;
}

// Checked before the insert: a PostgreSQL cast error would abort the caller's whole transaction.
function validateClaim(consumer: string, entries: readonly InboxEntry[]): void {
  if (consumer.length === 0 || consumer.length > MAX_CONSUMER_LENGTH) {
    throw new Error(`Inbox consumer name must be 1-${MAX_CONSUMER_LENGTH} characters`);
  }
  const invalid = entries.filter((entry) => !UUID.test(entry.eventId)).length;
  if (invalid > 0) throw new Error(`Inbox.claim: ${invalid} event id(s) are not UUIDs`);
}
