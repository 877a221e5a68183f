import { randomUUID } from 'node:crypto';
import { dropSchema, uniqueName } from '@handoff/testing';
import { type DeliveryTestApp, prepareDeliveryEnv, startDeliveryApp } from '../testing/delivery-test-app';
import { DeliveryQueueStore, type LeasedDelivery } from './delivery-queue.store';
import { DeliveryRetention } from './delivery-retention';

const CIRCUIT = { failures: 3, pauseMs: 60_000 };
const attempt = { attemptedAt: new Date(), statusCode: 500, latencyMs: 5 };

/** The queue's ordering and sharing rules, on PostgreSQL, with the dispatcher off so the test leases by hand. */
describe('the delivery queue', () => {
  const schema = uniqueName('delivery_queue');
  let service: DeliveryTestApp;
  let queue: DeliveryQueueStore;

  beforeAll(async () => {
    prepareDeliveryEnv({ DATABASE_SCHEMA: schema });
    service = await startDeliveryApp();
    queue = service.app.get(DeliveryQueueStore);
  });

  afterAll(async () => {
    await service?.stop();
    await dropSchema(schema);
  });

  beforeEach(async () => {
    await service.dataSource.query(`DELETE FROM "${schema}".subscriptions`);
  });

  async function subscription(status = 'active'): Promise<string> {
    const id = randomUUID();
    await service.dataSource.query(
      `INSERT INTO "${schema}".subscriptions (id, url, event_types, secret, status)
       VALUES ($1, 'http://127.0.0.1:9/hooks', '{lead.routed}', $2, $3)`,
      [id, `whsec_${Buffer.alloc(32, 1).toString('base64')}`, status],
    );
    return id;
  }

  /** Queues one delivery per lead given, in that order; answers their ids. */
  async function enqueue(subscriptionId: string, ...leads: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const lead of leads) {
      const id = randomUUID();
      await service.dataSource.query(
        `INSERT INTO "${schema}".deliveries (id, subscription_id, event_id, event_type, lead_id, order_key, body)
         VALUES ($1, $2, $3, 'lead.routed', NULL, $4, '{}')`,
        [id, subscriptionId, randomUUID(), `lead:${lead}`],
      );
      ids.push(id);
    }
    return ids;
  }

  const leasedIds = async (limit = 50) => (await queue.lease(limit, 60_000)).map((delivery) => delivery.id).sort();
  const leased = (id: string, subscriptionId: string): LeasedDelivery =>
    ({
      id,
      subscriptionId,
      url: '',
      body: '{}',
      attempts: 0,
      secrets: [],
      eventType: 'lead.routed',
      leadId: null,
      includeContact: false,
    }) satisfies LeasedDelivery;

  it('leases only the oldest pending delivery of each (subscription, lead)', async () => {
    const [sub1, sub2] = [await subscription(), await subscription()];
    const [a1, , b1] = await enqueue(sub1, 'a', 'a', 'b');
    const [c1] = await enqueue(sub2, 'a', 'a');
    expect(await leasedIds()).toEqual([a1, b1, c1].sort());
  });

  it('never leases a delivery twice while its lease holds, so replicas share the queue', async () => {
    const sub = await subscription();
    const [first, second] = await enqueue(sub, 'a', 'b');
    const [one, other] = await Promise.all([queue.lease(1, 60_000), queue.lease(1, 60_000)]);
    expect([...one, ...other].map((delivery) => delivery.id).sort()).toEqual([first, second].sort());
    expect(await leasedIds()).toEqual([]);
  });

  it('leases no more to one endpoint than its in-flight cap, leaving room for the others', async () => {
    const [slow, other] = [await subscription(), await subscription()];
    await enqueue(slow, 'a', 'b', 'c', 'd');
    const [o1] = await enqueue(other, 'a');
    const first = await queue.lease(50, 60_000, 2);
    expect(first.filter((delivery) => delivery.subscriptionId === slow)).toHaveLength(2);
    expect(first.map((delivery) => delivery.id)).toContain(o1);
    expect(await queue.lease(50, 60_000, 2)).toEqual([]);
  });

  it('holds a lead’s later deliveries behind a failing one for that endpoint only', async () => {
    const [failing, healthy] = [await subscription(), await subscription()];
    const [a1, a2] = await enqueue(failing, 'a', 'a');
    const [b1] = await enqueue(failing, 'b');
    const [h1] = await enqueue(healthy, 'a');
    expect(await leasedIds()).toEqual([a1, b1, h1].sort());
    await queue.record(leased(a1, failing), attempt, { kind: 'retry', delayMs: 60_000 }, CIRCUIT);
    await queue.record(leased(b1, failing), { ...attempt, statusCode: 200 }, { kind: 'delivered' }, CIRCUIT);
    await queue.record(leased(h1, healthy), { ...attempt, statusCode: 200 }, { kind: 'delivered' }, CIRCUIT);
    // a1 waits for its retry; a2 waits behind it; nothing else is pending.
    expect(await leasedIds()).toEqual([]);
    await queue.record(leased(a1, failing), attempt, { kind: 'dead', reason: 'retry schedule exhausted' }, CIRCUIT);
    // A dead delivery no longer holds the lead back.
    expect(await leasedIds()).toEqual([a2]);
  });

  it('leases nothing of a paused subscription or of one whose circuit is open', async () => {
    const paused = await subscription('paused');
    await enqueue(paused, 'a');
    const tripped = await subscription();
    const ids = await enqueue(tripped, 'a', 'b', 'c', 'd');
    expect(await leasedIds(3)).toHaveLength(3);
    for (const id of ids.slice(0, 3)) {
      await queue.record(leased(id, tripped), attempt, { kind: 'retry', delayMs: 0 }, CIRCUIT);
    }
    const [{ consecutive_failures, circuit_open_until }] = await service.dataSource.query(
      `SELECT consecutive_failures, circuit_open_until FROM "${schema}".subscriptions WHERE id = $1`,
      [tripped],
    );
    expect(consecutive_failures).toBe(3);
    expect(circuit_open_until.getTime()).toBeGreaterThan(Date.now());
    expect(await leasedIds()).toEqual([]);
  });

  it('prunes delivered and dead deliveries past retention, never pending ones', async () => {
    const sub = await subscription();
    const [oldDelivered, oldDead, oldPending, recentDelivered] = await enqueue(sub, 'a', 'b', 'c', 'd');
    const set = (id: string, status: string, daysAgo: number) =>
      service.dataSource.query(
        `UPDATE "${schema}".deliveries SET status = $2, created_at = now() - make_interval(days => $3) WHERE id = $1`,
        [id, status, daysAgo],
      );
    await set(oldDelivered, 'delivered', 31);
    await set(oldDead, 'dead', 31);
    await set(oldPending, 'pending', 31);
    await set(recentDelivered, 'delivered', 29);
    expect(await service.app.get(DeliveryRetention).prune()).toBe(2);
    const left = await service.dataSource.query(`SELECT id FROM "${schema}".deliveries ORDER BY seq`);
    expect(left.map((row: { id: string }) => row.id)).toEqual([oldPending, recentDelivered]);
  });

  it('replays only a dead delivery, back at the head of its lead', async () => {
    const sub = await subscription();
    const [a1, a2] = await enqueue(sub, 'a', 'a');
    await queue.lease(50, 60_000);
    expect(await queue.replay(a1)).toBe(false);
    await queue.record(leased(a1, sub), attempt, { kind: 'dead', reason: 'retry schedule exhausted' }, CIRCUIT);
    expect(await leasedIds()).toEqual([a2]);
    await queue.record(leased(a2, sub), { ...attempt, statusCode: 200 }, { kind: 'delivered' }, CIRCUIT);
    expect(await queue.replay(a1)).toBe(true);
    expect(await leasedIds()).toEqual([a1]);
  });
});
