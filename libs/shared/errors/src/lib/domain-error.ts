/** One failing field and every reason it failed, e.g. `{ field: 'lead.email', reasons: ['email must be an email'] }`. */
export interface FieldIssue {
  field: string;
  reasons: string[];
}

/**
 * What went wrong, in words that need no transport. The set is closed: each code is mapped once to an
 * HTTP status (platform-runtime's exception filter) and once to a consumer's poison or transient
 * (platform-kafka's error classification). Authentication and rate limits are not here: only HTTP
 * guards meet them.
 */
export type ErrorCode =
  /** The input breaks a rule; `details` names every failing field. */
  | 'invalid'
  /** What the input names does not exist. */
  | 'not-found'
  /** The input contradicts the current state (a version that exists, a revoked source). */
  | 'conflict'
  /** What the input names existed and was removed for good (erased personal data). */
  | 'gone'
  /** The input is larger than the service accepts. */
  | 'payload-too-large'
  /** A dependency failed; nothing was done and the same input may succeed later. */
  | 'unavailable';

export interface DomainErrorOptions {
  details?: FieldIssue[];
  cause?: unknown;
}

/**
 * The error services and domain code throw. Its message is safe to show the caller (no personal data);
 * `cause` is for the logs only.
 */
export class DomainError extends Error {
  readonly details?: FieldIssue[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    { details, cause }: DomainErrorOptions = {},
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DomainError';
    this.details = details;
  }
}
