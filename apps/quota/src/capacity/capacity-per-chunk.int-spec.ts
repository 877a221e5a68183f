import { randomUUID } from 'node:crypto';
import { Topics } from '@handoff/contracts';
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
    const wins = [1_000, 2_000, 3_000, 4_000, 5_000].map((amount) => bed.won(rep, amount, { leadId }));
    const marker = `marker-${randomUUID().slice(0, 8)}`;
    await bed.publish(Topics.salesActivity, ...wins, bed.won(marker, 1, { leadId }));

    app = await startQuotaApp();
    await bed.capacityWhere(marker, () => true);

    // The refresher may publish the rep's figures at boot (nothing attained yet); the chunk adds exactly one record.
    expect(bed.capacitiesOf(rep).filter((event) => event.attainedAmount > 0)).toEqual([
      expect.objectContaining({ repId: rep, attainedAmount: 15_000, quotaAmount: 60_000, attainmentRatio: 0.25 }),
    ]);
  });
});
