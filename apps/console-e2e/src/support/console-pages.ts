import type { Page } from 'playwright-core';

/** The console's local accounts outside production (README "Operator console"). */
export const ADMIN = { username: 'admin', password: 'handoff-admin' };
export const VIEWER = { username: 'viewer', password: 'handoff-viewer' };

export const PAGES = ['Pipeline', 'Leads', 'Models', 'Routing', 'Quotas', 'Dead letters', 'Audit'] as const;
export type ConsolePage = (typeof PAGES)[number];

/** Signs in through the console's own form and waits for the first page. */
export async function signIn(page: Page, baseUrl: string, account: { username: string; password: string }) {
  await page.goto(baseUrl);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
}

/** Opens a page from the main navigation and waits for its heading. */
export async function openPage(page: Page, name: ConsolePage): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Calls the console's API from the signed-in page, as its own scripts do (session cookie and CSRF header). */
export async function callFromPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const answer = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: text === '' ? null : JSON.parse(text) };
    },
    { method, path, body },
  );
}
