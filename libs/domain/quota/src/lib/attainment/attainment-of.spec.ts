import { contribution, dayOfQ1, quota, revenue } from '../../testing/builders';
import type { ExchangeRate } from '../currency/exchange-rates';
import { fiscalPeriodById } from '../periods/fiscal-periods';
import { attainmentOf, type AttainmentContext } from './attainment-of';

const rates: ExchangeRate[] = [
  { from: 'USD', to: 'EUR', rate: 0.9, validFrom: '2027-01-01', validTo: '2027-03-31' },
  { from: 'USD', to: 'EUR', rate: 0.95, validFrom: '2027-04-01' },
];
const atHalfTime: AttainmentContext = { rates, now: dayOfQ1(45), timeZone: 'UTC' };

describe('attainmentOf', () => {
  it("counts the rep's revenue in the period and measures it against the linear expectation", () => {
    const contributions = [
      revenue('d1:revenue', dayOfQ1(10), 20_000),
      revenue('d2:revenue', dayOfQ1(30), 10_000),
      revenue('d3:revenue', dayOfQ1(31), 50_000, 'EUR', { repId: 'bo' }),
      revenue('d4:revenue', '2026-12-31T23:59:59Z', 7000),
    ];

    expect(attainmentOf(quota(), contributions, atHalfTime)).toEqual({
      quotaId: 'q-ana-fy2027-q1',
      owner: { kind: 'rep', id: 'ana' },
      periodId: 'FY2027-Q1',
      asOf: dayOfQ1(45),
      elapsedFraction: 0.5,
      expectedShare: 0.5,
      restated: false,
      revenue: {
        currency: 'EUR',
        target: 90_000,
        attained: 30_000,
        ratio: 1 / 3,
        expectedToDate: 45_000,
        paceRatio: 2 / 3,
        paceGap: 15_000,
        pace: 'behind',
        forecast: 60_000,
        pendingConversion: [],
      },
    });
  });

  it('expects less by half time on a back-loaded curve, and forecasts by that curve', () => {
    const backLoaded = quota({
      curve: {
        points: [
          [0, 0],
          [0.33, 0.2],
          [0.67, 0.5],
          [1, 1],
        ],
      },
    });
    const { revenue: figures, expectedShare } = attainmentOf(
      backLoaded,
      [revenue('d1:revenue', dayOfQ1(10), 30_000)],
      atHalfTime,
    );

    expect(expectedShare).toBeCloseTo(0.35, 12);
    expect(figures).toMatchObject({ expectedToDate: 31_500, paceGap: 1500, pace: 'behind', forecast: 85_714.29 });
    expect(figures?.paceRatio).toBeCloseTo(30_000 / 31_500, 12);
  });

  it("counts a deal closed at 23:30 local on the last day of the quarter, at that day's rate", () => {
    const losAngeles = { fiscalYearStartMonth: 1, timeZone: 'America/Los_Angeles' };
    const q1 = quota({ period: fiscalPeriodById(losAngeles, 'FY2027-Q1') });
    const contributions = [
      revenue('last-evening:revenue', '2027-03-31T23:30:00-07:00', 10_000, 'USD'), // already 1 April in UTC
      revenue('next-morning:revenue', '2027-04-01T00:00:00-07:00', 10_000, 'USD'),
    ];
    const context = { rates, now: '2027-04-02T00:00:00Z', timeZone: losAngeles.timeZone };

    expect(attainmentOf(q1, contributions, context).revenue).toMatchObject({ attained: 9000 });
  });

  it('converts each deal at the rate of its own close date', () => {
    const rateCutMidQuarter: ExchangeRate[] = [
      { from: 'USD', to: 'EUR', rate: 0.9, validFrom: '2027-01-01', validTo: '2027-02-14' },
      { from: 'USD', to: 'EUR', rate: 0.8, validFrom: '2027-02-15' },
    ];
    const contributions = [
      revenue('d1:revenue', dayOfQ1(44), 10_000, 'USD'),
      revenue('d2:revenue', dayOfQ1(45), 10_000, 'USD'),
    ];

    expect(attainmentOf(quota(), contributions, { ...atHalfTime, rates: rateCutMidQuarter }).revenue?.attained).toBe(
      17_000,
    );
  });

  it('lists revenue it cannot convert, with the reason, and does not count it', () => {
    const contributions = [
      revenue('eur:revenue', dayOfQ1(5), 10_000),
      revenue('usd:revenue', dayOfQ1(6), 10_000, 'USD'),
      revenue('chf:revenue', dayOfQ1(7), 8000, 'CHF'),
    ];

    expect(attainmentOf(quota(), contributions, atHalfTime).revenue).toMatchObject({
      attained: 19_000,
      pendingConversion: [
        {
          contributionId: 'chf:revenue',
          repId: 'ana',
          at: dayOfQ1(7),
          amount: 8000,
          currency: 'CHF',
          reason: 'no CHF→EUR or EUR→CHF rate valid on 2027-01-08',
        },
      ],
    });
  });

  it('counts deals won, leads accepted and meetings held, expecting hundredths', () => {
    const counts = quota({ targets: { dealsWon: 10, leadsAccepted: 40, meetingsHeld: 30 } });
    const contributions = [
      contribution('d1:won', 'deal_won', dayOfQ1(3)),
      contribution('l1', 'lead_accepted', dayOfQ1(4)),
      contribution('l2', 'lead_accepted', dayOfQ1(5)),
      contribution('m1', 'meeting_held', dayOfQ1(6)),
      contribution('m2', 'meeting_held', dayOfQ1(7), { repId: 'bo' }),
    ];
    const figures = attainmentOf(counts, contributions, { ...atHalfTime, now: dayOfQ1(30) });

    expect(figures.revenue).toBeUndefined();
    expect(figures.dealsWon).toMatchObject({ attained: 1, expectedToDate: 3.33, paceGap: 2.33, forecast: 3 });
    expect(figures.leadsAccepted).toMatchObject({ attained: 2, expectedToDate: 13.33, paceGap: 11.33, ratio: 0.05 });
    expect(figures.meetingsHeld).toMatchObject({ attained: 1, expectedToDate: 10, paceGap: 9 });
  });

  it('expects nothing and forecasts nothing at the start, and calls an early win ahead of pace', () => {
    const atStart = { ...atHalfTime, now: dayOfQ1(0) };

    expect(attainmentOf(quota(), [], atStart).revenue).toMatchObject({
      expectedToDate: 0,
      paceRatio: null,
      paceGap: 0,
      pace: 'on_pace',
      forecast: null,
    });
    expect(attainmentOf(quota(), [revenue('d1:revenue', dayOfQ1(0), 500)], atStart).revenue).toMatchObject({
      paceGap: -500,
      pace: 'ahead',
      paceRatio: null,
    });
  });

  it('forecasts what was attained once the period has closed, and shows a restatement', () => {
    const closed = attainmentOf(quota(), [revenue('d1:revenue', dayOfQ1(80), 95_000)], {
      ...atHalfTime,
      now: '2027-04-03T00:00:00Z',
      restated: true,
    });

    expect(closed).toMatchObject({ elapsedFraction: 1, restated: true });
    expect(closed.revenue).toMatchObject({ forecast: 95_000, paceGap: -5000, pace: 'ahead', ratio: 95_000 / 90_000 });
  });

  it('refuses an outcome given twice and revenue without an amount', () => {
    const twice = [revenue('d1:revenue', dayOfQ1(1), 1), revenue('d1:revenue', dayOfQ1(1), 1)];

    expect(() => attainmentOf(quota(), twice, atHalfTime)).toThrow(
      'Contribution d1:revenue given twice; each outcome counts once',
    );
    expect(() => attainmentOf(quota(), [contribution('d1:revenue', 'revenue', dayOfQ1(1))], atHalfTime)).toThrow(
      'Revenue contribution d1:revenue has no amount and currency',
    );
  });
});
