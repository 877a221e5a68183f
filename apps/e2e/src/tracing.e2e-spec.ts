import { type LeadRoutedV1, Topics } from '@handoff/contracts';
import { assignmentsHere, createSource, hotLeadEvents, ingestSender, sendJourney, waitFor } from '@handoff/testing';
import { type E2eRun, startE2eRun } from './support/e2e-run';
import { OtlpReceiver, OtlpSpanKind, type ReceivedSpan } from './support/otlp-receiver';
import { seedScenarioOrg } from './support/scenario-org';

type Apps = 'ingest' | 'scoring' | 'routing' | 'quota';
let receiver: OtlpReceiver;
let run: E2eRun<Apps>;

/** Every service exports to the test's receiver, as JSON, and flushes its spans every 200 ms. */
function tracingSettings(): Record<string, string> {
  return {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.tracesEndpoint,
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
}

beforeAll(async () => {
  receiver = await OtlpReceiver.start();
  const settings = tracingSettings();
  run = await startE2eRun(['ingest', 'scoring', 'routing', 'quota'], [Topics.leadRouted.name], {
    ingest: settings,
    scoring: settings,
    routing: settings,
    quota: settings,
  });
}, 120_000);

afterAll(async () => {
  await run?.stop();
  await receiver?.stop();
});

/** The spans from `span` up to its trace's root, each one's parent next; stops where a parent was not received. */
function ancestry(span: ReceivedSpan): ReceivedSpan[] {
  const chain = [span];
  for (let parentId = span.parentSpanId; parentId; ) {
    const parent = receiver.spans.find((candidate) => candidate.spanId === parentId);
    if (!parent) break;
    chain.push(parent);
    parentId = parent.parentSpanId;
  }
  return chain;
}

describe('a lead traced from ingest through scoring and routing to quota', () => {
  it("puts one lead's spans of all four services in one trace, each hop a child of the record that carried it", async () => {
    const { stack } = run;
    const org = await seedScenarioOrg(stack.routing, run.id);
    const send = ingestSender(stack.ingest, await createSource(stack.ingest, 'website'));

    const leadId = await sendJourney(send, hotLeadEvents(`anon-traced-${run.id}`, { country: org.countries.dach }));
    const [routed] = await run.reader.waitForValues<LeadRoutedV1>(
      Topics.leadRouted.name,
      assignmentsHere(stack.ingest, leadId),
    );

    // Quota's handling of this very record, then the whole chain above it, exported by four processes.
    const quotaSpan = () =>
      receiver.spans.find(
        (span) => span.service === 'quota' && span.attributes['messaging.message.id'] === routed.eventId,
      );
    const complete = () => {
      const found = quotaSpan();
      return found !== undefined && ancestry(found).at(-1)?.kind === OtlpSpanKind.server;
    };
    await waitFor('the traced chain from quota back to the ingest request', complete, { timeoutMs: 30_000 }).catch(
      (error: Error) => {
        // Say how far the chain got: which hop's span never arrived.
        const found = quotaSpan();
        const seen = found ? ancestry(found).map((span) => `${span.service}: ${span.name}`) : ['no quota span'];
        throw new Error(
          `${error.message}; chain so far: ${seen.join(' <- ')}; ${receiver.spans.length} spans received`,
        );
      },
    );

    const chain = ancestry(quotaSpan() as ReceivedSpan);
    const hops = chain.map((span) => `${span.service}: ${span.name}`);
    expect(new Set(chain.map((span) => span.traceId)).size).toBe(1);
    expect(hops).toEqual([
      `quota: process ${Topics.leadRouted.name}`,
      `routing: create ${Topics.leadRouted.name}`,
      `routing: process ${Topics.leadQualifiedV2.name}`,
      `scoring: create ${Topics.leadQualifiedV2.name}`,
      `scoring: process ${Topics.engagementRecorded.name}`,
      `ingest: create ${Topics.engagementRecorded.name}`,
      `ingest: send ${Topics.engagementRecorded.name}`,
      'ingest: POST /v1/events',
    ]);
    const { consumer, producer, server } = OtlpSpanKind;
    expect(chain.map((span) => span.kind)).toEqual([
      consumer,
      producer,
      consumer,
      producer,
      consumer,
      producer,
      producer,
      server,
    ]);
    expect(chain.at(-1)?.parentSpanId).toBeUndefined();
  });
});
