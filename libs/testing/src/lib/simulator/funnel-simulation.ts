// A simulated run against running services: the funnel's messages to ingest at a fixed arrival rate (open loop),
// the sales systems answering what routing assigns, and the run record of everything sent.
import { setTimeout as sleep } from 'node:timers/promises';
import { type EngagementRecordedV1, type LeadRoutedV1, Topics } from '@handoff/contracts';
import { jsonObjectOf } from '../json-object';
import { runOpenLoop, type RequestOutcome } from '../open-loop';
import { type ReadRecord, TopicReader } from '../topic-reader';
import { TopicWriter } from '../topic-writer';
import { FunnelGenerator, type InterfaceMix } from './funnel-generator';
import { IngestSender } from './ingest-sender';
import { ingestRequestOf } from './interface-payloads';
import { LeadIds, leadKeyOfAnonymousId } from './lead-ids';
import { type LeadLine, RunRecordWriter } from './run-record';
import { SalesDesk } from './sales-desk';
import type { SimulatedLead } from './simulated-lead';

export interface SimulationOptions {
  seed: number;
  runId: string;
  ratePerSecond: number;
  /** How many messages to send to ingest (the run lasts messages / rate seconds). */
  messages: number;
  ingestUrl: string;
  writeKey: string;
  /** The source the write key belongs to: Kafka records name it. Unnamed, they go to ingest's default source. */
  sourceId?: string;
  outPath: string;
  mix?: InterfaceMix;
  concurrentLeads?: number;
  /** Scales the sales side's delays (1: seconds between routing and the rep's answer). */
  salesDelayScale?: number;
  /** How long to keep answering assignments after the last message (routing needs a moment for the last leads). */
  settleSeconds?: number;
  /** Whose assignments to answer: those whose contactUrl starts with this (default: `<ingestUrl>/`). */
  contactUrlPrefix?: string;
  /** Ends the run early: no further messages, no settling; the sales side still publishes what it planned. */
  signal?: AbortSignal;
}

export interface SimulationSummary {
  runId: string;
  outPath: string;
  messages: number;
  acceptedEvents: number;
  leads: number;
  routedLeads: number;
  failures: Map<string, number>;
}

const TICK_MS = 200;

export async function runFunnelSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const generator = new FunnelGenerator(options);
  const leadIds = new LeadIds();
  const record = new RunRecordWriter(options.outPath);
  const reader = await TopicReader.startAtEnd([Topics.engagementRecorded.name, Topics.leadRouted.name]);
  const sender = await IngestSender.connect(options.ingestUrl, options.writeKey);
  const salesWriter = await TopicWriter.connect();
  const desk = new SalesDesk({
    seed: options.seed,
    leads: generator.leads,
    leadIds,
    record,
    writer: salesWriter,
    contactUrlPrefix: options.contactUrlPrefix ?? `${options.ingestUrl.replace(/\/$/, '')}/`,
    delayScale: options.salesDelayScale,
  });
  const ticker = new DeskTicker(reader, desk, leadIds, options.runId);
  try {
    record.write({
      kind: 'run',
      runId: options.runId,
      seed: options.seed,
      startedAt: new Date().toISOString(),
      ratePerSecond: options.ratePerSecond,
      messages: options.messages,
      sourceId: options.sourceId ?? '',
    });
    ticker.start();
    const send = async (): Promise<RequestOutcome> => {
      const message = generator.next();
      const at = new Date().toISOString();
      const result = await sender.send(ingestRequestOf(message, at, options.sourceId));
      if (result.leadId) leadIds.add(message.lead.key, result.leadId);
      record.write({
        kind: 'sent',
        id: message.messageId,
        at,
        interface: message.via,
        lead: message.lead.key,
        type: message.step.type,
        ...result,
      });
      const acknowledged = result.status === 'accepted' || result.status === 'produced';
      return {
        acceptedEvents: acknowledged ? 1 : 0,
        ...(acknowledged ? {} : { failure: result.status, detail: result.detail }),
      };
    };
    const phase = await runOpenLoop(
      options.ratePerSecond,
      options.messages / options.ratePerSecond,
      1,
      send,
      options.signal,
    );
    await sleep((options.settleSeconds ?? 10) * 1000, undefined, { signal: options.signal }).catch(() => undefined);
    await ticker.stop();
    for (const lead of generator.leads.values()) record.write(leadLineOf(lead, leadIds, desk));
    return {
      runId: options.runId,
      outPath: options.outPath,
      messages: phase.requests,
      acceptedEvents: phase.acceptedEvents,
      leads: generator.leads.size,
      routedLeads: desk.outcomes.size,
      failures: phase.failures,
    };
  } finally {
    await ticker.stop();
    await Promise.allSettled([reader.stop(), sender.close(), salesWriter.disconnect()]);
    await record.close();
  }
}

function leadLineOf(lead: SimulatedLead, leadIds: LeadIds, desk: SalesDesk): LeadLine {
  return {
    kind: 'lead',
    lead: lead.key,
    propensity: lead.propensity,
    company: lead.company.name,
    employeeCount: lead.company.employeeCount,
    industry: lead.company.industry,
    country: lead.company.country,
    seniority: lead.person.seniority,
    devices: lead.anonymousIds.length,
    leadIds: leadIds.leadIdsOf(lead.key),
    outcome: desk.outcomes.get(lead.key) ?? { routedTo: [], final: 'not_routed' },
  };
}

/** Every tick: learns lead ids from what ingest recorded, hands new assignments to the desk, publishes what is due. */
class DeskTicker {
  private timer?: NodeJS.Timeout;
  private seen = 0;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly reader: TopicReader,
    private readonly desk: SalesDesk,
    private readonly leadIds: LeadIds,
    private readonly runId: string,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick());
    }, TICK_MS);
  }

  /** Stops ticking, then publishes everything the desk still plans. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.tick(true);
  }

  private async tick(final = false): Promise<void> {
    const fresh = this.reader.records.slice(this.seen);
    this.seen += fresh.length;
    for (const record of fresh) this.apply(record);
    await this.desk.publishDue(final);
  }

  private apply(record: ReadRecord): void {
    const value = jsonObjectOf(record.value);
    if (!value) return;
    if (record.topic === Topics.leadRouted.name) return this.desk.onRouted(value as LeadRoutedV1);
    const event = value as EngagementRecordedV1;
    if (leadKeyOfAnonymousId(event.identity?.anonymousId)?.startsWith(`${this.runId}-`))
      this.leadIds.addRecorded(event);
  }
}
