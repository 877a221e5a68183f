import type { ConsumerLagView, DeadLetterCount, PipelineSnapshot, ServiceHealthView } from '@handoff/console-api';
import { Topics } from '@handoff/contracts';
import { KAFKA_METRICS, ROUTING_METRICS } from '@handoff/platform-observability';
import { CounterTrack, RECENT_WINDOW_MS } from './counter-track';
import type { MetricSample } from './prometheus-text';

export const SCRAPED_SERVICES = ['ingest', 'scoring', 'routing', 'quota'] as const;
export type ScrapedService = (typeof SCRAPED_SERVICES)[number];

/** The metrics read from the services' `/metrics`: what the pipeline page shows. */
export const PIPELINE_METRICS: ReadonlySet<string> = new Set([
  KAFKA_METRICS.produced.name,
  KAFKA_METRICS.consumerLag.name,
  ROUTING_METRICS.repAssignments.name,
  ROUTING_METRICS.slaBreaches.name,
]);

interface Health {
  up: boolean;
  scrapedAt: number | null;
}

/**
 * The pipeline's figures from the last scrapes: events ingest accepted (its records on engagement.recorded),
 * leads scoring qualified (its lead.qualified.v2 records, one per MQL), leads routing routed (its assignments
 * per rep), consumer lag, SLA breaches per pool, and the dead-letter topics' record counts.
 */
export class PipelineFigures {
  private readonly health = new Map<ScrapedService, Health>();
  private readonly events = new CounterTrack();
  private readonly mqls = new CounterTrack();
  private readonly routed = new CounterTrack();
  private readonly lag = new Map<ScrapedService, ConsumerLagView[]>();
  private slaBreaches: PipelineSnapshot['slaBreaches'] = [];
  private deadLetters: DeadLetterCount[] = [];

  scraped(service: ScrapedService, t: number, samples: MetricSample[]): void {
    this.health.set(service, { up: true, scrapedAt: t });
    this.lag.set(service, lagOf(service, samples));
    if (service === 'ingest') {
      this.events.observe(t, seriesOf(samples, KAFKA_METRICS.produced.name, { topic: Topics.engagementRecorded.name }));
    }
    if (service === 'scoring') {
      this.mqls.observe(t, seriesOf(samples, KAFKA_METRICS.produced.name, { topic: Topics.leadQualifiedV2.name }));
    }
    if (service === 'routing') {
      this.routed.observe(t, seriesOf(samples, ROUTING_METRICS.repAssignments.name));
      this.slaBreaches = [...seriesOf(samples, ROUTING_METRICS.slaBreaches.name, { by: 'pool' })].map(
        ([pool, breaches]) => ({ pool, breaches }),
      );
    }
  }

  unreachable(service: ScrapedService): void {
    this.health.set(service, { up: false, scrapedAt: this.health.get(service)?.scrapedAt ?? null });
    this.lag.delete(service);
  }

  deadLettersCounted(counts: DeadLetterCount[]): void {
    this.deadLetters = counts;
  }

  snapshot(now: number): PipelineSnapshot {
    const iso = (t: number) => new Date(t).toISOString();
    return {
      at: iso(now),
      services: SCRAPED_SERVICES.map((service): ServiceHealthView => {
        const health = this.health.get(service);
        return { service, up: health?.up ?? false, scrapedAt: health?.scrapedAt ? iso(health.scrapedAt) : null };
      }),
      eventsPerSecond: this.events.ratesSince(now - RECENT_WINDOW_MS).map(({ t, perSecond }) => ({
        t: iso(t),
        value: perSecond,
      })),
      mqlsPerHour: this.mqls.hourlyIncreases(now).map(({ t, value }) => ({ t: iso(t), value })),
      routedPerHour: this.routed.hourlyIncreases(now).map(({ t, value }) => ({ t: iso(t), value })),
      consumerLag: [...this.lag.values()].flat(),
      deadLetters: this.deadLetters,
      slaBreaches: this.slaBreaches,
    };
  }
}

/**
 * The samples of one metric, by series: keyed by the `by` label's value when given (summing the rest), else by the
 * whole label set; `topic` keeps only that topic's samples.
 */
function seriesOf(
  samples: MetricSample[],
  name: string,
  { topic, by }: { topic?: string; by?: string } = {},
): Map<string, number> {
  const series = new Map<string, number>();
  for (const sample of samples) {
    if (sample.name !== name || (topic !== undefined && sample.labels.topic !== topic)) continue;
    const key = by ? (sample.labels[by] ?? '') : labelKeyOf(sample.labels);
    series.set(key, (series.get(key) ?? 0) + sample.value);
  }
  return series;
}

function labelKeyOf(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

/** The lag of each of the service's groups on each topic, summed over the partitions its replica owns. */
function lagOf(service: ScrapedService, samples: MetricSample[]): ConsumerLagView[] {
  const views = new Map<string, ConsumerLagView>();
  for (const { name, labels, value } of samples) {
    if (name !== KAFKA_METRICS.consumerLag.name) continue;
    const key = `${labels.group}\n${labels.topic}`;
    const view = views.get(key) ?? { service, group: labels.group ?? '', topic: labels.topic ?? '', lag: 0 };
    view.lag += value;
    views.set(key, view);
  }
  return [...views.values()];
}
