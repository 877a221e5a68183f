import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Topics, exampleEvents } from '@handoff/contracts';
import { type HandoffStack, startHandoffStack, TopicReader, TopicWriter, waitFor } from '@handoff/testing';

const workspaceRoot = join(__dirname, '../../..');
const DLQ = `${Topics.engagementRecorded.name}.dlq`;

interface ScoreView {
  behaviour: { topFactors: Array<{ ruleId: string }> };
}

let stack: HandoffStack;
let reader: TopicReader;
let writer: TopicWriter;

beforeAll(async () => {
  reader = await TopicReader.startAtEnd([DLQ]);
  writer = await TopicWriter.connect();
  stack = await startHandoffStack(workspaceRoot);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await writer?.disconnect();
  await reader?.stop();
});

async function sendEvent(writeKey: string, visitor: string, event: Record<string, unknown>) {
  return stack.ingest.call<{
    results: Array<{ leadId?: string }>;
    errors?: Array<{ field: string; reasons: string[] }>;
  }>('POST', '/v1/events', {
    body: {
      messageId: randomUUID(),
      occurredAt: new Date().toISOString(),
      identity: { anonymousId: visitor },
      ...event,
    },
    headers: { authorization: `Bearer ${writeKey}` },
  });
}

async function ruleIdsScored(leadId: string): Promise<string[]> {
  const view = await stack.scoring.call<ScoreView>('GET', `/leads/${leadId}/score`);
  return view.status === 200 ? view.body.behaviour.topFactors.map((factor) => factor.ruleId).sort() : [];
}

it('rejects a NUL character at the edge, dead-letters one that got past it, and scores the lead’s later events', async () => {
  const source = await stack.ingest.admin<{ writeKey: string }>('/admin/sources', { name: 'hostile-e2e' });
  expect(source.status).toBe(201);
  const visitor = `anon-${randomUUID()}`;
  const first = await sendEvent(source.body.writeKey, visitor, { type: 'content_download' });
  expect(first.status).toBe(200);
  const leadId = first.body.results[0].leadId as string;

  const withNul = await sendEvent(source.body.writeKey, visitor, {
    type: 'webinar_attended',
    properties: { note: 'a\u0000b' },
  });
  expect(withNul.status).toBe(400);
  expect(withNul.body.errors).toEqual([
    expect.objectContaining({ field: 'properties.note', reasons: [expect.stringContaining('NUL')] }),
  ]);

  // A producer that bypasses the edge (an older ingest, a hand-written tool) on the lead's own partition.
  const pastTheEdge = exampleEvents.engagementRecorded({
    leadId,
    type: 'webinar_attended',
    properties: { note: 'a\u0000b' },
  });
  await writer.write(Topics.engagementRecorded.name, { key: leadId, value: JSON.stringify(pastTheEdge) });
  for (const type of ['pricing_page_view', 'demo_request']) {
    expect((await sendEvent(source.body.writeKey, visitor, { type })).status).toBe(200);
  }

  await waitFor('the record past the edge to be dead-lettered', () => reader.on(DLQ).some(({ key }) => key === leadId));
  const [deadLetter] = reader.on(DLQ).filter(({ key }) => key === leadId);
  expect(deadLetter.headers).toMatchObject({ 'dlq-error-class': 'poison/ContractViolationError' });
  expect(deadLetter.headers['dlq-error-message']).toContain('NUL');
  await waitFor('the lead’s later events to be scored', async () => (await ruleIdsScored(leadId)).length === 3, {
    timeoutMs: 30_000,
  });
  expect(await ruleIdsScored(leadId)).toEqual(['content-download', 'demo-request', 'pricing-page']);
}, 120_000);
