import { FakeService, json } from '../testing/fake-service';
import { ServiceCallError } from './service-call.error';
import { ServiceClient, servicePath } from './service-client';

const TOKEN = 'scoring-admin-token-for-tests';

describe('ServiceClient against a real local HTTP server', () => {
  let fake: FakeService;
  let client: ServiceClient;

  beforeEach(async () => {
    fake = await FakeService.start();
    client = new ServiceClient({ service: 'scoring', baseUrl: fake.baseUrl, token: TOKEN, timeoutMs: 300 });
  });

  afterEach(() => fake.stop());

  async function failureOf(call: Promise<unknown>): Promise<ServiceCallError> {
    const error = await call.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof ServiceCallError)) throw new Error(`expected a ServiceCallError, got ${String(error)}`);
    return error;
  }

  it('sends the service token as a bearer token and answers the JSON body', async () => {
    fake.answer((_, response) => json(response, 200, { leadId: 'l-1' }));

    await expect(client.get('/leads/l-1/score')).resolves.toEqual({ leadId: 'l-1' });

    expect(fake.received[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('sends only the query parameters it is given, leaving out undefined ones', async () => {
    await client.get('/leads/qualified', { limit: 5, before: undefined });

    expect(fake.received[0].url).toBe('/leads/qualified?limit=5');
  });

  it('encodes path values so an id cannot add path segments or a query', () => {
    expect(servicePath`/reps/${'../admin?x=1'}/pause`).toBe('/reps/..%2Fadmin%3Fx%3D1/pause');
  });

  it('posts the body as JSON', async () => {
    await client.post('/leads/lookup', { email: 'ana@example.com' });

    expect(fake.received[0]).toMatchObject({ method: 'POST', body: '{"email":"ana@example.com"}' });
    expect(fake.received[0].headers['content-type']).toBe('application/json');
  });

  it('passes a service 4xx through with its status and body, naming the service', async () => {
    const body = { statusCode: 404, error: 'Not Found', message: 'no lead has this id' };
    fake.answer((_, response) => json(response, 404, body));

    const error = await failureOf(client.get('/leads/l-2/score'));

    expect(error.status).toBe(404);
    expect(error.body).toEqual({ ...body, service: 'scoring' });
  });

  it('passes a 400 through with every failing field', async () => {
    const errors = [{ field: 'until', reasons: ['must be an instant'] }];
    fake.answer((_, response) =>
      json(response, 400, { statusCode: 400, error: 'Bad Request', message: 'request failed validation', errors }),
    );

    const error = await failureOf(client.post('/reps/ana/pause', { until: 'soon' }));

    expect(error.body).toMatchObject({ statusCode: 400, errors, service: 'scoring' });
  });

  it('passes a service 5xx through, with a body of its own when the service sent no JSON', async () => {
    fake.answer((_, response) => response.writeHead(503, { 'content-type': 'text/html' }).end('<h1>down</h1>'));

    const error = await failureOf(client.get('/models'));

    expect(error.status).toBe(503);
    expect(error.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'scoring answered 503',
      service: 'scoring',
    });
  });

  it("answers 502 when the service refuses the console's own credentials, not the operator's 401", async () => {
    fake.answer((_, response) => json(response, 401, { statusCode: 401, error: 'Unauthorized', message: 'bad token' }));

    const error = await failureOf(client.get('/models'));

    expect(error.status).toBe(502);
    expect(error.body.service).toBe('scoring');
  });

  it('answers 504 when the service does not answer within the timeout', async () => {
    fake.answer(() => undefined);

    const error = await failureOf(client.get('/models'));

    expect(error.status).toBe(504);
    expect(error.body).toMatchObject({
      statusCode: 504,
      service: 'scoring',
      message: expect.stringContaining('300 ms'),
    });
  });

  it('answers 502 when nothing listens at the service URL', async () => {
    await fake.stop();
    fake = await FakeService.start();
    const gone = new ServiceClient({
      service: 'routing',
      baseUrl: 'http://127.0.0.1:9',
      token: TOKEN,
      timeoutMs: 2000,
    });

    const error = await failureOf(gone.get('/reps'));

    expect(error.status).toBe(502);
    expect(error.body).toMatchObject({ statusCode: 502, error: 'Bad Gateway', service: 'routing' });
  });

  it('never puts the service token or upstream headers in what it answers', async () => {
    fake.answer((_, response) =>
      json(response, 409, { statusCode: 409, error: 'Conflict', message: 'taken' }, { 'x-upstream-secret': 's3' }),
    );

    const error = await failureOf(client.get('/models'));

    expect(JSON.stringify(error.body)).not.toContain(TOKEN);
    expect(JSON.stringify(error.body)).not.toContain('s3');
  });

  it('answers a CSV as text with its type and file name only', async () => {
    fake.answer((_, response) => {
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="leaderboard.csv"',
        'set-cookie': 'upstream=1',
      });
      response.end('rep,attainment\nana,1.2\n');
    });

    const answer = await client.call('GET', '/teams/t/leaderboard.csv');

    expect(answer).toEqual({
      status: 200,
      body: 'rep,attainment\nana,1.2\n',
      contentType: 'text/csv; charset=utf-8',
      contentDisposition: 'attachment; filename="leaderboard.csv"',
    });
  });

  it('answers 502 for a success whose JSON is malformed', async () => {
    fake.answer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"cut'));

    expect((await failureOf(client.get('/models'))).status).toBe(502);
  });

  it('refuses to relay content that is neither JSON nor CSV', async () => {
    fake.answer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>'));

    expect((await failureOf(client.get('/models'))).status).toBe(502);
  });
});
