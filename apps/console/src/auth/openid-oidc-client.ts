import type { Configuration } from 'openid-client';
import type { OidcAttempt } from './console-session';
import type { OidcAuthorization, OidcClient } from './oidc-client';

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const SCOPE = 'openid profile email';

// openid-client is ESM-only; this file is the one place that loads it, so the rest stays CommonJS-testable.
const loadOpenidClient = () => import('openid-client');

/**
 * An OidcClient over openid-client: discovery on first use (and again after a failure, so the console boots
 * while the provider is down), then the authorization code flow with PKCE, state and nonce.
 */
export function openidOidcClient(settings: OidcClientSettings): OidcClient {
  let configuration: Promise<Configuration> | undefined;
  const discover = () => {
    configuration ??= discoverProvider(settings).catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };
  return {
    issuer: async () => (await discover()).serverMetadata().issuer,
    startAuthorization: async (redirectUri) => startAuthorization(await discover(), redirectUri),
    finishAuthorization: async (callbackUrl, attempt) => finishAuthorization(await discover(), callbackUrl, attempt),
  };
}

async function discoverProvider({ issuer, clientId, clientSecret }: OidcClientSettings): Promise<Configuration> {
  const oidc = await loadOpenidClient();
  // Plain http only for a local provider (development, tests); anything else must be https.
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(issuer).hostname);
  return oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
    ...(local ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
}

async function startAuthorization(configuration: Configuration, redirectUri: string): Promise<OidcAuthorization> {
  const oidc = await loadOpenidClient();
  const attempt = { codeVerifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce() };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: 'S256',
    state: attempt.state,
    nonce: attempt.nonce,
  });
  return { url: url.href, attempt };
}

async function finishAuthorization(
  configuration: Configuration,
  callbackUrl: URL,
  attempt: OidcAttempt,
): Promise<Record<string, unknown>> {
  const oidc = await loadOpenidClient();
  const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: attempt.codeVerifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider answered without an ID token');
  return claims;
}
