import { dlqNameOf } from '@handoff/contracts';
import { errorClassOf, errorMessageOf } from './error-classification';
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
  attempts: number;
  failedAt: Date;
}

export function deadLetterHeaders(message: FetchedMessage, failure: FailureDetails): RecordHeaders {
  return {
    ...message.headers,
    [DLQ_HEADERS.originalTopic]: message.topic,
    [DLQ_HEADERS.originalPartition]: String(message.partition),
    [DLQ_HEADERS.originalOffset]: message.offset,
    [DLQ_HEADERS.errorClass]: errorClassOf(failure.error),
    [DLQ_HEADERS.errorMessage]: errorMessageOf(failure.error).slice(0, MAX_DLQ_ERROR_MESSAGE_LENGTH),
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
