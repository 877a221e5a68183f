import {
  type AccountMatch,
  type CandidateTrace,
  ELIGIBILITY_CHECKS,
  type EligibilityCheck,
  type RuleTrace,
} from '@handoff/domain-routing';
import type { AssignmentRecord, DecisionRecord } from '../assignment/assignment.types';
import type { LeadRouting } from './lead-routing.reader';
import { CSV_MEDIA_TYPE, stringifyCsv } from '@handoff/platform-runtime';

export const ROUTING_EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type RoutingExportFormat = (typeof ROUTING_EXPORT_FORMATS)[number];

export const ROUTING_EXPORT_MEDIA_TYPES: Record<RoutingExportFormat, string> = {
  csv: CSV_MEDIA_TYPE,
  ndjson: 'application/x-ndjson',
};

const DECISION_COLUMNS = [
  'decidedAt',
  'qualificationId',
  'trigger',
  'outcome',
  'repId',
  'poolId',
  'ruleId',
  'ruleSetVersion',
  'reason',
  'rules',
  'accountMatch',
  'notes',
  'assignmentId',
  'attempt',
  'assignmentStatus',
  'slaDueAt',
] as const;
const CANDIDATE_COLUMNS = ['candidateRepId', 'eligible', 'chosen', 'strategyScore', 'strategyDetail'] as const;

/** Every column of the CSV export: the decision, its assignment, then one candidate and each of its checks. */
export const ROUTING_CSV_COLUMNS: readonly string[] = [
  ...DECISION_COLUMNS,
  ...CANDIDATE_COLUMNS,
  ...ELIGIBILITY_CHECKS,
];

/** A lead's routing as a file: CSV has a row per candidate per decision, NDJSON a line per decision. */
export function routingExport(format: RoutingExportFormat, routing: LeadRouting): string {
  const assignments = new Map(routing.assignments.map((assignment) => [assignment.assignmentId, assignment]));
  const assignmentOf = (decision: DecisionRecord) =>
    decision.assignmentId === undefined ? undefined : assignments.get(decision.assignmentId);
  if (format === 'ndjson') {
    return routing.decisions
      .map((decision) => {
        const assignment = assignmentOf(decision);
        return `${JSON.stringify({ ...decision, ...(assignment && { assignment }) })}\n`;
      })
      .join('');
  }
  const rows = routing.decisions.flatMap((decision) => {
    const cells = decisionCells(decision, assignmentOf(decision));
    // A decision nobody could be considered for (a pool missing from the directory) still gets its row.
    const candidates = decision.trace.candidates.length > 0 ? decision.trace.candidates : [undefined];
    return candidates.map((candidate) => [...cells, ...candidateCells(candidate)]);
  });
  return stringifyCsv(ROUTING_CSV_COLUMNS, rows);
}

function decisionCells(decision: DecisionRecord, assignment: AssignmentRecord | undefined): string[] {
  const { trace } = decision;
  const cells: Record<(typeof DECISION_COLUMNS)[number], string> = {
    decidedAt: decision.decidedAt,
    qualificationId: decision.qualificationId,
    trigger: decision.trigger,
    outcome: decision.outcome,
    repId: decision.repId ?? '',
    poolId: decision.poolId,
    ruleId: decision.ruleId,
    ruleSetVersion: decision.ruleSetVersion,
    reason: decision.reason,
    rules: trace.rules.map(ruleCell).join('; '),
    accountMatch: trace.accountMatch ? accountCell(trace.accountMatch) : '',
    notes: (trace.notes ?? []).join('; '),
    assignmentId: decision.assignmentId ?? '',
    attempt: assignment ? String(assignment.attempt) : '',
    assignmentStatus: assignment?.status ?? '',
    slaDueAt: assignment?.slaDueAt ?? '',
  };
  return DECISION_COLUMNS.map((column) => cells[column]);
}

function candidateCells(candidate: CandidateTrace | undefined): string[] {
  if (!candidate) return [...CANDIDATE_COLUMNS, ...ELIGIBILITY_CHECKS].map(() => '');
  const checks = new Map(candidate.checks.map((check) => [check.check, check]));
  return [
    candidate.repId,
    String(candidate.eligible),
    String(candidate.chosen),
    candidate.strategyScore === undefined ? '' : String(candidate.strategyScore),
    candidate.strategyDetail ?? '',
    ...ELIGIBILITY_CHECKS.map((name) => checkCell(checks.get(name))),
  ];
}

/** `passed: not paused`, `failed: out of office until 2026-12-08T00:00:00Z`. */
const checkCell = (check: EligibilityCheck | undefined): string =>
  check ? `${check.passed ? 'passed' : 'failed'}: ${check.detail}` : '';

const ruleCell = (rule: RuleTrace): string =>
  `${rule.ruleId}: ${rule.matched ? 'matched' : (rule.failedCondition ?? 'not matched')}`;

const accountCell = (match: AccountMatch): string =>
  [`${match.accountId} (confidence ${match.confidence})`, ...match.reasons.map((item) => item.detail)].join('; ');
