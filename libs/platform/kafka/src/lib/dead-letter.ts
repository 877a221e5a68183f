import { dlqNameOf } from '@handoff/contracts';
import { maskPersonalText } from '@handoff/platform-observability';
import { errorClassOf, errorMessageOf, type ErrorKind } from './error-classification';
import type { FetchedMessage, RawRecord, RecordHeaders } from './kafka-record';

export const DLQ_HEADERS = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  errorClass: 'dlq-error-class',
  errorMessage: 'dlq-error-message',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

/** Keeps a DLQ record well below broker limits even when an error message embeds a whole payload. */
export const MAX_DLQ_ERROR_MESSAGE_LENGTH = 1024;

export interface FailureDetails {
  error: unknown;
  /** Why it was dead-lettered: it failed deterministically, or exhausted the retry budget. */
  kind: Exclude<ErrorKind, 'transient'>;
  attempts: number;
  failedAt: Date;
}

export function deadLetterHeaders(message: FetchedMessage, failure: FailureDetails): RecordHeaders {
  return {
    ...message.headers,
    [DLQ_HEADERS.originalTopic]: message.topic,
    [DLQ_HEADERS.originalPartition]: String(message.partition),
    [DLQ_HEADERS.originalOffset]: message.offset,
    [DLQ_HEADERS.errorClass]: `${failure.kind}/${errorClassOf(failure.error)}`,
    // Dead-letter topics are read by operators and tools: personal data never travels there in clear.
    [DLQ_HEADERS.errorMessage]: maskPersonalText(errorMessageOf(failure.error)).slice(0, MAX_DLQ_ERROR_MESSAGE_LENGTH),
    [DLQ_HEADERS.attempts]: String(failure.attempts),
    [DLQ_HEADERS.failedAt]: failure.failedAt.toISOString(),
  };
}

/** The original key and value bytes, untouched, so the record can be replayed as it was. */
export function deadLetterRecord(message: FetchedMessage, failure: FailureDetails): RawRecord {
  return {
    topic: dlqNameOf(message.topic),
    key: message.key,
    value: message.value,
    headers: deadLetterHeaders(message, failure),
  };
}
