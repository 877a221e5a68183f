import type { FieldIssue } from '../contract-violation.error';

/**
 * Limits every payload of every contract obeys, checked on the raw input before it is turned into a class
 * (so they also cover fields a lenient type drops). The deepest contract nests 5 levels (an inbound event's
 * profile traits holding a group holding a list); third-party formats such as Segment nest a few more.
 */
export const PAYLOAD_STRUCTURE_LIMITS = Object.freeze({
  /** Objects and arrays inside one another, the payload itself being level 1. */
  maxDepth: 16,
});

/** Keys that reach an object's prototype when assigned (`JSON.parse` makes `__proto__` an own key): rejected. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const NUL = '\u0000';
// With the u flag a paired surrogate reads as one code point, so only unpaired halves match.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a string (a value or a key) cannot be stored or forwarded as text, or undefined. */
export function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (U+D800-U+DFFF unpaired)';
  return undefined;
}

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

const childPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** A container's children in document order, or none for a scalar. */
function childrenOf(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.map((item, index) => [String(index), item]);
  return Object.entries(value);
}

function keyProblem(key: string, path: string, wholeName: string): FieldIssue | undefined {
  if (PROTOTYPE_KEYS.has(key)) {
    return {
      field: childPath(path, key),
      reasons: [`${key} is a reserved key (__proto__, constructor and prototype are rejected in every object)`],
    };
  }
  const problem = textProblem(key);
  // The key itself is not quoted: it may be anything the sender chose, personal data included.
  return problem ? { field: path || wholeName, reasons: [`keys of ${path || wholeName} ${problem}`] } : undefined;
}

/** An object's keys are checked before its values; an array's indexes need no check. */
function keysProblem(node: Pending, children: [string, unknown][], wholeName: string): FieldIssue | undefined {
  if (Array.isArray(node.value)) return undefined;
  for (const [key] of children) {
    const problem = keyProblem(key, node.path, wholeName);
    if (problem) return problem;
  }
  return undefined;
}

function nodeProblem({ value, path, depth }: Pending, wholeName: string): FieldIssue | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: path || wholeName, reasons: [`${path || wholeName} ${problem}`] } : undefined;
  }
  if (typeof value === 'object' && value !== null && depth > PAYLOAD_STRUCTURE_LIMITS.maxDepth) {
    return {
      field: path,
      reasons: [`${path} nests deeper than ${PAYLOAD_STRUCTURE_LIMITS.maxDepth} levels of objects and arrays`],
    };
  }
  return undefined;
}

/**
 * The first structural problem of a raw payload in document order (a string with NUL or a lone surrogate, in
 * a value or a key; a prototype key; nesting beyond `maxDepth`), named by its dotted path (`properties.note`,
 * `tags.0`) and never quoting the value. Iterative, so a payload nested thousands deep cannot overflow the stack.
 * `wholeName` names the payload itself (e.g. `(body)`), for a problem at its top.
 */
export function payloadStructureProblem(raw: unknown, wholeName: string, rootPath = ''): FieldIssue | undefined {
  const pending: Pending[] = [{ value: raw, path: rootPath, depth: 1 }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const problem = nodeProblem(node, wholeName);
    if (problem) return problem;
    const children = childrenOf(node.value);
    const keyIssue = keysProblem(node, children, wholeName);
    if (keyIssue) return keyIssue;
    // Pushed last-first, so they are popped in document order.
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const [key, value] = children[index];
      pending.push({ value, path: childPath(node.path, key), depth: node.depth + 1 });
    }
  }
  return undefined;
}
