import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConsoleUser } from '@handoff/console-api';
import { DomainError } from '@handoff/shared-errors';
import { ConsoleConfig } from '../app/console.config';
import { AuditLog } from '../audit/audit-log.service';
import type { ConsoleSession } from './console-session';
import { OIDC_CLIENT, type OidcClient } from './oidc-client';
import { oidcUserOf } from './oidc-user';
import { SessionStore } from './session.store';

export type OidcSignInOutcome = { kind: 'signed-in'; user: ConsoleUser } | { kind: 'rejected'; reason: string };

/** Sign-in through the identity provider (CONSOLE_OIDC_*): the attempt waits in the pre-session. */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);

  constructor(
    @Inject(OIDC_CLIENT) private readonly client: OidcClient | null,
    private readonly config: ConsoleConfig,
    private readonly store: SessionStore,
    private readonly auditLog: AuditLog,
  ) {}

  get enabled(): boolean {
    return this.client !== null;
  }

  /** Where to send the browser; the PKCE verifier, state and nonce stay in the pre-session. */
  async start(preSession: ConsoleSession): Promise<string> {
    const client = this.requireClient();
    const { url, attempt } = await this.reachProvider(() => client.startAuthorization(this.redirectUri()));
    if (!(await this.store.attachOidcAttempt(preSession, attempt)))
      throw new DomainError('conflict', 'the sign-in page expired: start again');
    return url;
  }

  async finish(callbackUrl: URL, session: ConsoleSession | undefined): Promise<OidcSignInOutcome> {
    const client = this.requireClient();
    const attempt = session?.kind === 'pre' ? session.oidc : undefined;
    if (!session || !attempt) return this.reject('no sign-in under way in this browser (or it expired)');
    // One callback per attempt: a tampered or replayed answer leaves nothing to try again with.
    await this.store.end(session.id);
    try {
      const claims = await client.finishAuthorization(callbackUrl, attempt);
      const user = oidcUserOf(await client.issuer(), claims, {
        rolesClaim: this.config.CONSOLE_OIDC_ROLES_CLAIM,
        adminValue: this.config.CONSOLE_OIDC_ADMIN_VALUE,
      });
      return { kind: 'signed-in', user };
    } catch (error) {
      this.logger.warn({
        msg: 'OIDC callback rejected',
        error: error instanceof Error ? error.message : String(error),
      });
      return this.reject('the identity provider’s answer did not check out');
    }
  }

  private async reject(reason: string): Promise<OidcSignInOutcome> {
    await this.auditLog.recordQuietly({
      actorId: 'anonymous',
      actorName: 'anonymous',
      action: 'session.sign-in',
      target: 'oidc',
      outcome: 'failed',
      detail: { method: 'oidc', reason },
    });
    return { kind: 'rejected', reason };
  }

  private redirectUri(): string {
    return `${this.config.CONSOLE_PUBLIC_URL}/auth/oidc/callback`;
  }

  private requireClient(): OidcClient {
    if (!this.client) throw new DomainError('not-found', 'OIDC sign-in is off here (CONSOLE_OIDC_ISSUER is unset)');
    return this.client;
  }

  private async reachProvider<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (cause) {
      throw new DomainError('unavailable', 'the identity provider did not answer', { cause });
    }
  }
}
