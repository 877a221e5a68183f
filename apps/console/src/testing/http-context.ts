import type { ExecutionContext } from '@nestjs/common';
import type { ConsoleRole } from '@handoff/console-api';
import type { ConsoleSession, SessionRequest } from '../auth/console-session';

/** The ExecutionContext a guard sees for `request` routed to `handler` of `controller`. */
export function httpContext(
  request: Partial<SessionRequest>,
  controller: new () => object = class {},
  handler: (...args: never[]) => unknown = () => undefined,
): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => handler,
    getClass: () => controller,
  } as unknown as ExecutionContext;
}

export function userSession(role: ConsoleRole, csrfToken = 'csrf-token-of-the-session'): ConsoleSession {
  return {
    id: 'session-id',
    kind: 'user',
    csrfToken,
    user: { id: `local:${role}`, name: role, roles: [role] },
    signedInAt: '2026-01-01T00:00:00.000Z',
  };
}
