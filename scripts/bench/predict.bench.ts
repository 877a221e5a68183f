// `npm run bench:predict`: the conversion model on the simulator's funnel, offline (README "Predictive scoring").
// Trains on the first `--training` leads handed to sales and judges it on the later ones against the best
// achievable ranking (the hidden propensities) and the rule score; times training and live prediction per event
// beside the rule scoring of the same events. Flags: --leads=24000 --training=2000 --seed=42.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  areaUnderRoc,
  brierScore,
  calibrationTable,
  DEFAULT_TRAINING_POLICY,
  expectedCalibrationError,
  featureDefinitionFrom,
  featureNamesOf,
  featureVectorOf,
  logLoss,
  predictConversion,
  trainConversionModel,
} from '@handoff/domain-prediction';
import { parseScoringModel } from '@handoff/domain-scoring';
import { benchFlags } from './bench-flags';
import { type HandedOffLead, predictFunnel } from './predict-funnel';
import { perEventCosts } from './predict-costs';

const flags = benchFlags(process.argv.slice(2), process.env);
const leads = flags.count('leads', 24_000);
const trainingLeads = flags.count('training', 2_000);
const seed = flags.count('seed', 42);
const l2 = flags.positive('l2', DEFAULT_TRAINING_POLICY.l2);

function main(): void {
  const model = parseScoringModel(
    parse(readFileSync(join(__dirname, '../../apps/scoring/models/default-model.yaml'), 'utf8')),
  );
  const funnel = predictFunnel(model, leads, seed);
  const ordered = [...funnel.handedOff].sort((a, b) => a.handedAt - b.handedAt);
  const training = ordered.slice(0, trainingLeads);
  const evaluation = ordered.slice(trainingLeads);
  if (evaluation.length < 200) throw new Error(`only ${evaluation.length} leads to evaluate on: raise --leads`);
  const definition = featureDefinitionFrom(training.map((lead) => lead.snapshot));
  const samples = training.map((lead) => ({
    handedAt: lead.handedAt,
    features: featureVectorOf(definition, lead.snapshot),
    converted: lead.converted,
  }));
  const started = process.hrtime.bigint();
  const trained = trainConversionModel(featureNamesOf(definition), samples, { ...DEFAULT_TRAINING_POLICY, l2 });
  const trainingMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (trained.status !== 'trained') throw new Error(trained.reason);

  const probabilities = evaluation.map(
    (lead) => predictConversion(trained.model, featureVectorOf(definition, lead.snapshot)).probability,
  );
  const labels = evaluation.map((lead) => lead.converted);
  const aucOf = (scores: number[]) => areaUnderRoc(scores, labels);
  const best = aucOf(evaluation.map((lead) => lead.propensity));
  const modelAuc = aucOf(probabilities);
  const ruleAuc = aucOf(evaluation.map((lead: HandedOffLead) => lead.ruleScore));
  const costs = perEventCosts(model, trained.model, definition, funnel.histories);

  console.log(`bench:predict — ${leads} simulated people, ${funnel.engagements} engagements, seed ${seed}`);
  console.log(
    `handed to sales: ${ordered.length} (${rate(ordered)} won); trained on the first ${training.length} ` +
      `(${rate(training)} won), ${trained.model.featureNames.length} features; evaluated on the next ${evaluation.length}`,
  );
  console.table({
    'best achievable (hidden propensity)': { AUC: round(best), 'of best': 1 },
    'conversion model': { AUC: round(modelAuc), 'of best': round(modelAuc / best) },
    'rule score (behaviour + fit)': { AUC: round(ruleAuc), 'of best': round(ruleAuc / best) },
  });
  console.log(
    `calibration on the later leads: expected calibration error ${round(expectedCalibrationError(calibrationTable(probabilities, labels)))}, ` +
      `log loss ${round(logLoss(probabilities, labels))}, Brier ${round(brierScore(probabilities, labels))}; ` +
      `the model's own validation: AUC ${round(trained.model.validation.auc)}, ECE ${round(trained.model.validation.calibrationError)}`,
  );
  console.log(`training: ${trainingMs.toFixed(1)} ms for ${samples.length} leads`);
  console.log(
    `per event: rule scoring ${costs.scoringMicros.toFixed(1)} µs, live prediction ${costs.predictionMicros.toFixed(1)} µs ` +
      `(${(costs.predictionMicros / costs.scoringMicros).toFixed(2)}× the rule scoring's domain work, ` +
      `over ${costs.events} events)`,
  );
}

function rate(leads: readonly HandedOffLead[]): string {
  const won = leads.filter((lead) => lead.converted === 1).length;
  return `${((100 * won) / leads.length).toFixed(1)}%`;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

main();
