/**
 * Backtests a candidate scoring model on the recorded history, next to the active model:
 *   npm run scoring:backtest -- --model <file.json|file.yaml> [--at <ISO instant>] [--json]
 * Reads DATABASE_URL / DATABASE_SCHEMA like the service; reads only (one READ ONLY transaction).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '@handoff/shared-errors';
import { DataSource } from 'typeorm';
import { ScoringConfig } from '../app/scoring.config';
import { BacktestService } from '../backtest/backtest.service';
import { formatBacktestReport } from '../backtest/backtest-report.format';
import { readModelFile } from '../models/model-file';
import { BacktestCliModule } from './backtest-cli.module';
import { assertScoringSchema } from './cli-database';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.model) {
    throw new Error('usage: npm run scoring:backtest -- --model <file.json|file.yaml> [--at <ISO>] [--json]');
  }
  const candidate = readModelFile(values.model);
  const app = await NestFactory.createApplicationContext(BacktestCliModule, { logger: ['error', 'warn'] });
  try {
    await assertScoringSchema(app.get(DataSource), app.get(ScoringConfig).DATABASE_SCHEMA);
    const report = await app.get(BacktestService).run(candidate, values.at);
    process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : formatBacktestReport(report)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  // An invalid candidate model: every failing field, as the HTTP API lists them.
  const invalid =
    error instanceof DomainError && error.details ? { message: error.message, errors: error.details } : null;
  process.stderr.write(`${invalid ? JSON.stringify(invalid, null, 2) : String(error)}\n`);
  process.exitCode = 1;
});
