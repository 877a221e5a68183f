import { dropSchema, uniqueName } from '@handoff/testing';
import type { ConsoleBrowser } from '../testing/console-browser';
import { type ConsoleTestApp, prepareConsoleEnv, startConsoleApp } from '../testing/console-test-app';
import { MAX_FAILED_SIGN_INS } from './sign-in-throttle';

const schema = uniqueName('console_trusted_proxy_int');
prepareConsoleEnv({ DATABASE_SCHEMA: schema, CONSOLE_TRUST_PROXY: '1' });

let console_: ConsoleTestApp;

beforeAll(async () => {
  console_ = await startConsoleApp();
});

afterAll(async () => {
  await console_?.stop();
  await dropSchema(schema);
});

/** A sign-in through one proxy that says the operator's address is `clientAddress`. */
async function signInFrom(browser: ConsoleBrowser, clientAddress: string, username: string, password: string) {
  await browser.session();
  const headers = { 'x-forwarded-for': clientAddress };
  return (await browser.call('POST', '/auth/local', { body: { username, password }, headers })).status;
}

describe('sign-in behind one trusted proxy (CONSOLE_TRUST_PROXY=1)', () => {
  it('throttles failed sign-ins per operator address the proxy reports, not per proxy', async () => {
    const username = uniqueName('guess');
    const attacker = console_.browser();
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1)
      expect(await signInFrom(attacker, '203.0.113.7', username, `wrong-${attempt}`)).toBe(401);

    expect(await signInFrom(attacker, '203.0.113.7', username, 'anything')).toBe(429);
    expect(await signInFrom(console_.browser(), '198.51.100.4', username, 'still wrong')).toBe(401);
  });
});
