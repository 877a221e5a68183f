import { ContractViolationError } from '@handoff/contracts';

/**
 * Thrown by a handler when a message can never be processed (it references something that cannot
 * exist, breaks a business invariant…). The message goes to the dead-letter topic instead of
 * blocking its partition; any other error is treated as transient and retried in place.
 */
export class PoisonMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonMessageError';
  }
}

export type ErrorKind = 'poison' | 'transient';

/** Poison errors fail the same way on every attempt; everything else may succeed later. */
export function classifyError(error: unknown): ErrorKind {
  return error instanceof PoisonMessageError || error instanceof ContractViolationError ? 'poison' : 'transient';
}

export function errorClassOf(error: unknown): string {
  if (error instanceof Error) return error.name || error.constructor.name;
  return typeof error;
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
