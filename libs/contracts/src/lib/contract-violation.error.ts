import { DomainError, type FieldIssue } from '@handoff/shared-errors';
import type { ValidationError } from 'class-validator';

export type { FieldIssue } from '@handoff/shared-errors';

/** Thrown when a payload does not satisfy its contract. Never retried: the same bytes fail the same way. */
export class ContractViolationError extends DomainError {
  constructor(
    readonly subject: string,
    readonly issues: FieldIssue[],
  ) {
    super(
      'invalid',
      `${subject} violates its contract: ${issues.map((i) => `${i.field}: ${i.reasons.join('; ')}`).join(' | ')}`,
      { details: issues },
    );
    this.name = 'ContractViolationError';
  }
}

/** Flattens class-validator's nested error tree into dotted field paths. */
export function toFieldIssues(errors: ValidationError[], parentPath = ''): FieldIssue[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldIssues(error.children ?? [], field)];
  });
}
