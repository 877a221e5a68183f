import type { OidcAttempt } from './console-session';

/** Where the browser goes to sign in, and what the callback must check its answer against. */
export interface OidcAuthorization {
  url: string;
  attempt: OidcAttempt;
}

/** The identity provider, as the console uses it (openid-client behind it: openid-oidc-client.ts). */
export interface OidcClient {
  /** The issuer the provider's discovery document names (part of every OIDC user id). */
  issuer(): Promise<string>;
  startAuthorization(redirectUri: string): Promise<OidcAuthorization>;
  /** Exchanges the code (PKCE), checks state, nonce and the ID token; answers its claims. */
  finishAuthorization(callbackUrl: URL, attempt: OidcAttempt): Promise<Record<string, unknown>>;
}

/** Injection token of the OidcClient; null when CONSOLE_OIDC_ISSUER is unset. */
export const OIDC_CLIENT = Symbol('OIDC_CLIENT');
