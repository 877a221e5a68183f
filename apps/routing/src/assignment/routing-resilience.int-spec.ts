import { exampleEvents, type LeadQualifiedV2, type RepCapacityV1, Topics } from '@handoff/contracts';
import type { ConsumedMessage } from '@handoff/platform-kafka';
import { METRICS_REGISTRY } from '@handoff/platform-observability';
import { TEST_DATABASE_URL, waitFor } from '@handoff/testing';
import { Client } from 'pg';
import type { Registry } from 'prom-client';
import { type RoutingTestApp, startRoutingApp } from '../testing/routing-test-app';
import { RoutingStreamTestBed, seedPool } from '../testing/routing-stream-test-bed';
import { RoutingBatch } from './routing-batch.service';

const bed = new RoutingStreamTestBed();
const running: RoutingTestApp[] = [];

async function start(): Promise<RoutingTestApp> {
  const app = await startRoutingApp();
  running.push(app);
  return app;
}

async function stop(app: RoutingTestApp): Promise<void> {
  running.splice(running.indexOf(app), 1);
  await app.stop();
}

const query = <T>(app: RoutingTestApp, sql: string, params: unknown[] = []) =>
  app.dataSource.query(sql.replaceAll('routing.', `"${bed.schema}".`), params) as Promise<T[]>;

const consumed = (event: LeadQualifiedV2, offset: number): ConsumedMessage<LeadQualifiedV2> => ({
  value: event,
  key: event.leadId,
  topic: Topics.leadQualifiedV2.name,
  partition: 0,
  offset: String(offset),
  headers: {},
  correlationId: event.correlationId,
});

/** A counter's value for one label set on a routing instance's registry (0 when never incremented). */
async function counted(app: RoutingTestApp, name: string, labels: Record<string, string>): Promise<number> {
  const metric = await app.app.get<Registry>(METRICS_REGISTRY).getSingleMetric(name)?.get();
  const matches = (values: Record<string, unknown>) => Object.entries(labels).every(([k, v]) => values[k] === v);
  return metric?.values.find((value) => matches(value.labels))?.value ?? 0;
}

const capacity = (repId: string, figures: Partial<RepCapacityV1>): RepCapacityV1 =>
  exampleEvents.repCapacity({ repId, occurredAt: new Date().toISOString(), ...figures });

beforeAll(async () => {
  await bed.start();
  const first = await start();
  await seedPool(first, 'inbound', ['ina', 'ines', 'ivo']);
  await seedPool(first, 'enterprise', ['eva', 'emil']);
}, 60_000);

afterAll(async () => {
  for (const app of [...running]) await app.stop();
  await bed.stop();
});

describe('routing under concurrency, restarts and capacity (real broker and database)', () => {
  it('two instances in one group assign each qualification once, even when both apply the same record', async () => {
    const [first] = running;
    const second = await start();
    const both = bed.qualified();
    await Promise.all([first, second].map((app) => app.app.get(RoutingBatch).applyQualifications([consumed(both, 1)])));
    const leads = Array.from({ length: 20 }, () => bed.qualified());
    await bed.publish(Topics.leadQualifiedV2, ...leads, ...leads.slice(0, 10));

    for (const lead of leads) await bed.routedOf(lead.leadId);
    const counts = await query<{ lead_id: string; assignments: string }>(
      first,
      `SELECT lead_id, count(*) AS assignments FROM routing.assignments WHERE lead_id = ANY($1) GROUP BY lead_id`,
      [[both, ...leads].map((lead) => lead.leadId)],
    );
    expect(counts).toHaveLength(21);
    expect(counts.every((row) => Number(row.assignments) === 1)).toBe(true);
    expect(bed.routedNow(both.leadId)).toHaveLength(1);
    for (const lead of leads) expect(bed.routedNow(lead.leadId)).toHaveLength(1);
    await stop(second);
  });

  it('a missed SLA reassigns to a different rep, with the service restarted in between, and counts the breach', async () => {
    const [before] = running;
    const qualified = bed.qualified();
    await bed.publish(Topics.leadQualifiedV2, qualified);
    const [first] = await bed.routedOf(qualified.leadId);
    await stop(before);

    // The deadline passes while no routing process runs.
    const database = new Client({ connectionString: TEST_DATABASE_URL });
    await database.connect();
    await database
      .query(`UPDATE "${bed.schema}".assignments SET sla_due_at = now() - interval '1 second' WHERE lead_id = $1`, [
        qualified.leadId,
      ])
      .finally(() => database.end());
    const after = await start();

    const [, second] = await bed.routedOf(qualified.leadId, 2);
    expect(second).toMatchObject({ attempt: 2, trigger: 'sla_missed', previousRepId: first.repId, poolId: 'inbound' });
    expect(second.repId).not.toBe(first.repId);
    const statuses = await query<{ status: string }>(
      after,
      `SELECT status FROM routing.assignments WHERE lead_id = $1 ORDER BY attempt`,
      [qualified.leadId],
    );
    expect(statuses.map((row) => row.status)).toEqual(['sla_missed', 'open']);
    expect(await counted(after, 'handoff_routing_sla_breaches_total', { pool: 'inbound' })).toBe(1);
    expect(await counted(after, 'handoff_routing_assignments_total', { trigger: 'sla_missed', pool: 'inbound' })).toBe(
      1,
    );
    expect(await counted(after, 'handoff_routing_rep_assignments_total', { pool: 'inbound', rep: second.repId })).toBe(
      1,
    );
  });

  it('a capacity-aware pool follows the rep.capacity.v1 figures quota publishes', async () => {
    const [app] = running;
    const stored = (repId: string, available: boolean) =>
      waitFor(`${repId}'s capacity stored`, async () => {
        const [row] = await query<{ available: boolean }>(
          app,
          `SELECT available FROM routing.rep_capacities WHERE rep_id = $1`,
          [repId],
        );
        return row?.available === available;
      });
    const routeTwo = async () => {
      const leads = [
        bed.qualified({ profile: { employeeCount: 4000 } }),
        bed.qualified({ profile: { employeeCount: 4000 } }),
      ];
      await bed.publish(Topics.leadQualifiedV2, ...leads);
      return Promise.all(leads.map(async (lead) => (await bed.routedOf(lead.leadId))[0]));
    };
    // Weighted round robin would alternate between the two equal reps; capacity sends both leads to the roomier.
    await bed.publish(
      Topics.repCapacity,
      capacity('eva', { openLeads: 1, maxOpenLeads: 10, available: true }),
      capacity('emil', { openLeads: 9, maxOpenLeads: 10, available: true }),
    );
    await Promise.all([stored('eva', true), stored('emil', true)]);
    const roomy = await routeTwo();
    expect(roomy.map((routed) => [routed.repId, routed.strategy])).toEqual([
      ['eva', 'capacity_aware'],
      ['eva', 'capacity_aware'],
    ]);

    // Two records of one rep in one chunk (quota publishes one per chunk, but chunks follow each other): the newer wins.
    await bed.publish(
      Topics.repCapacity,
      capacity('eva', { openLeads: 2, maxOpenLeads: 10, available: true }),
      capacity('eva', { openLeads: 3, maxOpenLeads: 10, available: false }),
    );
    await stored('eva', false);
    expect((await routeTwo()).map((routed) => routed.repId)).toEqual(['emil', 'emil']);
  });
});
