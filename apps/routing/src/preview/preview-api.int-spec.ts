import { randomUUID } from 'node:crypto';
import { exampleEvents } from '@handoff/contracts';
import { dropSchema, type HttpResult, uniqueName } from '@handoff/testing';
import { AssignmentStore } from '../assignment/assignment.store';
import { qualificationOf } from '../assignment/qualified-lead';
import { NEXT_YEAR } from '../testing/directory-fixtures';
import {
  prepareRoutingEnv,
  type RoutingTestApp,
  startRoutingApp,
  TEST_ROUTING_READ_TOKEN,
} from '../testing/routing-test-app';
import { seedPool } from '../testing/routing-stream-test-bed';
import type { BacktestAnswerDto } from './backtest.dto';
import type { DryRunAnswerDto } from './dry-run.dto';

// Consumers and timers stay off: nothing but the calls under test may touch the books these tests count.
const schema = uniqueName('routing_preview_int');
prepareRoutingEnv({ DATABASE_SCHEMA: schema, ROUTING_BACKTEST_MAX_LEADS: '50' });
let service: RoutingTestApp;

/** German-speaking countries to their own pool, the rest to inbound in turn. */
const DACH_FIRST = {
  version: 'candidate-dach',
  rules: [
    { id: 'dach', when: { countries: ['DE', 'AT', 'CH'] }, pool: 'dach', strategy: 'round_robin' },
    { id: 'inbound', when: {}, pool: 'inbound', strategy: 'round_robin' },
  ],
  fallback: { pool: 'inbound', strategy: 'round_robin' },
};
const US_LEAD = { country: 'us', employeeCount: 200, grade: 'B', behaviourScore: 70, fitScore: 64 };

/** A preview call as a read-only client makes it. */
const preview = <T>(path: string, body: unknown) =>
  service.call<T>('POST', path, { body, headers: { authorization: `Bearer ${TEST_ROUTING_READ_TOKEN}` } });

/**
 * What a decision writes: row counts of routing's books and of the outbox (lead.routed.v1 leaves only through it),
 * and every pool's turn order.
 */
async function books(): Promise<Record<string, unknown>> {
  const tables = ['qualifications', 'assignments', 'routing_decisions', 'pool_states', 'outbox'];
  const counts = await Promise.all(
    tables.map(async (table) => {
      const [row] = await service.dataSource.query(`SELECT count(*)::int AS n FROM "${schema}"."${table}"`);
      return [table, row.n];
    }),
  );
  const states = await service.dataSource.query(`SELECT pool_id, state FROM "${schema}".pool_states ORDER BY pool_id`);
  return { ...Object.fromEntries(counts), states };
}

/** Qualifications as routing stores them on receipt, one per country in this order, each of 200 employees. */
async function receive(...countries: string[]): Promise<string[]> {
  const records = countries.map((country, index) => {
    const event = exampleEvents.leadQualifiedV2({ eventId: randomUUID(), leadId: randomUUID() });
    const receivedAt = new Date(Date.now() + index).toISOString();
    return qualificationOf({ ...event, profile: { ...event.profile, country, employeeCount: 200 } }, receivedAt);
  });
  await service.app.get(AssignmentStore).insertNew(service.dataSource.manager, records);
  return records.map((record) => record.leadId);
}

const fieldsOf = (response: HttpResult) =>
  (response.body as { errors: { field: string }[] }).errors.map((issue) => issue.field);

beforeAll(async () => {
  service = await startRoutingApp();
  await seedPool(service, 'inbound', ['ina', 'ines', 'ivo']);
  await seedPool(service, 'enterprise', ['eva', 'emil']);
  await seedPool(service, 'dach', ['dora', 'dirk']);
  // The inbound pool's round robin served ina last: a decision now reads that and goes on to ines.
  await service.dataSource.query(
    `INSERT INTO "${schema}".pool_states (pool_id, state, updated_at) VALUES ($1, $2, now())`,
    ['inbound', { lastRepId: 'ina', sequence: 7 }],
  );
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

describe('POST /routing/dry-run', () => {
  it('answers the active rules’ decision with the full trace, and writes nothing, sends nothing', async () => {
    const before = await books();
    const { status, body } = await preview<DryRunAnswerDto>('/routing/dry-run', { lead: US_LEAD });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      ruleSetVersion: 'default-1',
      ruleSetSource: 'active',
      decision: { outcome: 'assigned', poolId: 'inbound', ruleId: 'inbound', path: 'rule_pool' },
    });
    expect(['ina', 'ines', 'ivo']).toContain(body.decision.repId);
    expect(body.decision.reason).toMatch(/weighted round robin picked/);
    expect((Date.parse(body.decision.slaDueAt ?? '') - Date.parse(body.decidedAt)) / 60_000).toBeCloseTo(60, 5);
    expect(body.trace.rules).toEqual([
      { ruleId: 'enterprise', matched: false, failedCondition: expect.stringContaining('employeeCount 200') },
      { ruleId: 'inbound', matched: true },
    ]);
    expect(body.trace.candidates.map((candidate) => candidate.repId)).toEqual(['ina', 'ines', 'ivo']);
    expect(body.trace.candidates.filter((candidate) => candidate.chosen)).toEqual([
      expect.objectContaining({ repId: body.decision.repId, eligible: true, strategyScore: expect.any(Number) }),
    ]);
    expect(body.trace.candidates[0].checks.map((check) => check.check)).toEqual(
      expect.arrayContaining(['active', 'out_of_office', 'working_hours', 'daily_cap', 'already_tried']),
    );

    // The same sample again gets the same rep: the turn order did not move.
    const again = await preview<DryRunAnswerDto>('/routing/dry-run', { lead: US_LEAD });
    expect(again.body.decision.repId).toBe(body.decision.repId);
    expect(await books()).toEqual(before);
  });

  it('decides under an inline candidate rule set instead of the active one, from the pools’ stored turn order', async () => {
    const austrian = await preview<DryRunAnswerDto>('/routing/dry-run', {
      lead: { ...US_LEAD, country: 'AT' },
      ruleSet: DACH_FIRST,
    });
    expect(austrian.status).toBe(200);
    expect(austrian.body).toMatchObject({
      ruleSetVersion: 'candidate-dach',
      ruleSetSource: 'inline',
      decision: { outcome: 'assigned', poolId: 'dach', ruleId: 'dach', strategy: 'round_robin' },
      trace: { rules: [{ ruleId: 'dach', matched: true }] },
    });

    const american = await preview<DryRunAnswerDto>('/routing/dry-run', { lead: US_LEAD, ruleSet: DACH_FIRST });
    expect(american.body.decision).toMatchObject({ ruleId: 'inbound', repId: 'ines' });
  });

  it('answers queued, with each rep’s failed check, when every rep of the pool is out of office', async () => {
    await seedPool(service, 'holiday', ['hal', 'hedy']);
    const away = { from: `${NEXT_YEAR - 2}-01-01T00:00:00Z`, to: `${NEXT_YEAR}-12-31T00:00:00Z` };
    for (const repId of ['hal', 'hedy']) {
      expect((await service.admin('POST', `/reps/${repId}/out-of-office`, away)).status).toBe(200);
    }
    const everyoneToHoliday = { version: 'holiday', rules: [], fallback: { pool: 'holiday', strategy: 'round_robin' } };

    const { body } = await preview<DryRunAnswerDto>('/routing/dry-run', {
      lead: US_LEAD,
      ruleSet: everyoneToHoliday,
    });
    expect(body.decision).toEqual({
      outcome: 'queued',
      poolId: 'holiday',
      ruleId: 'fallback',
      strategy: 'round_robin',
      reason: expect.stringMatching(/all 2 reps in pool holiday ineligible: 2 out of office/),
    });
    for (const candidate of body.trace.candidates) {
      expect(candidate).toMatchObject({ eligible: false, chosen: false });
      expect(candidate.checks.find((check) => check.check === 'out_of_office')?.passed).toBe(false);
    }
  });

  it('answers 400 naming every invalid lead field', async () => {
    const response = await preview('/routing/dry-run', {
      lead: { country: 'Germany', employeeCount: -3, grade: 'E', behaviourScore: 'high', email: 'ada@acme.de' },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response).sort()).toEqual(
      ['lead.behaviourScore', 'lead.country', 'lead.email', 'lead.employeeCount', 'lead.fitScore', 'lead.grade'].sort(),
    );
  });

  it('answers 400 listing every issue of an inline rule set under ruleSet', async () => {
    const response = await preview('/routing/dry-run', {
      lead: US_LEAD,
      ruleSet: { version: 'broken', rules: [{ id: 'x', when: { grades: ['Z'] }, strategy: 'lottery' }] },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual([
      'ruleSet.rules[0].when.grades[0]',
      'ruleSet.rules[0].pool',
      'ruleSet.rules[0].strategy',
      'ruleSet.fallback',
    ]);
  });

  it('needs a token', async () => {
    expect((await service.call('POST', '/routing/dry-run', { body: { lead: US_LEAD } })).status).toBe(401);
  });
});

describe('POST /routing/backtest', () => {
  it('shows the leads, pools, rules and rep shares that candidate rules would change, and writes nothing', async () => {
    const german = await receive('DE', 'DE', 'DE');
    await receive('US', 'US');
    const before = await books();

    const { status, body } = await preview<BacktestAnswerDto>('/routing/backtest', { ruleSet: DACH_FIRST, leads: 5 });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      currentVersion: 'default-1',
      candidateVersion: 'candidate-dach',
      leads: 5,
      changed: { pool: 3, rule: 3 },
      queued: { current: 0, candidate: 0 },
    });
    expect(body.perPool).toEqual([
      { id: 'dach', current: { assigned: 0, queued: 0 }, candidate: { assigned: 3, queued: 0 }, leadsDifference: 3 },
      {
        id: 'inbound',
        current: { assigned: 5, queued: 0 },
        candidate: { assigned: 2, queued: 0 },
        leadsDifference: -3,
      },
    ]);
    expect(body.perRule.map(({ id, leadsDifference }) => [id, leadsDifference])).toEqual([
      ['dach', 3],
      ['inbound', -3],
    ]);
    expect(body.poolChanges.map((lead) => lead.leadId)).toEqual(german);
    const dach = body.perRep.filter((rep) => ['dora', 'dirk'].includes(rep.repId));
    expect(dach.reduce((sum, rep) => sum + rep.candidate.assignments, 0)).toBe(3);
    expect(dach.every((rep) => rep.current.assignments === 0 && rep.shareDifference > 0)).toBe(true);
    expect(await books()).toEqual(before);
  });

  it('answers 400 naming leads above ROUTING_BACKTEST_MAX_LEADS and every issue of the candidate', async () => {
    const tooMany = await preview('/routing/backtest', { ruleSet: DACH_FIRST, leads: 51 });
    expect(tooMany.status).toBe(400);
    expect(fieldsOf(tooMany)).toEqual(['leads']);

    const invalid = await preview('/routing/backtest', { ruleSet: { ...DACH_FIRST, fallback: { pool: 'inbound' } } });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid)).toEqual(['ruleSet.fallback.strategy']);
  });
});
