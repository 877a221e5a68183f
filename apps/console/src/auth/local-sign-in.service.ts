import { Inject, Injectable } from '@nestjs/common';
import type { ConsoleUser, LocalSignIn } from '@handoff/console-api';
import { DomainError } from '@handoff/shared-errors';
import { AuditLog } from '../audit/audit-log.service';
import type { LocalUser } from './local-users';
import { type PasswordHash, verifyPassword } from './password-hash';
import { SignInThrottle } from './sign-in-throttle';

/** Injection token of the local users read at boot, and of the decoy hash unknown names are checked against. */
export const LOCAL_USERS = Symbol('LOCAL_USERS');

export interface LocalUsers {
  users: LocalUser[];
  /** A hash of a random password, so an unknown name costs the same scrypt work as a wrong password. */
  decoy: PasswordHash;
}

export type LocalSignInOutcome =
  | { kind: 'signed-in'; user: ConsoleUser }
  | { kind: 'rejected' }
  | { kind: 'throttled' };

/** Checks a user name and password against CONSOLE_LOCAL_USERS; failures are throttled and audited. */
@Injectable()
export class LocalSignInService {
  constructor(
    @Inject(LOCAL_USERS) private readonly local: LocalUsers,
    private readonly throttle: SignInThrottle,
    private readonly auditLog: AuditLog,
  ) {}

  get enabled(): boolean {
    return this.local.users.length > 0;
  }

  async signIn({ username, password }: LocalSignIn, clientIp: string): Promise<LocalSignInOutcome> {
    if (!this.enabled)
      throw new DomainError('not-found', 'local sign-in is off here: sign in with the identity provider');
    if (await this.throttle.isBlocked(username, clientIp)) {
      await this.auditFailure(username, 'too many failed sign-ins');
      return { kind: 'throttled' };
    }
    const user = this.local.users.find((candidate) => candidate.name === username);
    const matches = await verifyPassword(password, user?.hash ?? this.local.decoy);
    if (!user || !matches) {
      await this.throttle.recordFailure(username, clientIp);
      await this.auditFailure(username, 'wrong user name or password');
      return { kind: 'rejected' };
    }
    await this.throttle.clear(username, clientIp);
    return { kind: 'signed-in', user: { id: `local:${user.name}`, name: user.name, roles: [user.role] } };
  }

  private auditFailure(username: string, reason: string): Promise<void> {
    return this.auditLog.recordQuietly({
      actorId: `local:${username}`,
      actorName: username,
      action: 'session.sign-in',
      target: 'local',
      outcome: 'failed',
      detail: { method: 'local', reason },
    });
  }
}
