import type { HttpCallOptions } from '@handoff/testing';
import { signRequest } from './request-signature';
import { generateWriteKey } from './source-credentials';
import type { IssuedSourceView } from './source.dto';
import { type SourcesTestApp, startSourcesTestApp } from '../testing/sources-test-app';

const TOLERANCE_SECONDS = 300;
const EVENT = JSON.stringify({ type: 'track', event: 'Signed Up', userId: 'user-1' });

interface Sources {
  plain: IssuedSourceView;
  signed: IssuedSourceView;
  revoked: IssuedSourceView;
}

interface AuthCase {
  name: string;
  request: (sources: Sources) => HttpCallOptions;
  status: number;
  body: (sources: Sources) => unknown;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
const unauthorized = (message: string) => () => ({ statusCode: 401, error: 'Unauthorized', message });
const accepted = (pick: (sources: Sources) => IssuedSourceView) => (sources: Sources) => ({
  sourceId: pick(sources).id,
  name: pick(sources).name,
});

function signedWith(secret: string, body: string, timestamp: number, signedBody = body): HttpCallOptions['headers'] {
  return {
    'x-handoff-timestamp': String(timestamp),
    'x-handoff-signature': signRequest(secret, signedBody, timestamp),
  };
}

const CASES: AuthCase[] = [
  {
    name: 'no key',
    request: () => ({ body: EVENT }),
    status: 401,
    body: unauthorized('missing write key: send it as the HTTP Basic user name, a Bearer token or an X-Api-Key header'),
  },
  {
    name: 'an unknown key',
    request: () => ({ body: EVENT, headers: { authorization: basic(generateWriteKey()) } }),
    status: 401,
    body: unauthorized('unknown write key'),
  },
  {
    name: 'a key of another format',
    request: () => ({ body: EVENT, headers: { 'x-api-key': 'sk_live_123' } }),
    status: 401,
    body: unauthorized('unknown write key'),
  },
  {
    name: 'Basic credentials that are not base64',
    request: ({ plain }) => ({ body: EVENT, headers: { authorization: `Basic ${plain.writeKey}:` } }),
    status: 401,
    body: unauthorized('malformed Basic credentials: not base64'),
  },
  {
    name: 'Basic credentials without the colon',
    request: ({ plain }) => ({
      body: EVENT,
      headers: { authorization: `Basic ${Buffer.from(plain.writeKey).toString('base64')}` },
    }),
    status: 401,
    body: unauthorized('malformed Basic credentials: expected base64 of "<write key>:"'),
  },
  {
    name: 'a revoked key',
    request: ({ revoked }) => ({ body: EVENT, headers: { authorization: basic(revoked.writeKey) } }),
    status: 403,
    body: () => ({ statusCode: 403, error: 'Forbidden', message: 'write key revoked' }),
  },
  {
    name: 'the write key as Basic user name with an empty password (Segment SDKs)',
    request: ({ plain }) => ({ body: EVENT, headers: { authorization: basic(plain.writeKey) } }),
    status: 200,
    body: accepted((sources) => sources.plain),
  },
  {
    name: 'the write key as Bearer token',
    request: ({ plain }) => ({ body: EVENT, headers: { authorization: `Bearer ${plain.writeKey}` } }),
    status: 200,
    body: accepted((sources) => sources.plain),
  },
  {
    name: 'the write key as X-Api-Key',
    request: ({ plain }) => ({ body: EVENT, headers: { 'x-api-key': plain.writeKey } }),
    status: 200,
    body: accepted((sources) => sources.plain),
  },
  {
    name: 'a source requiring signatures sending none',
    request: ({ signed }) => ({ body: EVENT, headers: { authorization: basic(signed.writeKey) } }),
    status: 401,
    body: unauthorized('bad signature: the X-Handoff-Signature header is missing'),
  },
  {
    name: 'a signature made with another secret',
    request: ({ signed }) => ({
      body: EVENT,
      headers: { authorization: basic(signed.writeKey), ...signedWith('hsec_wrong', EVENT, nowSeconds()) },
    }),
    status: 401,
    body: unauthorized('bad signature'),
  },
  {
    name: 'a signature over another body',
    request: ({ signed }) => ({
      body: EVENT,
      headers: {
        authorization: basic(signed.writeKey),
        ...signedWith(signed.signingSecret ?? '', EVENT, nowSeconds(), EVENT.replace('user-1', 'user-2')),
      },
    }),
    status: 401,
    body: unauthorized('bad signature'),
  },
  {
    name: 'a signature without its timestamp',
    request: ({ signed }) => ({
      body: EVENT,
      headers: {
        authorization: basic(signed.writeKey),
        'x-handoff-signature': signRequest(signed.signingSecret ?? '', EVENT, nowSeconds()),
      },
    }),
    status: 401,
    body: unauthorized('bad signature: the X-Handoff-Timestamp header is missing or not unix seconds'),
  },
  {
    name: 'a correctly signed request with a stale timestamp',
    request: ({ signed }) => ({
      body: EVENT,
      headers: {
        authorization: basic(signed.writeKey),
        ...signedWith(signed.signingSecret ?? '', EVENT, nowSeconds() - TOLERANCE_SECONDS - 60),
      },
    }),
    status: 401,
    body: unauthorized(
      `stale timestamp: X-Handoff-Timestamp is more than ${TOLERANCE_SECONDS} s from the server's clock`,
    ),
  },
  {
    name: 'a good signature over the raw body',
    request: ({ signed }) => ({
      // Spacing that JSON.stringify would not reproduce: the signature must cover the bytes as sent.
      body: ` { "type" : "track",  "event": "Signed Up" } `,
      headers: {
        authorization: basic(signed.writeKey),
        ...signedWith(signed.signingSecret ?? '', ` { "type" : "track",  "event": "Signed Up" } `, nowSeconds()),
      },
    }),
    status: 200,
    body: accepted((sources) => sources.signed),
  },
  {
    name: 'signature headers from a source that has no signing secret',
    request: ({ plain }) => ({
      body: EVENT,
      headers: { authorization: basic(plain.writeKey), ...signedWith('hsec_guess', EVENT, nowSeconds()) },
    }),
    status: 401,
    body: unauthorized('bad signature: this source has no signing secret'),
  },
];

describe('SourceAuthGuard and RateLimitGuard over HTTP (real PostgreSQL and Redis)', () => {
  let app: SourcesTestApp;
  let sources: Sources;

  beforeAll(async () => {
    app = await startSourcesTestApp({
      INGEST_SIGNATURE_TOLERANCE_SECONDS: String(TOLERANCE_SECONDS),
      INGEST_RATE_LIMIT_PER_SECOND: '1',
      INGEST_RATE_LIMIT_BURST: '100',
    });
    const revoked = await app.createSource({ name: 'Old CRM sync' });
    await app.admin('POST', `/admin/sources/${revoked.id}/revoke`);
    sources = {
      plain: await app.createSource({ name: 'Website' }),
      signed: await app.createSource({ name: 'Webinar tool', requireSignature: true }),
      revoked,
    };
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))(
    'answers a request with %s',
    async (_name, testCase) => {
      const request = testCase.request(sources);
      const response = await app.call('POST', '/test-ingest', request);
      expect({ status: response.status, body: response.body }).toEqual({
        status: testCase.status,
        body: testCase.body(sources),
      });
      for (const source of Object.values(sources)) {
        expect(JSON.stringify(response.body)).not.toContain(source.writeKey);
      }
    },
  );

  it('answers 429 with Retry-After once a source has spent its burst, leaving other sources alone', async () => {
    const limited = await app.createSource({ name: 'Chatty form' });
    const other = await app.createSource({ name: 'Quiet form' });
    const headers = { authorization: basic(limited.writeKey) };

    const batch = { batch: Array.from({ length: 100 }, (_, index) => ({ type: 'track', event: `e${index}` })) };
    expect((await app.call('POST', '/test-ingest', { headers, body: batch })).status).toBe(200);
    const refused = await app.call('POST', '/test-ingest', { headers, body: EVENT });

    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'rate limit exceeded for this source: retry after 1 s',
    });
    const elsewhere = await app.call('POST', '/test-ingest', { headers: { 'x-api-key': other.writeKey }, body: EVENT });
    expect(elsewhere.status).toBe(200);
    expect(await app.redis.pttl(`${app.rateLimitKeyPrefix}${limited.id}`)).toBeGreaterThan(0);
  });

  it('charges a JSON array by its length', async () => {
    const source = await app.createSource({ name: 'Array sender' });
    const headers = { 'x-api-key': source.writeKey };
    const events = Array.from({ length: 100 }, () => ({ type: 'track', event: 'Clicked' }));
    expect((await app.call('POST', '/test-ingest', { headers, body: events })).status).toBe(200);
    expect((await app.call('POST', '/test-ingest', { headers, body: EVENT })).status).toBe(429);
  });

  it('does not charge requests refused by authentication', async () => {
    const source = await app.createSource({ name: 'Signed sender', requireSignature: true });
    const headers = { authorization: basic(source.writeKey) };
    for (let attempt = 0; attempt < 101; attempt += 1) {
      expect((await app.call('POST', '/test-ingest', { headers, body: EVENT })).status).toBe(401);
    }
    const signed = { ...headers, ...signedWith(source.signingSecret ?? '', EVENT, nowSeconds()) };
    expect((await app.call('POST', '/test-ingest', { headers: signed, body: EVENT })).status).toBe(200);
  });

  it('counts refusals by reason and rate-limit decisions on /metrics', async () => {
    const metrics = String((await app.call('GET', '/metrics')).body);
    expect(metrics).toMatch(/handoff_ingest_source_auth_rejections_total\{[^}]*reason="revoked_key"[^}]*\} 1\n/);
    expect(metrics).toMatch(/handoff_ingest_source_auth_rejections_total\{[^}]*reason="stale_timestamp"[^}]*\} 1\n/);
    expect(metrics).toMatch(/handoff_ingest_rate_limit_decisions_total\{[^}]*outcome="limited"[^}]*\} 2\n/);
  });
});
