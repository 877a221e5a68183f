import { Topics } from '@handoff/contracts';
import { type RoutingTestApp, startRoutingApp } from '../testing/routing-test-app';
import { RoutingStreamTestBed, seedPool, sendAway, waitUntilQueued } from '../testing/routing-stream-test-bed';
import type { RoutingQueueView } from './routing-queue.reader';

const bed = new RoutingStreamTestBed();
let service: RoutingTestApp;

beforeAll(async () => {
  await bed.start();
  service = await startRoutingApp();
  // The shipped rules send a lead under 1,000 employees to pool inbound, a larger one to enterprise.
  await seedPool(service, 'inbound', ['ina']);
  await seedPool(service, 'enterprise', ['eva', 'emil']);
  await sendAway(service, ['eva', 'emil']);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await bed.stop();
});

describe('GET /routing/queue (real broker and database)', () => {
  const first = bed.qualified({ profile: { employeeCount: 3000, company: 'Acme Corp', companyDomain: 'acme.com' } });
  const second = bed.qualified({ profile: { employeeCount: 4000 } });
  const routed = bed.qualified();

  beforeAll(async () => {
    await bed.publish(Topics.leadQualifiedV2, first);
    await waitUntilQueued(service, bed.schema, first.leadId, 'enterprise');
    await bed.publish(Topics.leadQualifiedV2, second, routed);
    await waitUntilQueued(service, bed.schema, second.leadId, 'enterprise');
    await bed.routedOf(routed.leadId);
  });

  it('lists the leads nobody could take, waiting longest first, with the pool, the rule and why', async () => {
    const { status, body } = await service.get<RoutingQueueView>('/routing/queue');

    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.leads).toEqual([
      {
        qualificationId: first.eventId,
        leadId: first.leadId,
        company: 'Acme Corp',
        companyDomain: 'acme.com',
        qualifiedAt: new Date(first.qualifiedAt).toISOString(),
        poolId: 'enterprise',
        queuedSince: expect.any(String),
        trigger: 'qualified',
        ruleId: 'enterprise',
        reason: expect.any(String),
      },
      expect.objectContaining({ leadId: second.leadId, poolId: 'enterprise', trigger: 'qualified' }),
    ]);
    expect(body.leads[0].reason).not.toBe('');
    expect(Date.parse(body.leads[0].queuedSince)).toBeLessThanOrEqual(Date.parse(body.leads[1].queuedSince));
  });

  it('answers at most `limit` leads with the total still counting all of them', async () => {
    const { body } = await service.get<RoutingQueueView>('/routing/queue?limit=1');

    expect(body.total).toBe(2);
    expect(body.leads.map((lead) => lead.leadId)).toEqual([first.leadId]);
  });

  it('answers 400 naming limit for a limit out of range, and 401 without a token', async () => {
    const tooMany = await service.get('/routing/queue?limit=201');

    expect(tooMany).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'limit' })] } });
    expect((await service.call('GET', '/routing/queue')).status).toBe(401);
  });
});
