import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** SQLSTATE class 22 (data exception) messages quote the offending value, which may be personal data. */
const DATA_EXCEPTION_CLASS = '22';

export interface QueryErrorLogEntry {
  msg: string;
  query: string;
  code?: string;
  error: string;
}

/**
 * Describes a failed query without its bound parameters (they carry emails, names, ...) and without the
 * error text when PostgreSQL would echo a value back in it.
 */
export function describeQueryError(error: string | Error, query: string): QueryErrorLogEntry {
  const code = sqlStateOf(error);
  const message = typeof error === 'string' ? error : error.message;
  const redacted = code?.startsWith(DATA_EXCEPTION_CLASS) ? `data exception ${code} (message redacted)` : message;
  return {
    msg: 'query failed',
    query,
    ...(code ? { code } : {}),
    error: redacted,
  };
}

function sqlStateOf(error: string | Error): string | undefined {
  if (typeof error === 'string') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** TypeORM logger that never logs statements or their parameters; only failures, migrations and warnings. */
export class RedactingQueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {
    // Statements are not logged: their parameters may hold personal data.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(describeQueryError(error, query));
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'slow query', query, durationMs: time });
  }

  logSchemaBuild(message: string): void {
    this.logger.log({ msg: message });
  }

  logMigration(message: string): void {
    this.logger.log({ msg: message });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ msg: String(message) });
    else this.logger.log({ msg: String(message) });
  }
}
