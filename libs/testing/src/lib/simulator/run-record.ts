// What a simulated run sent, one JSON line per fact, so a test can compute the books the services should show
// and a scoring model can be judged against each lead's hidden propensity and true outcome.
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import type { ActivityType } from '@handoff/shared-vocabulary';
import type { IngestInterface } from './funnel-generator';
import type { Currency } from './sales-response';

/** Where a message went: one of ingest's interfaces, or a sales topic (the simulated sales systems). */
export type RecordedInterface = IngestInterface | 'sales.activity' | 'sales.crm_outcome';

/**
 * What became of a message: ingest `accepted` it (or answered `duplicate`) or `rejected` it; a Kafka record was
 * `produced` (the broker acknowledged it); `failed` means no answer or a status that accepted nothing.
 */
export type SendStatus = 'accepted' | 'duplicate' | 'rejected' | 'produced' | 'failed';

export interface RunLine {
  kind: 'run';
  runId: string;
  seed: number;
  startedAt: string;
  ratePerSecond: number;
  messages: number;
  sourceId: string;
}

export interface SentLine {
  kind: 'sent';
  /** The message id (ingest's interfaces) or the event id (sales topics). */
  id: string;
  at: string;
  interface: RecordedInterface;
  lead: string;
  type: ActivityType | string;
  status: SendStatus;
  /** HTTP status of an ingest call. */
  httpStatus?: number;
  /** Ingest's event id and lead id, from its answer (HTTP) or the record it published (Kafka, when seen). */
  eventId?: string;
  leadId?: string;
  detail?: string;
  /** Sales facts: who reported it, and the deal. */
  repId?: string;
  dealId?: string;
  amount?: number;
  currency?: Currency;
}

export interface LeadLine {
  kind: 'lead';
  lead: string;
  propensity: number;
  company: string;
  employeeCount: number;
  industry: string;
  country: string;
  seniority: string;
  devices: number;
  /** The platform's lead ids the run saw for this person (two before a merge of two devices). */
  leadIds: string[];
  /** What really happened: how far the lead got, and the deal's final amount when it was won. */
  outcome: LeadOutcome;
}

export interface LeadOutcome {
  routedTo: string[];
  final: 'not_routed' | 'ignored' | 'rejected' | 'accepted' | 'won' | 'lost';
  wonAmount?: number;
  currency?: Currency;
}

export type RecordLine = RunLine | SentLine | LeadLine;

/** Appends lines to a JSONL file as they happen; `close` resolves once everything is on disk. */
export class RunRecordWriter {
  private readonly stream: WriteStream;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'w' });
  }

  write(line: RecordLine): void {
    this.stream.write(`${JSON.stringify(line)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

export function readRunRecord(path: string): RecordLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as RecordLine);
}
