import { Topics } from '@handoff/contracts';
import { exampleEvents } from '@handoff/contracts';
import { type RoutingTestApp, startRoutingApp } from '../testing/routing-test-app';
import { RoutingStreamTestBed, seedPool, sendAway, waitUntilQueued } from '../testing/routing-stream-test-bed';

const bed = new RoutingStreamTestBed();
let service: RoutingTestApp;

const assignmentsOf = async (leadId: string) =>
  (await service.dataSource.query(
    `SELECT rep_id, attempt, status, trigger, pool_id FROM "${bed.schema}".assignments WHERE lead_id = $1
     ORDER BY attempt`,
    [leadId],
  )) as { rep_id: string; attempt: number; status: string; trigger: string; pool_id: string }[];

beforeAll(async () => {
  await bed.start();
  service = await startRoutingApp();
  // The shipped rules: 1,000+ employees → pool enterprise, everything else → pool inbound (also the fallback).
  await seedPool(service, 'inbound', ['ina', 'ines', 'ivo']);
  await seedPool(service, 'enterprise', ['eva', 'emil'], { maxAttempts: 2 });
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await bed.stop();
});

describe('routing consumer (real broker and database)', () => {
  it('a qualified lead yields exactly one lead.routed.v1 with the summary, the SLA and the decision trace', async () => {
    const qualified = bed.qualified();
    await bed.publish(Topics.leadQualifiedV2, qualified);

    const [routed] = await bed.routedOf(qualified.leadId);
    expect(routed).toMatchObject({
      qualificationId: qualified.eventId,
      attempt: 1,
      trigger: 'qualified',
      poolId: 'inbound',
      ruleId: 'inbound',
      strategy: 'weighted_round_robin',
      path: 'rule_pool',
      grade: qualified.grade,
      behaviourScore: qualified.behaviourScore,
      topFactors: qualified.topFactors,
      profile: { country: 'DE', employeeCount: 200, industry: qualified.profile.industry },
      contactUrl: `http://localhost:3000/leads/${qualified.leadId}/contact`,
    });
    expect(['ina', 'ines', 'ivo']).toContain(routed.repId);
    const minutesToSla = (Date.parse(routed.slaDueAt) - Date.parse(routed.occurredAt)) / 60_000;
    expect(minutesToSla).toBeCloseTo(60, 5);
    expect(routed.reason).toMatch(/weighted round robin picked/);
    expect(routed.decisionTrace.map((step) => step.step)).toEqual(
      expect.arrayContaining(['rule', 'candidate', 'decision']),
    );
    expect(routed.decisionTrace.filter((step) => step.step === 'candidate')).toHaveLength(3);
    expect(await assignmentsOf(qualified.leadId)).toEqual([
      { rep_id: routed.repId, attempt: 1, status: 'open', trigger: 'qualified', pool_id: 'inbound' },
    ]);
  });

  it('the same qualification delivered twice is assigned once', async () => {
    const qualified = bed.qualified();
    const marker = bed.qualified();
    await bed.publish(Topics.leadQualifiedV2, qualified, qualified);
    await bed.publish(Topics.leadQualifiedV2, qualified, marker);

    await bed.routedOf(marker.leadId);
    await bed.routedOf(qualified.leadId);
    expect(bed.routedNow(qualified.leadId)).toHaveLength(1);
    expect(await assignmentsOf(qualified.leadId)).toHaveLength(1);
  });

  it('a rejected lead goes to another rep of its pool, and past the pool limit escalates to the fallback pool', async () => {
    const qualified = bed.qualified({ profile: { employeeCount: 5000 } });
    await bed.publish(Topics.leadQualifiedV2, qualified);
    const [first] = await bed.routedOf(qualified.leadId);
    expect(first).toMatchObject({ poolId: 'enterprise', ruleId: 'enterprise', strategy: 'capacity_aware' });

    const reject = (repId: string) =>
      exampleEvents.salesActivity({
        leadId: qualified.leadId,
        repId,
        outcome: 'rejected',
        amount: undefined,
        currency: undefined,
        dealId: undefined,
      });
    await bed.publish(Topics.salesActivity, reject(first.repId));
    const [, second] = await bed.routedOf(qualified.leadId, 2);
    expect(second).toMatchObject({ attempt: 2, trigger: 'rejected', poolId: 'enterprise', previousRepId: first.repId });
    expect(second.repId).not.toBe(first.repId);

    await bed.publish(Topics.salesActivity, reject(second.repId));
    const [, , third] = await bed.routedOf(qualified.leadId, 3);
    expect(third).toMatchObject({ attempt: 3, trigger: 'escalated', poolId: 'inbound', path: 'fallback_pool' });
    expect((await assignmentsOf(qualified.leadId)).map((row) => row.status)).toEqual(['rejected', 'rejected', 'open']);
  });

  it('a lead nobody can take waits in its pool and is routed as soon as a rep returns', async () => {
    await sendAway(service, ['eva', 'emil']);
    const qualified = bed.qualified({ profile: { employeeCount: 3000 } });
    await bed.publish(Topics.leadQualifiedV2, qualified);
    await waitUntilQueued(service, bed.schema, qualified.leadId, 'enterprise');
    expect(bed.routedNow(qualified.leadId)).toHaveLength(0);

    expect((await service.admin('DELETE', '/reps/emil/out-of-office')).status).toBe(200);
    const [routed] = await bed.routedOf(qualified.leadId);
    expect(routed).toMatchObject({ repId: 'emil', poolId: 'enterprise', trigger: 'qualified' });
  });
});
