import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@handoff/platform-observability';
import { Counter, type Registry } from 'prom-client';

export type AuthRejection =
  | 'missing_key'
  | 'unknown_key'
  | 'revoked_key'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'misconfigured_source';
export type RateLimitOutcome = 'allowed' | 'limited' | 'failed_open';
export type KeyLookupResult = 'active' | 'revoked' | 'unknown' | 'misconfigured' | 'failed';

@Injectable()
export class SourcesMetrics {
  private readonly authRejections: Counter<'reason'>;
  private readonly rateLimitDecisions: Counter<'outcome'>;
  private readonly keyLookups: Counter<'result'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.authRejections = new Counter({
      name: 'ingest_source_auth_rejections_total',
      help: 'Ingestion requests refused by source authentication, by reason',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.rateLimitDecisions = new Counter({
      name: 'ingest_rate_limit_decisions_total',
      help: 'Rate-limit decisions; failed_open counts requests let through because Redis did not answer',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.keyLookups = new Counter({
      name: 'ingest_source_lookups_total',
      help: 'Database lookups of a write key or source id (cache misses), by result',
      labelNames: ['result'],
      registers: [registry],
    });
  }

  authRejected(reason: AuthRejection): void {
    this.authRejections.inc({ reason });
  }

  rateLimitDecided(outcome: RateLimitOutcome): void {
    this.rateLimitDecisions.inc({ outcome });
  }

  keyLookedUp(result: KeyLookupResult): void {
    this.keyLookups.inc({ result });
  }
}
