import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MinLength } from 'class-validator';
import { EnvBoolean, EnvInt, Secret } from '@handoff/platform-config';
import { ServiceConfig } from '@handoff/platform-runtime';
import { KAFKA_INBOUND_SOURCE_ID } from '../sources/kafka-inbound-source.migration';

/** The ingest service's settings: the shared ones with ingest's defaults, plus its own (README "Configuration"). */
export class IngestConfig extends ServiceConfig {
  override HTTP_PORT = 3000;
  override DATABASE_SCHEMA = 'ingest';
  override KAFKA_CLIENT_ID = 'ingest';

  /** Bearer token for the /admin API (sources and keys). The default is for local use only. */
  @Secret()
  @IsString()
  @MinLength(16)
  INGEST_ADMIN_TOKEN = 'local-admin-token-change-me';

  /**
   * Key that encrypts the sources' request-signing secrets at rest (AES-256-GCM, derived with SHA-256).
   * The default is for local use only.
   */
  @Secret()
  @IsString()
  @MinLength(16)
  INGEST_SECRET_KEY = 'local-secret-key-change-me';

  /**
   * Bearer token of GET /leads/:id/contact, the contact vault's read API for sales systems (scope `contact`).
   * The default is for local use only.
   */
  @Secret()
  @IsString()
  @MinLength(16)
  INGEST_CONTACT_TOKEN = 'local-contact-token-change-me';

  /**
   * The INGEST_SECRET_KEY being replaced, during a key change only: values encrypted under it still decrypt, and
   * a pass at boot re-encrypts them under INGEST_SECRET_KEY (README "Production mode"). Unset otherwise.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  INGEST_SECRET_KEY_PREVIOUS?: string;

  /** After a source's signing secret is rotated, how long requests signed with the previous one are still accepted. */
  @EnvInt()
  @IsInt()
  @Min(0)
  INGEST_SIGNING_SECRET_GRACE_SECONDS = 24 * 3600;

  /** How long a message id is remembered for de-duplication. */
  @EnvInt()
  @IsInt()
  @Min(60)
  INGEST_DEDUPE_WINDOW_SECONDS = 7 * 24 * 3600;

  /** Largest accepted single event (the Segment spec's limit is 32 KB). */
  @EnvInt()
  @IsInt()
  @Min(1024)
  INGEST_MAX_EVENT_BYTES = 32 * 1024;

  /** Largest accepted request body (the Segment spec's batch limit is 500 KB). */
  @EnvInt()
  @IsInt()
  @Min(1024)
  INGEST_MAX_BATCH_BYTES = 500 * 1024;

  /** Most events in one batch request. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(10000)
  INGEST_MAX_BATCH_EVENTS = 2500;

  /** Sustained events per second per source (token bucket refill rate). */
  @EnvInt()
  @IsInt()
  @Min(1)
  INGEST_RATE_LIMIT_PER_SECOND = 1000;

  /** Burst size per source (token bucket capacity). */
  @EnvInt()
  @IsInt()
  @Min(1)
  INGEST_RATE_LIMIT_BURST = 5000;

  /** Signed requests older or newer than this are rejected as replays. */
  @EnvInt()
  @IsInt()
  @Min(1)
  INGEST_SIGNATURE_TOLERANCE_SECONDS = 300;

  /** Treat jane+tag@acme.com as jane@acme.com when resolving identities. */
  @EnvBoolean()
  @IsBoolean()
  INGEST_STRIP_PLUS_TAGS = false;

  /** Longest wait for the Kafka acknowledgement before answering 503. */
  @EnvInt()
  @IsInt()
  @Min(100)
  INGEST_PUBLISH_TIMEOUT_MS = 5000;

  /** Consumer group of the engagement.inbound.v1 consumer (change it only to run a second, separate deployment). */
  @IsString()
  @MinLength(1)
  INGEST_INBOUND_GROUP_ID = 'ingest.engagement-inbound';

  /**
   * Where a new inbound consumer group (one with no committed offsets) starts: `earliest` records everything
   * already on the topic; `latest` only what arrives after it joins, e.g. for a blue/green deployment whose
   * old group already recorded the backlog. A group that has committed resumes where it left off either way.
   */
  @IsIn(['earliest', 'latest'])
  INGEST_INBOUND_START_AT: 'earliest' | 'latest' = 'earliest';

  /**
   * The source an engagement.inbound.v1 record without sourceId is attributed to; it must be registered and
   * active, or such records are dead-lettered. The default is the built-in "Kafka inbound" source (README).
   */
  @IsUUID()
  INGEST_INBOUND_DEFAULT_SOURCE_ID = KAFKA_INBOUND_SOURCE_ID;

  /** How long an unknown or revoked write key is remembered as such, sparing the database (README). */
  @EnvInt()
  @IsInt()
  @Min(0)
  INGEST_UNKNOWN_KEY_CACHE_TTL_MS = 60_000;

  /** Path of a JSON file overriding the Segment event-name → activity-type mapping (see README). */
  @IsOptional()
  @IsString()
  INGEST_SEGMENT_MAPPING_FILE?: string;

  /** Path of a YAML file of CRM webhook mappings added to (or replacing) the shipped ones (README). */
  @IsOptional()
  @IsString()
  INGEST_CRM_MAPPINGS_FILE?: string;
}
