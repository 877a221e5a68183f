import type { Condition, Scalar } from './scoring-model.types';

const compiledPatterns = new Map<string, RegExp>();

/** Patterns are compiled once per process; models are few and rules are evaluated on every event. */
export function compilePattern(pattern: string): RegExp {
  let regex = compiledPatterns.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'i');
    compiledPatterns.set(pattern, regex);
  }
  return regex;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a dotted path through plain objects; own properties only, so `constructor` never resolves. */
export function resolvePath(root: unknown, path: string): unknown {
  let current = root;
  for (const segment of path.split('.')) {
    if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

export function matchesCondition(value: unknown, condition: Condition): boolean {
  if (condition.op === 'exists') return value !== undefined && value !== null;
  const candidates = Array.isArray(value) ? value : [value];
  return candidates.some((candidate) => matchesOne(candidate, condition));
}

function matchesOne(value: unknown, condition: Exclude<Condition, { op: 'exists' }>): boolean {
  switch (condition.op) {
    case 'equals':
      return sameScalar(value, condition.value);
    case 'in':
      return condition.values.some((allowed) => sameScalar(value, allowed));
    case 'range':
      return (
        typeof value === 'number' &&
        (condition.min === undefined || value >= condition.min) &&
        (condition.max === undefined || value <= condition.max)
      );
    case 'matches':
      return typeof value === 'string' && compilePattern(condition.pattern).test(value);
  }
}

function sameScalar(value: unknown, expected: Scalar): boolean {
  if (typeof value === 'string' && typeof expected === 'string') return value.toLowerCase() === expected.toLowerCase();
  return value === expected;
}
