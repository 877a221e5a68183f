/** One point of a time series: `t` an ISO 8601 instant, `value` the figure at (or over the step ending at) it. */
export interface SeriesPoint {
  t: string;
  value: number;
}

export interface ConsumerLagView {
  service: string;
  group: string;
  topic: string;
  /** Records behind the newest offset, summed over the topic's partitions. */
  lag: number;
}

export interface DeadLetterCount {
  /** The dead-letter topic (`<topic>.dlq`). */
  topic: string;
  /** The topic whose records failed. */
  sourceTopic: string;
  records: number;
}

export interface ServiceHealthView {
  service: string;
  /** Whether the service's metrics answered at the last scrape. */
  up: boolean;
  scrapedAt: string | null;
}

/** `GET /api/pipeline`: the last hour, refreshed by the page every few seconds. */
export interface PipelineSnapshot {
  at: string;
  services: ServiceHealthView[];
  /** Engagement events accepted by ingest per second, one point per scrape. */
  eventsPerSecond: SeriesPoint[];
  /** Leads that became MQLs in each hour of the last 24. */
  mqlsPerHour: SeriesPoint[];
  /** Leads routed to a rep in each hour of the last 24. */
  routedPerHour: SeriesPoint[];
  consumerLag: ConsumerLagView[];
  deadLetters: DeadLetterCount[];
  /** SLA breaches since the services started, per pool. */
  slaBreaches: { pool: string; breaches: number }[];
}
