import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactoryProvider } from '@nestjs/common';
import { parseScoringModel, type ScoringModel } from '@handoff/domain-scoring';
import { parse as parseYaml } from 'yaml';

const DEFAULT_MODEL_FILE_NAME = 'default-model.yaml';

/** Injection token of the shipped default model, read and validated once at boot. */
export const DEFAULT_SCORING_MODEL_TOKEN = Symbol('DEFAULT_SCORING_MODEL_TOKEN');

/** A model file is YAML when its name says so, JSON otherwise; the content is not validated here. */
export function readModelFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
}

/**
 * apps/scoring/models/default-model.yaml, the one definition of the default model. The built app carries it
 * beside main.js (webpack copies it to `models/`, so the image has it); code run from source (tests, the backtest
 * CLI) reads it in place.
 */
export function defaultModelFile(): string {
  const built = join(__dirname, 'models', DEFAULT_MODEL_FILE_NAME);
  return existsSync(built) ? built : join(__dirname, '../../models', DEFAULT_MODEL_FILE_NAME);
}

/** Reads and validates a model file; any problem (missing file, bad YAML, invalid model) names the file. */
export function loadScoringModelFile(path: string): ScoringModel {
  try {
    return parseScoringModel(readModelFile(path));
  } catch (error) {
    throw new Error(`cannot load the scoring model in ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Provides the default model; an unusable file fails the boot with the loader's message. */
export function defaultScoringModelProvider(path = defaultModelFile()): FactoryProvider<ScoringModel> {
  return { provide: DEFAULT_SCORING_MODEL_TOKEN, useFactory: () => loadScoringModelFile(path) };
}
