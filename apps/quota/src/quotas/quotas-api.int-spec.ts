import { quotaApiSuite } from '../testing/quota-api-suite';
import type { QuotaDto } from './quota.dto';

const suite = quotaApiSuite('quota_quotas_api_int');

const quotaBody = (overrides: Record<string, unknown> = {}) => ({
  owner: { kind: 'rep', id: 'ana-silva' },
  period: 'FY2027-Q1',
  targets: { revenue: { amount: 250000, currency: 'EUR' }, dealsWon: 12 },
  ...overrides,
});

const fieldsOf = (body: unknown): string[] =>
  ((body as { errors?: { field: string }[] }).errors ?? []).map((issue) => issue.field).sort();

describe('PUT, GET and DELETE /quotas/:id', () => {
  it('creates a quota on a fiscal period (201), resolved on the calendar, linear by default', async () => {
    const answer = await suite.service.admin<QuotaDto>('PUT', '/quotas/ana-q1', quotaBody());

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: 'ana-q1',
      owner: { kind: 'rep', id: 'ana-silva' },
      period: { id: 'FY2027-Q1', start: '2027-01-01T00:00:00.000Z', end: '2027-04-01T00:00:00.000Z' },
      periodKind: 'quarter',
      targets: { revenue: { amount: 250000, currency: 'EUR' }, dealsWon: 12 },
      curve: 'linear',
    });
    expect((await suite.service.get('/quotas/ana-q1')).body).toEqual(answer.body);
    expect(suite.changes).toContainEqual({ reps: ['ana-silva'], cause: 'quota-written' });
  });

  it('replaces a quota (200) with a custom period and a point curve', async () => {
    await suite.service.admin('PUT', '/quotas/ana-launch', quotaBody({ period: 'FY2027-M05' }));
    const custom = { id: 'launch-2027', start: '2027-05-10T00:00:00+02:00', end: '2027-06-10T00:00:00Z' };
    const curve = {
      points: [
        [0, 0],
        [0.5, 0.2],
        [1, 1],
      ],
    };

    const answer = await suite.service.admin<QuotaDto>(
      'PUT',
      '/quotas/ana-launch',
      quotaBody({ period: custom, curve }),
    );

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      period: { id: 'launch-2027', start: '2027-05-09T22:00:00.000Z', end: '2027-06-10T00:00:00.000Z' },
      periodKind: 'custom',
      curve,
    });
  });

  it('takes back a quota as it was read: fiscal bounds under a fiscal id stay a fiscal quota', async () => {
    const { body } = await suite.service.get<QuotaDto>('/quotas/ana-q1');

    const answer = await suite.service.admin<QuotaDto>('PUT', '/quotas/ana-q1', {
      id: body.id,
      owner: body.owner,
      period: body.period,
      targets: body.targets,
      curve: body.curve,
    });

    expect(answer.status).toBe(200);
    expect(answer.body.periodKind).toBe('quarter');
  });

  it('deletes a quota (204), then answers 404 for it', async () => {
    await suite.service.admin('PUT', '/quotas/to-delete', quotaBody({ period: 'FY2028' }));

    expect((await suite.service.admin('DELETE', '/quotas/to-delete')).status).toBe(204);
    expect((await suite.service.get('/quotas/to-delete')).status).toBe(404);
    expect((await suite.service.admin('DELETE', '/quotas/to-delete')).status).toBe(404);
  });

  it('lists quotas by period, owner kind and owner', async () => {
    const team = await suite.service.admin(
      'PUT',
      '/quotas/emea-q1',
      quotaBody({ owner: { kind: 'team', id: 'emea' } }),
    );
    expect(team.status).toBe(201);

    const answer = await suite.service.get<{ quotas: QuotaDto[] }>('/quotas?period=FY2027-Q1&ownerKind=team');

    expect(answer.body.quotas.map((quota) => quota.id)).toEqual(['emea-q1']);
    const ana = await suite.service.get<{ quotas: QuotaDto[] }>('/quotas?ownerId=ana-silva');
    expect(ana.body.quotas.map((quota) => quota.id)).toEqual(['ana-launch', 'ana-q1']);
  });
});

describe('bad quotas', () => {
  it('names a bad currency, missing targets and a bad curve together (400), storing nothing', async () => {
    const noTargets = await suite.service.admin('PUT', '/quotas/bad', quotaBody({ targets: {}, curve: 'steep' }));
    const currency = await suite.service.admin(
      'PUT',
      '/quotas/bad',
      quotaBody({
        targets: { revenue: { amount: -5, currency: 'EURO' } },
        curve: {
          points: [
            [0, 0],
            [0.5, 0.6],
            [0.9, 0.5],
          ],
        },
      }),
    );

    expect(noTargets.status).toBe(400);
    expect(fieldsOf(noTargets.body)).toEqual(['curve', 'targets']);
    expect(currency.status).toBe(400);
    expect(fieldsOf(currency.body)).toEqual(['curve.points[2]', 'targets.revenue.amount', 'targets.revenue.currency']);
    expect((await suite.service.get('/quotas/bad')).status).toBe(404);
  });

  it('names an unknown fiscal period id, a reversed custom period and a borrowed fiscal id (400)', async () => {
    const unknown = await suite.service.admin('PUT', '/quotas/bad', quotaBody({ period: 'FY2027-Q5' }));
    const reversed = await suite.service.admin(
      'PUT',
      '/quotas/bad',
      quotaBody({ period: { id: 'p', start: '2027-02-01T00:00:00Z', end: '2027-01-01T00:00:00Z' } }),
    );
    const borrowed = await suite.service.admin(
      'PUT',
      '/quotas/bad',
      quotaBody({ period: { id: 'FY2027-Q1', start: '2027-01-01T00:00:00Z', end: '2027-02-01T00:00:00Z' } }),
    );

    expect([unknown.status, reversed.status, borrowed.status]).toEqual([400, 400, 400]);
    expect(fieldsOf(unknown.body)).toEqual(['period']);
    expect(fieldsOf(reversed.body)).toEqual(['period.end']);
    expect(fieldsOf(borrowed.body)).toEqual(['period.id']);
  });

  it('names each field of a body of the wrong shape (400)', async () => {
    const answer = await suite.service.admin('PUT', '/quotas/bad', {
      id: '',
      owner: { kind: 'office', id: '' },
      period: 7,
      targets: { dealsWon: 'many' },
      colour: 'red',
    });

    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['colour', 'id', 'owner.id', 'owner.kind', 'period', 'targets.dealsWon']);
  });

  it('refuses a second quota for the same owner and period under another id (409 naming the first)', async () => {
    const answer = await suite.service.admin<{ message: string }>('PUT', '/quotas/ana-q1-again', quotaBody());

    expect(answer.status).toBe(409);
    expect(answer.body.message).toContain('"ana-q1"');
    expect((await suite.service.get('/quotas/ana-q1-again')).status).toBe(404);
  });

  it('refuses writes without the admin token and reads without a token (401)', async () => {
    const write = await suite.service.call('PUT', '/quotas/sneaky', { body: quotaBody() });
    const readTokenWrite = await suite.service.call('DELETE', '/quotas/ana-q1', {
      headers: { authorization: 'Bearer quota-int-test-read-token' },
    });
    const read = await suite.service.call('GET', '/quotas/ana-q1');

    expect([write.status, readTokenWrite.status, read.status]).toEqual([401, 401, 401]);
  });
});
