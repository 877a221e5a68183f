import { WebhookReceiver } from '@handoff/testing';
import { RESPONSE_EXCERPT_BYTES, WebhookSender } from './webhook-sender';

describe('WebhookSender', () => {
  let receiver: WebhookReceiver;
  const senders: WebhookSender[] = [];
  const sender = (allowPrivate: boolean, timeoutMs = 2000) => {
    const created = new WebhookSender({ allowPrivate }, timeoutMs);
    senders.push(created);
    return created;
  };

  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterEach(async () => {
    for (const created of senders.splice(0)) created.close();
    await receiver.stop();
  });

  it('POSTs the body as JSON with the given headers and reports status, latency and an excerpt', async () => {
    receiver.answerNext({ status: 202, body: 'queued' });
    const outcome = await sender(true).post(receiver.url, '{"a":1}', { 'webhook-id': 'msg-1' });
    expect(outcome).toMatchObject({ statusCode: 202, responseExcerpt: 'queued' });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    expect(receiver.received[0]).toMatchObject({ body: '{"a":1}' });
    expect(receiver.received[0].headers).toMatchObject({ 'webhook-id': 'msg-1', 'content-type': 'application/json' });
  });

  it('keeps only the first 4 KiB of a response body', async () => {
    receiver.answerNext({ status: 500, body: 'x'.repeat(RESPONSE_EXCERPT_BYTES * 4) });
    const outcome = await sender(true).post(receiver.url, '{}', {});
    expect(outcome.statusCode).toBe(500);
    expect(outcome.responseExcerpt).toHaveLength(RESPONSE_EXCERPT_BYTES);
  });

  it('does not follow redirects', async () => {
    receiver.answerNext({ status: 307, headers: { location: receiver.url } });
    const outcome = await sender(true).post(receiver.url, '{}', {});
    expect(outcome.statusCode).toBe(307);
    expect(receiver.received).toHaveLength(1);
  });

  it('hands Retry-After back', async () => {
    receiver.answerNext({ status: 503, headers: { 'retry-after': '7' } });
    expect(await sender(true).post(receiver.url, '{}', {})).toMatchObject({ statusCode: 503, retryAfter: '7' });
  });

  it('refuses a loopback address when private targets are not allowed, sending nothing', async () => {
    const outcome = await sender(false).post(receiver.url, '{}', {});
    expect(outcome.error).toMatch(/127\.0\.0\.1 is private, loopback/);
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses at connection a host name that resolves to loopback (localhost)', async () => {
    const outcome = await sender(false).post(receiver.url.replace('127.0.0.1', 'localhost'), '{}', {});
    expect(outcome.error).toMatch(/is private, loopback/);
    expect(receiver.received).toHaveLength(0);
  });

  it('gives up on an endpoint slower than the timeout', async () => {
    receiver.answerNext({ status: 200, delayMs: 2000 });
    const outcome = await sender(true, 200).post(receiver.url, '{}', {});
    expect(outcome).toMatchObject({ error: 'timed out' });
    expect(outcome.statusCode).toBeUndefined();
    expect(outcome.latencyMs).toBeLessThan(1500);
  });

  it('reports a refused connection as an error', async () => {
    const url = receiver.url;
    await receiver.stop();
    expect((await sender(true).post(url, '{}', {})).error).toMatch(/ECONNREFUSED/);
    receiver = await WebhookReceiver.start();
  });
});
