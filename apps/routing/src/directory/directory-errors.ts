import type { FieldIssue } from '@handoff/contracts';
import { DomainError } from '@handoff/shared-errors';

/** A directory record kind as messages name it. */
export type RecordKind = 'rep' | 'team' | 'pool' | 'territory' | 'account';

export function notFound(kind: RecordKind, id: string): DomainError {
  return new DomainError('not-found', `no ${kind} has the id ${JSON.stringify(id)}`);
}

export function invalid(kind: RecordKind, issues: FieldIssue[]): DomainError {
  return new DomainError('invalid', `the ${kind} is invalid`, { details: issues });
}

/** The issue of a field naming ids no `kind` has, if it names any. */
export function unknownIdsIssue(
  field: string,
  kind: RecordKind,
  ids: readonly string[],
  existing: ReadonlySet<string>,
): FieldIssue[] {
  const unknown = ids.filter((id) => !existing.has(id));
  if (unknown.length === 0) return [];
  return [{ field, reasons: [`no ${kind} has the id ${unknown.map((id) => JSON.stringify(id)).join(', ')}`] }];
}

/** A body's optional `id` must be the one in the path (so a GET answer can be PUT back as it is). */
export function pathIdIssue(pathId: string, bodyId: string | undefined): FieldIssue[] {
  return bodyId === undefined || bodyId === pathId
    ? []
    : [{ field: 'id', reasons: ['id must equal the id in the path'] }];
}

/** The record, or a 404 naming what was looked for. */
export function found<T>(record: T | undefined, kind: RecordKind, id: string): T {
  if (record === undefined) throw notFound(kind, id);
  return record;
}
