import { FLAT_RECORD_LIMITS, type EventProperties, type PropertyScalar, type PropertyValue } from '@handoff/contracts';

const isScalar = (value: unknown): value is PropertyScalar =>
  value === null ||
  typeof value === 'boolean' ||
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value));

/** Keys that would reach an object's prototype if assigned. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const clip = (text: string): string => text.slice(0, FLAT_RECORD_LIMITS.maxStringLength);

function toScalar(value: unknown): PropertyScalar {
  if (typeof value === 'string') return clip(value);
  if (isScalar(value)) return value;
  return clip(JSON.stringify(value) ?? 'null');
}

function toValue(value: unknown): PropertyValue {
  if (Array.isArray(value)) return value.slice(0, FLAT_RECORD_LIMITS.maxArrayLength).map(toScalar);
  return toScalar(value);
}

/**
 * Segment properties may nest without limit (products, carts…). Handoff's events hold flat named values,
 * so nested objects become dotted keys (`address.city`), lists of objects become JSON text, long text is
 * clipped, and keys beyond the limit are dropped: nothing a marketing tool sends can fail validation here.
 */
export function flattenProperties(raw: Record<string, unknown> | undefined): EventProperties {
  const flat: EventProperties = {};
  // A stack, not recursion: the depth is bounded at the edge, but no input should reach the call stack.
  const pending: [path: string, value: unknown][] = [['', raw ?? {}]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (Object.keys(flat).length >= FLAT_RECORD_LIMITS.maxKeys) break;
    const [path, value] = next;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const entries = Object.entries(value).filter(([key]) => !UNSAFE_KEYS.has(key));
      // Reversed onto the stack so keys come out in the order they were sent.
      for (const [key, nested] of entries.reverse()) pending.push([path ? `${path}.${key}` : key, nested]);
    } else if (value !== undefined && path.length > 0 && path.length <= FLAT_RECORD_LIMITS.maxKeyLength) {
      flat[path] = toValue(value);
    }
  }
  return flat;
}
