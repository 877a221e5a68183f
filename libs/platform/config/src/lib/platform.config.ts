import { IsIn, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { EnvInt } from './env-transforms';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Whether the production rules apply (NODE_ENV=production). */
export function isProduction(config: Pick<PlatformConfig, 'NODE_ENV'>): boolean {
  return config.NODE_ENV === 'production';
}

/**
 * Settings every service has. A service's own config class extends this (usually through the
 * fragment mixins) and overrides defaults such as HTTP_PORT with a plain property initializer.
 * Every field needs at least one class-validator decorator (undecorated fields are stripped), and
 * numbers, booleans and lists an Env* decorator: env values are strings.
 */
export class PlatformConfig {
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT = 3000;

  /**
   * Port of a separate listener serving only GET /metrics (kept off the public port); 0 serves /metrics on
   * HTTP_PORT. Must differ from HTTP_PORT.
   */
  @EnvInt()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT = 0;

  /** `production` turns on the production rules: every @Secret() setting set, none left at its published default. */
  @IsString()
  @MinLength(1)
  NODE_ENV = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'info';

  /** Upper bound for a graceful shutdown (finish the batch, commit, close pools) before exiting. */
  @EnvInt()
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10000;
}
