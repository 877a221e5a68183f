import { Inject, Injectable } from '@nestjs/common';
import { INGEST_METRICS, METRICS_REGISTRY, counterOf } from '@handoff/platform-observability';
import type { Counter, Registry } from 'prom-client';

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
    this.authRejections = counterOf(registry, INGEST_METRICS.authRejections);
    this.rateLimitDecisions = counterOf(registry, INGEST_METRICS.rateLimitDecisions);
    this.keyLookups = counterOf(registry, INGEST_METRICS.sourceLookups);
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
