import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { waitFor } from '@handoff/testing';
import { dropSchema, freshSchemaName, openTestDataSource } from '../testing/test-database';
import { runMigrations } from './migration.runner';
import type { NewOutboxMessage, OutboxMessage, OutboxSender } from './outbox-message.types';
import { OutboxRelay } from './outbox-relay.service';
import { Outbox } from './outbox.store';

class RollBack extends Error {}
class ProcessDied extends Error {}

/** Stands in for the broker: keeps every acknowledged message in arrival order. */
class RecordingSender implements OutboxSender {
  readonly delivered: OutboxMessage[] = [];

  async send(messages: OutboxMessage[]): Promise<void> {
    this.delivered.push(...messages);
  }

  eventIds(): string[] {
    return this.delivered.map(eventIdOf);
  }
}

function event(key: string, sequence = 0): NewOutboxMessage {
  const eventId = randomUUID();
  return {
    topic: 'lead.scored.v1',
    key,
    value: JSON.stringify({ eventId, key, sequence }),
    headers: { 'x-correlation-id': `corr-${eventId}` },
  };
}

function eventIdOf(message: Pick<OutboxMessage, 'value'>): string {
  return (JSON.parse(message.value) as { eventId: string }).eventId;
}

describe('OutboxRelay (real PostgreSQL)', () => {
  let schema: string;
  let dataSource: DataSource;
  const replicas: DataSource[] = [];
  const outbox = new Outbox();

  beforeEach(async () => {
    schema = freshSchemaName();
    dataSource = await openTestDataSource(schema);
    await runMigrations(dataSource);
  });

  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((replica) => replica.destroy()));
    await dropSchema(dataSource, schema);
    await dataSource.destroy();
  });

  /** A relay on its own pool, as another process (or replica) of the service would have. */
  async function relayInNewProcess(
    sender: OutboxSender,
    applicationName?: string,
    batchSize = 100,
  ): Promise<OutboxRelay> {
    const replica = await openTestDataSource(schema, applicationName);
    replicas.push(replica);
    return new OutboxRelay(replica, sender, {
      batchSize,
      pollIntervalMs: 5,
      retryDelayMs: 5,
    });
  }

  function commit(messages: NewOutboxMessage[]): Promise<void> {
    return dataSource.transaction((manager) => outbox.add(manager, messages));
  }

  async function rollBack(messages: NewOutboxMessage[]): Promise<void> {
    const transaction = dataSource.transaction(async (manager) => {
      await outbox.add(manager, messages);
      throw new RollBack();
    });
    await expect(transaction).rejects.toBeInstanceOf(RollBack);
  }

  async function unpublishedCount(): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await dataSource.query(
      `SELECT count(*)::int AS count FROM "${schema}".outbox WHERE published_at IS NULL`,
    );
    return count;
  }

  it('sends nothing and marks nothing when the process dies before the send; the next relay sends exactly the committed events in order', async () => {
    const committed = [event('lead-1', 0), event('lead-2', 0), event('lead-1', 1), event('lead-1', 2)];
    await commit(committed);
    await rollBack([event('lead-1', 99), event('lead-3', 0)]);

    const dying = await relayInNewProcess({
      send: () => Promise.reject(new ProcessDied('killed before send')),
    });
    await expect(dying.relayOnce()).rejects.toBeInstanceOf(ProcessDied);
    expect(await unpublishedCount()).toBe(committed.length);

    const broker = new RecordingSender();
    const next = await relayInNewProcess(broker);
    expect(await next.relayOnce()).toBe(committed.length);
    expect(broker.delivered).toEqual(committed);
    expect(await next.relayOnce()).toBe(0);
    expect(await unpublishedCount()).toBe(0);
  });

  it('resends events whose send was acknowledged when the process died before marking them published', async () => {
    const committed = [event('lead-1', 0), event('lead-2', 0), event('lead-1', 1)];
    await commit(committed);
    await rollBack([event('lead-1', 99)]);
    const broker = new RecordingSender();

    const crashingName = `crashing-relay-${schema}`;
    const crashing = await relayInNewProcess(
      {
        send: async (messages) => {
          await broker.send(messages);
          // The broker has acknowledged; now the process dies, taking its database session with it.
          await dataSource.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
            crashingName,
          ]);
        },
      },
      crashingName,
    );
    await expect(crashing.relayOnce()).rejects.toThrow();
    expect(await unpublishedCount()).toBe(committed.length);

    const next = await relayInNewProcess(broker);
    expect(await next.relayOnce()).toBe(committed.length);

    const committedIds = committed.map(eventIdOf);
    expect(broker.eventIds()).toEqual([...committedIds, ...committedIds]);
    expect(new Set(broker.eventIds())).toEqual(new Set(committedIds));
    expect(await unpublishedCount()).toBe(0);
  });

  it('relays in id order across batches and keeps null keys and headers intact', async () => {
    const committed = [event('lead-1', 0), { ...event('lead-1', 1), key: null }, event('lead-1', 2)];
    await commit(committed.slice(0, 2));
    await commit(committed.slice(2));
    const broker = new RecordingSender();
    const relay = await relayInNewProcess(broker, undefined, 2);

    expect(await relay.relayOnce()).toBe(2);
    expect(await relay.relayOnce()).toBe(1);
    expect(broker.delivered).toEqual(committed);
  });

  it('never lets two relays of one schema send at the same time, so per-key order holds across replicas', async () => {
    const keys = ['lead-1', 'lead-2', 'lead-3'];
    const committed: NewOutboxMessage[] = [];
    const broker = new RecordingSender();
    let inFlight = 0;
    let maxInFlight = 0;
    const slowSender: OutboxSender = {
      send: async (messages) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 3));
        await broker.send(messages);
        inFlight--;
      },
    };
    const relays = [
      await relayInNewProcess(slowSender, undefined, 4),
      await relayInNewProcess(slowSender, undefined, 4),
    ];
    const attempts = relays.map((relay) => jest.spyOn(relay, 'relayOnce'));
    relays.forEach((relay) => relay.start());

    for (let transaction = 0; transaction < 15; transaction++) {
      const messages = keys.flatMap((key) => [event(key, 2 * transaction), event(key, 2 * transaction + 1)]);
      committed.push(...messages);
      await commit(messages);
    }
    await waitFor('every committed message to be relayed', () => broker.delivered.length >= committed.length);
    await Promise.all(relays.map((relay) => relay.stop()));

    expect(maxInFlight).toBe(1);
    expect(attempts.every((spy) => spy.mock.calls.length > 0)).toBe(true);
    expect(broker.eventIds()).toEqual(committed.map(eventIdOf));
  });

  it('deletes only rows published longer ago than the retention', async () => {
    await commit([event('lead-1'), event('lead-2')]);
    await commit([event('lead-3')]);
    const relay = new OutboxRelay(dataSource, new RecordingSender(), {
      batchSize: 2,
    });
    await relay.relayOnce();
    await dataSource.query(
      `UPDATE "${schema}".outbox SET published_at = now() - interval '25 hours' WHERE published_at IS NOT NULL`,
    );
    await relay.relayOnce();

    expect(await relay.purgePublished(24)).toBe(2);
    const [{ remaining }]: Array<{ remaining: number }> = await dataSource.query(
      `SELECT count(*)::int AS remaining FROM "${schema}".outbox`,
    );
    expect(remaining).toBe(1);
  });

  it('exposes the backlog and relayed count on the service metrics registry', async () => {
    const registry = new Registry();
    const relay = new OutboxRelay(dataSource, new RecordingSender(), {
      batchSize: 2,
      metrics: registry,
    });
    await commit([event('lead-1'), event('lead-2'), event('lead-3')]);
    await relay.relayOnce();

    const metrics = await registry.getMetricsAsJSON();
    const valueOf = (name: string): number | undefined =>
      metrics.find((metric) => metric.name === name)?.values[0]?.value;
    expect(valueOf('handoff_outbox_backlog_records')).toBe(1);
    expect(valueOf('handoff_outbox_relayed_records_total')).toBe(2);
  });
});
