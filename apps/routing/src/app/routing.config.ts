import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { EnvBoolean, EnvInt, Secret } from '@handoff/platform-config';
import { ServiceConfig } from '@handoff/platform-runtime';

/** The routing service's settings: the shared ones with this service's defaults (see README "Configuration"). */
export class RoutingConfig extends ServiceConfig {
  override HTTP_PORT = 3002;
  override DATABASE_SCHEMA = 'routing';
  override KAFKA_CLIENT_ID = 'routing';

  /** Bearer token of the operator endpoints: directory writes, imports, rule sets. Set a secret one in production. */
  @Secret()
  @IsString()
  @MinLength(16)
  ROUTING_ADMIN_TOKEN = 'local-admin-token-change-me';

  /**
   * Bearer token of reads (the directory, its exports and the rule sets); the admin token is accepted too. Unset
   * locally: reads are open. Required in production.
   */
  @Secret()
  @IsOptional()
  @IsString()
  @MinLength(16)
  ROUTING_READ_TOKEN?: string;

  /** Largest CSV file `POST /reps.csv` and `POST /accounts.csv` accept (bytes); 413 above it. */
  @EnvInt()
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  ROUTING_CSV_MAX_BYTES = 5 * 1024 * 1024;

  /** Most qualifications one `POST /routing/backtest` may replay (each is decided twice, in memory). */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  ROUTING_BACKTEST_MAX_LEADS = 20_000;

  /** Consume qualified leads, sales outcomes and capacities (off in tests that only exercise the HTTP API). */
  @EnvBoolean()
  @IsBoolean()
  ROUTING_CONSUMERS_ENABLED = true;

  @IsString()
  @MinLength(1)
  ROUTING_CONSUMER_GROUP_ID = 'routing';

  /** Records per transaction: decisions of one chunk share one directory read. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(5000)
  ROUTING_CHUNK_SIZE = 200;

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(64)
  ROUTING_PARTITIONS_CONCURRENTLY = 3;

  /** Run the SLA timers and the queue drain in this process (every replica may: each timer fires once). */
  @EnvBoolean()
  @IsBoolean()
  ROUTING_REROUTER_ENABLED = true;

  /** How often missed SLAs and queued leads are looked at; a directory change or a rejection also triggers a run. */
  @EnvInt()
  @IsInt()
  @Min(50)
  ROUTING_REROUTE_INTERVAL_MS = 5000;

  /** Most missed SLAs and queued leads one rerouter transaction handles. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(10_000)
  ROUTING_REROUTE_BATCH_SIZE = 200;

  /** Where lead.routed.v1 tells a sales system to read the contact: ingest's contact API; `{leadId}` is replaced. */
  @IsString()
  @Matches(/^https?:\/\/.+\{leadId\}/, { message: '$property must be an http(s) URL containing {leadId}' })
  ROUTING_CONTACT_URL_TEMPLATE = 'http://localhost:3000/leads/{leadId}/contact';
}
