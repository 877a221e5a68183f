// The demo's quota steps: this quarter's targets for the enterprise reps, a won deal moving a rep's attainment,
// and the capacity figures quota publishes moving routing's next decision (the capacity-aware enterprise pool).
import { type RepCapacityV1, Topics } from '@handoff/contracts';
import { fiscalPeriodOf } from '@handoff/domain-quota';
import { type StackService, type TopicReader, TopicWriter, waitFor, wonDeal } from '@handoff/testing';
import { check, expectStatus } from './demo-checks';
import { say } from './demo-output';

/** Quota's default fiscal calendar (years from January, UTC), as the stack runs it. */
const CALENDAR = { fiscalYearStartMonth: 1, timeZone: 'UTC' };
const QUOTA_TIMEOUT_MS = 30_000;

export const ENTERPRISE_REPS = [
  { id: 'lena-vogel', name: 'Lena Vogel' },
  { id: 'kenji-sato', name: 'Kenji Sato' },
];
const TARGET_EUR = 200_000;

interface RevenueFigures {
  attained: number;
  ratio: number;
  paceGap: number;
  pace: 'ahead' | 'on_pace' | 'behind';
}

interface RepAttainment {
  revenue: RevenueFigures;
}

interface Leaderboard {
  members: Array<{ rank: number; repId: string; attained: number; attainmentRatio: number; pace: string }>;
}

/** This quarter's revenue target and team history for each enterprise rep, through quota's admin API. */
export async function seedQuotas(quota: StackService): Promise<string> {
  const quarter = fiscalPeriodOf(CALENDAR, 'quarter', new Date().toISOString());
  for (const rep of ENTERPRISE_REPS) {
    const body = {
      owner: { kind: 'rep', id: rep.id },
      period: quarter.id,
      targets: { revenue: { amount: TARGET_EUR, currency: 'EUR' }, dealsWon: 4 },
    };
    expectStatus(
      `PUT /quotas/${rep.id}`,
      (await quota.admin(`/quotas/${rep.id}-${quarter.id}`, body, 'PUT')).status,
      201,
    );
    const history = { memberships: [{ teamId: 'enterprise', from: quarter.start }] };
    expectStatus(`PUT /reps/${rep.id}/teams`, (await quota.admin(`/reps/${rep.id}/teams`, history, 'PUT')).status, 200);
  }
  return quarter.id;
}

/** Reports a won deal on sales.activity.v1, as the CRM does, and waits for quota to publish the rep's new figures. */
export async function reportWin(reader: TopicReader, repId: string, dealId: string, amount: number): Promise<void> {
  const won = wonDeal(repId, amount, { dealId });
  const writer = await TopicWriter.connect();
  try {
    await writer.write(Topics.salesActivity.name, { key: won.leadId, value: JSON.stringify(won) });
  } finally {
    await writer.disconnect();
  }
  await reader.waitForValues<RepCapacityV1>(
    Topics.repCapacity.name,
    (event) => event.repId === repId && event.attainedAmount >= amount,
    1,
    QUOTA_TIMEOUT_MS,
  );
}

export async function printLeaderboard(quota: StackService, period: string): Promise<void> {
  const answer = await quota.call<Leaderboard>('GET', `/teams/enterprise/leaderboard?period=${period}`);
  expectStatus('GET /teams/enterprise/leaderboard', answer.status, 200);
  for (const member of answer.body.members) {
    say(
      `    ${member.rank}. ${nameOf(member.repId)}: ${eur(member.attained)} (${percent(member.attainmentRatio)}), ${member.pace.replace('_', ' ')}`,
    );
  }
}

export async function attainmentOf(quota: StackService, repId: string): Promise<RevenueFigures> {
  const answer = await quota.call<RepAttainment>('GET', `/reps/${repId}/attainment`);
  expectStatus(`GET /reps/${repId}/attainment`, answer.status, 200);
  return answer.body.revenue;
}

export function describeAttainment(figures: RevenueFigures): string {
  const gap = Math.abs(figures.paceGap);
  const pace = { on_pace: 'on pace', ahead: `ahead of pace by ${eur(gap)}`, behind: `behind pace by ${eur(gap)}` }[
    figures.pace
  ];
  return `${eur(figures.attained)} of ${eur(TARGET_EUR)} (${percent(figures.ratio)}), ${pace}`;
}

/** Waits until routing's dry run of a large company's lead picks `repId` (it reads quota's figures from Kafka). */
export async function dryRunPicks(routing: StackService, repId: string): Promise<string> {
  const lead = { employeeCount: 5000, country: 'US', grade: 'A', behaviourScore: 80, fitScore: 90 };
  let reason = '';
  let picked: string | undefined;
  try {
    await waitFor(
      `routing's dry run to pick ${repId}`,
      async () => {
        const answer = await routing.admin<{ decision: { repId?: string; reason: string } }>('/routing/dry-run', {
          lead,
        });
        picked = answer.body.decision?.repId;
        reason = answer.body.decision?.reason ?? JSON.stringify(answer.body);
        return picked === repId;
      },
      { timeoutMs: QUOTA_TIMEOUT_MS },
    );
  } catch {
    check(`routing to pick ${repId} once quota's figures arrive (it picked ${picked}: ${reason})`, false);
  }
  return reason;
}

export const nameOf = (repId: string): string => ENTERPRISE_REPS.find((rep) => rep.id === repId)?.name ?? repId;
const eur = (amount: number): string => `€${Math.round(amount).toLocaleString('en-US')}`;
const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;
