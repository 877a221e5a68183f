import type { EngagementRecordedV1, LeadQualifiedV2, LeadRoutedV1 } from '@handoff/contracts';
import type { RecordLine } from '../simulator';
import { type PlatformBooks, reconcileBooks, reconciled } from './books-reconciliation';

const sent = (id: string, via: 'native' | 'kafka', status: 'accepted' | 'produced' | 'failed', eventId?: string) =>
  ({
    kind: 'sent',
    id,
    at: '2026-12-06T04:00:00Z',
    interface: via,
    lead: 'l1',
    type: 'page_view',
    status,
    eventId,
  }) as RecordLine;
const recorded = (eventId: string, correlationId = `c-${eventId}`) =>
  ({ eventId, correlationId }) as EngagementRecordedV1;
const qualified = (eventId: string) => ({ eventId }) as LeadQualifiedV2;
const routed = (qualificationId: string, attempt = 1) => ({ qualificationId, attempt }) as LeadRoutedV1;

function books(overrides: Partial<PlatformBooks>): PlatformBooks {
  return {
    recorded: [],
    qualified: [],
    routed: [],
    appliedByScoring: new Set(),
    duplicatedAwards: 0,
    wonRevenueCents: new Map(),
    ...overrides,
  };
}

describe('reconcileBooks', () => {
  const lines = [
    sent('m1', 'native', 'accepted', 'e1'),
    sent('m2', 'kafka', 'produced'),
    sent('m3', 'native', 'failed'),
  ];

  it('balances when each acknowledged event is recorded once, applied by scoring and each qualification routed once', () => {
    const rows = reconcileBooks(
      lines,
      books({
        recorded: [recorded('e1'), recorded('e2', 'm2')],
        appliedByScoring: new Set(['e1', 'e2']),
        qualified: [qualified('q1')],
        routed: [routed('q1'), routed('q1', 2)],
      }),
    );
    expect(rows.map(({ expected, found }) => [expected, found])).toEqual([
      [2, 2],
      [2, 2],
      [1, 1],
      [0, 0],
    ]);
    expect(reconciled(rows)).toBe(true);
  });

  it('counts an acknowledged event that was never recorded as missing, and one recorded twice as duplicated', () => {
    const [row] = reconcileBooks(lines, books({ recorded: [recorded('e1'), recorded('e1')] }));
    expect(row).toMatchObject({ expected: 2, found: 1, missing: 1, duplicated: 1 });
  });

  it('counts a recorded event scoring never applied as missing, and awards written twice as duplicated', () => {
    const [, row] = reconcileBooks(lines, books({ recorded: [recorded('e1')], duplicatedAwards: 3 }));
    expect(row).toMatchObject({ expected: 1, found: 0, missing: 1, duplicated: 3 });
  });

  it('counts a qualification without a first assignment as missing, and one with two as duplicated', () => {
    const [, , row] = reconcileBooks(
      lines,
      books({ qualified: [qualified('q1'), qualified('q2')], routed: [routed('q1'), routed('q1')] }),
    );
    expect(row).toMatchObject({ expected: 2, found: 1, missing: 1, duplicated: 1 });
  });

  it('balances won revenue to the cent per rep and currency, at the last reported amount of each deal', () => {
    const deal = (id: string, type: string, at: string, amount: number, repId = 'rep-1', currency = 'EUR') =>
      ({
        kind: 'sent',
        id,
        at,
        interface: 'sales.activity',
        lead: 'l1',
        type,
        status: 'produced',
        dealId: `deal-${repId}`,
        repId,
        amount,
        currency,
      }) as unknown as RecordLine;
    const facts = [
      deal('s1', 'won', '2026-12-06T04:00:01Z', 1200.5),
      deal('s2', 'amount_corrected', '2026-12-06T04:00:02Z', 1100.25),
      deal('s3', 'won', '2026-12-06T04:00:03Z', 300, 'rep-2', 'GBP'),
    ];
    const revenue = (entries: [string, number][]) =>
      reconcileBooks(facts, books({ wonRevenueCents: new Map(entries) })).at(-1);

    expect(
      revenue([
        ['rep-1 EUR', 110025],
        ['rep-2 GBP', 30000],
      ]),
    ).toMatchObject({ expected: 2, found: 2, missing: 0 });
    expect(
      revenue([
        ['rep-1 EUR', 110024],
        ['rep-2 GBP', 60000],
      ]),
    ).toMatchObject({
      found: 0,
      missing: 1,
      duplicated: 1,
    });
  });

  it('is not reconciled without any row to show', () => {
    expect(reconciled([])).toBe(false);
  });
});
