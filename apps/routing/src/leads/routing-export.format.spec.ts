import type { EligibilityCheck, EligibilityCheckName } from '@handoff/domain-routing';
import { parse } from 'csv-parse/sync';
import type { AssignmentRecord, DecisionRecord } from '../assignment/assignment.types';
import type { LeadRouting } from './lead-routing.reader';
import { ROUTING_CSV_COLUMNS, routingExport } from './routing-export.format';

const passed = (check: EligibilityCheckName, detail: string): EligibilityCheck => ({ check, passed: true, detail });
const allPassed = [
  passed('active', 'active'),
  passed('paused', 'not paused'),
  passed('out_of_office', 'not out of office'),
  passed('working_hours', 'not required'),
  passed('daily_cap', 'no today cap'),
  passed('rolling_cap', 'no in 30 days cap'),
  passed('capacity', 'no capacity data'),
  passed('already_tried', 'not tried yet'),
];

const queued: DecisionRecord = {
  qualificationId: 'q-1',
  leadId: 'lead-1',
  decidedAt: '2026-03-02T10:00:00.000Z',
  trigger: 'qualified',
  outcome: 'queued',
  poolId: 'gone',
  ruleId: 'fallback',
  ruleSetVersion: 'v1',
  reason: 'No rule matched; pool gone is not in the directory, so nobody is eligible',
  trace: {
    rules: [{ ruleId: 'us', matched: false, failedCondition: 'country DE not in [US]' }],
    candidates: [],
    notes: ['pool gone is not in the directory'],
  },
};

const assigned: DecisionRecord = {
  ...queued,
  decidedAt: '2026-03-02T10:05:00.000Z',
  outcome: 'assigned',
  assignmentId: 'a-1',
  repId: 'bo',
  poolId: 'inbound',
  reason: 'Rule inbound matched (no conditions); round robin picked Bo, "the closer" (turn 1, 1 eligible)',
  trace: {
    rules: [{ ruleId: 'inbound', matched: true }],
    accountMatch: {
      accountId: 'acme',
      confidence: 1,
      reasons: [{ reason: 'exact_domain', detail: 'email domain acme.de is a domain of the account' }],
    },
    candidates: [
      {
        repId: 'ana',
        eligible: false,
        chosen: false,
        checks: [{ check: 'active', passed: false, detail: 'inactive' }],
      },
      { repId: 'bo', eligible: true, chosen: true, strategyScore: 1, strategyDetail: 'turn 1', checks: allPassed },
    ],
  },
};

const assignment: AssignmentRecord = {
  assignmentId: 'a-1',
  qualificationId: 'q-1',
  leadId: 'lead-1',
  attempt: 1,
  trigger: 'qualified',
  repId: 'bo',
  poolId: 'inbound',
  ruleId: 'inbound',
  strategy: 'round_robin',
  path: 'rule_pool',
  reason: assigned.reason,
  assignedAt: assigned.decidedAt,
  slaDueAt: '2026-03-02T11:05:00.000Z',
  status: 'accepted',
  statusAt: '2026-03-02T10:20:00.000Z',
};

const routing: LeadRouting = { leadId: 'lead-1', decisions: [queued, assigned], assignments: [assignment] };

describe('the routing export', () => {
  it('writes one CSV row per candidate per decision, and one for a decision without candidates', () => {
    const rows: Record<string, string>[] = parse(routingExport('csv', routing), { columns: true });

    expect(Object.keys(rows[0])).toEqual(ROUTING_CSV_COLUMNS);
    expect(rows.map((row) => [row.outcome, row.candidateRepId, row.eligible, row.chosen])).toEqual([
      ['queued', '', '', ''],
      ['assigned', 'ana', 'false', 'false'],
      ['assigned', 'bo', 'true', 'true'],
    ]);
  });

  it('repeats the decision, its assignment, rules, account match and notes on each of its rows', () => {
    const [queuedRow, anaRow, boRow] = parse(routingExport('csv', routing), { columns: true }) as Record<
      string,
      string
    >[];

    expect(queuedRow).toMatchObject({
      rules: 'us: country DE not in [US]',
      notes: 'pool gone is not in the directory',
      assignmentId: '',
      attempt: '',
    });
    for (const row of [anaRow, boRow]) {
      expect(row).toMatchObject({
        reason: assigned.reason,
        rules: 'inbound: matched',
        accountMatch: 'acme (confidence 1); email domain acme.de is a domain of the account',
        assignmentId: 'a-1',
        attempt: '1',
        assignmentStatus: 'accepted',
        slaDueAt: '2026-03-02T11:05:00.000Z',
      });
    }
  });

  it('gives each eligibility check a column with its outcome and detail, and the strategy’s score', () => {
    const [, anaRow, boRow] = parse(routingExport('csv', routing), { columns: true }) as Record<string, string>[];

    expect(anaRow).toMatchObject({ active: 'failed: inactive', paused: '', strategyScore: '' });
    expect(boRow).toMatchObject({
      active: 'passed: active',
      working_hours: 'passed: not required',
      already_tried: 'passed: not tried yet',
      strategyScore: '1',
      strategyDetail: 'turn 1',
    });
  });

  it('writes one JSON line per decision in NDJSON, each with the assignment it made', () => {
    const lines = routingExport('ndjson', routing).split('\n');

    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0])).toEqual(queued);
    expect(JSON.parse(lines[1])).toEqual({ ...assigned, assignment });
  });
});
