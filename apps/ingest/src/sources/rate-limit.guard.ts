import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { IngestConfig } from '../app/ingest.config';
import { authenticatedSourceOf, type SourceRequest } from './authenticated-source';
import { RateLimiter } from './rate-limiter.service';

/**
 * Charges the authenticated source one token per event in the body; 429 with Retry-After when its
 * bucket is short. Must run after SourceAuthGuard: `@UseGuards(SourceAuthGuard, RateLimitGuard)`.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: IngestConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<SourceRequest>();
    const source = authenticatedSourceOf(request);
    const cost = Math.min(eventCountOf(request.body), this.config.INGEST_MAX_BATCH_EVENTS);
    const decision = await this.limiter.take(source.id, cost);
    if (decision.allowed) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `rate limit exceeded for this source: retry after ${decision.retryAfterSeconds} s`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Events in a request body: the length of a JSON array or of `{ batch: [...] }`, otherwise one.
 * Oversized batches are capped at INGEST_MAX_BATCH_EVENTS by the caller, since validation refuses them
 * anyway and they should not put the source deep into debt.
 */
export function eventCountOf(body: unknown): number {
  if (Array.isArray(body)) return Math.max(1, body.length);
  if (typeof body === 'object' && body !== null && 'batch' in body && Array.isArray(body.batch)) {
    return Math.max(1, body.batch.length);
  }
  return 1;
}
