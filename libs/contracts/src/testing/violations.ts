import { ContractViolationError } from '../lib/contract-violation.error';

/** Marks a field to delete in `withField`. */
export const REMOVE = Symbol('remove');

/** A deep copy of `base` with the field at a dotted path (`identity.email`, `topFactors.0.points`) set or removed. */
export function withField(base: object, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, copy);
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return copy;
}

export function violationOf(action: () => unknown): ContractViolationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ContractViolationError) return error;
    throw error;
  }
  throw new Error('expected a ContractViolationError, but the payload was accepted');
}

/** Asserts the action is rejected with an issue on `field` whose reasons include one matching `reason`. */
export function expectIssue(action: () => unknown, field: string, reason: RegExp): ContractViolationError {
  const violation = violationOf(action);
  expect(violation.issues).toContainEqual({
    field,
    reasons: expect.arrayContaining([expect.stringMatching(reason)]),
  });
  return violation;
}
