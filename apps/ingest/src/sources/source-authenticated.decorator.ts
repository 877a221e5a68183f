import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiErrorResponses, RETRY_AFTER_HEADER } from '@handoff/platform-runtime';
import { RateLimitGuard } from './rate-limit.guard';
import { SourceAuthGuard } from './source-auth.guard';

/**
 * Guards an ingestion endpoint with SourceAuthGuard then RateLimitGuard, and documents what they answer.
 * The controller names its auth schemes itself: the Segment API takes only Basic auth.
 */
export function SourceAuthenticated(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(SourceAuthGuard, RateLimitGuard),
    ApiErrorResponses({
      401: 'Missing or unknown write key, or a bad or stale request signature (X-Handoff-Signature)',
      403: 'The write key belongs to a revoked source',
      429: {
        description: 'The source spent its rate limit (one token per event); nothing was accepted',
        headers: RETRY_AFTER_HEADER,
      },
    }),
  );
}
