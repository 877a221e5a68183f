import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { EnvBoolean, EnvInt, IsIanaTimeZone, Secret } from '@handoff/platform-config';
import { ServiceConfig } from '@handoff/platform-runtime';
import { FISCAL_PERIOD_KINDS, type FiscalCalendar, type FiscalPeriodKind } from '@handoff/domain-quota';

/** The quota service's settings: the shared ones with this service's defaults (see README "Configuration"). */
export class QuotaConfig extends ServiceConfig {
  override HTTP_PORT = 3003;
  override DATABASE_SCHEMA = 'quota';
  override KAFKA_CLIENT_ID = 'quota';

  /** Bearer token of the admin endpoints: quotas, team history, rates, lead limits. Set a secret one in production. */
  @Secret()
  @IsString()
  @MinLength(16)
  QUOTA_ADMIN_TOKEN = 'local-admin-token-change-me';

  /** Bearer token of reads (attainment, leaderboards, summaries); the admin token works too. Unset locally: open. */
  @Secret()
  @IsOptional()
  @IsString()
  @MinLength(16)
  QUOTA_READ_TOKEN?: string;

  /** The month the fiscal year starts in: 1 = January … 12 = December. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(12)
  QUOTA_FISCAL_YEAR_START_MONTH = 1;

  /** The zone whose midnights bound the fiscal periods (and decide a deal's close date for conversion). */
  @IsIanaTimeZone()
  QUOTA_TIME_ZONE = 'UTC';

  /** The period whose revenue attainment rep.capacity.v1 carries: the rep's quota of this kind holding now. */
  @IsIn(FISCAL_PERIOD_KINDS)
  QUOTA_CAPACITY_PERIOD: FiscalPeriodKind = 'quarter';

  /** Open leads a rep may hold when no limit is set for the rep (`PUT /reps/:id/limits`). */
  @EnvInt()
  @IsInt()
  @Min(0)
  @Max(100_000)
  QUOTA_DEFAULT_MAX_OPEN_LEADS = 25;

  /** Consume sales outcomes, CRM outcomes and routed leads (off in tests that only exercise the HTTP API). */
  @EnvBoolean()
  @IsBoolean()
  QUOTA_CONSUMERS_ENABLED = true;

  @IsString()
  @MinLength(1)
  QUOTA_CONSUMER_GROUP_ID = 'quota';

  /** Records per transaction: one capacity record per rep per chunk. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(5000)
  QUOTA_CHUNK_SIZE = 500;

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(64)
  QUOTA_PARTITIONS_CONCURRENTLY = 3;

  /** How often every rep's capacity is recomputed (pace moves with time alone); only changed figures are published. */
  @EnvInt()
  @IsInt()
  @Min(100)
  QUOTA_CAPACITY_REFRESH_MS = 300_000;

  /** Largest CSV file the imports accept (bytes); 413 above it. */
  @EnvInt()
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  QUOTA_CSV_MAX_BYTES = 5 * 1024 * 1024;

  get fiscalCalendar(): FiscalCalendar {
    return { fiscalYearStartMonth: this.QUOTA_FISCAL_YEAR_START_MONTH, timeZone: this.QUOTA_TIME_ZONE };
  }
}
