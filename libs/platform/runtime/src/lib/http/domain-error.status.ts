import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@handoff/shared-errors';

/** The one place a domain error code becomes an HTTP status (Kafka consumers classify the same codes). */
const STATUS_OF_CODE: Record<ErrorCode, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  'payload-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  // The client retries a 503 (the filter says when); nothing of the request was accepted.
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

export function httpStatusOf(code: ErrorCode): HttpStatus {
  return STATUS_OF_CODE[code];
}
