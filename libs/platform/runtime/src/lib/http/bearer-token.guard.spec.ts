import { type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { PlatformConfig } from '@handoff/platform-config';
import { BearerTokenGuard, resolveScopes, type TokenSettings } from './bearer-token.guard';
import { AdminOnly, RequireToken } from './require-token.decorator';

const ADMIN = 'admin-token-0123456789';
const READ = 'read-token-0123456789';

class Routes {
  @AdminOnly()
  operate(): void {
    return undefined;
  }

  @RequireToken('read', 'admin')
  readLead(): void {
    return undefined;
  }

  @RequireToken('contact')
  readContact(): void {
    return undefined;
  }

  @RequireToken('unheard-of')
  misconfigured(): void {
    return undefined;
  }

  unguarded(): void {
    return undefined;
  }
}

interface TestConfig extends PlatformConfig {
  ADMIN_TOKEN?: string;
  READ_TOKEN?: string;
  CONTACT_TOKEN?: string;
}

const SETTINGS: TokenSettings<TestConfig> = {
  admin: (c) => c.ADMIN_TOKEN,
  read: (c) => c.READ_TOKEN,
  contact: (c) => c.CONTACT_TOKEN,
};

function guardWith(settings: Partial<TestConfig>): BearerTokenGuard {
  const config = Object.assign(new PlatformConfig(), settings) as TestConfig;
  return new BearerTokenGuard(resolveScopes(config, SETTINGS), new Reflector());
}

function contextFor(route: keyof Routes, authorization?: string): ExecutionContext {
  const headers = authorization === undefined ? {} : { authorization };
  return {
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ headers }) }),
  } as unknown as ExecutionContext;
}

function admits(guard: BearerTokenGuard, route: keyof Routes, authorization?: string): boolean {
  try {
    return guard.canActivate(contextFor(route, authorization));
  } catch (error) {
    if (error instanceof UnauthorizedException) return false;
    throw error;
  }
}

describe('BearerTokenGuard', () => {
  const configured = guardWith({ ADMIN_TOKEN: ADMIN, READ_TOKEN: READ, CONTACT_TOKEN: 'contact-token-0123456789' });

  it('admits an admin route only with the admin token', () => {
    expect(admits(configured, 'operate', `Bearer ${ADMIN}`)).toBe(true);
    expect(admits(configured, 'operate', `Bearer ${READ}`)).toBe(false);
    expect(admits(configured, 'operate')).toBe(false);
  });

  it('admits a route requiring read or admin with either token and nothing else', () => {
    expect(admits(configured, 'readLead', `Bearer ${READ}`)).toBe(true);
    expect(admits(configured, 'readLead', `bearer   ${ADMIN} `)).toBe(true);
    expect(admits(configured, 'readLead', `Bearer ${READ}x`)).toBe(false);
    expect(admits(configured, 'readLead', `Basic ${Buffer.from(`${READ}:`).toString('base64')}`)).toBe(false);
  });

  it('keeps a service-added scope to its own token: the admin token does not open it', () => {
    expect(admits(configured, 'readContact', 'Bearer contact-token-0123456789')).toBe(true);
    expect(admits(configured, 'readContact', `Bearer ${ADMIN}`)).toBe(false);
  });

  it('answers 401 naming the scope and never the expected token', () => {
    expect(() => configured.canActivate(contextFor('readLead'))).toThrow('missing read or admin token');
    expect(() => configured.canActivate(contextFor('readLead', 'Bearer wrong'))).toThrow(
      new UnauthorizedException('invalid read or admin token'),
    );
  });

  it('opens a scope whose token is unset outside production, whatever the request carries', () => {
    const local = guardWith({ ADMIN_TOKEN: ADMIN });

    expect(admits(local, 'readLead')).toBe(true);
    expect(admits(local, 'readLead', 'Bearer anything')).toBe(true);
    expect(admits(local, 'operate')).toBe(false);
  });

  it('admits nobody to a scope whose token is unset in production', () => {
    const production = guardWith({ NODE_ENV: 'production', ADMIN_TOKEN: ADMIN });

    expect(admits(production, 'readContact')).toBe(false);
    expect(admits(production, 'readContact', 'Bearer ')).toBe(false);
    expect(admits(production, 'readLead', `Bearer ${ADMIN}`)).toBe(true);
  });

  it('treats an empty token as unset', () => {
    expect(admits(guardWith({ READ_TOKEN: '' }), 'readLead')).toBe(true);
  });

  it('admits nobody to a scope the service never configured', () => {
    expect(admits(configured, 'misconfigured', `Bearer ${ADMIN}`)).toBe(false);
  });

  it('lets routes without RequireToken through', () => {
    expect(admits(configured, 'unguarded')).toBe(true);
  });
});

describe('RequireToken', () => {
  it('documents one bearer scheme per accepted scope and the 401', () => {
    const handler = Routes.prototype.readLead;

    expect(Reflect.getMetadata(DECORATORS.API_SECURITY, handler)).toEqual([{ read: [] }, { admin: [] }]);
    expect(Reflect.getMetadata(DECORATORS.API_RESPONSE, handler)).toHaveProperty('401');
  });
});
