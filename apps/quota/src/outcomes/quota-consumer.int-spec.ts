import { randomUUID } from 'node:crypto';
import { Topics } from '@handoff/contracts';
import type { Attainment } from '@handoff/domain-quota';
import { DLQ_HEADERS } from '@handoff/platform-kafka';
import { TopicReader, TopicWriter, wonDeal } from '@handoff/testing';
import { QuotaStreamTestBed } from '../testing/quota-stream-test-bed';
import { type QuotaTestApp, startQuotaApp } from '../testing/quota-test-app';

const bed = new QuotaStreamTestBed();
let first: QuotaTestApp;
let second: QuotaTestApp;

const repId = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
const DAY = 24 * 3600 * 1000;

/** Publishes a won for a fresh rep and waits for its capacity: every record published before it was applied. */
async function barrier(): Promise<void> {
  const marker = repId('marker');
  await bed.publish(Topics.salesActivity, wonDeal(marker, 1));
  await bed.capacityWhere(marker, (event) => event.openLeads === 0);
}

async function contributionsOf(rep: string): Promise<{ id: string; amount: string | null; withdrawn: boolean }[]> {
  return first.dataSource.query(
    `SELECT id, amount::text, withdrawn FROM "${bed.schema}".contributions WHERE rep_id = $1 ORDER BY id`,
    [rep],
  );
}

beforeAll(async () => {
  await bed.start();
  // Two instances in one group: the partitions are shared between them, as in a scaled-out deployment.
  first = await startQuotaApp();
  second = await startQuotaApp();
});

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await bed.stop();
});

describe('quota consuming outcomes (two instances, real broker and database)', () => {
  it('counts a won deal once though it is delivered twice and reported again on another lead’s partition', async () => {
    const rep = repId('rep');
    await bed.seedQuota(first.dataSource, rep, 100_000);
    const won = wonDeal(rep, 12_500, { dealId: 'deal-once' + rep });
    const reportedAgain = wonDeal(rep, 12_500, { dealId: won.dealId, occurredAt: won.occurredAt });

    await bed.publish(Topics.salesActivity, won, won, reportedAgain);
    await bed.capacityWhere(rep, (event) => event.attainedAmount === 12_500);
    await barrier();

    expect(bed.capacitiesOf(rep).map((event) => event.attainedAmount)).not.toContain(25_000);
    expect(await contributionsOf(rep)).toEqual([
      { id: `${won.dealId}:revenue`, amount: '12500', withdrawn: false },
      { id: `${won.dealId}:won`, amount: null, withdrawn: false },
    ]);
  });

  it('adjusts attainment to a corrected amount instead of adding it, and withdraws a reopened deal', async () => {
    const rep = repId('rep');
    await bed.seedQuota(first.dataSource, rep, 100_000);
    const won = wonDeal(rep, 10_000);
    await bed.publish(Topics.salesActivity, won);
    await bed.capacityWhere(rep, (event) => event.attainedAmount === 10_000);

    await bed.publish(
      Topics.crmOutcome,
      bed.crm(rep, { outcome: 'amount_corrected', dealId: won.dealId, amount: 14_000, currency: 'EUR' }),
    );
    const corrected = await bed.capacityWhere(rep, (event) => event.attainedAmount === 14_000);
    expect(corrected.attainmentRatio).toBeCloseTo(0.14);

    await bed.publish(
      Topics.crmOutcome,
      bed.crm(rep, { outcome: 'deal_reopened', dealId: won.dealId, amount: undefined, currency: undefined }),
    );
    // The record that answers the reopen comes after the correction's (a zero published earlier is not it).
    await bed.capacityWhere(rep, (event) => event.attainedAmount === 0 && event.occurredAt > corrected.occurredAt);
    expect((await contributionsOf(rep)).every((row) => row.withdrawn)).toBe(true);
  });

  it('lands an outcome of a closed quarter in that quarter, recorded after its close, leaving this quarter alone', async () => {
    const rep = repId('rep');
    const lastQuarter = new Date(Date.now() - 120 * DAY).toISOString();
    const thisPeriod = await bed.seedQuota(first.dataSource, rep, 50_000);
    const closedPeriod = await bed.seedQuota(first.dataSource, rep, 50_000, lastQuarter);
    const late = wonDeal(rep, 7_000, { occurredAt: lastQuarter });

    await bed.publish(Topics.salesActivity, late);
    await bed.capacityWhere(rep, () => true);

    const [row] = await first.dataSource.query(
      `SELECT c.at, c.recorded_at >= q.period_end AS after_close, c.at >= q.period_start AND c.at < q.period_end AS inside
         FROM "${bed.schema}".contributions c JOIN "${bed.schema}".quotas q ON q.owner_id = c.rep_id
        WHERE c.id = $1 AND q.period_start <= $2 AND $2 < q.period_end`,
      [`${late.dealId}:revenue`, lastQuarter],
    );
    expect(row).toMatchObject({ after_close: true, inside: true });
    expect(bed.capacitiesOf(rep).every((event) => event.attainedAmount === 0)).toBe(true);
    const closed = await first.get<Attainment>(`/reps/${rep}/attainment?period=${closedPeriod}`);
    expect(closed.body).toMatchObject({ restated: true, revenue: { attained: 7_000 } });
    const current = await first.get<Attainment>(`/reps/${rep}/attainment?period=${thisPeriod}`);
    expect(current.body).toMatchObject({ restated: false, revenue: { attained: 0 } });
  });

  it('counts a rep’s unanswered leads from lead.routed.v1 until each is rejected or accepted, following a lead to its next rep', async () => {
    const rep = repId('rep');
    const other = repId('rep');
    const leads = [randomUUID(), randomUUID(), randomUUID()];

    await bed.publish(Topics.leadRouted, ...leads.map((lead) => bed.routed(rep, lead)));
    await bed.capacityWhere(rep, (event) => event.openLeads === 3);

    await bed.publish(
      Topics.salesActivity,
      wonDeal(rep, 0, {
        outcome: 'rejected',
        leadId: leads[0],
        dealId: undefined,
        amount: undefined,
        currency: undefined,
      }),
    );
    await bed.capacityWhere(rep, (event) => event.openLeads === 2);
    await bed.publish(
      Topics.salesActivity,
      wonDeal(rep, 0, {
        outcome: 'accepted',
        leadId: leads[1],
        dealId: undefined,
        amount: undefined,
        currency: undefined,
      }),
    );
    await bed.capacityWhere(rep, (event) => event.openLeads === 1);

    await bed.publish(Topics.leadRouted, bed.routed(other, leads[0]));
    const moved = await bed.capacityWhere(other, (event) => event.openLeads === 1);
    expect(moved.available).toBe(true);
  });

  it('dead-letters a deal outcome without its deal, naming the field, and applies the rep’s next outcome', async () => {
    const rep = repId('rep');
    await bed.seedQuota(first.dataSource, rep, 10_000);
    const dlq = await TopicReader.startAtEnd([`${Topics.crmOutcome.name}.dlq`]);
    const writer = await TopicWriter.connect();
    try {
      const { dealId: _missing, ...broken } = bed.crm(rep, { outcome: 'deal_created' });
      const written = await writer.write(Topics.crmOutcome.name, { key: rep, value: JSON.stringify(broken) });
      const won = wonDeal(rep, 2_500);
      await bed.publish(Topics.salesActivity, won);
      await bed.publish(
        Topics.crmOutcome,
        bed.crm(rep, { outcome: 'amount_corrected', dealId: won.dealId, amount: 3_000, currency: 'EUR' }),
      );
      await bed.capacityWhere(rep, (event) => event.attainedAmount === 3_000);

      const [letter] = await dlq.waitForValues<unknown>(
        `${Topics.crmOutcome.name}.dlq`,
        (_value, record) =>
          record.headers[DLQ_HEADERS.originalPartition] === String(written.partition) &&
          record.headers[DLQ_HEADERS.originalOffset] === written.offset,
      );
      expect(letter).toEqual(broken);
      const [record] = dlq
        .on(`${Topics.crmOutcome.name}.dlq`)
        .filter((r) => r.headers[DLQ_HEADERS.originalOffset] === written.offset);
      expect(record.headers[DLQ_HEADERS.errorMessage]).toMatch(/dealId is required when outcome is deal_created/);
    } finally {
      await writer.disconnect();
      await dlq.stop();
    }
  });
});
