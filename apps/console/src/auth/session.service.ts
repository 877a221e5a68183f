import { Injectable } from '@nestjs/common';
import type { ConsoleUser, SignInMethods } from '@handoff/console-api';
import { AuditLog } from '../audit/audit-log.service';
import type { ConsoleSession } from './console-session';
import { LocalSignInService } from './local-sign-in.service';
import { OidcSignInService } from './oidc-sign-in.service';
import { SessionStore } from './session.store';

/** Opens and ends sessions: a new id at every sign-in (no fixation), each sign-in and sign-out audited. */
@Injectable()
export class SessionService {
  constructor(
    private readonly store: SessionStore,
    private readonly auditLog: AuditLog,
    private readonly localSignIn: LocalSignInService,
    private readonly oidcSignIn: OidcSignInService,
  ) {}

  signInMethods(): SignInMethods {
    return { local: this.localSignIn.enabled, oidc: this.oidcSignIn.enabled };
  }

  /** The visitor's pre-session, or a new one (`created`: its cookie must be set). */
  async preSession(current: ConsoleSession | undefined): Promise<{ session: ConsoleSession; created: boolean }> {
    if (current?.kind === 'pre') return { session: current, created: false };
    return { session: await this.store.startPreSession(), created: true };
  }

  async signIn(
    user: ConsoleUser,
    method: 'local' | 'oidc',
    previous: ConsoleSession | undefined,
  ): Promise<ConsoleSession> {
    if (previous) await this.store.end(previous.id);
    const session = await this.store.startUserSession(user);
    await this.audit(user, 'session.sign-in', method);
    return session;
  }

  async signOut(session: ConsoleSession): Promise<void> {
    await this.store.end(session.id);
    if (session.kind === 'user') await this.audit(session.user, 'session.sign-out', 'console');
  }

  private audit(user: ConsoleUser, action: string, target: string): Promise<void> {
    return this.auditLog.recordQuietly({
      actorId: user.id,
      actorName: user.name,
      action,
      target,
      outcome: 'succeeded',
      detail: { roles: user.roles },
    });
  }
}
