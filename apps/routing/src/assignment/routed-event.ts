import { randomUUID } from 'node:crypto';
import { type DecisionStepV1, type LeadRoutedV1, MAX_DECISION_STEPS, Topics } from '@handoff/contracts';
import type { CandidateTrace, RoutingTrace } from '@handoff/domain-routing';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { outboxMessageOf } from '@handoff/platform-kafka';
import type { AssignmentRecord, QualificationRecord } from './assignment.types';

const MAX_DETAIL = 500;

/** Everything lead.routed.v1 carries, so a sales system can act on the assignment without another call. */
export function leadRoutedMessage(
  qualification: QualificationRecord,
  assignment: AssignmentRecord,
  trace: RoutingTrace,
  contactUrl: string,
  previousRepId?: string,
): NewOutboxMessage {
  const { lead } = qualification;
  const event: LeadRoutedV1 = {
    eventId: randomUUID(),
    occurredAt: assignment.assignedAt,
    schemaVersion: 1,
    correlationId: lead.correlationId ?? qualification.qualificationId,
    leadId: qualification.leadId,
    qualificationId: qualification.qualificationId,
    assignmentId: assignment.assignmentId,
    attempt: assignment.attempt,
    trigger: assignment.trigger,
    repId: assignment.repId,
    ...(previousRepId !== undefined && { previousRepId }),
    ...(assignment.teamId !== undefined && { teamId: assignment.teamId }),
    poolId: assignment.poolId,
    ruleId: assignment.ruleId,
    strategy: assignment.strategy,
    path: assignment.path,
    reason: clip(assignment.reason),
    slaDueAt: assignment.slaDueAt,
    profile: lead.profile,
    behaviourScore: lead.route.behaviourScore,
    grade: lead.route.grade,
    topFactors: lead.topFactors,
    contactUrl,
    decisionTrace: decisionStepsOf(trace, assignment.reason),
  };
  return outboxMessageOf(Topics.leadRouted, event);
}

/**
 * The trace in at most MAX_DECISION_STEPS readable steps: rules tried, the account match, each candidate with
 * why it was out or how it ranked, then the decision. The full trace is at GET /leads/:id/routing.
 */
export function decisionStepsOf(trace: RoutingTrace, reason: string): DecisionStepV1[] {
  const head: DecisionStepV1[] = [
    ...trace.rules.map((rule) => ({
      step: 'rule',
      outcome: rule.matched ? 'matched' : 'not matched',
      detail: clip(rule.failedCondition ? `${rule.ruleId}: ${rule.failedCondition}` : rule.ruleId),
    })),
    ...(trace.accountMatch
      ? [
          {
            step: 'account',
            outcome: 'matched',
            detail: clip(
              `${trace.accountMatch.accountId} (confidence ${trace.accountMatch.confidence}; ` +
                `${trace.accountMatch.reasons.map((item) => item.detail).join('; ')})`,
            ),
          },
        ]
      : []),
    ...(trace.notes ?? []).map((note) => ({ step: 'note', outcome: 'notice', detail: clip(note) })),
  ];
  const decision: DecisionStepV1 = { step: 'decision', outcome: 'assigned', detail: clip(reason) };
  const room = Math.max(0, MAX_DECISION_STEPS - head.length - 2);
  const candidates = candidatesFirstChosen(trace.candidates);
  const shown = candidates.slice(0, room).map(candidateStep);
  const hidden = candidates.length - shown.length;
  const more: DecisionStepV1[] =
    hidden > 0 ? [{ step: 'candidates', outcome: 'omitted', detail: `${hidden} more in GET /leads/:id/routing` }] : [];
  return [...head.slice(0, MAX_DECISION_STEPS - 2), ...shown, ...more, decision].slice(0, MAX_DECISION_STEPS);
}

const candidatesFirstChosen = (candidates: readonly CandidateTrace[]): CandidateTrace[] => [
  ...candidates.filter((candidate) => candidate.chosen),
  ...candidates.filter((candidate) => !candidate.chosen),
];

function candidateStep(candidate: CandidateTrace): DecisionStepV1 {
  if (!candidate.eligible) {
    const failed = candidate.checks.filter((check) => !check.passed);
    const why = failed.map((check) => `${check.check}: ${check.detail}`).join('; ');
    return { step: 'candidate', outcome: 'ineligible', detail: clip(`${candidate.repId}: ${why}`) };
  }
  const ranked = candidate.strategyDetail ? `: ${candidate.strategyDetail}` : '';
  return {
    step: 'candidate',
    outcome: candidate.chosen ? 'chosen' : 'eligible',
    detail: clip(`${candidate.repId}${ranked}`),
  };
}

const clip = (text: string): string => (text.length <= MAX_DETAIL ? text : `${text.slice(0, MAX_DETAIL - 1)}…`);
