import { dlqNameOf } from '@handoff/contracts';
import { DLQ_HEADERS } from './dead-letter';
import type { FetchedMessage, RawRecord } from './kafka-record';

/** Added to a replayed record: `<dead-letter topic>/<partition>/<offset>` it was replayed from. */
export const DLQ_REPLAYED_FROM_HEADER = 'dlq-replayed-from';

/** A record of a `<topic>.dlq`, with what its dead-letter headers say about it. */
export interface DeadLetter {
  record: FetchedMessage;
  originalTopic: string;
  originalPartition: string;
  originalOffset: string;
  errorClass: string;
  errorMessage: string;
  attempts: string;
  failedAt: string;
}

/** Which dead letters to show or replay; every given criterion must hold. */
export interface DeadLetterSelection {
  /** Positions in the dead-letter topic, `<partition>/<offset>`, or `<offset>` on any partition. */
  positions?: readonly string[];
  /** Only those that failed at or after this instant. */
  since?: Date;
  /** Case-insensitive text in the error class (`class:<text>`), the message (`message:<text>`) or either. */
  filter?: string;
}

/** Accepts the original topic or its dead-letter topic. */
export function deadLetterTopicOf(topic: string): string {
  return topic.endsWith('.dlq') ? topic : dlqNameOf(topic);
}

export function toDeadLetter(record: FetchedMessage): DeadLetter {
  const header = (name: string) => record.headers[name] ?? '';
  return {
    record,
    originalTopic: header(DLQ_HEADERS.originalTopic),
    originalPartition: header(DLQ_HEADERS.originalPartition),
    originalOffset: header(DLQ_HEADERS.originalOffset),
    errorClass: header(DLQ_HEADERS.errorClass),
    errorMessage: header(DLQ_HEADERS.errorMessage),
    attempts: header(DLQ_HEADERS.attempts),
    failedAt: header(DLQ_HEADERS.failedAt),
  };
}

export function positionOf({ record }: DeadLetter): string {
  return `${record.partition}/${record.offset}`;
}

export function selectDeadLetters(letters: readonly DeadLetter[], selection: DeadLetterSelection): DeadLetter[] {
  return letters.filter(
    (letter) =>
      atPositions(letter, selection.positions) &&
      failedSince(letter, selection.since) &&
      matches(letter, selection.filter),
  );
}

function atPositions(letter: DeadLetter, positions: readonly string[] | undefined): boolean {
  if (!positions?.length) return true;
  return positions.some((position) =>
    position.includes('/') ? position === positionOf(letter) : position === letter.record.offset,
  );
}

function failedSince(letter: DeadLetter, since: Date | undefined): boolean {
  return since === undefined || Date.parse(letter.failedAt) >= since.getTime();
}

function matches(letter: DeadLetter, filter: string | undefined): boolean {
  if (!filter) return true;
  const [, field, text] = /^(class|message):(.*)$/s.exec(filter) ?? [undefined, undefined, filter];
  const needle = text.toLowerCase();
  const inClass = letter.errorClass.toLowerCase().includes(needle);
  const inMessage = letter.errorMessage.toLowerCase().includes(needle);
  if (field === 'class') return inClass;
  if (field === 'message') return inMessage;
  return inClass || inMessage;
}

/**
 * The record as first published: same topic, key, value and headers, minus the dead-letter headers,
 * plus where it was replayed from. Consumers' inboxes drop it if it had been applied after all.
 */
export function replayRecordOf(letter: DeadLetter): RawRecord {
  const { record } = letter;
  if (!letter.originalTopic) throw new Error(`dead letter ${positionOf(letter)} names no original topic`);
  const dlqHeaderNames = new Set<string>(Object.values(DLQ_HEADERS));
  const headers = Object.fromEntries(Object.entries(record.headers).filter(([name]) => !dlqHeaderNames.has(name)));
  return {
    topic: letter.originalTopic,
    key: record.key,
    value: record.value,
    headers: { ...headers, [DLQ_REPLAYED_FROM_HEADER]: `${record.topic}/${positionOf(letter)}` },
  };
}
