import { toRecordHeaders } from './kafka-record';

describe('toRecordHeaders', () => {
  it('turns wire header bytes into strings and keeps the last of repeated headers', () => {
    const headers = toRecordHeaders({
      'x-correlation-id': Buffer.from('corr-1'),
      'schema-version': '2',
      repeated: [Buffer.from('first'), 'last'],
      absent: undefined,
    });

    expect(headers).toEqual({
      'x-correlation-id': 'corr-1',
      'schema-version': '2',
      repeated: 'last',
    });
  });

  it('returns no headers for a message without any', () => {
    expect(toRecordHeaders(undefined)).toEqual({});
  });
});
