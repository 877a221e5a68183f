import { Registry } from 'prom-client';
import { counterOf, gaugeOf, KAFKA_METRICS, ROUTING_METRICS } from '@handoff/platform-observability';
import { parseSamples } from './prometheus-text';

const NAMES = new Set([KAFKA_METRICS.produced.name, KAFKA_METRICS.consumerLag.name, ROUTING_METRICS.slaBreaches.name]);

describe('parseSamples', () => {
  it('reads the counters and gauges prom-client writes, with their labels', async () => {
    const registry = new Registry();
    counterOf(registry, KAFKA_METRICS.produced).inc({ topic: 'lead.qualified.v2' }, 3);
    gaugeOf(registry, KAFKA_METRICS.consumerLag).set(
      { group: 'scoring', topic: 'engagement.recorded.v1', partition: '2' },
      7,
    );
    counterOf(registry, ROUTING_METRICS.repAssignments).inc({ pool: 'emea', rep: 'ana' });

    const samples = parseSamples(await registry.metrics(), NAMES);

    expect(samples).toEqual([
      { name: KAFKA_METRICS.produced.name, labels: { topic: 'lead.qualified.v2' }, value: 3 },
      {
        name: KAFKA_METRICS.consumerLag.name,
        labels: { group: 'scoring', topic: 'engagement.recorded.v1', partition: '2' },
        value: 7,
      },
    ]);
  });

  it('unescapes label values and reads samples without labels, with timestamps, and special values', () => {
    const text = [
      '# HELP handoff_routing_sla_breaches_total Assignments whose rep did not accept',
      '# TYPE handoff_routing_sla_breaches_total counter',
      'handoff_routing_sla_breaches_total{pool="a \\"quoted\\" \\\\ pool\\nx"} 2 1700000000000',
      'handoff_routing_sla_breaches_total 5',
      'handoff_kafka_consumer_lag_records{group="g",topic="t"} +Inf',
    ].join('\n');

    expect(parseSamples(text, NAMES)).toEqual([
      { name: ROUTING_METRICS.slaBreaches.name, labels: { pool: 'a "quoted" \\ pool\nx' }, value: 2 },
      { name: ROUTING_METRICS.slaBreaches.name, labels: {}, value: 5 },
      { name: KAFKA_METRICS.consumerLag.name, labels: { group: 'g', topic: 't' }, value: Infinity },
    ]);
  });

  it('skips lines it cannot read instead of failing the scrape', () => {
    const text = ['handoff_routing_sla_breaches_total{pool="a} 1', 'handoff_routing_sla_breaches_total{pool="b"} many'];

    expect(parseSamples(text.join('\n'), NAMES)).toEqual([]);
  });
});
