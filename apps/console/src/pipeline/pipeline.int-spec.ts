import type { PipelineSnapshot } from '@handoff/console-api';
import { dlqNameOf, Topics } from '@handoff/contracts';
import type { ConsoleBrowser } from '../testing/console-browser';
import { type ConsoleTestApp, prepareConsoleEnv, startConsoleApp } from '../testing/console-test-app';
import { FakeService } from '../testing/fake-service';
import { MetricsScraper } from './metrics-scraper';

const metricsOf = (recorded: number) =>
  [
    '# TYPE handoff_kafka_produced_records_total counter',
    `handoff_kafka_produced_records_total{topic="engagement.recorded.v1"} ${recorded}`,
    '# TYPE handoff_kafka_consumer_lag_records gauge',
    'handoff_kafka_consumer_lag_records{group="ingest-inbound",topic="engagement.inbound.v1",partition="0"} 4',
    'handoff_kafka_consumer_lag_records{group="ingest-inbound",topic="engagement.inbound.v1",partition="1"} 5',
  ].join('\n');

describe("the pipeline snapshot from the services' /metrics and the dead-letter topics", () => {
  let ingest: FakeService;
  let app: ConsoleTestApp;
  let admin: ConsoleBrowser;
  let recorded = 1_000;

  beforeAll(async () => {
    ingest = await FakeService.start();
    ingest.answer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(metricsOf(recorded));
    });
    // Ingest's metrics on a port of their own (METRICS_PORT); the other services answer nowhere.
    prepareConsoleEnv({
      CONSOLE_INGEST_URL: 'http://127.0.0.1:9',
      CONSOLE_INGEST_METRICS_URL: `${ingest.baseUrl}/metrics`,
      CONSOLE_SCORING_URL: 'http://127.0.0.1:9',
      CONSOLE_ROUTING_URL: 'http://127.0.0.1:9',
      CONSOLE_QUOTA_URL: 'http://127.0.0.1:9',
    });
    app = await startConsoleApp();
    admin = await app.admin();
  });

  afterAll(async () => {
    await app?.stop();
    await ingest?.stop();
  });

  it('rates accepted events between scrapes, sums consumer lag, marks silent services down and counts dead letters', async () => {
    const scraper = app.app.get(MetricsScraper);
    await scraper.scrape();
    recorded += 500;
    await scraper.scrape();

    const answer = await admin.call('GET', '/api/pipeline');

    expect(answer.status).toBe(200);
    const snapshot = answer.body as PipelineSnapshot;
    expect(ingest.received.map(({ url }) => url)).toContain('/metrics');
    expect(snapshot.eventsPerSecond.some(({ value }) => value > 0)).toBe(true);
    expect(snapshot.consumerLag).toEqual([
      { service: 'ingest', group: 'ingest-inbound', topic: 'engagement.inbound.v1', lag: 9 },
    ]);
    expect(snapshot.services).toEqual([
      { service: 'ingest', up: true, scrapedAt: expect.any(String) },
      { service: 'scoring', up: false, scrapedAt: null },
      { service: 'routing', up: false, scrapedAt: null },
      { service: 'quota', up: false, scrapedAt: null },
    ]);
    expect(snapshot.mqlsPerHour).toHaveLength(24);
    expect(snapshot.deadLetters.map(({ topic }) => topic)).toContain(dlqNameOf(Topics.leadRouted.name));
  });
});
