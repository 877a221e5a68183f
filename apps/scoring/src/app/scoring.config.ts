import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { EnvBoolean, EnvInt, Secret } from '@handoff/platform-config';
import { ServiceConfig } from '@handoff/platform-runtime';

/** The scoring service's settings: the shared ones with this service's defaults (see README "Configuration"). */
export class ScoringConfig extends ServiceConfig {
  override HTTP_PORT = 3001;
  override DATABASE_SCHEMA = 'scoring';
  override KAFKA_CLIENT_ID = 'scoring';

  /** Bearer token of the operator endpoints: storing and activating models, backtests. Set a secret one in production. */
  @Secret()
  @IsString()
  @MinLength(16)
  SCORING_ADMIN_TOKEN = 'local-admin-token-change-me';

  /**
   * Bearer token of lead-data reads (lead lists, a lead's score, ledger, stages and export); the admin token is
   * accepted too. Unset locally: reads are open. Required in production.
   */
  @Secret()
  @IsOptional()
  @IsString()
  @MinLength(16)
  SCORING_READ_TOKEN?: string;

  /** Run the Kafka consumers; off for a replica that only serves the HTTP API (and the decay sweep). */
  @EnvBoolean()
  @IsBoolean()
  SCORING_CONSUMERS_ENABLED = true;

  /** Consumer group of the engagement, merge and sales consumers (change it only to run a separate deployment). */
  @IsString()
  @MinLength(1)
  SCORING_CONSUMER_GROUP_ID = 'scoring';

  /** Messages of one partition applied in one database transaction. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(5000)
  SCORING_CHUNK_SIZE = 200;

  /** Partitions applied at the same time; each partition is still applied strictly in order. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(64)
  SCORING_PARTITIONS_CONCURRENTLY = 3;

  /** Run the decay sweep that recycles MQLs whose decayed behaviour score fell below the model's coldBelow. */
  @EnvBoolean()
  @IsBoolean()
  SCORING_SWEEP_ENABLED = true;

  /** Pause between two decay sweeps; going cold is detected at most this late. */
  @EnvInt()
  @IsInt()
  @Min(100)
  SCORING_SWEEP_INTERVAL_MS = 60_000;

  /** Leads recycled per sweep transaction (and recorded inputs pruned per statement); runs go on while batches are full. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(10_000)
  SCORING_SWEEP_BATCH_SIZE = 500;

  /**
   * Days recorded inputs are kept for backtests after they were recorded; older ones are pruned hourly. 0 keeps them
   * forever. Scores never need them: a lead's state holds its contributions.
   */
  @EnvInt()
  @IsInt()
  @Min(0)
  SCORING_HISTORY_RETENTION_DAYS = 365;

  /**
   * Days a lead's contributions stay one by one before they are folded into per-rule sums: scores read for an
   * instant within them (`?at=`) are exact and a late event within them is capped as if it came in order.
   * Longer keeps more per lead (each event costs more); the score now is exact either way.
   */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(3650)
  SCORING_EXACT_HISTORY_DAYS = 90;

  /** Most leads a backtest replays (the newest histories are kept when there are more). */
  @EnvInt()
  @IsInt()
  @Min(1)
  SCORING_BACKTEST_MAX_LEADS = 20_000;

  /** Train a conversion model from the recorded hand-offs on a schedule (and on demand: POST /prediction/models/train). */
  @EnvBoolean()
  @IsBoolean()
  SCORING_PREDICTION_TRAINING_ENABLED = true;

  /** Pause between scheduled trainings; a training that finds no new outcome since the last model stores nothing. */
  @EnvInt()
  @IsInt()
  @Min(1000)
  SCORING_PREDICTION_TRAIN_INTERVAL_MS = 3_600_000;

  /** Days after its hand-off an open lead (no won, lost or rejected yet) counts as not converted in training. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(3650)
  SCORING_PREDICTION_OPEN_HORIZON_DAYS = 90;

  /** Fewest labelled hand-offs, won and not-won, to train from; below them training reports "not enough data". */
  @EnvInt()
  @IsInt()
  @Min(2)
  SCORING_PREDICTION_MIN_LABELLED = 200;

  @EnvInt()
  @IsInt()
  @Min(1)
  SCORING_PREDICTION_MIN_CONVERTED = 20;

  @EnvInt()
  @IsInt()
  @Min(1)
  SCORING_PREDICTION_MIN_NOT_CONVERTED = 20;

  /** Newest hand-offs a training reads; training time grows linearly with them (about 80 µs each). */
  @EnvInt()
  @IsInt()
  @Min(10)
  SCORING_PREDICTION_MAX_TRAINING_LEADS = 20_000;
}
