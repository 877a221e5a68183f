import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { EnvInt, Secret } from '@handoff/platform-config';
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
}
