/**
 * The members of a string union as a list, for OpenAPI enums of union types the domain exports without a
 * list. Taking a record keyed by the union makes the type-checker fail when a member is added or removed.
 */
export function everyValue<T extends string>(members: Record<T, true>): T[] {
  return Object.keys(members) as T[];
}
