import { PipelineFigures } from './pipeline-figures';
import type { MetricSample } from './prometheus-text';

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);
const produced = (topic: string, value: number): MetricSample => ({
  name: 'handoff_kafka_produced_records_total',
  labels: { topic },
  value,
});
const lag = (partition: string, value: number): MetricSample => ({
  name: 'handoff_kafka_consumer_lag_records',
  labels: { group: 'scoring', topic: 'engagement.recorded.v1', partition },
  value,
});

describe('PipelineFigures', () => {
  it("rates ingest's engagement.recorded records per second and ignores its other topics", () => {
    const figures = new PipelineFigures();
    figures.scraped('ingest', T0, [produced('engagement.recorded.v1', 100), produced('lead.merged.v1', 5)]);
    figures.scraped('ingest', T0 + 5_000, [produced('engagement.recorded.v1', 150), produced('lead.merged.v1', 500)]);

    expect(figures.snapshot(T0 + 5_000).eventsPerSecond).toEqual([
      { t: new Date(T0 + 5_000).toISOString(), value: 10 },
    ]);
  });

  it("counts MQLs from scoring's lead.qualified.v2 records and routed leads from routing's assignments per rep", () => {
    const figures = new PipelineFigures();
    const assigned = (rep: string, value: number): MetricSample => ({
      name: 'handoff_routing_rep_assignments_total',
      labels: { pool: 'emea', rep },
      value,
    });
    figures.scraped('scoring', T0, [produced('lead.qualified.v2', 1), produced('lead.qualified.v1', 1)]);
    figures.scraped('scoring', T0 + 5_000, [produced('lead.qualified.v2', 4), produced('lead.qualified.v1', 4)]);
    figures.scraped('routing', T0, [assigned('ana', 2)]);
    figures.scraped('routing', T0 + 5_000, [assigned('ana', 3), assigned('bo', 1)]);

    const snapshot = figures.snapshot(T0 + 5_000);

    expect(snapshot.mqlsPerHour.at(-1)).toEqual({ t: new Date(T0).toISOString(), value: 3 });
    expect(snapshot.routedPerHour.at(-1)).toEqual({ t: new Date(T0).toISOString(), value: 2 });
  });

  it('sums consumer lag over partitions, lists SLA breaches per pool, and forgets the lag of a service that went away', () => {
    const figures = new PipelineFigures();
    figures.scraped('scoring', T0, [lag('0', 3), lag('1', 4)]);
    figures.scraped('routing', T0, [
      { name: 'handoff_routing_sla_breaches_total', labels: { pool: 'emea' }, value: 2 },
    ]);

    expect(figures.snapshot(T0)).toMatchObject({
      consumerLag: [{ service: 'scoring', group: 'scoring', topic: 'engagement.recorded.v1', lag: 7 }],
      slaBreaches: [{ pool: 'emea', breaches: 2 }],
    });

    figures.unreachable('scoring');
    const snapshot = figures.snapshot(T0 + 5_000);
    expect(snapshot.consumerLag).toEqual([]);
    expect(snapshot.services.find(({ service }) => service === 'scoring')).toEqual({
      service: 'scoring',
      up: false,
      scrapedAt: new Date(T0).toISOString(),
    });
    expect(snapshot.services.find(({ service }) => service === 'quota')).toEqual({
      service: 'quota',
      up: false,
      scrapedAt: null,
    });
  });
});
