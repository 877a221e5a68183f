import { deadLetterHeaders, deadLetterRecord, DLQ_HEADERS, MAX_DLQ_ERROR_MESSAGE_LENGTH } from './dead-letter';
import { PoisonMessageError } from './error-classification';
import type { FetchedMessage } from './kafka-record';

const message: FetchedMessage = {
  topic: 'engagement.recorded.v1',
  partition: 4,
  offset: '9007199254740993',
  key: Buffer.from('lead-1'),
  value: Buffer.from('{"not":"valid"}'),
  headers: { 'x-correlation-id': 'corr-1', 'event-id': 'e-1' },
};
const failedAt = new Date('2026-11-28T10:00:00.000Z');

describe('deadLetterHeaders', () => {
  it('names the original position, the error and the attempts, and keeps the original headers', () => {
    const headers = deadLetterHeaders(message, {
      error: new PoisonMessageError('lead unknown'),
      attempts: 3,
      failedAt,
    });

    expect(headers).toEqual({
      'x-correlation-id': 'corr-1',
      'event-id': 'e-1',
      [DLQ_HEADERS.originalTopic]: 'engagement.recorded.v1',
      [DLQ_HEADERS.originalPartition]: '4',
      [DLQ_HEADERS.originalOffset]: '9007199254740993',
      [DLQ_HEADERS.errorClass]: 'PoisonMessageError',
      [DLQ_HEADERS.errorMessage]: 'lead unknown',
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.failedAt]: '2026-11-28T10:00:00.000Z',
    });
  });

  it('truncates a long error message so the record stays small', () => {
    const headers = deadLetterHeaders(message, {
      error: new Error('x'.repeat(5_000)),
      attempts: 1,
      failedAt,
    });

    expect(headers[DLQ_HEADERS.errorMessage]).toHaveLength(MAX_DLQ_ERROR_MESSAGE_LENGTH);
  });

  it('lets the dead-letter headers win over original headers of the same name', () => {
    const spoofed = {
      ...message,
      headers: { [DLQ_HEADERS.originalTopic]: 'elsewhere' },
    };

    expect(
      deadLetterHeaders(spoofed, {
        error: new Error('e'),
        attempts: 1,
        failedAt,
      })[DLQ_HEADERS.originalTopic],
    ).toBe('engagement.recorded.v1');
  });
});

describe('deadLetterRecord', () => {
  it('goes to <topic>.dlq with the original key and value bytes untouched', () => {
    const record = deadLetterRecord(message, {
      error: new Error('e'),
      attempts: 1,
      failedAt,
    });

    expect(record.topic).toBe('engagement.recorded.v1.dlq');
    expect(record.key).toBe(message.key);
    expect(record.value).toBe(message.value);
  });
});
