import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ConsoleRole } from '@handoff/console-api';
import { type SessionRequest, signedInUserOf } from './console-session';
import { REQUIRED_ROLE } from './require-role.decorator';
import { SIGNED_OUT_ALLOWED } from './signed-out-allowed.decorator';

/**
 * Every `/api` route needs a signed-in operator (401), and a route with `@RequireRole` that role (403).
 * `/auth`, `/health`, `/metrics` and the web app's files are public.
 */
@Injectable()
export class ConsoleAccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SessionRequest>();
    if (!isApiPath(request.path)) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_OUT_ALLOWED, targets)) return true;
    const user = signedInUserOf(request);
    if (!user) throw new UnauthorizedException('sign in first: this needs a console session');
    const required = this.reflector.getAllAndOverride<ConsoleRole | undefined>(REQUIRED_ROLE, targets);
    if (required && !hasRole(user.roles, required))
      throw new ForbiddenException(`this needs the ${required} role; you are signed in as ${user.roles.join(', ')}`);
    return true;
  }
}

/** Every signed-in operator is at least a viewer. */
function hasRole(roles: readonly ConsoleRole[], required: ConsoleRole): boolean {
  return required === 'viewer' || roles.includes(required);
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
