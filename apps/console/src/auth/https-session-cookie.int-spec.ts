import { dropSchema, uniqueName } from '@handoff/testing';
import { type ConsoleTestApp, prepareConsoleEnv, startConsoleApp } from '../testing/console-test-app';

const schema = uniqueName('console_https_cookie_int');
prepareConsoleEnv({ DATABASE_SCHEMA: schema, CONSOLE_PUBLIC_URL: 'https://console.example.test' });

let console_: ConsoleTestApp;

beforeAll(async () => {
  console_ = await startConsoleApp();
});

afterAll(async () => {
  await console_?.stop();
  await dropSchema(schema);
});

describe('the session cookie behind an https public address', () => {
  it('is __Host- prefixed, Secure, HTTP-only, SameSite=Lax, on Path=/ and for the session TTL, before and after sign-in', async () => {
    const browser = console_.browser();

    const signIn = await browser.signIn('admin', 'handoff-admin');

    expect(signIn.status).toBe(204);
    const [cookie] = signIn.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-handoff-console=/);
    for (const attribute of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax', `Max-Age=${8 * 60 * 60}`])
      expect(cookie).toContain(`; ${attribute}`);
    expect(cookie).not.toMatch(/Domain=/i);
    expect((await browser.session()).status).toBe(200);
  });
});
