import { fiscalPeriodOf } from '@handoff/domain-quota';
import { dropSchema, uniqueName } from '@handoff/testing';
import { contribution, repQuota, won } from '../testing/quota-read-fixtures';
import { QuotaRows } from '../testing/quota-rows';
import { prepareQuotaEnv, type QuotaTestApp, startQuotaApp } from '../testing/quota-test-app';
import { CapacityCalculator } from './capacity-calculator';

const schema = uniqueName('quota_capacity_int');
prepareQuotaEnv({ DATABASE_SCHEMA: schema, QUOTA_CAPACITY_PERIOD: 'quarter', QUOTA_DEFAULT_MAX_OPEN_LEADS: '7' });

const now = new Date().toISOString();
const quarter = fiscalPeriodOf({ fiscalYearStartMonth: 1, timeZone: 'UTC' }, 'quarter', now);
let service: QuotaTestApp;
let rows: QuotaRows;

beforeAll(async () => {
  service = await startQuotaApp();
  rows = new QuotaRows(service.dataSource, schema);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

const figuresOf = (repIds: readonly string[]) =>
  service.dataSource.transaction((manager) => service.app.get(CapacityCalculator).figuresOf(manager, repIds, now));

describe('CapacityCalculator (real database)', () => {
  it('gives each rep the quota holding now, open leads and the limit, or the defaults', async () => {
    const early = new Date(Date.parse(quarter.start) + 60_000).toISOString();
    await rows.quota(repQuota('ana', { revenue: { amount: 10_000, currency: 'USD' } }, quarter));
    await rows.rate('EUR', 'USD', 1.25, quarter.start.slice(0, 10));
    await rows.contributions(
      ...won('ana', early, 2000, 'EUR'),
      contribution('revenue', 'ana', early, { amount: 900, currency: 'USD', withdrawn: true }),
    );
    await rows.routedLead('ana', now);
    await rows.limit('cy', 2);
    await rows.routedLead('cy', now);
    await rows.routedLead('cy', now);
    await rows.routedLead('cy', now, true);

    const [ana, bo, cy] = await figuresOf(['ana', 'bo', 'cy']);

    expect(ana).toMatchObject({
      repId: 'ana',
      periodId: quarter.id,
      quotaAmount: 10_000,
      attainedAmount: 2500,
      attainmentRatio: 0.25,
      openLeads: 1,
      maxOpenLeads: 7,
      available: true,
    });
    expect(bo).toEqual({
      repId: 'bo',
      periodId: quarter.id,
      quotaAmount: 0,
      attainedAmount: 0,
      attainmentRatio: 0,
      paceGap: 0,
      openLeads: 0,
      maxOpenLeads: 7,
      available: true,
    });
    expect(cy).toMatchObject({ repId: 'cy', quotaAmount: 0, openLeads: 2, maxOpenLeads: 2, available: false });
  });

  it('answers for 500 reps in one call', async () => {
    const repIds = Array.from({ length: 500 }, (_, index) => `bulk-${String(index).padStart(3, '0')}`);
    for (const repId of repIds.slice(0, 50)) await rows.quota(repQuota(repId, { dealsWon: 5 }, quarter));

    const figures = await figuresOf(repIds);

    expect(figures.map((f) => f.repId)).toEqual(repIds);
    expect(figures.every((f) => f.periodId === quarter.id && f.maxOpenLeads === 7)).toBe(true);
  });
});
