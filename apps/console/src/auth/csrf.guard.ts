import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { SessionRequest } from './console-session';

export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchronizer token: every POST, PUT, PATCH and DELETE carries the `x-csrf-token` its (pre-)session holds
 * (`GET /api/session` hands it out). Sessions live server-side already, so the token sits beside them; a
 * double-submit cookie (csrf-csrf) is for servers that keep no state.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SessionRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    const expected = request.consoleSession?.csrfToken;
    if (expected === undefined)
      throw new ForbiddenException('no console session: GET /api/session first, then send its csrfToken');
    if (!tokensMatch(request.headers[CSRF_HEADER], expected))
      throw new ForbiddenException(`missing or wrong ${CSRF_HEADER} header: send the csrfToken GET /api/session gave`);
    return true;
  }
}

function tokensMatch(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const [a, b] = [Buffer.from(presented), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
