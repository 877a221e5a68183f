import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The source a request was authenticated as; set by SourceAuthGuard. */
export interface AuthenticatedSource {
  id: string;
  name: string;
  requireSignature: boolean;
  /** Decrypted request-signing secret, when the source has one. Never log it. */
  signingSecret?: string;
  /** The secret a rotation replaced, accepted until `validUntil` (epoch ms). Never log it. */
  previousSigningSecret?: { secret: string; validUntil: number };
}

/** The secrets a signature may be made with at `nowMs`: the current one, and the previous one within its grace period. */
export function signingSecretsOf(source: AuthenticatedSource, nowMs: number): string[] {
  const previous = source.previousSigningSecret;
  return [
    ...(source.signingSecret ? [source.signingSecret] : []),
    ...(previous && previous.validUntil > nowMs ? [previous.secret] : []),
  ];
}

/** An Express request as the sources guards see it (`rawBody` needs `NestFactory.create(..., { rawBody: true })`). */
export interface SourceRequest extends Request {
  source?: AuthenticatedSource;
  rawBody?: Buffer;
}

/** The request's authenticated source; the handler must be guarded by SourceAuthGuard. */
export const CurrentSource = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedSource => {
  return authenticatedSourceOf(context.switchToHttp().getRequest<SourceRequest>());
});

export function authenticatedSourceOf(request: SourceRequest): AuthenticatedSource {
  if (!request.source) throw new Error('No authenticated source on the request: guard the route with SourceAuthGuard');
  return request.source;
}
