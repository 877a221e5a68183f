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
  it('names the original position, the error kind and class, the attempts, and keeps the original headers', () => {
    const headers = deadLetterHeaders(message, {
      error: new PoisonMessageError('lead unknown'),
      kind: 'poison',
      attempts: 3,
      failedAt,
    });

    expect(headers).toEqual({
      'x-correlation-id': 'corr-1',
      'event-id': 'e-1',
      [DLQ_HEADERS.originalTopic]: 'engagement.recorded.v1',
      [DLQ_HEADERS.originalPartition]: '4',
      [DLQ_HEADERS.originalOffset]: '9007199254740993',
      [DLQ_HEADERS.errorClass]: 'poison/PoisonMessageError',
      [DLQ_HEADERS.errorMessage]: 'lead unknown',
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.failedAt]: '2026-11-28T10:00:00.000Z',
    });
  });

  it('truncates a long error message so the record stays small', () => {
    const headers = deadLetterHeaders(message, {
      error: new Error('x'.repeat(5_000)),
      kind: 'unclassified',
      attempts: 1,
      failedAt,
    });

    expect(headers[DLQ_HEADERS.errorMessage]).toHaveLength(MAX_DLQ_ERROR_MESSAGE_LENGTH);
  });

  it('states an exhausted retry budget as unclassified, with the error name', () => {
    const headers = deadLetterHeaders(message, {
      error: new Error('odd'),
      kind: 'unclassified',
      attempts: 40,
      failedAt,
    });

    expect(headers[DLQ_HEADERS.errorClass]).toBe('unclassified/Error');
  });

  it('masks emails and phone numbers in the error message, so no personal data travels in clear', () => {
    const error = new PoisonMessageError('duplicate key (email)=(jane.doe@example.com), phone +44 20 7946 0958');

    const text = deadLetterHeaders(message, { error, kind: 'poison', attempts: 1, failedAt })[DLQ_HEADERS.errorMessage];

    expect(text).not.toContain('jane.doe@example.com');
    expect(text).not.toMatch(/7946/);
    expect(text).toMatch(/^duplicate key \(email\)=\(<email:[0-9a-f]{12}>\), phone <phone:[0-9a-f]{12}>$/);
  });

  it('lets the dead-letter headers win over original headers of the same name', () => {
    const spoofed = {
      ...message,
      headers: { [DLQ_HEADERS.originalTopic]: 'elsewhere' },
    };

    expect(
      deadLetterHeaders(spoofed, {
        error: new Error('e'),
        kind: 'poison',
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
      kind: 'poison',
      attempts: 1,
      failedAt,
    });

    expect(record.topic).toBe('engagement.recorded.v1.dlq');
    expect(record.key).toBe(message.key);
    expect(record.value).toBe(message.value);
  });
});
