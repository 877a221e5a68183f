import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrorResponses } from './api-error.response';
import { BearerTokenGuard, REQUIRED_TOKEN_SCOPES } from './bearer-token.guard';

/**
 * Guards a route with the bearer token of a named scope (or of any of several: `@RequireToken('read', 'admin')`)
 * and documents it: one OpenAPI bearer scheme per scope, named after it, and the 401.
 */
export function RequireToken(scope: string, ...alsoAccepted: string[]): MethodDecorator & ClassDecorator {
  const scopes = [scope, ...alsoAccepted];
  return applyDecorators(
    SetMetadata(REQUIRED_TOKEN_SCOPES, scopes),
    UseGuards(BearerTokenGuard),
    ...scopes.map((name) => ApiBearerAuth(name)),
    ApiErrorResponses({ 401: `Missing or wrong ${scopes.join(' or ')} token (Authorization: Bearer <token>)` }),
  );
}

/** An operator endpoint: the `admin` scope's token (INGEST_ADMIN_TOKEN, SCORING_ADMIN_TOKEN). */
export function AdminOnly(): MethodDecorator & ClassDecorator {
  return RequireToken('admin');
}
