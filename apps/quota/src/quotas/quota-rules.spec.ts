import { DomainError } from '@handoff/shared-errors';
import { type QuotaBody, resolveQuota } from './quota-rules';

const CALENDAR = { fiscalYearStartMonth: 7, timeZone: 'Europe/Berlin' };
const body = (overrides: Partial<QuotaBody> = {}): QuotaBody => ({
  owner: { kind: 'rep', id: 'ana-silva' },
  period: 'FY2027-Q1',
  targets: { dealsWon: 10 },
  ...overrides,
});

const issuesOf = (given: QuotaBody, id = 'q1') => {
  try {
    resolveQuota(id, given, CALENDAR);
  } catch (error) {
    return (error as DomainError).details;
  }
  throw new Error('expected the quota to be rejected');
};

describe('resolveQuota', () => {
  it('resolves a fiscal period id on the calendar (FY2027 starting July 2026, Berlin midnights)', () => {
    expect(resolveQuota('q1', body(), CALENDAR)).toEqual({
      quota: {
        id: 'q1',
        owner: { kind: 'rep', id: 'ana-silva' },
        period: { id: 'FY2027-Q1', start: '2026-06-30T22:00:00.000Z', end: '2026-09-30T22:00:00.000Z' },
        targets: { dealsWon: 10 },
        curve: 'linear',
      },
      periodKind: 'quarter',
    });
  });

  it('keeps a custom period, and takes fiscal bounds under their fiscal id as that fiscal period', () => {
    const custom = { id: 'launch', start: '2027-01-01T00:00:00Z', end: '2027-02-01T00:00:00Z' };
    const fiscal = { id: 'FY2027-Q1', start: '2026-07-01T00:00:00+02:00', end: '2026-10-01T00:00:00+02:00' };

    expect(resolveQuota('q1', body({ period: custom }), CALENDAR).periodKind).toBe('custom');
    expect(resolveQuota('q1', body({ period: fiscal }), CALENDAR)).toMatchObject({
      quota: { period: { id: 'FY2027-Q1', start: '2026-06-30T22:00:00.000Z' } },
      periodKind: 'quarter',
    });
  });

  it('names every failing field at once: the path id, an unknown fiscal id, the targets and the curve', () => {
    const issues = issuesOf(body({ id: 'other', period: 'FY2027-Q7', targets: {}, curve: { points: [[0, 0]] } }));

    expect(issues?.map((issue) => issue.field)).toEqual(['id', 'period', 'targets', 'curve.points']);
  });

  it('refuses a custom period that borrows a fiscal id with other bounds', () => {
    const borrowed = { id: 'FY2027-Q1', start: '2026-07-01T00:00:00Z', end: '2026-08-01T00:00:00Z' };

    expect(issuesOf(body({ period: borrowed }))).toEqual([
      { field: 'period.id', reasons: [expect.stringMatching(/^names the fiscal period FY2027-Q1/)] },
    ]);
  });

  it('stores only the targets given and a point curve’s points', () => {
    const { quota } = resolveQuota(
      'q1',
      body({
        targets: { revenue: { amount: 5, currency: 'EUR' } },
        curve: {
          points: [
            [0, 0],
            [1, 1],
          ],
        },
      }),
      CALENDAR,
    );

    expect(quota.targets).toEqual({ revenue: { amount: 5, currency: 'EUR' } });
    expect(quota.curve).toEqual({
      points: [
        [0, 0],
        [1, 1],
      ],
    });
  });
});
