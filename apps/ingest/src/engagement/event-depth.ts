import { BODY_FIELD, type FieldIssue } from '@handoff/contracts';

/**
 * How deep an event may nest (objects and arrays, the event itself being level 1). Segment properties and
 * traits nest (carts, addresses), but nothing a marketing tool sends comes near this; deeper bodies are
 * refused before anything walks them recursively (size measurement, validation, flattening).
 */
export const MAX_EVENT_DEPTH = 32;

/** The first field nested past MAX_EVENT_DEPTH, found without recursion so no depth can overflow the stack. */
export function depthIssue(raw: unknown): FieldIssue | undefined {
  const pending: { value: unknown; depth: number; field: string }[] = [{ value: raw, depth: 1, field: BODY_FIELD }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth, field } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_EVENT_DEPTH) {
      return { field, reasons: [`${field} nests deeper than ${MAX_EVENT_DEPTH} levels, the limit`] };
    }
    for (const [key, nested] of Object.entries(value)) {
      pending.push({ value: nested, depth: depth + 1, field: depth === 1 ? key : field });
    }
  }
  return undefined;
}
