import { GRADES } from '@handoff/shared-vocabulary';
import { parseBehaviour } from './behaviour.parser';
import { parseFit } from './fit.parser';
import {
  fieldPath,
  IssueList,
  checkUniqueIds,
  readEnum,
  readNumber,
  readObject,
  readString,
  type JsonObject,
} from './json-reader';
import type { DecayThresholds, QualificationRule, ScoringModel } from './scoring-model.types';

const MODEL_FIELDS = ['id', 'version', 'name', 'behaviour', 'fit', 'qualification', 'decayThresholds'];

/** Thrown by `parseScoringModel`; `issues` lists every problem as `path: reason`. */
export class ScoringModelValidationError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid scoring model:\n  ${issues.join('\n  ')}`);
    this.name = 'ScoringModelValidationError';
  }
}

export type ScoringModelValidation = { ok: true; model: ScoringModel } | { ok: false; issues: readonly string[] };

/** Validates without throwing, for an HTTP layer that answers 400 with the issues. */
export function validateScoringModel(json: unknown): ScoringModelValidation {
  const issues = new IssueList();
  const model = readModel(json, issues);
  return model && issues.all.length === 0 ? { ok: true, model } : { ok: false, issues: issues.all };
}

/** The model as a fresh object holding only known fields; throws `ScoringModelValidationError` otherwise. */
export function parseScoringModel(json: unknown): ScoringModel {
  const result = validateScoringModel(json);
  if (!result.ok) throw new ScoringModelValidationError(result.issues);
  return result.model;
}

function readModel(json: unknown, issues: IssueList): ScoringModel | undefined {
  const node = readObject(json, '', issues, MODEL_FIELDS);
  if (!node) return undefined;
  const id = readString(node, 'id', '', issues, { maxLength: 128, identifier: true });
  const version = readString(node, 'version', '', issues, { maxLength: 128, identifier: true });
  const name = readString(node, 'name', '', issues, { maxLength: 200 });
  const behaviour = parseBehaviour(node.behaviour, 'behaviour', issues);
  const fit = parseFit(node.fit, 'fit', issues);
  const qualification = parseQualification(node.qualification, issues);
  const decayThresholds = parseDecayThresholds(node, qualification, issues);
  if (!behaviour || !fit || !qualification) return undefined;
  checkUniqueIds(
    [
      ...behaviour.rules.map((rule, index) => ({ id: rule.id, path: `behaviour.rules[${index}].id` })),
      ...fit.rules.map((rule, index) => ({ id: rule.id, path: `fit.rules[${index}].id` })),
    ],
    issues,
  );
  checkUniqueIds(
    behaviour.groups.map((group, index) => ({ id: group.id, path: `behaviour.groups[${index}].id` })),
    issues,
  );
  return {
    id,
    version,
    name,
    behaviour,
    fit,
    qualification,
    ...(decayThresholds ? { decayThresholds } : {}),
  };
}

function parseQualification(value: unknown, issues: IssueList): QualificationRule | undefined {
  const node = readObject(value, 'qualification', issues, ['minBehaviour', 'minGrade']);
  if (!node) return undefined;
  return {
    minBehaviour: readNumber(node, 'minBehaviour', 'qualification', issues, 'finite'),
    minGrade: readEnum(node, 'minGrade', 'qualification', issues, GRADES) ?? 'D',
  };
}

/** `coldBelow` must sit under the qualification bar, or a lead would qualify and go cold on the same score. */
function parseDecayThresholds(
  node: JsonObject,
  qualification: QualificationRule | undefined,
  issues: IssueList,
): DecayThresholds | undefined {
  if (node.decayThresholds === undefined) return undefined;
  const thresholds = readObject(node.decayThresholds, 'decayThresholds', issues, ['coldBelow']);
  if (!thresholds) return undefined;
  const coldBelow = readNumber(thresholds, 'coldBelow', 'decayThresholds', issues, 'finite');
  if (qualification && coldBelow >= qualification.minBehaviour) {
    issues.add(
      fieldPath('decayThresholds', 'coldBelow'),
      `must be lower than qualification.minBehaviour (${qualification.minBehaviour}), got ${coldBelow}`,
    );
  }
  return { coldBelow };
}
