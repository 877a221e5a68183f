// The simulated sales systems: for each lead routing hands a rep (lead.routed.v1), the rep's answer and what follows
// it, published on sales.activity.v1 and sales.crm_outcome.v1 at the times the answer plans.
import type { LeadRoutedV1 } from '@handoff/contracts';
import type { TopicWriter } from '../topic-writer';
import type { LeadIds } from './lead-ids';
import type { LeadOutcome, RunRecordWriter, SentLine } from './run-record';
import { type PlannedFact, salesFactsOf } from './sales-facts';
import { salesResponseOf } from './sales-response';
import { SeededRandom } from './seeded-random';
import type { SimulatedLead } from './simulated-lead';

export interface SalesDeskOptions {
  seed: number;
  leads: ReadonlyMap<string, SimulatedLead>;
  leadIds: LeadIds;
  record: RunRecordWriter;
  writer: TopicWriter;
  /** Only assignments made by the routing that serves this ingest (its contactUrl starts so) are answered. */
  contactUrlPrefix: string;
  delayScale?: number;
}

export class SalesDesk {
  readonly outcomes = new Map<string, LeadOutcome>();
  private readonly answered = new Set<string>();
  private readonly waiting = new Map<string, LeadRoutedV1>();
  private planned: PlannedFact[] = [];

  constructor(private readonly options: SalesDeskOptions) {}

  /**
   * Decides the rep's answer to an assignment of one of the run's leads (each assignment once). An assignment of a
   * lead whose id the run has not learnt yet (its events came through Kafka) waits for the next `publishDue`.
   */
  onRouted(routed: LeadRoutedV1): void {
    if (!routed.contactUrl.startsWith(this.options.contactUrlPrefix) || this.answered.has(routed.assignmentId)) return;
    const leadKey = this.options.leadIds.leadKeyOf(routed.leadId);
    const lead = leadKey ? this.options.leads.get(leadKey) : undefined;
    if (!lead) {
      this.waiting.set(routed.assignmentId, routed);
      return;
    }
    this.answered.add(routed.assignmentId);
    this.waiting.delete(routed.assignmentId);
    const outcome = this.outcomeOf(lead.key);
    outcome.routedTo.push(routed.repId);
    const random = SeededRandom.derived(this.options.seed, `${lead.key}:sales:${routed.attempt}`);
    const response = salesResponseOf(random, lead, routed.attempt, this.options.delayScale);
    if (response.kind === 'ignored') outcome.final = 'ignored';
    this.planned.push(...salesFactsOf(response, lead, routed, Date.now()));
  }

  /** Publishes what is due by now; with `everything`, also what is still planned (the run is ending). */
  async publishDue(everything = false): Promise<void> {
    for (const routed of [...this.waiting.values()]) this.onRouted(routed);
    const now = Date.now();
    const due = this.planned.filter((fact) => everything || fact.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
    this.planned = this.planned.filter((fact) => !due.includes(fact));
    for (const fact of due) await this.publish(fact);
  }

  private async publish(fact: PlannedFact): Promise<void> {
    const at = new Date(fact.dueAt).toISOString();
    const value = { ...fact.value, occurredAt: at };
    let status: SentLine['status'] = 'produced';
    let detail: string | undefined;
    try {
      await this.options.writer.write(fact.topic, { key: fact.key, value: JSON.stringify(value) });
      this.noteOutcome(fact);
    } catch (error) {
      status = 'failed';
      detail = (error as Error).message;
    }
    this.options.record.write({ kind: 'sent', at, status, ...fact.line, ...(detail ? { detail } : {}) });
  }

  private noteOutcome(fact: PlannedFact): void {
    const outcome = this.outcomeOf(fact.line.lead);
    const type = fact.line.type;
    if (type === 'accepted' || type === 'rejected' || type === 'lost') outcome.final = type;
    if (type === 'won' || type === 'amount_corrected') {
      outcome.final = 'won';
      outcome.wonAmount = fact.line.amount;
      outcome.currency = fact.line.currency;
    }
  }

  private outcomeOf(leadKey: string): LeadOutcome {
    const outcome = this.outcomes.get(leadKey) ?? { routedTo: [], final: 'not_routed' };
    this.outcomes.set(leadKey, outcome);
    return outcome;
  }
}
