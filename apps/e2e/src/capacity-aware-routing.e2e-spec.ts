import { randomUUID } from 'node:crypto';
import { exampleEvents, type LeadQualifiedV2, type LeadRoutedV1, type RepCapacityV1, Topics } from '@handoff/contracts';
import { leadAnswer, waitFor, wonDeal } from '@handoff/testing';
import { adminWrite } from './support/admin-write';
import { ALWAYS_IN_HOURS } from './support/always-in-hours';
import { type E2eRun, startE2eRun } from './support/e2e-run';
import { setRevenueQuota } from './support/rep-quota';

let run: E2eRun<'routing' | 'quota'>;
let ines: string;
let omar: string;

async function win(repId: string, amount: number): Promise<void> {
  await run.report(wonDeal(repId, amount));
}

/** Waits until routing's dry run of a large company's lead (the capacity-aware enterprise rule) picks `repId`. */
async function routingWouldPick(repId: string): Promise<void> {
  const lead = { employeeCount: 5000, country: 'US', grade: 'A', behaviourScore: 80, fitScore: 90 };
  let last = '';
  await waitFor(
    `routing's capacity-aware pick to be ${repId}`,
    async () => {
      const answer = await run.stack.routing.call<{ decision: { repId?: string; reason: string } }>(
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
  return run.reader.waitForValues<RepCapacityV1>(Topics.repCapacity.name, (e) => e.repId === repId && match(e));
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
  await run.publish(Topics.leadQualifiedV2.name, qualified.leadId, qualified);
  const [routed] = await run.reader.waitForValues<LeadRoutedV1>(
    Topics.leadRouted.name,
    (event) => event.leadId === qualified.leadId,
    1,
    30_000,
  );
  return routed;
}

beforeAll(async () => {
  run = await startE2eRun(['routing', 'quota'], [Topics.leadRouted.name, Topics.repCapacity.name]);
  [ines, omar] = [`ines-${run.id}`, `omar-${run.id}`];
  const { routing, quota } = run.stack;
  const team = `enterprise-${run.id}`;
  await adminWrite(routing, 'PUT', `/teams/${team}`, { name: 'Enterprise' }, 201);
  for (const rep of [ines, omar]) {
    const body = { name: rep, timeZone: 'UTC', workingHours: ALWAYS_IN_HOURS, teamIds: [team] };
    await adminWrite(routing, 'PUT', `/reps/${rep}`, body, 201);
    await setRevenueQuota(quota, rep, 100_000);
  }
  // The shipped rules route companies of 1,000 people or more to the `enterprise` pool, capacity-aware.
  for (const pool of ['enterprise', 'inbound']) {
    await adminWrite(
      routing,
      'PUT',
      `/pools/${pool}`,
      { name: pool, teamIds: [team], requireWorkingHours: false },
      201,
    );
  }
});

afterAll(async () => {
  await run?.stop();
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
    await run.report(accepted);
    await capacityOf(omar, (e) => e.openLeads === 0 && e.attainedAmount === 0);
    await routingWouldPick(omar);

    await win(omar, 90_000);
    await capacityOf(omar, (e) => e.attainedAmount === 90_000);
    await routingWouldPick(ines);
    const next = await routeLargeCompanyLead();
    expect(next).toMatchObject({ repId: ines, poolId: 'enterprise', strategy: 'capacity_aware' });
  });
});
