import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { EnvBoolean, EnvInt, Secret } from '@handoff/platform-config';
import { ServiceConfig } from '@handoff/platform-runtime';

/** The delivery service's settings: the shared ones with this service's defaults (see README "Configuration"). */
export class DeliveryConfig extends ServiceConfig {
  override HTTP_PORT = 3004;
  override DATABASE_SCHEMA = 'delivery';
  override KAFKA_CLIENT_ID = 'delivery';

  /** Bearer token of every endpoint: subscriptions, the delivery log, replay. Set a secret one in production. */
  @Secret()
  @IsString()
  @MinLength(16)
  DELIVERY_ADMIN_TOKEN = 'local-admin-token-change-me';

  /** Consume the routed, qualified, scored and capacity topics (off in tests that only exercise the HTTP API). */
  @EnvBoolean()
  @IsBoolean()
  DELIVERY_CONSUMERS_ENABLED = true;

  @IsString()
  @MinLength(1)
  DELIVERY_CONSUMER_GROUP_ID = 'delivery';

  /** Records per transaction of the consumer. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(5000)
  DELIVERY_CHUNK_SIZE = 500;

  /** Run the dispatcher that POSTs queued deliveries (off in tests that only exercise the HTTP API). */
  @EnvBoolean()
  @IsBoolean()
  DELIVERY_DISPATCH_ENABLED = true;

  /** How often the dispatcher looks for due deliveries (it also runs as soon as the consumer queued some). */
  @EnvInt()
  @IsInt()
  @Min(10)
  DELIVERY_DISPATCH_INTERVAL_MS = 1000;

  /** Workers per replica, each sending one delivery at a time (the head of a subscription and lead queue). */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(256)
  DELIVERY_CONCURRENCY = 16;

  /** Deliveries in flight at once to one endpoint (one per lead at most), so a slow endpoint cannot take every worker. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(256)
  DELIVERY_ENDPOINT_CONCURRENCY = 4;

  /** How long an endpoint may take to answer before the attempt counts as failed. */
  @EnvInt()
  @IsInt()
  @Min(100)
  @Max(60_000)
  DELIVERY_TIMEOUT_MS = 10_000;

  /** First step of the retry schedule; the rest are multiples (5 s → 30 s, 2 min … 12 h, about 24 h in all). */
  @EnvInt()
  @IsInt()
  @Min(1)
  DELIVERY_RETRY_BASE_MS = 5000;

  /** Consecutive failures after which an endpoint is paused (its circuit opens) until a probe time. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(1000)
  DELIVERY_CIRCUIT_FAILURES = 10;

  /** How long an endpoint's circuit stays open before one delivery probes it again. */
  @EnvInt()
  @IsInt()
  @Min(10)
  DELIVERY_CIRCUIT_PAUSE_MS = 300_000;

  /** How long a rotated-out secret still signs deliveries next to the new one. */
  @EnvInt()
  @IsInt()
  @Min(0)
  DELIVERY_SECRET_OVERLAP_MS = 86_400_000;

  /** Days delivered and dead deliveries (and their attempts) stay in the log; pending ones are never pruned. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(3650)
  DELIVERY_RETENTION_DAYS = 30;

  /** Allow http and private, loopback and link-local targets (local development and tests); refused in production. */
  @EnvBoolean()
  @IsBoolean()
  DELIVERY_ALLOW_PRIVATE_TARGETS = false;

  /** Ingest's contact endpoint, read for subscriptions that include contact details in lead.routed deliveries. */
  @IsString()
  @Matches(/\{leadId\}/, { message: 'DELIVERY_CONTACT_URL_TEMPLATE must hold {leadId}' })
  DELIVERY_CONTACT_URL_TEMPLATE = 'http://localhost:3000/leads/{leadId}/contact';

  /**
   * Ingest's contact token (INGEST_CONTACT_TOKEN), the separate secret that lets deliveries carry contact details.
   * Unset: no subscription may ask for them. Not required in production: only deployments that send them set it.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  DELIVERY_CONTACT_TOKEN?: string;
}
