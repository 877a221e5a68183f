import type { FieldIssue } from '@handoff/contracts';

/**
 * The one error body every Handoff HTTP API answers with: the status, its name, a readable message and,
 * for bad input, every failing field with every reason.
 */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldIssue[];
}
