import { randomUUID } from 'node:crypto';
import { Topics } from '@handoff/contracts';
import { wonDeal } from '@handoff/testing';
import { QuotaStreamTestBed } from '../testing/quota-stream-test-bed';
import { type QuotaTestApp, startQuotaApp } from '../testing/quota-test-app';

const bed = new QuotaStreamTestBed({ QUOTA_CHUNK_SIZE: '500' });
let app: QuotaTestApp | undefined;

beforeAll(() => bed.start());

afterAll(async () => {
  await app?.stop();
  await bed.stop();
});

describe('rep.capacity.v1 coalescing', () => {
  it('publishes one record per rep for a chunk of that rep’s outcomes, carrying the state after all of them', async () => {
    const rep = `rep-${randomUUID().slice(0, 8)}`;
    // The first boot migrates the schema for the quota; the outcomes are published while the service is down.
    const booted = await startQuotaApp();
    await bed.seedQuota(booted.dataSource, rep, 60_000);
    await booted.stop();
    const leadId = randomUUID();
    // One lead's records share a partition: published before the service starts, they arrive as one chunk.
    const wins = [1_000, 2_000, 3_000, 4_000, 5_000].map((amount) => wonDeal(rep, amount, { leadId }));
    const marker = `marker-${randomUUID().slice(0, 8)}`;
    await bed.publish(Topics.salesActivity, ...wins, wonDeal(marker, 1, { leadId }));

    app = await startQuotaApp();
    await bed.capacityWhere(rep, (event) => event.attainedAmount === 15_000);
    await bed.capacityWhere(marker, () => true);

    // The outbox holds every record the service wrote (records of different reps travel on different partitions,
    // so what a reader has seen proves no order). A chunk stamps its records with its first event's correlation id;
    // the refresher's records (pace moves with time) carry their own.
    const rows: { payload: string }[] = await app.dataSource.query(
      `SELECT payload FROM "${bed.schema}".outbox WHERE topic = $1 AND message_key = $2 ORDER BY id`,
      [Topics.repCapacity.name, rep],
    );
    const ofChunk = rows.map((row) => JSON.parse(row.payload)).filter((e) => e.correlationId === wins[0].correlationId);
    expect(ofChunk).toEqual([
      expect.objectContaining({ repId: rep, attainedAmount: 15_000, quotaAmount: 60_000, attainmentRatio: 0.25 }),
    ]);
  });
});
