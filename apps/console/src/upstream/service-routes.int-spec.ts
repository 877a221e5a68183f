import { FakeService, json } from '../testing/fake-service';
import type { ConsoleBrowser } from '../testing/console-browser';
import { type ConsoleTestApp, prepareConsoleEnv, startConsoleApp } from '../testing/console-test-app';

const LEAD_ID = '7d0c1a52-3f1e-4c5b-9a51-0d6a2f7f6c11';
const TOKENS = {
  CONSOLE_INGEST_ADMIN_TOKEN: 'ingest-admin-token-int',
  CONSOLE_INGEST_CONTACT_TOKEN: 'ingest-contact-token-int',
  CONSOLE_SCORING_ADMIN_TOKEN: 'scoring-admin-token-int',
  CONSOLE_ROUTING_ADMIN_TOKEN: 'routing-admin-token-int',
  CONSOLE_QUOTA_ADMIN_TOKEN: 'quota-admin-token-int',
};

describe('the console routes that pass through to a service, booted whole against a real local HTTP server', () => {
  let service: FakeService;
  let app: ConsoleTestApp;
  let admin: ConsoleBrowser;

  beforeAll(async () => {
    service = await FakeService.start();
    // One server stands in for all four services, each under its own path prefix: the prefix says who was called.
    prepareConsoleEnv({
      ...TOKENS,
      CONSOLE_INGEST_URL: `${service.baseUrl}/ingest`,
      CONSOLE_SCORING_URL: `${service.baseUrl}/scoring`,
      CONSOLE_ROUTING_URL: `${service.baseUrl}/routing`,
      CONSOLE_QUOTA_URL: `${service.baseUrl}/quota`,
      CONSOLE_SERVICE_TIMEOUT_MS: '500',
    });
    app = await startConsoleApp();
    admin = await app.admin();
  });

  beforeEach(() => service.received.splice(0));

  afterAll(async () => {
    await app?.stop();
    await service?.stop();
  });

  const lastCall = () => {
    const { method, url, headers, body } = service.received.at(-1) ?? { method: '', url: '', headers: {}, body: '' };
    return { method, url, authorization: headers.authorization, body };
  };

  it.each([
    [
      `/api/leads/${LEAD_ID}/score?at=2026-12-01T00:00:00Z`,
      `/scoring/leads/${LEAD_ID}/score?at=2026-12-01T00%3A00%3A00Z`,
      TOKENS.CONSOLE_SCORING_ADMIN_TOKEN,
    ],
    [`/api/leads/${LEAD_ID}/routing`, `/routing/leads/${LEAD_ID}/routing`, TOKENS.CONSOLE_ROUTING_ADMIN_TOKEN],
    [`/api/leads/${LEAD_ID}/contact`, `/ingest/leads/${LEAD_ID}/contact`, TOKENS.CONSOLE_INGEST_CONTACT_TOKEN],
    ['/api/models/3/insights', '/scoring/models/3/insights', TOKENS.CONSOLE_SCORING_ADMIN_TOKEN],
    ['/api/prediction/status', '/scoring/prediction/status', TOKENS.CONSOLE_SCORING_ADMIN_TOKEN],
    [
      '/api/routing/pools/emea/fairness?from=2026-11-01T00:00:00Z',
      '/routing/pools/emea/fairness?from=2026-11-01T00%3A00%3A00Z',
      TOKENS.CONSOLE_ROUTING_ADMIN_TOKEN,
    ],
    ['/api/routing/queue', '/routing/routing/queue', TOKENS.CONSOLE_ROUTING_ADMIN_TOKEN],
    ['/api/quotas/teams', '/routing/teams', TOKENS.CONSOLE_ROUTING_ADMIN_TOKEN],
  ])('GET %s calls %s with that service credential', async (route, upstream, token) => {
    service.answer((_, response) => json(response, 200, { ok: true }));

    const answer = await admin.call('GET', route);

    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(lastCall()).toMatchObject({ method: 'GET', url: upstream, authorization: `Bearer ${token}` });
  });

  it("answers the newest MQLs as the list of scoring's qualified page", async () => {
    const lead = { leadId: LEAD_ID, stage: 'mql', grade: 'A' };
    service.answer((_, response) => json(response, 200, { leads: [lead], nextBefore: null }));

    const answer = await admin.call('GET', '/api/leads/mqls?limit=5');

    expect(answer).toMatchObject({ status: 200, body: [lead] });
    expect(lastCall()).toMatchObject({ url: '/scoring/leads/qualified?limit=5' });
  });

  it("answers the service's own status for a change, with the body as the service gave it", async () => {
    service.answer((_, response) => json(response, 201, { id: 'ana' }));

    const answer = await admin.call('PUT', '/api/routing/reps/ana', { body: { name: 'Ana', weight: 2 } });

    expect(answer).toMatchObject({ status: 201, body: { id: 'ana' } });
    expect(lastCall()).toMatchObject({ method: 'PUT', url: '/routing/reps/ana', body: '{"name":"Ana","weight":2}' });
  });

  it("passes a service's 409 through with its body and the service's name", async () => {
    const conflict = { statusCode: 409, error: 'Conflict', message: 'nobody else in the pool is eligible' };
    service.answer((_, response) => json(response, 409, conflict));

    const answer = await admin.call('POST', `/api/leads/${LEAD_ID}/reassign`, { body: { reason: 'on holiday' } });

    expect(answer).toMatchObject({ status: 409, body: { ...conflict, service: 'routing' } });
  });

  it('answers 504 naming the service when it does not answer in time', async () => {
    service.answer(() => undefined);

    const answer = await admin.call('GET', '/api/routing/reps');

    expect(answer).toMatchObject({ status: 504, body: { statusCode: 504, service: 'routing' } });
  });

  it('relays the leaderboard CSV with its type and file name, and no other header of the service', async () => {
    service.answer((_, response) => {
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="leaderboard-emea.csv"',
        'x-service-secret': 'not-for-browsers',
      });
      response.end('rep,attainment\nana,1.2\n');
    });

    const answer = await admin.call('GET', '/api/quotas/teams/emea/leaderboard.csv?period=FY2027-Q1');

    expect(answer.status).toBe(200);
    expect(answer.body).toBe('rep,attainment\nana,1.2\n');
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="leaderboard-emea.csv"');
    expect(answer.headers.get('x-service-secret')).toBeNull();
  });

  it('refuses a lead id that is not a UUID and a query parameter the route does not let through, calling no service', async () => {
    const badId = await admin.call('GET', '/api/leads/not-a-uuid/score');
    const extra = await admin.call('GET', `/api/leads/${LEAD_ID}/score?at=2026-12-01T00:00:00Z&token=x`);

    expect(badId.status).toBe(400);
    expect(extra.status).toBe(400);
    expect(service.received).toEqual([]);
  });
});
