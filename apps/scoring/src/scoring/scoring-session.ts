import type { EngagementRecordedV1, LeadMergedV1, SalesActivityV1 } from '@handoff/contracts';
import {
  applyEngagement,
  behaviourDropsBelowAt,
  compactionHorizon,
  DEFAULT_EXACT_HISTORY_DAYS,
  compactLeadState,
  createLeadState,
  evaluateLifecycle,
  mergeLeadStates,
  scoreInputOf,
  scoreLead,
  toMillis,
  type LedgerEntry,
  type LifecycleEvent,
  type LifecycleResult,
  type ScoringModel,
} from '@handoff/domain-scoring';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { PoisonMessageError } from '@handoff/platform-kafka';
import { HAND_OFF_OUTCOMES, type HandOffOutcome } from '@handoff/domain-prediction';
import {
  conversionOnTheWire,
  leadSnapshotOf,
  mergedPredictionInputs,
  NO_PREDICTION_INPUTS,
  predictedConversionOf,
  predictionOf,
  type Predictor,
  withEngagementInput,
} from '../prediction/live-prediction';
import { engagementOf } from './engagement-input';
import { leadQualifiedMessages, leadScoredMessage, roundScore } from './score-events';
import type {
  HandOffOutcomeRow,
  HandOffRow,
  HistoryCopy,
  HistoryRow,
  LedgerRow,
  SessionChanges,
  ScoreSnapshot,
  StageChangeRow,
  StoredLead,
} from './scoring-session.types';

/** Far more links than identity resolution ever produces; a longer chain means corrupt data. */
const MAX_MERGE_CHAIN = 32;

interface WorkingLead extends StoredLead {
  changed: boolean;
  ledgerEntries: number;
  /** The latest instant the lead was evaluated at: its score is published as of then. */
  clock: string;
  correlationId: string;
  qualified: NewOutboxMessage[];
}

/**
 * Applies one chunk of inputs to the locked leads, in memory, with the domain: no I/O, so any error it
 * throws is deterministic and the caller can treat it as poison. Lifecycle is evaluated after every input
 * as of processing time (or the event's time if it is later), so a qualification happens exactly once per
 * crossing; `changes()` then says what to write and publish for the whole chunk, each lead compacted first
 * (contributions older than the exact-history horizon folded), so a state stays as small as its recent activity.
 */
export class ScoringSession {
  private readonly leads = new Map<string, WorkingLead>();
  private readonly ledger: LedgerRow[] = [];
  private readonly history: HistoryRow[] = [];
  private readonly historyCopies: HistoryCopy[] = [];
  private readonly stageChanges: StageChangeRow[] = [];
  private readonly handOffs: HandOffRow[] = [];
  private readonly outcomes: HandOffOutcomeRow[] = [];

  constructor(
    private readonly model: ScoringModel,
    private readonly now: string,
    stored: readonly StoredLead[],
    /** How far back contributions stay one by one (SCORING_EXACT_HISTORY_DAYS). */
    private readonly exactHistoryDays = DEFAULT_EXACT_HISTORY_DAYS,
    /** The conversion model in use (shadow or active), or null while none is trained. */
    private readonly predictor: Predictor | null = null,
  ) {
    for (const lead of stored) this.leads.set(lead.leadId, this.working(lead));
  }

  /** Applies an engagement to its lead, or to the lead it was merged into. */
  engagement(event: EngagementRecordedV1): void {
    const lead = this.resolve(event.leadId);
    const engagement = engagementOf(event);
    this.history.push({
      leadId: lead.leadId,
      eventId: event.eventId,
      kind: 'engagement',
      occurredAt: engagement.occurredAt,
      payload: engagement,
    });
    const result = applyEngagement(lead.state, engagement, this.model, { recordedAt: this.now });
    if (result.duplicate) return;
    lead.state = result.state;
    lead.prediction = withEngagementInput(lead.prediction, { ...engagement, sourceId: event.sourceId });
    this.record(lead, result.ledger, event.correlationId);
    this.evaluate(lead, this.laterOf(this.now, engagement.occurredAt));
  }

  /** Applies a sales outcome; returns why it was ignored when the lead's stage does not allow it. */
  sales(event: SalesActivityV1): string | null {
    const lead = this.resolve(event.leadId);
    const reason = event.reason === undefined ? {} : { reason: event.reason };
    this.history.push({
      leadId: lead.leadId,
      eventId: event.eventId,
      kind: 'sales',
      occurredAt: event.occurredAt,
      payload: { outcome: event.outcome, ...reason },
    });
    const input = { kind: 'sales', outcome: event.outcome, ...reason, at: event.occurredAt } as const;
    const result = evaluateLifecycle(lead.state.lifecycle, input, this.model);
    if (result.ignored !== null) return result.ignored;
    lead.changed = true;
    lead.correlationId = event.correlationId;
    this.applyLifecycle(lead, result);
    if ((HAND_OFF_OUTCOMES as readonly string[]).includes(event.outcome)) {
      this.outcomes.push({ leadId: lead.leadId, outcome: event.outcome as HandOffOutcome, at: event.occurredAt });
    }
    return null;
  }

  /** Folds the merged lead into the survivor; later inputs for the merged lead follow it there. */
  merge(event: LeadMergedV1): void {
    const survivor = this.resolve(event.survivingLeadId);
    const merged = this.lead(event.mergedLeadId);
    if (merged.mergedInto !== null) {
      if (this.resolve(merged.leadId) === survivor) return;
      throw new PoisonMessageError(
        `lead ${merged.leadId} was already merged into ${merged.mergedInto}, not ${event.survivingLeadId}`,
      );
    }
    if (merged === survivor) {
      throw new PoisonMessageError(`lead ${event.survivingLeadId} was itself merged into ${merged.leadId}`);
    }
    const result = mergeLeadStates(survivor.state, merged.state, this.model, {
      causeEventId: event.eventId,
      recordedAt: this.now,
    });
    survivor.state = result.state;
    this.recordStageChanges(survivor, result.events);
    survivor.prediction = mergedPredictionInputs(survivor.prediction, merged.prediction);
    this.record(survivor, result.ledger, event.correlationId);
    merged.mergedInto = survivor.leadId;
    merged.changed = true;
    merged.correlationId = event.correlationId;
    this.historyCopies.push({ fromLeadId: merged.leadId, toLeadId: survivor.leadId });
    this.evaluate(survivor, this.laterOf(this.now, survivor.clock));
  }

  /** Re-evaluates a lead as of now (the decay sweep: an MQL whose score decayed below coldBelow is recycled). */
  recheck(leadId: string, correlationId: string): void {
    const lead = this.lead(leadId);
    lead.changed = true;
    lead.correlationId = correlationId;
    this.evaluate(lead, this.now);
  }

  changes(): SessionChanges {
    const changed = [...this.leads.values()].filter((lead) => lead.changed);
    const outbox: NewOutboxMessage[] = [];
    const horizon = compactionHorizon(this.now, this.exactHistoryDays);
    const leads = changed.map((lead) => {
      lead.state = compactLeadState(lead.state, this.model, horizon);
      const score = scoreLead(lead.state, lead.clock, this.model);
      const snapshot: ScoreSnapshot = {
        behaviour: roundScore(score.behaviour.total),
        fitScore: score.fit.fitScore,
        grade: score.fit.grade,
        stage: lead.state.lifecycle.stage,
      };
      if (lead.mergedInto === null && this.predictor !== null) {
        const latest = predictionOf(
          this.predictor,
          leadSnapshotOf(lead.state, score, lead.prediction, lead.clock),
          lead.clock,
        );
        lead.prediction = { ...lead.prediction, latest };
      }
      if (lead.mergedInto === null && (lead.ledgerEntries > 0 || publishedScoreChanged(lead.snapshot, snapshot))) {
        const latest = lead.prediction.latest;
        const conversion = latest === null ? undefined : conversionOnTheWire(latest);
        outbox.push(leadScoredMessage(this.context(lead, lead.clock), score, snapshot.stage, conversion));
      }
      outbox.push(...lead.qualified);
      return {
        leadId: lead.leadId,
        state: lead.state,
        version: lead.version + 1,
        snapshot,
        modelVersion: this.model.version,
        mergedInto: lead.mergedInto,
        coldAt: lead.mergedInto === null ? this.coldAt(lead) : null,
        prediction: lead.prediction,
      };
    });
    const { ledger, history, historyCopies, stageChanges, handOffs, outcomes } = this;
    return { leads, ledger, history, historyCopies, stageChanges, handOffs, outcomes, outbox };
  }

  private evaluate(lead: WorkingLead, at: string): void {
    lead.clock = this.laterOf(lead.clock, at);
    const score = scoreLead(lead.state, at, this.model);
    const snapshot = () => leadSnapshotOf(lead.state, score, lead.prediction, at);
    const predicted = predictedConversionOf(this.predictor, snapshot, at);
    const input = predicted === undefined ? scoreInputOf(score) : { ...scoreInputOf(score), predicted };
    this.applyLifecycle(lead, evaluateLifecycle(lead.state.lifecycle, input, this.model));
  }

  private applyLifecycle(lead: WorkingLead, result: LifecycleResult): void {
    lead.state = { ...lead.state, lifecycle: result.lifecycle };
    this.recordStageChanges(lead, result.events);
    for (const event of result.events) {
      if (event.type !== 'qualified') continue;
      const score = scoreLead(lead.state, event.at, this.model);
      const snapshot = leadSnapshotOf(lead.state, score, lead.prediction, event.at);
      this.handOffs.push({
        leadId: lead.leadId,
        qualificationNumber: event.qualificationNumber,
        handedAt: event.at,
        snapshot,
      });
      const conversion =
        this.predictor === null ? undefined : conversionOnTheWire(predictionOf(this.predictor, snapshot, event.at));
      lead.qualified.push(
        ...leadQualifiedMessages(
          this.context(lead, event.at),
          event,
          lead.state.profile,
          score.behaviour.topFactors,
          conversion,
        ),
      );
    }
  }

  private recordStageChanges(lead: WorkingLead, events: readonly LifecycleEvent[]): void {
    for (const event of events) {
      if (event.type !== 'stage_changed') continue;
      const { from, to, at, reason, detail } = event;
      this.stageChanges.push({ leadId: lead.leadId, from, to, at, reason, detail });
    }
  }

  private record(lead: WorkingLead, entries: readonly LedgerEntry[], correlationId: string): void {
    this.ledger.push(...entries.map((entry) => ({ ...entry, leadId: lead.leadId })));
    lead.ledgerEntries += entries.length;
    lead.changed = true;
    lead.correlationId = correlationId;
  }

  /** Only MQLs can go cold; the sweep looks at a lead once this instant has passed. */
  private coldAt(lead: WorkingLead): string | null {
    const coldBelow = this.model.decayThresholds?.coldBelow;
    if (coldBelow === undefined || lead.state.lifecycle.stage !== 'mql') return null;
    return behaviourDropsBelowAt(lead.state, coldBelow, lead.clock, this.model);
  }

  private resolve(leadId: string): WorkingLead {
    let lead = this.lead(leadId);
    for (let hops = 0; lead.mergedInto !== null; hops++) {
      if (hops >= MAX_MERGE_CHAIN) throw new Error(`merge chain from lead ${leadId} is longer than ${MAX_MERGE_CHAIN}`);
      lead = this.lead(lead.mergedInto);
    }
    return lead;
  }

  /** Keyed by the lower-case id, the spelling PostgreSQL returns uuids in. */
  private lead(leadId: string): WorkingLead {
    const key = leadId.toLowerCase();
    const known = this.leads.get(key);
    if (known) return known;
    const created = this.working({
      leadId: key,
      state: createLeadState(key),
      version: 0,
      mergedInto: null,
      snapshot: null,
      prediction: NO_PREDICTION_INPUTS,
    });
    this.leads.set(key, created);
    return created;
  }

  private working(stored: StoredLead): WorkingLead {
    return { ...stored, changed: false, ledgerEntries: 0, clock: this.now, correlationId: '', qualified: [] };
  }

  private context(lead: WorkingLead, at: string) {
    return { leadId: lead.leadId, modelVersion: this.model.version, correlationId: lead.correlationId, at };
  }

  private laterOf(a: string, b: string): string {
    return toMillis(b) > toMillis(a) ? new Date(toMillis(b)).toISOString() : a;
  }
}

/** Decay alone moves the behaviour score every instant; only fit, grade and stage changes are news by themselves. */
function publishedScoreChanged(before: ScoreSnapshot | null, after: ScoreSnapshot): boolean {
  return (
    before === null ||
    before.fitScore !== after.fitScore ||
    before.grade !== after.grade ||
    before.stage !== after.stage
  );
}
