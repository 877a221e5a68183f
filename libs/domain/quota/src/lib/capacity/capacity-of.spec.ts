import { dayOfQ1, quota, revenue } from '../../testing/builders';
import { attainmentOf } from '../attainment/attainment-of';
import { capacityOf } from './capacity-of';

const atHalfTime = { rates: [], now: dayOfQ1(45), timeZone: 'UTC' };
const anaRevenue = attainmentOf(quota(), [revenue('d1:revenue', dayOfQ1(10), 30_000)], atHalfTime).revenue;

describe('capacityOf', () => {
  it("reports the rep's revenue attainment, pace gap and lead room", () => {
    expect(
      capacityOf({ repId: 'ana', periodId: 'FY2027-Q1', revenue: anaRevenue, openLeads: 12, maxOpenLeads: 20 }),
    ).toEqual({
      repId: 'ana',
      periodId: 'FY2027-Q1',
      quotaAmount: 90_000,
      attainedAmount: 30_000,
      attainmentRatio: 1 / 3,
      paceGap: 15_000,
      openLeads: 12,
      maxOpenLeads: 20,
      available: true,
    });
  });

  it('reports a rep at or over the open-lead limit as unavailable', () => {
    expect(capacityOf({ repId: 'ana', periodId: 'FY2027-Q1', openLeads: 20, maxOpenLeads: 20 }).available).toBe(false);
    expect(capacityOf({ repId: 'ana', periodId: 'FY2027-Q1', openLeads: 23, maxOpenLeads: 20 }).available).toBe(false);
    expect(capacityOf({ repId: 'ana', periodId: 'FY2027-Q1', openLeads: 0, maxOpenLeads: 0 }).available).toBe(false);
  });

  it('reports zeros for the quota figures of a rep without a revenue quota, keeping the lead room', () => {
    expect(capacityOf({ repId: 'bo', periodId: 'FY2027-Q1', openLeads: 3, maxOpenLeads: 20 })).toMatchObject({
      quotaAmount: 0,
      attainedAmount: 0,
      attainmentRatio: 0,
      paceGap: 0,
      available: true,
    });
  });

  it('refuses lead counts that are not whole and non-negative', () => {
    expect(() => capacityOf({ repId: 'ana', periodId: 'FY2027-Q1', openLeads: -1, maxOpenLeads: 20 })).toThrow(
      'openLeads must be a whole number ≥ 0, got -1',
    );
    expect(() => capacityOf({ repId: 'ana', periodId: 'FY2027-Q1', openLeads: 1, maxOpenLeads: 2.5 })).toThrow(
      'maxOpenLeads must be a whole number ≥ 0, got 2.5',
    );
  });
});
