import { parse, stringify } from 'yaml';
import type { ScoringModelDocument } from '../../api/scoring';

/** A scoring model as the YAML an operator reads and edits. */
export function modelToYaml(model: ScoringModelDocument): string {
  return stringify(model);
}

/** Reads an edited model (YAML, or JSON, which is YAML too); throws with a readable message when it is not one. */
export function modelFromText(text: string): ScoringModelDocument {
  const parsed: unknown = parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('The model must be a YAML or JSON object');
  }
  const model = parsed as Record<string, unknown>;
  for (const field of ['id', 'version', 'name']) {
    if (typeof model[field] !== 'string' || !model[field]) throw new Error(`The model needs a ${field}`);
  }
  return model as ScoringModelDocument;
}
