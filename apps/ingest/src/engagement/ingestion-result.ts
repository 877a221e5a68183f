import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { FieldIssue } from '@handoff/contracts';
import type { EventOutcome } from './incoming-engagement';

export type EventResult =
  | ({ index: number } & EventOutcome)
  | { index: number; status: 'rejected'; statusCode: number; errors: FieldIssue[] };

export interface BatchResponseBody {
  accepted: number;
  duplicates: number;
  rejected: number;
  retry: number;
  results: EventResult[];
}

/**
 * The status of a batch answer. 200 when every event was recorded (or already had been), 207 when some
 * were rejected and the rest recorded, 400 when none was valid, 503 when some are still being recorded
 * by a concurrent request: the client retries the batch and the recorded ones come back as duplicates.
 */
export function batchStatusOf(body: BatchResponseBody): number {
  if (body.retry > 0) return HttpStatus.SERVICE_UNAVAILABLE;
  if (body.rejected === 0) return HttpStatus.OK;
  return body.rejected === body.results.length ? HttpStatus.BAD_REQUEST : HttpStatus.MULTI_STATUS;
}

export function summarise(results: EventResult[]): BatchResponseBody {
  const count = (status: EventResult['status']) => results.filter((result) => result.status === status).length;
  return {
    accepted: count('accepted') + count('linked'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    retry: count('in_flight'),
    results,
  };
}

/** Sets the batch status (and Retry-After when part of it must be retried) and returns the body. */
export function respondWith(response: Response, body: BatchResponseBody): BatchResponseBody {
  response.status(batchStatusOf(body));
  if (body.retry > 0) response.setHeader('Retry-After', '1');
  return body;
}
