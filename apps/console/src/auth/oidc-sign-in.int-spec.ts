import type { AuditPage, SessionView } from '@handoff/console-api';
import { dropSchema, uniqueName } from '@handoff/testing';
import type { HttpResult } from '@handoff/testing';
import type { ConsoleBrowser } from '../testing/console-browser';
import { OIDC_SIGN_IN_FAILED_PAGE } from './auth.controller';
import { type ConsoleTestApp, prepareConsoleEnv, startConsoleApp } from '../testing/console-test-app';
import { OidcProviderProcess } from '../testing/oidc-provider-process';

const schema = uniqueName('console_oidc_int');
// Where operators reach the console (a proxy in front of it): the redirect URI the provider knows.
const PUBLIC_URL = 'http://console.handoff.test';
const CLIENT = {
  clientId: 'handoff-console',
  clientSecret: 'console-oidc-int-test-client-secret',
  redirectUri: `${PUBLIC_URL}/auth/oidc/callback`,
  adminGroup: 'handoff-admin',
};

let provider: OidcProviderProcess;
let console_: ConsoleTestApp;

beforeAll(async () => {
  provider = await OidcProviderProcess.start(CLIENT);
  prepareConsoleEnv({
    DATABASE_SCHEMA: schema,
    CONSOLE_PUBLIC_URL: PUBLIC_URL,
    CONSOLE_OIDC_ISSUER: provider.issuer,
    CONSOLE_OIDC_CLIENT_ID: CLIENT.clientId,
    CONSOLE_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    CONSOLE_OIDC_ROLES_CLAIM: 'groups',
    CONSOLE_OIDC_ADMIN_VALUE: CLIENT.adminGroup,
  });
  console_ = await startConsoleApp();
});

afterAll(async () => {
  await console_?.stop();
  await provider?.stop();
  await dropSchema(schema);
});

/** The browser's trip to the provider and back: follows the provider's redirects until it sends us home. */
async function visitProvider(authorizationUrl: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let location = authorizationUrl;
  for (let hop = 0; hop < 10 && !location.startsWith(PUBLIC_URL); hop += 1) {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(location, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const next = response.headers.get('location');
    if (!next) throw new Error(`the provider answered ${response.status} at ${location}: ${await response.text()}`);
    location = new URL(next, location).href;
  }
  return new URL(location);
}

/** The callback was refused: the browser goes back to the sign-in page, which tells the user to start again. */
const refused = (answer: HttpResult) =>
  answer.status === 302 && answer.headers.get('location') === OIDC_SIGN_IN_FAILED_PAGE;

async function startSignIn(browser: ConsoleBrowser): Promise<URL> {
  const login = await browser.call('GET', '/auth/oidc/login');
  expect(login.status).toBe(302);
  return visitProvider(login.headers.get('location')!);
}

describe('sign-in through the identity provider', () => {
  it('offers OIDC next to local sign-in', async () => {
    const session = await console_.browser().session();

    expect(session.body).toMatchObject({ signIn: { local: true, oidc: true } });
  });

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const login = await console_.browser().call('GET', '/auth/oidc/login');

    const authorization = new URL(login.headers.get('location')!);
    expect(authorization.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: CLIENT.clientId,
      redirect_uri: CLIENT.redirectUri,
      response_type: 'code',
      code_challenge_method: 'S256',
      code_challenge: expect.any(String),
      state: expect.any(String),
      nonce: expect.any(String),
    });
  });

  it('signs the user in from login to callback, an admin through the groups claim, and audits it', async () => {
    const browser = console_.browser();
    const callback = await startSignIn(browser);

    const done = await browser.call('GET', `${callback.pathname}${callback.search}`);

    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/');
    const session = await browser.session();
    expect(session.status).toBe(200);
    expect((session.body as SessionView).user).toEqual({
      id: `oidc:${provider.issuer}#ada`,
      name: 'Ada Lovelace',
      roles: ['admin'],
    });
    const audit = await browser.call<AuditPage>('GET', '/api/audit?limit=20');
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({
        actorId: `oidc:${provider.issuer}#ada`,
        action: 'session.sign-in',
        target: 'oidc',
        outcome: 'succeeded',
      }),
    );
  });

  it('refuses a callback in a browser that did not start the sign-in (no pre-session, so no state to match)', async () => {
    const callback = await startSignIn(console_.browser());

    const elsewhere = await console_.browser().call('GET', `${callback.pathname}${callback.search}`);

    expect(refused(elsewhere)).toBe(true);
  });

  it('refuses a callback whose state was tampered with, and the genuine one after it (one callback per attempt)', async () => {
    const browser = console_.browser();
    const callback = await startSignIn(browser);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'not-the-state');

    expect(refused(await browser.call('GET', `${tampered.pathname}${tampered.search}`))).toBe(true);
    expect(refused(await browser.call('GET', `${callback.pathname}${callback.search}`))).toBe(true);
    expect((await browser.session()).status).toBe(401);
  });

  it('refuses the same callback twice: the second browser visit finds its attempt used up', async () => {
    const browser = console_.browser();
    const callback = await startSignIn(browser);
    const stolen = browser.clone();

    expect((await browser.call('GET', `${callback.pathname}${callback.search}`)).status).toBe(302);
    expect(refused(await stolen.call('GET', `${callback.pathname}${callback.search}`))).toBe(true);
    expect((await stolen.session()).status).toBe(401);
  });
});
