import { randomUUID } from 'node:crypto';
import { type ManualMove, type PoolStrategyState, routeLead, type RoutingDecision } from '@handoff/domain-routing';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { DomainError } from '@handoff/shared-errors';
import type { AssignmentTrigger, SalesOutcome } from '@handoff/shared-vocabulary';
import type { RoutingChanges } from './assignment.store';
import type { AssignmentRecord, AssignmentStatus, DecisionRecord, QualificationRecord } from './assignment.types';
import { type DecisionContext, FIRST_POOL_STATE } from './decision-context';
import { leadRoutedMessage } from './routed-event';
import { SessionBooks } from './session-books';

export interface SessionContext extends DecisionContext {
  contactUrlOf: (leadId: string) => string;
  /** Ids of new assignments; tests pass a counter. */
  newId?: () => string;
}

export interface SessionChanges extends RoutingChanges {
  outbox: NewOutboxMessage[];
  /** How long each lead routed out of a queue had waited (for the queue-wait metric). */
  queueWaitsMs: number[];
}

const OUTCOME_STATUS: Record<Exclude<SalesOutcome, 'accepted' | 'rejected'>, AssignmentStatus> = {
  won: 'won',
  lost: 'lost',
};

/**
 * The decisions of one transaction, in memory and without I/O: each decision sees the assignments, loads and
 * turn order the previous one left, exactly as if they had been written and read back. The caller loads the
 * context under the decision lock and saves `changes()` in the same transaction.
 */
export class RoutingSession {
  private readonly books: SessionBooks;
  private readonly qualifications = new Map<string, QualificationRecord>();
  private readonly decisions: DecisionRecord[] = [];
  private readonly poolStates = new Map<string, PoolStrategyState>();
  private readonly outbox: NewOutboxMessage[] = [];
  private readonly queueWaitsMs: number[] = [];
  private readonly newId: () => string;

  private readonly known: Map<string, QualificationRecord>;

  /** `history`: every attempt of the `known` qualifications, which are those the session will act on. */
  constructor(
    private readonly context: SessionContext,
    history: readonly AssignmentRecord[] = [],
    known: readonly QualificationRecord[] = [],
  ) {
    this.books = new SessionBooks(context.directory.loads, history);
    this.known = new Map(known.map((qualification) => [qualification.qualificationId, qualification]));
    this.newId = context.newId ?? randomUUID;
  }

  /** A qualification seen for the first time: route it now, or queue it in its pool. */
  qualify(qualification: QualificationRecord): void {
    this.known.set(qualification.qualificationId, qualification);
    this.decide(qualification, 'qualified', false);
  }

  /** A queued qualification, tried again; true when someone was eligible this time. */
  retryQueued(qualification: QualificationRecord): boolean {
    this.known.set(qualification.qualificationId, qualification);
    const trigger = qualification.queue?.trigger ?? 'qualified';
    return this.decide(qualification, trigger, trigger === 'escalated');
  }

  /**
   * What sales reported about a lead: acceptance stops the SLA clock of its live assignment, a rejection hands
   * the lead to the next rep, won and lost close it. An outcome from a rep who no longer holds the lead (a late
   * rejection after a reassignment) changes nothing. Returns why an outcome changed nothing, or null.
   */
  salesOutcome(report: { leadId: string; outcome: SalesOutcome; repId?: string }): string | null {
    const live = this.liveAssignmentsOf(report.leadId);
    if (live.length === 0) return 'the lead has no live assignment';
    const held = report.repId === undefined ? live : live.filter((assignment) => assignment.repId === report.repId);
    if (held.length === 0)
      return `reported by ${report.repId}, but the lead is with ${live.map((a) => a.repId).join(', ')}`;
    const ignored = held.map((assignment) => this.applyOutcome(assignment, report.outcome)).filter((why) => why);
    return ignored.length === held.length ? ignored.join('; ') : null;
  }

  /** The live assignments of a lead as this session sees them (one per qualification at most). */
  liveAssignmentsOf(leadId: string): AssignmentRecord[] {
    return this.books.liveOf(leadId);
  }

  /**
   * A sales manager moves the lead's live assignment (its latest, should it have several) to the named rep, or
   * without one to the next eligible rep of its pool; the old assignment is marked reassigned. Refused when the
   * lead has no live assignment (404), the rep cannot take it (400 naming repId) or nobody else in the pool is
   * eligible (409: a manual move never sends a lead back to the queue).
   */
  manualReassign(request: { leadId: string; repId?: string; note?: string }): AssignmentRecord {
    const live = this.liveAssignmentsOf(request.leadId);
    const current = live.sort((a, b) => Date.parse(a.assignedAt) - Date.parse(b.assignedAt)).at(-1);
    if (!current) throw new DomainError('not-found', `lead ${request.leadId} has no live assignment`);
    const qualification = this.qualificationOf(current);
    const manualMove: ManualMove = {
      fromRepId: current.repId,
      poolId: current.poolId,
      ruleId: current.ruleId,
      strategy: current.strategy,
      ...(request.repId !== undefined && { toRepId: request.repId }),
      ...(request.note !== undefined && { note: request.note }),
    };
    const decision = this.route(qualification, 'manual', { manualMove });
    if (decision.outcome === 'queued') {
      throw new DomainError('conflict', `nobody else can take the lead now: ${decision.reason}`);
    }
    this.setStatus(current, 'reassigned');
    return this.assign(qualification, decision, 'manual', current.repId);
  }

  private applyOutcome(current: AssignmentRecord, outcome: SalesOutcome): string | null {
    const qualification = this.qualificationOf(current);
    if (outcome === 'accepted') {
      if (current.status === 'accepted') return `assignment ${current.assignmentId} was already accepted`;
      this.setStatus(current, 'accepted');
      return null;
    }
    if (outcome === 'rejected') {
      this.setStatus(current, 'rejected');
      this.reassign(qualification, current, 'rejected');
      return null;
    }
    this.setStatus(current, OUTCOME_STATUS[outcome]);
    this.qualifications.set(qualification.qualificationId, { ...this.latest(qualification), status: 'closed' });
    return null;
  }

  /** The rep did not accept in time: the lead goes to the next eligible rep. */
  slaMissed(assignment: AssignmentRecord): void {
    const current = this.books.current(assignment);
    if (current.status !== 'open') return;
    this.setStatus(current, 'sla_missed');
    this.reassign(this.qualificationOf(current), current, 'sla_missed');
  }

  changes(): SessionChanges {
    return {
      qualifications: [...this.qualifications.values()],
      newAssignments: this.books.newAssignments(),
      changedAssignments: this.books.changedAssignments(),
      decisions: this.decisions,
      poolStates: this.poolStates,
      outbox: this.outbox,
      queueWaitsMs: this.queueWaitsMs,
    };
  }

  /** The next rep in the same pool, or the fallback pool once this pool had the lead `maxAttempts` times. */
  private reassign(qualification: QualificationRecord, previous: AssignmentRecord, trigger: AssignmentTrigger): void {
    const inPool = this.books.attemptsOf(qualification.qualificationId).filter((a) => a.poolId === previous.poolId);
    const pool = this.context.directory.pools.find((candidate) => candidate.id === previous.poolId);
    const escalate =
      previous.poolId !== this.context.ruleSet.fallback.pool && inPool.length >= (pool?.maxAttempts ?? 1);
    this.decide(qualification, escalate ? 'escalated' : trigger, escalate);
  }

  /** Once a qualification escalated it stays with the fallback pool: its rule's pool already had its chances. */
  private decide(qualification: QualificationRecord, trigger: AssignmentTrigger, forceFallback: boolean): boolean {
    const latest = this.latest(qualification);
    const escalated = this.books.attemptsOf(latest.qualificationId).some((a) => a.trigger === 'escalated');
    const decision = this.route(latest, trigger, { forceFallback: forceFallback || escalated });
    if (decision.outcome === 'queued') {
      this.queue(latest, decision, trigger);
      return false;
    }
    this.assign(latest, decision, trigger, this.books.attemptsOf(latest.qualificationId).at(-1)?.repId);
    return true;
  }

  /** The decision for a qualification as things stand in this session; changes nothing. */
  private route(
    qualification: QualificationRecord,
    trigger: AssignmentTrigger,
    options: { forceFallback?: boolean; manualMove?: ManualMove },
  ): RoutingDecision {
    const attempts = this.books.attemptsOf(qualification.qualificationId);
    const { now, ruleSet, directory } = this.context;
    return routeLead(
      {
        lead: qualification.lead.route,
        trigger,
        triedRepIds: [...new Set(attempts.map((attempt) => attempt.repId))],
        attempt: attempts.length,
        forceFallback: options.forceFallback ?? false,
        ...(options.manualMove && { manualMove: options.manualMove }),
        now,
      },
      ruleSet,
      { ...directory, loads: this.books.currentLoads() },
      (poolId) => this.poolStates.get(poolId) ?? this.context.poolStates.get(poolId) ?? FIRST_POOL_STATE,
    );
  }

  private queue(
    qualification: QualificationRecord,
    decision: Extract<RoutingDecision, { outcome: 'queued' }>,
    trigger: AssignmentTrigger,
  ): void {
    // A lead still waiting keeps its place; only the first decision that queued it is recorded.
    if (qualification.status === 'queued' && qualification.queue) return;
    const queue = { poolId: decision.poolId, since: this.context.now, trigger };
    this.qualifications.set(qualification.qualificationId, { ...qualification, status: 'queued', queue });
    this.record(qualification, decision, trigger);
  }

  private assign(
    qualification: QualificationRecord,
    decision: Extract<RoutingDecision, { outcome: 'assigned' }>,
    trigger: AssignmentTrigger,
    previousRepId: string | undefined,
  ): AssignmentRecord {
    const { now } = this.context;
    const attempts = this.books.attemptsOf(qualification.qualificationId);
    const assignment: AssignmentRecord = {
      assignmentId: this.newId(),
      qualificationId: qualification.qualificationId,
      leadId: qualification.leadId,
      attempt: attempts.length + 1,
      trigger,
      repId: decision.repId,
      ...(decision.teamId !== undefined && { teamId: decision.teamId }),
      poolId: decision.poolId,
      ruleId: decision.ruleId,
      strategy: decision.strategy,
      path: decision.path,
      reason: decision.reason,
      assignedAt: now,
      slaDueAt: decision.slaDueAt,
      status: 'open',
      statusAt: now,
    };
    this.books.add(assignment);
    this.poolStates.set(decision.poolId, decision.poolState);
    if (qualification.queue) this.queueWaitsMs.push(Date.parse(now) - Date.parse(qualification.queue.since));
    const { queue: _leftQueue, ...rest } = qualification;
    this.qualifications.set(qualification.qualificationId, { ...rest, status: 'assigned' });
    this.record(qualification, decision, trigger, assignment.assignmentId);
    const contactUrl = this.context.contactUrlOf(qualification.leadId);
    this.outbox.push(leadRoutedMessage(qualification, assignment, decision.trace, contactUrl, previousRepId));
    return assignment;
  }

  private record(
    qualification: QualificationRecord,
    decision: RoutingDecision,
    trigger: AssignmentTrigger,
    assignmentId?: string,
  ): void {
    this.decisions.push({
      qualificationId: qualification.qualificationId,
      leadId: qualification.leadId,
      ...(assignmentId !== undefined && { assignmentId }),
      decidedAt: this.context.now,
      trigger,
      outcome: decision.outcome,
      ...(decision.outcome === 'assigned' && { repId: decision.repId }),
      poolId: decision.poolId,
      ruleId: decision.ruleId,
      ruleSetVersion: this.context.ruleSet.version,
      reason: decision.reason,
      trace: decision.trace,
    });
  }

  private setStatus(assignment: AssignmentRecord, status: AssignmentStatus): void {
    this.books.setStatus(assignment, status, this.context.now);
  }

  private qualificationOf(assignment: AssignmentRecord): QualificationRecord {
    const qualification = this.known.get(assignment.qualificationId);
    if (!qualification) throw new Error(`qualification ${assignment.qualificationId} was not loaded`);
    return this.latest(qualification);
  }

  private latest(qualification: QualificationRecord): QualificationRecord {
    return this.qualifications.get(qualification.qualificationId) ?? qualification;
  }
}
