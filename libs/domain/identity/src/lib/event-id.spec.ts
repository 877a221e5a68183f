import { INGEST_EVENT_ID_NAMESPACE, deterministicEventId, uuidV5 } from './event-id';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const UUID_V5_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV5', () => {
  it('matches the RFC 4122 DNS-namespace example for python.org', () => {
    expect(uuidV5(DNS_NAMESPACE, 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('hashes the name as UTF-8 (vector from Python uuid.uuid5)', () => {
    expect(uuidV5(URL_NAMESPACE, 'https://example.com/ünïcode')).toBe('81b932f9-64c2-5911-bcce-4e95188eebaa');
  });

  it('accepts an upper-case namespace as the same namespace', () => {
    expect(uuidV5(DNS_NAMESPACE.toUpperCase(), 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'python.org')).toThrow('namespace must be a UUID');
  });
});

describe('deterministicEventId', () => {
  it('gives the same source message the same version-5 id every time', () => {
    const first = deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'src_1', 'msg-1');
    expect(first).toMatch(UUID_V5_SHAPE);
    expect(deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'src_1', 'msg-1')).toBe(first);
  });

  it('is pinned: the ids of messages already published never change (vector from Python uuid.uuid5)', () => {
    expect(deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'src_1', 'msg-1')).toBe(
      '29eb6ccf-549d-579a-bdeb-e2d253e05873',
    );
  });

  it('gives the same message id from two sources two ids', () => {
    expect(deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'src_1', 'msg-1')).not.toBe(
      deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'src_2', 'msg-1'),
    );
  });

  it('cannot be fooled by moving characters between the source id and the message id', () => {
    expect(deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'a:b', 'c')).not.toBe(
      deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'a', 'b:c'),
    );
    expect(deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'ab', 'c')).not.toBe(
      deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'a', 'bc'),
    );
  });

  it('depends on the namespace', () => {
    expect(deterministicEventId(DNS_NAMESPACE, 'src_1', 'msg-1')).not.toBe(
      deterministicEventId(INGEST_EVENT_ID_NAMESPACE, 'src_1', 'msg-1'),
    );
  });
});
