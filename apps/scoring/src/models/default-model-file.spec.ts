import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCORING_MODEL, validateScoringModel } from '@handoff/domain-scoring';
import { parse } from 'yaml';

const DEFAULT_MODEL_FILE = join(__dirname, '../../models/default-model.yaml');

describe('the shipped default-model.yaml', () => {
  it('is a valid model identical to the default model the service activates', () => {
    const validation = validateScoringModel(parse(readFileSync(DEFAULT_MODEL_FILE, 'utf8')));

    expect(validation.ok ? validation.model : validation.issues).toEqual(DEFAULT_SCORING_MODEL);
  });
});
