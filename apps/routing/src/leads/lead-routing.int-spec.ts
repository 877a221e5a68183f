import { randomUUID } from 'node:crypto';
import { Topics } from '@handoff/contracts';
import { ELIGIBILITY_CHECKS } from '@handoff/domain-routing';
import { parse } from 'csv-parse/sync';
import type { AssignmentRecord } from '../assignment/assignment.types';
import { type RoutingTestApp, startRoutingApp } from '../testing/routing-test-app';
import { RoutingStreamTestBed, seedPool } from '../testing/routing-stream-test-bed';
import type { LeadRouting } from './lead-routing.reader';
import { ROUTING_CSV_COLUMNS } from './routing-export.format';

const bed = new RoutingStreamTestBed();
let service: RoutingTestApp;
const INBOUND = ['ina', 'ines', 'ivo'];

beforeAll(async () => {
  await bed.start();
  service = await startRoutingApp();
  // The shipped rules send a lead under 1,000 employees to pool inbound.
  await seedPool(service, 'inbound', INBOUND);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await bed.stop();
});

/** A fresh lead, published and routed; answers its lead.routed.v1. */
async function routedLead() {
  const qualified = bed.qualified();
  await bed.publish(Topics.leadQualifiedV2, qualified);
  const [routed] = await bed.routedOf(qualified.leadId);
  return routed;
}

const statusesOf = async (leadId: string) =>
  (
    (await service.dataSource.query(
      `SELECT status FROM "${bed.schema}".assignments WHERE lead_id = $1 ORDER BY attempt`,
      [leadId],
    )) as { status: string }[]
  ).map((row) => row.status);

describe('GET /leads/:id/routing (real broker and database)', () => {
  it('answers the decision with every rule tried and every candidate with each check, and the assignment', async () => {
    const routed = await routedLead();

    const { status, body } = await service.get<LeadRouting>(`/leads/${routed.leadId}/routing`);

    expect(status).toBe(200);
    expect(body.decisions).toHaveLength(1);
    const [decision] = body.decisions;
    expect(decision).toMatchObject({
      qualificationId: routed.qualificationId,
      assignmentId: routed.assignmentId,
      trigger: 'qualified',
      outcome: 'assigned',
      repId: routed.repId,
      poolId: 'inbound',
      ruleId: 'inbound',
      reason: routed.reason,
    });
    expect(decision.trace.rules.find((rule) => rule.matched)?.ruleId).toBe('inbound');
    expect(decision.trace.candidates.map((candidate) => candidate.repId).sort()).toEqual(INBOUND);
    for (const candidate of decision.trace.candidates) {
      expect(candidate.checks.map((check) => check.check)).toEqual([...ELIGIBILITY_CHECKS]);
      expect(candidate).toMatchObject({ eligible: true, chosen: candidate.repId === routed.repId });
      expect(candidate.strategyDetail).toEqual(expect.any(String));
    }
    expect(body.assignments).toEqual([
      expect.objectContaining({
        assignmentId: routed.assignmentId,
        attempt: 1,
        status: 'open',
        slaDueAt: routed.slaDueAt,
      }),
    ]);
  });

  it('answers 404 for a lead routing never saw, 400 naming id for one that is not a UUID, 401 without a token', async () => {
    expect((await service.get(`/leads/${randomUUID()}/routing`)).status).toBe(404);
    const notUuid = await service.get('/leads/not-a-uuid/routing');
    expect(notUuid).toMatchObject({ status: 400, body: { errors: [{ field: 'id', reasons: ['must be a UUID'] }] } });
    expect((await service.call('GET', `/leads/${randomUUID()}/routing`)).status).toBe(401);
  });

  it('exports the decisions as CSV, a row per candidate, and as NDJSON, a line per decision', async () => {
    const routed = await routedLead();

    const csv = await service.get<string>(`/leads/${routed.leadId}/routing.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="lead-${routed.leadId}-routing.csv"`);
    const rows: Record<string, string>[] = parse(csv.body, { columns: true });
    expect(Object.keys(rows[0])).toEqual(ROUTING_CSV_COLUMNS);
    expect(rows.map((row) => row.candidateRepId).sort()).toEqual(INBOUND);
    for (const row of rows) {
      expect(row).toMatchObject({ assignmentId: routed.assignmentId, outcome: 'assigned', attempt: '1' });
      expect(row.active).toBe('passed: active');
    }

    const ndjson = await service.get<string>(`/leads/${routed.leadId}/routing.ndjson`);
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = ndjson.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      assignmentId: routed.assignmentId,
      trace: { candidates: expect.any(Array) },
      assignment: { assignmentId: routed.assignmentId, status: 'open' },
    });
  });
});

describe('POST /leads/:id/reassign (real broker and database)', () => {
  it('moves the lead to the named rep, then to the last rep who has not had it, then has nobody left', async () => {
    const first = await routedLead();
    const named = INBOUND.find((repId) => repId !== first.repId) as string;

    const moved = await service.admin<AssignmentRecord>('POST', `/leads/${first.leadId}/reassign`, {
      repId: named,
      reason: 'knows the account',
    });

    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ repId: named, attempt: 2, trigger: 'manual', path: 'manual', status: 'open' });
    const [, second] = await bed.routedOf(first.leadId, 2);
    expect(second).toMatchObject({
      assignmentId: moved.body.assignmentId,
      trigger: 'manual',
      path: 'manual',
      repId: named,
      previousRepId: first.repId,
      attempt: 2,
    });
    expect(second.reason).toContain('("knows the account")');
    expect(await statusesOf(first.leadId)).toEqual(['reassigned', 'open']);
    const routing = await service.get<LeadRouting>(`/leads/${first.leadId}/routing`);
    expect(routing.body.decisions.map((decision) => decision.trigger)).toEqual(['qualified', 'manual']);
    expect(routing.body.decisions[1].trace.notes).toEqual(['named by a sales manager: every eligibility check passed']);

    const byStrategy = await service.admin<AssignmentRecord>('POST', `/leads/${first.leadId}/reassign`, {});
    const [last] = INBOUND.filter((repId) => repId !== first.repId && repId !== named);
    expect(byStrategy.body).toMatchObject({ repId: last, attempt: 3, trigger: 'manual', path: 'rule_pool' });
    const [, , third] = await bed.routedOf(first.leadId, 3);
    expect(third).toMatchObject({ repId: last, previousRepId: named, trigger: 'manual' });

    const nobody = await service.admin('POST', `/leads/${first.leadId}/reassign`, {});
    expect(nobody.status).toBe(409);
    expect(await statusesOf(first.leadId)).toEqual(['reassigned', 'reassigned', 'open']);
  });

  it('refuses an unknown rep naming repId, a lead without a live assignment, and the read token', async () => {
    const routed = await routedLead();

    const unknown = await service.admin('POST', `/leads/${routed.leadId}/reassign`, { repId: 'nobody' });
    expect(unknown).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'repId', reasons: ['no rep has the id "nobody"'] }] },
    });
    expect((await service.admin('POST', `/leads/${randomUUID()}/reassign`, { repId: 'ina' })).status).toBe(404);
    const asReader = await service.call('POST', `/leads/${routed.leadId}/reassign`, {
      body: {},
      headers: { authorization: 'Bearer routing-int-test-read-token' },
    });
    expect(asReader.status).toBe(401);
    expect(await statusesOf(routed.leadId)).toEqual(['open']);
  });
});
