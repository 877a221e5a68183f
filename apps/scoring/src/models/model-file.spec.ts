import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { validateScoringModel } from '@handoff/domain-scoring';
import { parse } from 'yaml';
import {
  DEFAULT_SCORING_MODEL_TOKEN,
  defaultModelFile,
  defaultScoringModelProvider,
  readModelFile,
} from './model-file';

describe('the shipped default model', () => {
  it('is apps/scoring/models/default-model.yaml, a valid model', () => {
    expect(defaultModelFile()).toBe(join(__dirname, '../../models/default-model.yaml'));
    const validation = validateScoringModel(parse(readFileSync(defaultModelFile(), 'utf8')));

    expect(validation.ok ? [] : validation.issues).toEqual([]);
    expect(validation.ok && validation.model).toMatchObject({ id: 'default', version: '1' });
  });

  it('is what the service provides at boot', async () => {
    const app = await Test.createTestingModule({ providers: [defaultScoringModelProvider()] }).compile();

    expect(app.get(DEFAULT_SCORING_MODEL_TOKEN)).toMatchObject({ id: 'default', version: '1' });
  });
});

describe('an unusable default model file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'scoring-model-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bootWith = (path: string) =>
    Test.createTestingModule({ providers: [defaultScoringModelProvider(path)] }).compile();

  it('fails the boot naming the file and every problem of an invalid model', async () => {
    const path = join(dir, 'default-model.yaml');
    const invalid = {
      ...(readModelFile(defaultModelFile()) as object),
      version: '',
      qualification: { minBehaviour: 60, minGrade: 'E' },
    };
    writeFileSync(path, JSON.stringify(invalid));

    const boot = bootWith(path);

    await expect(boot).rejects.toThrow(`cannot load the scoring model in ${path}: invalid scoring model:`);
    await expect(boot).rejects.toThrow('version: must not be empty');
    await expect(boot).rejects.toThrow('qualification.minGrade: must be one of A, B, C, D, got the string "E"');
  });

  it('fails the boot when the file is missing or not YAML', async () => {
    const missing = join(dir, 'missing.yaml');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: [unclosed');

    await expect(bootWith(missing)).rejects.toThrow(`cannot load the scoring model in ${missing}: ENOENT`);
    await expect(bootWith(broken)).rejects.toThrow(`cannot load the scoring model in ${broken}:`);
  });
});
