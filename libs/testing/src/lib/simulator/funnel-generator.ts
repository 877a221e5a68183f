// The simulator's traffic: many people's journeys interleaved into one stream, each message assigned to one of
// ingest's interfaces. Pure and seeded: the same seed and run id give the same messages in the same order.
import { journeyOf, type JourneyStep } from './engagement-journey';
import { type Company, marketCompanies } from './firmographics';
import { SeededRandom, type Weighted } from './seeded-random';
import { drawLead, type SimulatedLead } from './simulated-lead';

/** How a message reaches ingest: `POST /v1/events`, the Segment-compatible routes, or engagement.inbound.v1. */
export type IngestInterface = 'native' | 'segment' | 'kafka';
export const INGEST_INTERFACES: readonly IngestInterface[] = ['native', 'segment', 'kafka'];

/** Shares of the messages each interface carries (any positive numbers; they are normalised). */
export type InterfaceMix = Record<IngestInterface, number>;
export const DEFAULT_INTERFACE_MIX: InterfaceMix = { native: 0.5, segment: 0.3, kafka: 0.2 };

export interface FunnelOptions {
  seed: number;
  /** Namespaces every id the run sends (anonymous ids, emails, message ids), so runs never share a lead. */
  runId: string;
  mix?: InterfaceMix;
  /** How many people browse at the same time: a new person arrives when fewer are active (default 25). */
  concurrentLeads?: number;
}

export interface SimulatedMessage {
  sequence: number;
  /** Unique in the run; the sender's message id, and the seed of a Kafka record's event id. */
  messageId: string;
  via: IngestInterface;
  lead: SimulatedLead;
  step: JourneyStep;
}

interface ActiveJourney {
  lead: SimulatedLead;
  steps: JourneyStep[];
  next: number;
}

/** Chance that a new person arrives although enough are browsing: arrivals keep coming at a trickle. */
const EXTRA_ARRIVAL_SHARE = 0.05;

export class FunnelGenerator {
  readonly leads = new Map<string, SimulatedLead>();
  private readonly random: SeededRandom;
  private readonly companies: readonly Company[] = marketCompanies();
  private readonly active: ActiveJourney[] = [];
  private readonly mix: Weighted<IngestInterface>;
  private readonly concurrentLeads: number;
  private sequence = 0;

  constructor(private readonly options: FunnelOptions) {
    this.random = new SeededRandom(options.seed);
    const mix = options.mix ?? DEFAULT_INTERFACE_MIX;
    this.mix = INGEST_INTERFACES.map((name) => [name, mix[name]] as const);
    this.concurrentLeads = options.concurrentLeads ?? 25;
  }

  next(): SimulatedMessage {
    if (this.active.length < this.concurrentLeads || this.random.chance(EXTRA_ARRIVAL_SHARE)) this.arrive();
    const index = this.random.int(0, this.active.length - 1);
    const journey = this.active[index];
    const step = journey.steps[journey.next++];
    if (journey.next >= journey.steps.length) this.active.splice(index, 1);
    const sequence = this.sequence++;
    return {
      sequence,
      messageId: `${this.options.runId}-m${sequence}`,
      via: this.random.weighted(this.mix),
      lead: journey.lead,
      step,
    };
  }

  take(count: number): SimulatedMessage[] {
    return Array.from({ length: count }, () => this.next());
  }

  private arrive(): void {
    const lead = drawLead(this.random, this.options.runId, this.leads.size, this.companies);
    this.leads.set(lead.key, lead);
    // Each journey has its own stream, so a person's behaviour does not depend on who else is browsing.
    const steps = journeyOf(SeededRandom.derived(this.options.seed, `${lead.key}:journey`), lead);
    this.active.push({ lead, steps, next: 0 });
  }
}
