// What the live demo counts from the topics while the simulator runs: only this run's records (its source's events,
// its leads, its routing's assignments), since other runs share the broker.
import { type EngagementRecordedV1, type LeadRoutedV1, Topics } from '@handoff/contracts';
import { jsonObjectOf } from '../json-object';
import type { ReadRecord } from '../topic-reader';

/** The topics `LiveCounters.add` understands. */
export const LIVE_TOPICS = [
  Topics.engagementRecorded.name,
  Topics.leadScored.name,
  Topics.leadQualified.name,
  Topics.leadRouted.name,
];

export interface FunnelCounts {
  /** Events ingest recorded from the run's source. */
  readonly eventsIngested: number;
  /** Distinct leads those events name. */
  readonly leads: number;
  /** Of those, the leads scoring published a score for, and the ones it qualified (MQLs). */
  readonly leadsScored: number;
  readonly mqls: number;
  /** Leads routing assigned at least once. */
  readonly leadsRouted: number;
  /** Assignments per rep, every trigger. */
  readonly routedPerRep: ReadonlyMap<string, number>;
  /** Assignments after the first, by trigger (`sla_missed`, `rejected`, …). */
  readonly reassignments: ReadonlyMap<string, number>;
}

export class LiveCounters {
  private eventsIngested = 0;
  private readonly leads = new Set<string>();
  // Scored and qualified leads of any run: a lead.scored record may be read before the engagement that names the
  // lead ours (they are on different topics), so the intersection with `leads` is taken when counting.
  private readonly scored = new Set<string>();
  private readonly qualified = new Set<string>();
  private readonly routedLeads = new Set<string>();
  private readonly assignments = new Set<string>();
  private readonly routedPerRep = new Map<string, number>();
  private readonly reassignments = new Map<string, number>();

  /**
   * @param sourceId the ingest source the run sends through
   * @param contactUrlPrefix how this run's routing names its ingest in lead.routed.v1 (`<ingest base URL>/`)
   */
  constructor(
    private readonly sourceId: string,
    private readonly contactUrlPrefix: string,
  ) {}

  add(record: ReadRecord): void {
    const value = jsonObjectOf(record.value);
    if (!value) return;
    switch (record.topic) {
      case Topics.engagementRecorded.name:
        return this.recorded(value as EngagementRecordedV1);
      case Topics.leadScored.name:
        return void this.scored.add((value as { leadId: string }).leadId);
      case Topics.leadQualified.name:
        return void this.qualified.add((value as { leadId: string }).leadId);
      case Topics.leadRouted.name:
        return this.routed(value as LeadRoutedV1);
    }
  }

  counts(): FunnelCounts {
    return {
      eventsIngested: this.eventsIngested,
      leads: this.leads.size,
      leadsScored: countOf(this.scored, this.leads),
      mqls: countOf(this.qualified, this.leads),
      leadsRouted: this.routedLeads.size,
      routedPerRep: new Map(this.routedPerRep),
      reassignments: new Map(this.reassignments),
    };
  }

  private recorded(event: EngagementRecordedV1): void {
    if (event.sourceId !== this.sourceId) return;
    this.eventsIngested++;
    this.leads.add(event.leadId);
  }

  /** Each assignment once: the outbox relay delivers at least once. */
  private routed(event: LeadRoutedV1): void {
    if (!event.contactUrl?.startsWith(this.contactUrlPrefix) || this.assignments.has(event.assignmentId)) return;
    this.assignments.add(event.assignmentId);
    this.routedLeads.add(event.leadId);
    increment(this.routedPerRep, event.repId);
    if (event.trigger !== 'qualified') increment(this.reassignments, event.trigger);
  }
}

function countOf(candidates: Set<string>, ours: Set<string>): number {
  let count = 0;
  for (const leadId of candidates) if (ours.has(leadId)) count++;
  return count;
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
