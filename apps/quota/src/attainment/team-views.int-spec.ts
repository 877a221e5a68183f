import { dropSchema, uniqueName } from '@handoff/testing';
import { parse } from 'csv-parse/sync';
import { contribution, membership, Q1_2026, Q1_MIDDLE, repQuota, teamQuota, won } from '../testing/quota-read-fixtures';
import { QuotaRows } from '../testing/quota-rows';
import { prepareQuotaEnv, type QuotaTestApp, startQuotaApp } from '../testing/quota-test-app';
import type { Leaderboard } from './leaderboard.service';
import type { PeriodSummary } from './period-summary';

const schema = uniqueName('quota_team_views_int');
prepareQuotaEnv({ DATABASE_SCHEMA: schema });

const usd = (amount: number) => ({ amount, currency: 'USD' });
const JANUARY = '2026-01-20T10:00:00.000Z';
const MARCH = '2026-03-01T10:00:00.000Z';
let service: QuotaTestApp;

/**
 * FY2026-Q1: cy moves from north to south at half time, winning 1,000 in north and 3,000 in south; dee stays in
 * north (2,000, and a meeting recorded after the close); eve in west paces on deals; fay, in no team, won in GBP.
 */
beforeAll(async () => {
  service = await startQuotaApp();
  const rows = new QuotaRows(service.dataSource, schema);
  for (const quota of [
    repQuota('cy', { revenue: usd(8000) }),
    repQuota('dee', { revenue: usd(4000) }),
    repQuota('eve', { dealsWon: 1 }),
    repQuota('fay', { revenue: usd(1000) }),
    teamQuota('north', { revenue: usd(10_000) }),
  ])
    await rows.quota(quota);
  await rows.memberships(
    membership('cy', 'north', '2025-06-01T00:00:00.000Z', Q1_MIDDLE),
    membership('cy', 'south', Q1_MIDDLE),
    membership('dee', 'north', '2025-06-01T00:00:00.000Z'),
    membership('eve', 'west', '2025-06-01T00:00:00.000Z'),
  );
  await rows.contributions(
    ...won('cy', JANUARY, 1000),
    ...won('cy', MARCH, 3000),
    ...won('dee', JANUARY, 2000),
    contribution('meeting_held', 'dee', MARCH, { recordedAt: '2026-04-03T08:00:00.000Z' }),
    ...won('eve', JANUARY, 50),
    ...won('eve', MARCH, 50),
    contribution('revenue', 'fay', MARCH, { amount: 700, currency: 'GBP' }),
  );
  await rows.routedLead('dee', new Date().toISOString());
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

const leaderboardOf = (teamId: string) => service.get<Leaderboard>(`/teams/${teamId}/leaderboard?period=FY2026-Q1`);

describe('GET /teams/:id/leaderboard (real database)', () => {
  it('credits a rep’s outcomes to the team the rep was in at the time, and ranks the members', async () => {
    const { status, body } = await leaderboardOf('north');

    expect(status).toBe(200);
    expect(body).toMatchObject({ teamId: 'north', period: { ...Q1_2026, kind: 'quarter' } });
    expect(body.team).toMatchObject({
      quotaId: 'north-FY2026-Q1',
      targetsSource: 'team_quota',
      restated: true,
      revenue: { target: 10_000, attained: 3000, ratio: 0.3 },
    });
    // Both at 0.5 of their revenue target; cy won two deals in the quarter, dee one.
    expect(body.members).toEqual([
      {
        rank: 1,
        repId: 'cy',
        quotaId: 'cy-FY2026-Q1',
        currency: 'USD',
        attainmentRatio: 0.5,
        attained: 4000,
        target: 8000,
        pace: 'behind',
        paceGap: 4000,
        dealsWon: 2,
        leadsAccepted: 0,
        meetingsHeld: 0,
        openLeads: 0,
        pendingConversions: 0,
        restated: false,
      },
      expect.objectContaining({ rank: 2, repId: 'dee', attainmentRatio: 0.5, dealsWon: 1, meetingsHeld: 1 }),
    ]);
    expect(body.members[1]).toMatchObject({ openLeads: 1, restated: true });
  });

  it('rolls the members’ targets up, by their time in the team, for a team without its own quota', async () => {
    const { body } = await leaderboardOf('south');

    expect(body.team).toMatchObject({
      quotaId: null,
      targetsSource: 'rolled_up',
      restated: false,
      revenue: { target: 4000, attained: 3000, ratio: 0.75 },
    });
    expect(body.members.map((row) => [row.rank, row.repId])).toEqual([[1, 'cy']]);
  });

  it('answers 404 when neither the team nor any member has a quota for the period', async () => {
    const { status, body } = await leaderboardOf('nobody');

    expect(status).toBe(404);
    expect(body).toMatchObject({ message: expect.stringContaining('none of its members') });
  });

  it('gives the same rows as CSV', async () => {
    const json = await leaderboardOf('north');
    const csv = await service.get<string>('/teams/north/leaderboard.csv?period=FY2026-Q1');

    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="team-north-FY2026-Q1-leaderboard.csv"');
    const [header, ...lines] = parse(csv.body) as string[][];
    const asCells = (row: object) => Object.values(row).map((value) => (value === null ? '' : String(value)));
    expect(header).toEqual(Object.keys(json.body.members[0]));
    expect(lines).toEqual(json.body.members.map(asCells));
  });
});

describe('GET /periods/:id/summary (real database)', () => {
  it('adds up revenue per currency, counts reps by pace, restatements and each team’s roll-up', async () => {
    const { status, body } = await service.get<PeriodSummary>('/periods/FY2026-Q1/summary');

    expect(status).toBe(200);
    expect(body).toMatchObject({
      period: { ...Q1_2026, kind: 'quarter', elapsedFraction: 1 },
      revenue: [{ currency: 'USD', target: 13_000, attained: 6000, ratio: 6000 / 13_000 }],
      reps: { withQuota: 4, ahead: 1, onPace: 0, behind: 3, withPendingConversions: 1 },
      restatedQuotas: 2,
    });
    expect(body.teams.map((team) => [team.teamId, team.targetsSource, team.measure, team.attainmentRatio])).toEqual([
      ['north', 'team_quota', 'revenue', 0.3],
      ['south', 'rolled_up', 'revenue', 0.75],
      ['west', 'rolled_up', 'dealsWon', 2],
    ]);
  });

  it('answers 404 for a period without quotas and 400 naming id for one that is no period', async () => {
    expect(await service.get('/periods/FY2024/summary')).toMatchObject({ status: 404 });
    expect(await service.get('/periods/next-year/summary')).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'id', reasons: [expect.stringContaining('is neither a fiscal period id')] }] },
    });
  });
});
