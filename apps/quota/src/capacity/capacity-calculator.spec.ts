import type { Quota } from '@handoff/domain-quota';
import type { EntityManager } from 'typeorm';
import { QuotaConfig } from '../app/quota.config';
import type { AttainmentReads } from '../attainment/attainment-reads';
import type { QuotaBooks, StoredContribution, StoredQuota, Workload } from '../books/quota-books.store';
import { contribution, won } from '../testing/quota-read-fixtures';
import { CapacityCalculator } from './capacity-calculator';

const NOW = '2026-12-06T00:00:00.000Z';
const Q4 = { id: 'FY2026-Q4', start: '2026-10-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' };
const NOVEMBER = '2026-11-10T00:00:00.000Z';
const manager = {} as EntityManager;

const stored = (quota: Quota): StoredQuota => ({ ...quota, periodKind: 'quarter', updatedAt: Q4.start });

/** The books as in-memory tables, counting the reads. */
function booksOf(tables: {
  quotas: StoredQuota[];
  contributions: StoredContribution[];
  openLeads: Record<string, number>;
  limits: Record<string, number>;
}) {
  const reads: string[] = [];
  const books = {
    quotasHolding: async (_: EntityManager, repIds: readonly string[]) => {
      reads.push('quotasHolding');
      return tables.quotas.filter((quota) => repIds.includes(quota.owner.id));
    },
    contributions: async (repIds: readonly string[]) => {
      reads.push('contributions');
      return tables.contributions.filter((c) => repIds.includes(c.repId));
    },
    workloads: async (repIds: readonly string[]) => {
      reads.push('workloads');
      const of = (repId: string): Workload => ({
        openLeads: tables.openLeads[repId] ?? 0,
        receivedLast24h: 0,
        receivedLast30d: 0,
      });
      return new Map(repIds.map((repId) => [repId, of(repId)]));
    },
    limits: async (repIds: readonly string[]) => {
      reads.push('limits');
      return new Map(Object.entries(tables.limits).filter(([repId]) => repIds.includes(repId)));
    },
  };
  const attainmentReads = {
    figuresContext: async (_: EntityManager, now: string) => {
      reads.push('rates');
      return { rates: [{ from: 'EUR', to: 'USD', rate: 1.1, validFrom: '2026-01-01' }], now, timeZone: 'UTC' };
    },
  };
  const calculator = new CapacityCalculator(
    books as unknown as QuotaBooks,
    attainmentReads as unknown as AttainmentReads,
    new QuotaConfig(),
  );
  return { calculator, reads };
}

const anaQuota = stored({
  id: 'ana-q4',
  owner: { kind: 'rep', id: 'ana' },
  period: Q4,
  targets: { revenue: { amount: 10_000, currency: 'USD' } },
  curve: 'linear',
});

describe('CapacityCalculator', () => {
  it('gives a rep with a quota its revenue attainment, open leads and own limit', async () => {
    const { calculator } = booksOf({
      quotas: [anaQuota],
      contributions: [
        ...won('ana', NOVEMBER, 1000, 'EUR'),
        contribution('revenue', 'ana', NOVEMBER, { amount: 500, currency: 'USD', withdrawn: true }),
      ],
      openLeads: { ana: 4 },
      limits: { ana: 4 },
    });

    const [ana] = await calculator.figuresOf(manager, ['ana'], NOW);

    expect(ana).toMatchObject({
      repId: 'ana',
      periodId: 'FY2026-Q4',
      quotaAmount: 10_000,
      attainedAmount: 1100,
      attainmentRatio: 0.11,
      openLeads: 4,
      maxOpenLeads: 4,
      available: false,
    });
    expect(ana.paceGap).toBeGreaterThan(0);
  });

  it('gives a rep without a quota the current period, no attainment and the default limit', async () => {
    const { calculator } = booksOf({ quotas: [], contributions: [], openLeads: { bo: 1 }, limits: {} });

    expect(await calculator.figuresOf(manager, ['bo'], NOW)).toEqual([
      {
        repId: 'bo',
        periodId: 'FY2026-Q4',
        quotaAmount: 0,
        attainedAmount: 0,
        attainmentRatio: 0,
        paceGap: 0,
        openLeads: 1,
        maxOpenLeads: new QuotaConfig().QUOTA_DEFAULT_MAX_OPEN_LEADS,
        available: true,
      },
    ]);
  });

  it('reads the books the same few times for 500 reps as for one', async () => {
    const repIds = Array.from({ length: 500 }, (_, index) => `rep-${index}`);
    const quotas = repIds.map((repId) => stored({ ...anaQuota, id: `${repId}-q4`, owner: { kind: 'rep', id: repId } }));
    const one = booksOf({ quotas, contributions: [], openLeads: {}, limits: {} });
    const many = booksOf({ quotas, contributions: [], openLeads: {}, limits: {} });

    await one.calculator.figuresOf(manager, ['rep-0'], NOW);
    const figures = await many.calculator.figuresOf(manager, repIds, NOW);

    expect(figures.map((f) => f.repId)).toEqual(repIds);
    expect(many.reads).toEqual(one.reads);
    expect(many.reads).toHaveLength(5);
  });

  it('reads nothing for no reps', async () => {
    const { calculator, reads } = booksOf({ quotas: [anaQuota], contributions: [], openLeads: {}, limits: {} });

    expect(await calculator.figuresOf(manager, [], NOW)).toEqual([]);
    expect(reads).toEqual([]);
  });
});
