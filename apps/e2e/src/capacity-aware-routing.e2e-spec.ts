import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { exampleEvents, type LeadQualifiedV2, type LeadRoutedV1, type RepCapacityV1, Topics } from '@handoff/contracts';
import {
  type HandoffStack,
  leadAnswer,
  startHandoffStack,
  TopicReader,
  TopicWriter,
  waitFor,
  wonDeal,
} from '@handoff/testing';
import { ALWAYS_IN_HOURS } from './support/always-in-hours';
import { currentQuarter } from './support/current-quarter';

const workspaceRoot = join(__dirname, '../../..');

let stack: HandoffStack<'routing' | 'quota'>;
let reader: TopicReader;
let writer: TopicWriter;
const run = randomUUID().slice(0, 8);
const [ines, omar] = [`ines-${run}`, `omar-${run}`];

async function expectStatus(what: string, answer: Promise<{ status: number; body: unknown }>, ...ok: number[]) {
  const { status, body } = await answer;
  if (!ok.includes(status)) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
}

async function publish(topic: string, key: string, value: object): Promise<void> {
  await writer.write(topic, { key, value: JSON.stringify(value) });
}

async function win(repId: string, amount: number): Promise<void> {
  const won = wonDeal(repId, amount);
  await publish(Topics.salesActivity.name, won.leadId, won);
}

/** Waits until routing's dry run of a large company's lead (the capacity-aware enterprise rule) picks `repId`. */
async function routingWouldPick(repId: string): Promise<void> {
  const lead = { employeeCount: 5000, country: 'US', grade: 'A', behaviourScore: 80, fitScore: 90 };
  let last = '';
  await waitFor(
    `routing's capacity-aware pick to be ${repId}`,
    async () => {
      const answer = await stack.routing.call<{ decision: { repId?: string; reason: string } }>(
        'POST',
        '/routing/dry-run',
        { body: { lead }, headers: { authorization: 'Bearer stack-admin-token-0123456789' } },
      );
      last = JSON.stringify(answer.body);
      return answer.body.decision?.repId === repId;
    },
    { timeoutMs: 30_000 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last dry run: ${last}`);
  });
}

function capacityOf(repId: string, match: (event: RepCapacityV1) => boolean): Promise<RepCapacityV1[]> {
  return reader.waitForValues<RepCapacityV1>(Topics.repCapacity.name, (e) => e.repId === repId && match(e));
}

async function routeLargeCompanyLead(): Promise<LeadRoutedV1> {
  const base = exampleEvents.leadQualifiedV2({ eventId: randomUUID(), leadId: randomUUID() });
  const qualified: LeadQualifiedV2 = {
    ...base,
    qualifiedAt: new Date().toISOString(),
    profile: {
      ...base.profile,
      employeeCount: 5000,
      companyDomain: undefined,
      emailDomain: undefined,
      company: undefined,
    },
  };
  await publish(Topics.leadQualifiedV2.name, qualified.leadId, qualified);
  const [routed] = await reader.waitForValues<LeadRoutedV1>(
    Topics.leadRouted.name,
    (event) => event.leadId === qualified.leadId,
    1,
    30_000,
  );
  return routed;
}

beforeAll(async () => {
  stack = await startHandoffStack(workspaceRoot, ['routing', 'quota']);
  reader = await TopicReader.startAtEnd([Topics.leadRouted.name, Topics.repCapacity.name]);
  writer = await TopicWriter.connect();
  const { routing, quota } = stack;
  await expectStatus('PUT team', routing.admin(`/teams/enterprise-${run}`, { name: 'Enterprise' }, 'PUT'), 201);
  for (const rep of [ines, omar]) {
    const body = { name: rep, timeZone: 'UTC', workingHours: ALWAYS_IN_HOURS, teamIds: [`enterprise-${run}`] };
    await expectStatus(`PUT rep ${rep}`, routing.admin(`/reps/${rep}`, body, 'PUT'), 201);
    const quotaBody = {
      owner: { kind: 'rep', id: rep },
      period: currentQuarter(),
      targets: { revenue: { amount: 100_000, currency: 'EUR' } },
    };
    await expectStatus(`PUT quota of ${rep}`, quota.admin(`/quotas/${rep}-q`, quotaBody, 'PUT'), 201);
  }
  // The shipped rules route companies of 1,000 people or more to the `enterprise` pool, capacity-aware.
  for (const pool of ['enterprise', 'inbound']) {
    const body = { name: pool, teamIds: [`enterprise-${run}`], requireWorkingHours: false };
    await expectStatus(`PUT pool ${pool}`, routing.admin(`/pools/${pool}`, body, 'PUT'), 201);
  }
});

afterAll(async () => {
  await writer?.disconnect();
  await reader?.stop();
  await stack?.stop();
});

describe('quota and routing together', () => {
  it('routes to the rep the quota figures favour, and a won deal moves the next decision', async () => {
    await win(ines, 60_000);
    await capacityOf(ines, (e) => e.attainedAmount === 60_000);
    await routingWouldPick(omar);
    const first = await routeLargeCompanyLead();
    expect(first).toMatchObject({ repId: omar, poolId: 'enterprise', strategy: 'capacity_aware' });

    // Omar answers the lead: his room is level with Ines's again, so pace alone decides from here.
    const accepted = leadAnswer(first.leadId, omar, 'accepted');
    await publish(Topics.salesActivity.name, accepted.leadId, accepted);
    await capacityOf(omar, (e) => e.openLeads === 0 && e.attainedAmount === 0);
    await routingWouldPick(omar);

    await win(omar, 90_000);
    await capacityOf(omar, (e) => e.attainedAmount === 90_000);
    await routingWouldPick(ines);
    const next = await routeLargeCompanyLead();
    expect(next).toMatchObject({ repId: ines, poolId: 'enterprise', strategy: 'capacity_aware' });
  });
});
