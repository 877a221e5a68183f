import { Topics } from '@handoff/contracts';
import { repBody } from '../testing/directory-fixtures';
import { type RoutingTestApp, startRoutingApp } from '../testing/routing-test-app';
import { ALWAYS, RoutingStreamTestBed, seedPool, sendAway, waitUntilQueued } from '../testing/routing-stream-test-bed';
import type { PoolFairness } from './pool-fairness.service';

const bed = new RoutingStreamTestBed();
let service: RoutingTestApp;

beforeAll(async () => {
  await bed.start();
  service = await startRoutingApp();
  // The shipped rules: 1,000+ employees → pool enterprise, everything else → pool inbound.
  await seedPool(service, 'inbound', ['ina', 'ines', 'ivo']);
  await seedPool(service, 'enterprise', ['eva', 'emil']);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await bed.stop();
});

const fairnessOf = (poolId: string, from: string, to: string) =>
  service.get<PoolFairness>(`/pools/${poolId}/fairness?from=${from}&to=${to}`);

describe('GET /pools/:id/fairness (real broker and database)', () => {
  it('sets each rep’s assignments in the window against their weighted share', async () => {
    const ivo = await service.admin('PUT', '/reps/ivo', repBody('ivo', { workingHours: ALWAYS, weight: 2 }));
    expect(ivo.status).toBe(200);
    const from = new Date().toISOString();
    const leads = Array.from({ length: 6 }, () => bed.qualified());
    await bed.publish(Topics.leadQualifiedV2, ...leads);
    for (const lead of leads) await bed.routedOf(lead.leadId);
    const to = new Date(Date.now() + 1).toISOString();

    const { status, body } = await fairnessOf('inbound', from, to);

    expect(status).toBe(200);
    expect(body).toMatchObject({ poolId: 'inbound', from, to, totalAssignments: 6 });
    expect(body.reps.map((rep) => rep.repId)).toEqual(['ina', 'ines', 'ivo']);
    expect(body.reps.reduce((sum, rep) => sum + rep.assignments, 0)).toBe(6);
    expect(body.reps.map((rep) => [rep.weight, rep.weightedShare, rep.expected])).toEqual([
      [1, 0.25, 1.5],
      [1, 0.25, 1.5],
      [2, 0.5, 3],
    ]);
    for (const rep of body.reps) {
      expect(rep.deviation).toBeCloseTo(rep.assignments - rep.expected, 9);
      // Smooth weighted round robin keeps every rep within one lead of their share.
      expect(Math.abs(rep.deviation)).toBeLessThanOrEqual(1);
    }
    const largest = Math.max(...body.reps.map((rep) => Math.abs(rep.deviation)));
    expect(Math.abs(body.largestDeviation?.deviation ?? Number.NaN)).toBe(largest);
    expect(body.timeInQueueMs.count).toBe(0);
  });

  it('gives the waiting time of a lead that queued before it was assigned', async () => {
    const from = new Date().toISOString();
    await sendAway(service, ['eva', 'emil']);
    const qualified = bed.qualified({ profile: { employeeCount: 3000 } });
    await bed.publish(Topics.leadQualifiedV2, qualified);
    await waitUntilQueued(service, bed.schema, qualified.leadId, 'enterprise');
    expect((await service.admin('DELETE', '/reps/emil/out-of-office')).status).toBe(200);
    await bed.routedOf(qualified.leadId);
    const [{ waited_ms: waitedMs }] = await service.dataSource.query(
      `SELECT (EXTRACT(EPOCH FROM a.assigned_at - d.decided_at) * 1000)::float8 AS waited_ms
       FROM "${bed.schema}".assignments a JOIN "${bed.schema}".routing_decisions d
         ON d.qualification_id = a.qualification_id AND d.outcome = 'queued'
       WHERE a.lead_id = $1`,
      [qualified.leadId],
    );

    const { body } = await fairnessOf('enterprise', from, new Date(Date.now() + 1).toISOString());

    expect(body.totalAssignments).toBe(1);
    expect(body.reps).toEqual([
      expect.objectContaining({ repId: 'emil', assignments: 1 }),
      expect.objectContaining({ repId: 'eva', assignments: 0 }),
    ]);
    expect(waitedMs).toBeGreaterThan(0);
    expect(body.timeInQueueMs).toMatchObject({ count: 1, max: Math.round(waitedMs) });
  });

  it('answers 404 for an unknown pool and 400 naming the field for a bad window', async () => {
    expect((await service.get('/pools/no-such-pool/fairness')).status).toBe(404);
    const notInstant = await service.get('/pools/inbound/fairness?from=yesterday');
    expect(notInstant.status).toBe(400);
    expect(notInstant.body).toMatchObject({ errors: [expect.objectContaining({ field: 'from' })] });
    const backwards = await service.get('/pools/inbound/fairness?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(backwards).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'from', reasons: ['from must be before to'] }] },
    });
  });
});
