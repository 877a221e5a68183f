import { fiscalPeriodOf } from '@handoff/domain-quota';
import { dropSchema, uniqueName } from '@handoff/testing';
import { contribution, Q1_2026, repQuota, won } from '../testing/quota-read-fixtures';
import { QuotaRows } from '../testing/quota-rows';
import { prepareQuotaEnv, type QuotaTestApp, startQuotaApp } from '../testing/quota-test-app';
import type { RepAttainment } from './rep-attainment.service';

const schema = uniqueName('quota_rep_attainment_int');
prepareQuotaEnv({ DATABASE_SCHEMA: schema });

const FEBRUARY = '2026-02-10T15:00:00.000Z';
let service: QuotaTestApp;
let rows: QuotaRows;

beforeAll(async () => {
  service = await startQuotaApp();
  rows = new QuotaRows(service.dataSource, schema);
  await rows.quota(repQuota('ana', { revenue: { amount: 10_000, currency: 'USD' }, dealsWon: 4 }));
  await rows.rate('EUR', 'USD', 1.1, '2026-01-01');
  await rows.memberships({ repId: 'ana', teamId: 'north', from: '2025-01-01T00:00:00Z' });
  await rows.contributions(
    ...won('ana', FEBRUARY, 2000, 'EUR'),
    contribution('deal_won', 'ana', FEBRUARY),
    { ...contribution('revenue', 'ana', FEBRUARY, { amount: 500, currency: 'GBP' }), id: 'deal-9:revenue' },
    contribution('revenue', 'ana', FEBRUARY, { amount: 7000, currency: 'USD', withdrawn: true }),
  );
  const now = Date.now();
  await rows.routedLead('ana', new Date(now - 60 * 60_000).toISOString());
  await rows.routedLead('ana', new Date(now - 3 * 86_400_000).toISOString(), true);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

const attainmentOf = (repId: string, query = '') => service.get<RepAttainment>(`/reps/${repId}/attainment${query}`);

describe('GET /reps/:id/attainment (real database)', () => {
  it('converts a deal won in EUR at the uploaded rate and shows one without a rate as pending', async () => {
    const { status, body } = await attainmentOf('ana', '?period=FY2026-Q1');

    expect(status).toBe(200);
    expect(body).toMatchObject({
      quotaId: 'ana-FY2026-Q1',
      owner: { kind: 'rep', id: 'ana' },
      period: { ...Q1_2026, kind: 'quarter' },
      elapsedFraction: 1,
      expectedShare: 1,
      restated: false,
      teamId: 'north',
      workload: { openLeads: 1, receivedLast24h: 1, receivedLast30d: 2 },
    });
    expect(body.revenue).toEqual({
      target: 10_000,
      attained: 2200,
      ratio: 0.22,
      expectedToDate: 10_000,
      paceRatio: 0.22,
      paceGap: 7800,
      pace: 'behind',
      forecast: 2200,
      currency: 'USD',
      pendingConversion: [
        {
          contributionId: 'deal-9:revenue',
          repId: 'ana',
          at: FEBRUARY,
          amount: 500,
          currency: 'GBP',
          reason: expect.stringContaining('GBP'),
        },
      ],
    });
    expect(body.dealsWon).toMatchObject({ target: 4, attained: 2, pace: 'behind' });
  });

  it('marks the figures restated when an outcome of the period was recorded after it closed', async () => {
    await rows.quota(repQuota('bo', { dealsWon: 2 }));
    await rows.contributions(
      contribution('deal_won', 'bo', '2026-03-31T22:00:00Z', { recordedAt: '2026-04-02T09:00:00Z' }),
    );

    const { body } = await attainmentOf('bo', '?period=FY2026-Q1');

    expect(body).toMatchObject({ restated: true, dealsWon: { attained: 1 }, teamId: null });
  });

  it('defaults to the current fiscal quarter and reads a custom period by its id', async () => {
    const current = fiscalPeriodOf({ fiscalYearStartMonth: 1, timeZone: 'UTC' }, 'quarter', new Date().toISOString());
    await rows.quota(repQuota('cy', { dealsWon: 3 }, current));
    const push = { id: 'winter-push', start: '2025-12-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' };
    await rows.quota(repQuota('cy', { leadsAccepted: 10 }, push), 'custom');

    const byDefault = await attainmentOf('cy');
    const custom = await attainmentOf('cy', '?period=winter-push');

    expect(byDefault.body).toMatchObject({ periodId: current.id, period: { id: current.id, kind: 'quarter' } });
    expect(custom.body).toMatchObject({ periodId: 'winter-push', period: { ...push, kind: 'custom' } });
    expect(custom.body.leadsAccepted).toMatchObject({ target: 10, attained: 0 });
  });

  it('answers 404 when the rep has no quota for the period, 400 naming period when it names none', async () => {
    const noQuota = await attainmentOf('ana', '?period=FY2025-Q1');
    const notPeriod = await attainmentOf('ana', '?period=Q5-2026');
    const badId = await attainmentOf('not%20an%20id', '?period=FY2026-Q1');

    expect(noQuota).toMatchObject({ status: 404, body: { message: 'Rep ana has no quota for FY2025-Q1' } });
    expect(notPeriod).toMatchObject({ status: 400, body: { errors: [{ field: 'period' }] } });
    expect(badId).toMatchObject({ status: 400, body: { errors: [{ field: 'id' }] } });
  });

  it('needs the read token', async () => {
    expect((await service.call('GET', '/reps/ana/attainment')).status).toBe(401);
  });
});
