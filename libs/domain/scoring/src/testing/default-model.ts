import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseScoringModel } from '../lib/model/parse-scoring-model';
import type { ScoringModel } from '../lib/model/scoring-model.types';

/**
 * The default model the scoring service ships, read from its one definition (apps/scoring/models/default-model.yaml,
 * an input of this project's tests): a realistic model to score with.
 */
export const DEFAULT_SCORING_MODEL: ScoringModel = parseScoringModel(
  parse(readFileSync(join(__dirname, '../../../../../apps/scoring/models/default-model.yaml'), 'utf8')),
);
