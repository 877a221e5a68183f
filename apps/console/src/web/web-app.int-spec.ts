import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, uniqueName } from '@handoff/testing';
import { type ConsoleTestApp, prepareConsoleEnv, startConsoleApp } from '../testing/console-test-app';
import { CONTENT_SECURITY_POLICY } from './security-headers';

const schema = uniqueName('console_web_int');
const webDir = mkdtempSync(join(tmpdir(), 'console-web-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div><script src="/assets/app.js"></script>');
writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("console-web");');
prepareConsoleEnv({ DATABASE_SCHEMA: schema, CONSOLE_SERVE_WEB: 'true', CONSOLE_WEB_DIR: webDir });

let console_: ConsoleTestApp;

beforeAll(async () => {
  console_ = await startConsoleApp();
});

afterAll(async () => {
  await console_?.stop();
  await dropSchema(schema);
  rmSync(webDir, { recursive: true, force: true });
});

const get = (path: string) => console_.browser().call<string>('GET', path);

describe('the web app served by the backend', () => {
  it('serves index.html at / with the security headers', async () => {
    const page = await get('/');

    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the built assets as they are', async () => {
    const script = await get('/assets/app.js');

    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.body).toBe('console.log("console-web");');
  });

  it("answers the app's own routes with index.html, so a reload of /leads/42 works", async () => {
    const page = await get('/leads/42');

    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it('never answers /api or /auth with the app: an unknown route there is the backend’s own answer', async () => {
    const api = await get('/api/no-such-route');
    const auth = await get('/auth/no-such-route');

    for (const answer of [api, auth]) {
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/application\/json/);
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});
