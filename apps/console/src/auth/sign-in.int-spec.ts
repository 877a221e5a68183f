import type { AuditEntryView, AuditPage, SignedOutView } from '@handoff/console-api';
import { dropSchema, uniqueName } from '@handoff/testing';
import { type ConsoleTestApp, prepareConsoleEnv, startConsoleApp } from '../testing/console-test-app';
import { MAX_FAILED_SIGN_INS } from './sign-in-throttle';

const schema = uniqueName('console_sign_in_int');
prepareConsoleEnv({ DATABASE_SCHEMA: schema });

const COOKIE = 'handoff-console';
let console_: ConsoleTestApp;

beforeAll(async () => {
  console_ = await startConsoleApp();
});

afterAll(async () => {
  await console_?.stop();
  await dropSchema(schema);
});

async function signedIn(username: 'admin' | 'viewer') {
  const browser = console_.browser();
  const signIn = await browser.signIn(username, `handoff-${username}`);
  expect(signIn.status).toBe(204);
  return browser;
}

async function auditEntries(query = ''): Promise<AuditEntryView[]> {
  const admin = await signedIn('admin');
  const page = await admin.call<AuditPage>('GET', `/api/audit${query}`);
  expect(page.status).toBe(200);
  return page.body.entries;
}

describe('signing in and out', () => {
  it('answers a signed-out visitor 401 with the sign-in methods and a CSRF token, in an HTTP-only SameSite=Lax cookie', async () => {
    const browser = console_.browser();
    const session = await browser.call<SignedOutView>('GET', '/api/session');

    expect(session.status).toBe(401);
    expect(session.body).toEqual({ signIn: { local: true, oidc: false }, csrfToken: expect.any(String) });
    const cookie = session.headers.getSetCookie().find((header) => header.startsWith(`${COOKIE}=`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('signs the development admin in with a new session id and hands out a new CSRF token', async () => {
    const browser = console_.browser();
    const before = await browser.session();
    const preSessionCookie = browser.cookie(COOKIE);

    expect(
      (await browser.call('POST', '/auth/local', { body: { username: 'admin', password: 'handoff-admin' } })).status,
    ).toBe(204);
    const after = await browser.session();

    expect(after.status).toBe(200);
    expect(after.body).toEqual({
      user: { id: 'local:admin', name: 'admin', roles: ['admin'] },
      csrfToken: expect.any(String),
      signIn: { local: true, oidc: false },
    });
    expect(after.body.csrfToken).not.toBe(before.body.csrfToken);
    expect(browser.cookie(COOKIE)).not.toBe(preSessionCookie);
  });

  it('answers an unknown user and a wrong password alike (401), and audits both as failed sign-ins', async () => {
    const unknownName = uniqueName('nobody');
    const unknown = await console_.browser().signIn(unknownName, 'handoff-admin');
    const wrong = await console_.browser().signIn('viewer', 'not-the-password');

    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const failures = (await auditEntries('?limit=200')).filter(
      (entry) => entry.action === 'session.sign-in' && entry.outcome === 'failed',
    );
    expect(failures.map((entry) => entry.actorId)).toEqual(
      expect.arrayContaining([`local:${unknownName}`, 'local:viewer']),
    );
  });

  it('refuses a sign-in without the CSRF token (403) and does not sign anyone in', async () => {
    const browser = console_.browser();
    await browser.session();

    const signIn = await browser.call('POST', '/auth/local', {
      body: { username: 'admin', password: 'handoff-admin' },
      csrf: false,
    });

    expect(signIn.status).toBe(403);
    expect(signIn.body).toMatchObject({ message: expect.stringContaining('x-csrf-token') });
    expect((await browser.call('GET', '/api/session')).status).toBe(401);
  });

  it(`answers 429 after ${MAX_FAILED_SIGN_INS} failed sign-ins for one user name from one address, and only to that name`, async () => {
    const browser = console_.browser();
    const username = uniqueName('guess');
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1)
      expect((await browser.signIn(username, `wrong-${attempt}`)).status).toBe(401);

    expect((await browser.signIn(username, 'anything')).status).toBe(429);
    expect((await console_.browser().signIn('viewer', 'handoff-viewer')).status).toBe(204);
  });

  it('ends the session at sign-out: the same cookie replayed later is signed out', async () => {
    const browser = await signedIn('viewer');
    const stolen = browser.clone();

    expect((await browser.call('POST', '/auth/logout')).status).toBe(204);

    expect((await browser.call('GET', '/api/session')).status).toBe(401);
    expect((await stolen.call('GET', '/api/session')).status).toBe(401);
    expect((await stolen.call('GET', '/api/audit')).status).toBe(401);
  });
});

describe('roles', () => {
  it('answers 401 to /api without a session, and leaves /health public', async () => {
    const browser = console_.browser();

    expect((await browser.call('GET', '/api/audit')).status).toBe(401);
    expect((await browser.call('GET', '/health/live')).status).toBe(200);
  });

  it('answers a viewer 403 on an admin route, saying which role it needs, and does nothing', async () => {
    const viewer = await signedIn('viewer');
    const target = uniqueName('target');

    const action = await viewer.call('POST', `/api/testing/admin-action/${target}`);

    expect(action.status).toBe(403);
    expect(action.body).toMatchObject({ message: 'this needs the admin role; you are signed in as viewer' });
    expect((await viewer.call('GET', '/api/audit')).status).toBe(403);
    expect((await auditEntries('?limit=200')).filter((entry) => entry.target === target)).toEqual([]);
  });

  it('lets an admin act, and audits who did what to what and when', async () => {
    const admin = await signedIn('admin');
    const target = uniqueName('target');
    const startedAt = Date.now();

    const action = await admin.call('POST', `/api/testing/admin-action/${target}`);

    expect(action.status).toBe(201);
    const [entry] = (await auditEntries('?limit=200')).filter((candidate) => candidate.target === target);
    expect(entry).toMatchObject({
      actorId: 'local:admin',
      actorName: 'admin',
      action: 'testing.admin-action',
      target,
      outcome: 'succeeded',
      detail: { method: 'POST', status: 201 },
    });
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(startedAt - 1000);
  });

  it('audits a failed admin action as failed with the status it answered', async () => {
    const admin = await signedIn('admin');
    const target = uniqueName('target');

    expect((await admin.call('POST', `/api/testing/failing-action/${target}`)).status).toBe(409);

    const entries = (await auditEntries('?limit=200')).filter((candidate) => candidate.target === target);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'testing.failing-action',
        outcome: 'failed',
        detail: { method: 'POST', status: 409 },
      }),
    ]);
  });

  it('refuses an admin change without the CSRF token (403) and does not run it', async () => {
    const admin = await signedIn('admin');
    const target = uniqueName('target');

    const action = await admin.call('POST', `/api/testing/admin-action/${target}`, { csrf: false });

    expect(action.status).toBe(403);
    expect((await auditEntries('?limit=200')).filter((entry) => entry.target === target)).toEqual([]);
  });
});

describe('the audit log', () => {
  it('records sign-ins with who signed in and their roles', async () => {
    await signedIn('viewer');

    const [latestViewerSignIn] = (await auditEntries('?limit=200')).filter(
      (entry) =>
        entry.action === 'session.sign-in' && entry.actorId === 'local:viewer' && entry.outcome === 'succeeded',
    );
    expect(latestViewerSignIn).toMatchObject({ actorName: 'viewer', target: 'local', detail: { roles: ['viewer'] } });
  });

  it('pages newest first: each page continues strictly older than the one before', async () => {
    const admin = await signedIn('admin');
    for (const target of ['page-a', 'page-b', 'page-c'].map(uniqueName))
      await admin.call('POST', `/api/testing/admin-action/${target}`);

    const first = await admin.call<AuditPage>('GET', '/api/audit?limit=2');
    const second = await admin.call<AuditPage>('GET', `/api/audit?limit=2&before=${first.body.nextBefore}`);

    const ids = [...first.body.entries, ...second.body.entries].map((entry) => BigInt(entry.id));
    expect(ids).toHaveLength(4);
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });
});
