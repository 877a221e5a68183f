import { randomUUID } from 'node:crypto';
import { type SalesActivityV1, Topics } from '@handoff/contracts';
import type { BatchResponseBody } from '../engagement/ingestion-result';
import type { IssuedSourceView } from '../sources/source.dto';
import {
  bearerAuth,
  type IngestStreamsTestBed,
  type IngestTestApp,
  startIngestStreamsTestBed,
} from '../testing/ingest-test-app';
import { salesActivityEventIdOf } from './sales-activity-recorder.service';

const SALES = Topics.salesActivity.name;

let bed: IngestStreamsTestBed | undefined;
let ingest: IngestTestApp;
let source: IssuedSourceView;

beforeAll(async () => {
  bed = await startIngestStreamsTestBed([SALES]);
  ({ ingest, source } = bed);
});

afterAll(async () => {
  await bed?.close();
});

async function report(body: unknown, headers = bearerAuth(source.writeKey)) {
  const response = await ingest.request('POST', '/v1/sales-activity', { headers, body });
  return { status: response.status, body: response.body as BatchResponseBody & { message?: unknown } };
}

const published = (leadId: string) =>
  bed?.reader.values<SalesActivityV1>(SALES, (value) => value.leadId === leadId) ?? [];

describe('POST /v1/sales-activity against the real broker', () => {
  it('publishes an outcome to sales.activity.v1 once, however often the sales system retries it', async () => {
    const leadId = randomUUID();
    const outcome = { messageId: `deal-${leadId}`, leadId, outcome: 'won', amount: 12000, currency: 'EUR' };

    const first = await report(outcome);
    const retry = await report(outcome);

    const eventId = salesActivityEventIdOf(source.id, outcome.messageId);
    expect(first).toMatchObject({ status: 200, body: { accepted: 1, results: [{ status: 'accepted', eventId }] } });
    expect(retry).toMatchObject({ status: 200, body: { duplicates: 1, results: [{ status: 'duplicate', eventId }] } });
    // A marker outcome of the same lead lands on the same partition after anything the retry could have published.
    const marker = await report({ messageId: `marker-${leadId}`, leadId, outcome: 'accepted' });
    expect(marker.body.accepted).toBe(1);
    await bed?.reader.waitForValues<SalesActivityV1>(
      SALES,
      (value) => value.leadId === leadId && value.outcome === 'accepted',
    );
    expect(published(leadId).filter((value) => value.outcome === 'won')).toEqual([
      expect.objectContaining({ eventId, leadId, outcome: 'won', amount: 12000, currency: 'EUR', schemaVersion: 1 }),
    ]);
  });

  it('answers a batch per outcome: 207 with the field and reason of each rejected one', async () => {
    const leadId = randomUUID();

    const response = await report({
      batch: [
        { messageId: `a-${leadId}`, leadId, outcome: 'accepted', repId: 'ana-silva' },
        { messageId: `b-${leadId}`, leadId, outcome: 'won', amount: 10 },
        { messageId: `c-${leadId}`, leadId: 'not-a-uuid', outcome: 'maybe' },
      ],
    });

    expect(response.status).toBe(207);
    expect(response.body).toMatchObject({ accepted: 1, rejected: 2 });
    const fields = (index: number) => {
      const result = response.body.results[index];
      return result.status === 'rejected' ? result.errors.map((error) => error.field).sort() : [];
    };
    expect(fields(1)).toEqual(['currency']);
    expect(fields(2)).toEqual(['leadId', 'outcome']);
    await bed?.reader.waitForValues<SalesActivityV1>(SALES, (value) => value.leadId === leadId);
    expect(published(leadId)).toEqual([expect.objectContaining({ outcome: 'accepted', repId: 'ana-silva' })]);
  });

  it('refuses a single invalid outcome with 400 naming the field, and an unknown field', async () => {
    const response = await report({ messageId: 'm-1', leadId: randomUUID(), outcome: 'won', stage: 'closed' });

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('stage');
  });

  it('takes a CRM’s "deal stage changed" webhook through its mapping, and ignores a stage that is no outcome', async () => {
    const leadId = randomUUID();
    const payload = (id: string, stage: string) => ({
      id,
      occurred_at: new Date().toISOString(),
      deal: { id: `D-${leadId}`, stage, amount: '900.00', currency: 'USD', custom_fields: { handoff_lead_id: leadId } },
    });
    const mapped = (body: unknown) =>
      ingest.request('POST', '/v1/sales-activity/mapped/deal-stage-changed', {
        headers: bearerAuth(source.writeKey),
        body,
      });

    const proposal = await mapped(payload(`p-${leadId}`, 'proposal'));
    const won = await mapped(payload(`w-${leadId}`, 'closed_won'));
    const unknown = await ingest.request('POST', '/v1/sales-activity/mapped/no-such-crm', {
      headers: bearerAuth(source.writeKey),
      body: payload(`x-${leadId}`, 'closed_won'),
    });

    expect(proposal).toMatchObject({ status: 200, body: { accepted: 0, results: [{ status: 'ignored' }] } });
    expect(won).toMatchObject({ status: 200, body: { accepted: 1 } });
    expect(unknown.status).toBe(404);
    await bed?.reader.waitForValues<SalesActivityV1>(SALES, (value) => value.leadId === leadId);
    expect(published(leadId)).toEqual([
      expect.objectContaining({ outcome: 'won', dealId: `D-${leadId}`, amount: 900, currency: 'USD' }),
    ]);
  });

  it('refuses a caller without a source key', async () => {
    const response = await report({ messageId: 'm-2', leadId: randomUUID(), outcome: 'won' }, {});

    expect(response.status).toBe(401);
  });
});
