import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import { randomBytes } from 'node:crypto';
import { isProduction } from '@handoff/platform-config';
import { ConsoleConfig } from '../app/console.config';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { ConsoleAccessGuard } from './console-access.guard';
import { CsrfGuard } from './csrf.guard';
import { LOCAL_USERS, LocalSignInService, type LocalUsers } from './local-sign-in.service';
import { localUsersOf } from './local-users';
import { OIDC_CLIENT, type OidcClient } from './oidc-client';
import { OidcSignInService } from './oidc-sign-in.service';
import { openidOidcClient } from './openid-oidc-client';
import { hashPassword, parsePasswordHash } from './password-hash';
import { SessionController } from './session.controller';
import { SessionCookies } from './session-cookie';
import { SessionMiddleware } from './session.middleware';
import { SessionService } from './session.service';
import { SessionStore } from './session.store';
import { SignInThrottle } from './sign-in-throttle';

/**
 * Who may use the console: sessions in Redis behind a signed cookie, local and OIDC sign-in, and the two
 * global guards every route passes (a session and role for `/api`, a CSRF token for every change).
 */
@Module({
  imports: [AuditModule],
  controllers: [SessionController, AuthController],
  providers: [
    SessionStore,
    SessionCookies,
    SessionService,
    SignInThrottle,
    LocalSignInService,
    OidcSignInService,
    { provide: LOCAL_USERS, inject: [ConsoleConfig], useFactory: localUsersFromConfig },
    { provide: OIDC_CLIENT, inject: [ConsoleConfig], useFactory: oidcClientFromConfig },
    // Registration order is evaluation order: no session (401) or role (403) before a missing CSRF token.
    { provide: APP_GUARD, useClass: ConsoleAccessGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
})
export class AuthModule implements NestModule {
  constructor(private readonly config: ConsoleConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser(this.config.CONSOLE_SESSION_SECRET), SessionMiddleware).forRoutes('{*path}');
  }
}

async function localUsersFromConfig(config: ConsoleConfig): Promise<LocalUsers> {
  const users = await localUsersOf(config.CONSOLE_LOCAL_USERS, isProduction(config));
  if (users.length === 0 && !config.CONSOLE_OIDC_ISSUER)
    throw new Error('nobody could sign in: set CONSOLE_LOCAL_USERS or CONSOLE_OIDC_ISSUER (README "Operator console")');
  const decoy = parsePasswordHash(await hashPassword(randomBytes(24).toString('base64url')));
  if (typeof decoy === 'string') throw new Error(`decoy password hash ${decoy}`);
  return { users, decoy };
}

function oidcClientFromConfig(config: ConsoleConfig): OidcClient | null {
  const { CONSOLE_OIDC_ISSUER: issuer, CONSOLE_OIDC_CLIENT_ID: clientId, CONSOLE_OIDC_CLIENT_SECRET: secret } = config;
  if (!issuer || !clientId || !secret) return null;
  return openidOidcClient({ issuer, clientId, clientSecret: secret });
}
