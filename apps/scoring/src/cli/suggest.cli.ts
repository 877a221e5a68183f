/**
 * Writes a candidate scoring model whose rules carry the points the recorded outcomes suggest:
 *   npm run scoring:suggest -- [--model <version>] [--version <new version>] [--out <file.yaml>]
 * --model defaults to the active model, --version to "<model>-suggested", --out to standard output. The summary
 * (lift and points per rule) goes to standard error. Reads only; the candidate goes through the usual backtest
 * (`npm run scoring:backtest -- --model <file>`) and POST /models before anyone activates it.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import { ScoringConfig } from '../app/scoring.config';
import { type RuleInsights, RuleInsightsService } from '../insights/rule-insights.service';
import { type SuggestedModel, suggestedModel } from '../insights/suggested-model';
import { ModelRegistry } from '../models/model-registry.service';
import { assertScoringSchema } from './cli-database';
import { SuggestCliModule } from './suggest-cli.module';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' } },
  });
  const app = await NestFactory.createApplicationContext(SuggestCliModule, { logger: ['error', 'warn'] });
  try {
    await assertScoringSchema(app.get(DataSource), app.get(ScoringConfig).DATABASE_SCHEMA);
    const registry = app.get(ModelRegistry);
    const base = values.model ? (await registry.get(values.model)).model : await registry.active();
    const insights = await app.get(RuleInsightsService).insights(base.version);
    const candidate = suggestedModel(base, insights, values.version ?? `${base.version}-suggested`);
    const yaml = stringify(candidate.model);
    if (values.out) writeFileSync(values.out, yaml);
    else process.stdout.write(yaml);
    process.stderr.write(summaryOf(insights, candidate, values.out));
  } finally {
    await app.close();
  }
}

function summaryOf(insights: RuleInsights, candidate: SuggestedModel, out: string | undefined): string {
  const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);
  const lines = insights.rules.map(
    (rule) =>
      `  ${rule.ruleId.padEnd(24)} hit ${String(rule.hit.leads).padStart(6)} → ${percent(rule.hit.rate).padStart(6)}` +
      `  missed ${String(rule.notHit.leads).padStart(6)} → ${percent(rule.notHit.rate).padStart(6)}` +
      `  lift ${rule.lift === null ? '–' : rule.lift.toFixed(2)}  points ${rule.currentPoints} → ${rule.suggestedPoints}`,
  );
  return [
    `${insights.leads.labelled} labelled hand-offs (${insights.leads.converted} won) judged model ${insights.modelVersion}:`,
    ...lines,
    `candidate ${candidate.model.version}: ${candidate.changed.length} rules re-pointed, ` +
      `${candidate.removed.length} dropped (${candidate.removed.join(', ') || 'none'})${out ? `, written to ${out}` : ''}`,
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
