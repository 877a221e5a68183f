/**
 * Backtests a candidate scoring model on the recorded history, next to the active model:
 *   npm run scoring:backtest -- --model <file.json> [--at <ISO instant>] [--json]
 * Reads DATABASE_URL / DATABASE_SCHEMA like the service; reads only (one READ ONLY transaction).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { BacktestService } from '../backtest/backtest.service';
import { formatBacktestReport } from '../backtest/backtest-report.format';
import { BacktestCliModule } from './backtest-cli.module';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.model) throw new Error('usage: npm run scoring:backtest -- --model <file.json> [--at <ISO>] [--json]');
  const candidate: unknown = JSON.parse(readFileSync(values.model, 'utf8'));
  const app = await NestFactory.createApplicationContext(BacktestCliModule, { logger: ['error', 'warn'] });
  try {
    const report = await app.get(BacktestService).run(candidate, values.at);
    process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : formatBacktestReport(report)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const response = (error as { response?: unknown }).response;
  process.stderr.write(`${response ? JSON.stringify(response, null, 2) : String(error)}\n`);
  process.exitCode = 1;
});
