import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { httpContext, userSession } from '../testing/http-context';
import { ConsoleAccessGuard } from './console-access.guard';
import { RequireRole } from './require-role.decorator';
import { SignedOutAllowed } from './signed-out-allowed.decorator';

class Routes {
  read(): string {
    return 'read';
  }

  @RequireRole('admin')
  change(): string {
    return 'changed';
  }

  @SignedOutAllowed()
  session(): string {
    return 'session';
  }
}

const guard = new ConsoleAccessGuard(new Reflector());
const check = (path: string, route: keyof Routes, role?: 'admin' | 'viewer') =>
  guard.canActivate(httpContext({ path, consoleSession: role && userSession(role) }, Routes, Routes.prototype[route]));

describe('who may use a route', () => {
  it('leaves routes outside /api public', () => {
    expect(check('/auth/local', 'change')).toBe(true);
    expect(check('/health/ready', 'read')).toBe(true);
    expect(check('/apiary', 'read')).toBe(true);
  });

  it('answers 401 to /api without a signed-in session', () => {
    expect(() => check('/api/pipeline', 'read')).toThrow(UnauthorizedException);
  });

  it('lets a route that answers signed-out callers itself through', () => {
    expect(check('/api/session', 'session')).toBe(true);
  });

  it('lets a viewer read', () => {
    expect(check('/api/pipeline', 'read', 'viewer')).toBe(true);
  });

  it('answers a viewer 403 on an admin route, naming the role it needs', () => {
    expect(() => check('/api/models/3/activate', 'change', 'viewer')).toThrow(ForbiddenException);
    expect(() => check('/api/models/3/activate', 'change', 'viewer')).toThrow(
      'this needs the admin role; you are signed in as viewer',
    );
  });

  it('lets an admin change', () => {
    expect(check('/api/models/3/activate', 'change', 'admin')).toBe(true);
  });
});
