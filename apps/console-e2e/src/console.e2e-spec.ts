import { randomUUID } from 'node:crypto';
import { type LeadRoutedV1, Topics } from '@handoff/contracts';
import { hotLeadEvents, ingestSender, sendJourney, TopicReader, TopicWriter, waitFor } from '@handoff/testing';
import type { AuditEntryView, AuditPage } from '@handoff/console-api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { type ConsoleStack, seedSimulatedOrg, simulateUntil, startConsoleStack } from './support/console-run';
import { ADMIN, callFromPage, openPage, PAGES, signIn, VIEWER } from './support/console-pages';
import { screenshot, seriousAccessibilityProblems } from './support/page-checks';
import { ReceivedByBrowser } from './support/received-by-browser';

const STACK_TOKEN = 'stack-admin-token-0123456789';
/** Ingest's contact token and the console's session secret, at their local defaults in this stack. */
const OTHER_SECRETS = ['local-contact-token-change-me', 'local-console-session-secret-change-me-0123'];

let stack: ConsoleStack;
let browser: Browser;
let consoleUrl: string;
let writeKey: string;
let hotLeadId: string;
let reader: TopicReader;
const contexts: BrowserContext[] = [];

interface Qualified {
  leadId: string;
}

/** A lead the simulator made an MQL and routing gave to a rep, if there is one yet. */
async function routedMql(): Promise<string | undefined> {
  const authorization = `Bearer ${STACK_TOKEN}`;
  const mqls = await stack.scoring.call<{ leads: Qualified[] }>('GET', '/leads/qualified?limit=50', {
    headers: { authorization },
  });
  for (const { leadId } of mqls.body.leads) {
    const routing = await stack.routing.call('GET', `/leads/${leadId}/routing`, { headers: { authorization } });
    if (routing.status === 200) return leadId;
  }
  return undefined;
}

const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function adminPage(): Promise<Page> {
  const page = await newPage();
  await signIn(page, consoleUrl, ADMIN);
  return page;
}

/** Routing's pick for a lead like the hot journey's, from a dry run (which changes nothing). */
async function dryRunPick(country: string): Promise<string | undefined> {
  const lead = { country, employeeCount: 300, industry: 'software', grade: 'A', behaviourScore: 73, fitScore: 80 };
  const answer = await stack.routing.call<{ decision?: { repId?: string } }>('POST', '/routing/dry-run', {
    body: { lead },
    headers: { authorization: `Bearer ${STACK_TOKEN}` },
  });
  return answer.body.decision?.repId;
}

beforeAll(async () => {
  stack = await startConsoleStack();
  consoleUrl = stack.console.process.baseUrl;
  reader = await TopicReader.startAtEnd([Topics.leadRouted.name, Topics.engagementInbound.name]);
  const source = await seedSimulatedOrg(stack);
  writeKey = source.writeKey;
  hotLeadId = await simulateUntil(stack, source, routedMql);
  browser = await launchChromium();
}, 420_000);

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await reader?.stop();
  await stack?.stop();
});

it('signs an admin in, finds a lead the simulator made hot and shows its explanation and routing trace', async () => {
  const page = await adminPage();
  await openPage(page, 'Leads');
  await page.getByRole('table', { name: 'Newest MQLs' }).getByRole('link', { name: hotLeadId }).click();
  await page.getByRole('heading', { name: 'Score over time' }).waitFor();
  await page.getByRole('heading', { name: 'Top factors' }).waitFor();
  await page.getByRole('figure', { name: 'Behaviour points awarded over time, before decay' }).waitFor();
  const candidates = page.getByRole('table', { name: 'Every candidate and why' }).first();
  await candidates.waitFor();
  expect(await candidates.getByRole('row').count()).toBeGreaterThan(1);
  await expect(
    page
      .getByText(/assigned to \S+ in pool/)
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'lead');

  await openPage(page, 'Leads');
  await page.getByLabel('Search leads').fill(hotLeadId);
  await page.getByLabel('Search leads').press('Enter');
  await page.getByRole('table', { name: 'Matching leads' }).getByRole('link', { name: hotLeadId }).waitFor();
});

it('runs a routing dry run and shows its trace', async () => {
  const page = await adminPage();
  await openPage(page, 'Routing');
  const dryRun = page.getByRole('region', { name: 'Dry run' });
  await dryRun.getByLabel('Country (ISO code)').fill('US');
  await dryRun.getByLabel('Employee count').fill('300');
  await dryRun.getByLabel('Behaviour score').fill('73');
  await dryRun.getByLabel('Fit score').fill('80');
  await dryRun.getByRole('button', { name: 'Try routing this lead' }).click();
  await dryRun.getByText(/Would go to \S+ of pool/).waitFor();
  await dryRun.getByRole('table', { name: 'Rules tried, in order' }).waitFor();
  expect(await dryRun.getByRole('table', { name: 'Every candidate and why' }).getByRole('row').count()).toBeGreaterThan(
    1,
  );
  // The simulator's leads went to the inbound pool: its reps' shares against their weights.
  const fairness = page.getByRole('region', { name: 'Fairness' });
  await fairness.getByLabel('Pool').selectOption('inbound');
  await fairness.getByRole('figure').waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(fairness, 'fairness');
  await screenshot(page, 'routing');
});

it('sends the next lead elsewhere once an admin sets its rep out of office', async () => {
  const country = 'US';
  const picked = await dryRunPick(country);
  expect(picked).toBeDefined();
  const page = await adminPage();
  await openPage(page, 'Routing');
  const row = page
    .getByRole('table', { name: 'Reps and their availability' })
    .getByRole('row')
    .filter({
      hasText: picked as string,
    });
  await row.getByRole('button', { name: 'Set out of office' }).click();
  await row.getByRole('button', { name: 'Back in office' }).waitFor();

  const leadId = await sendJourney(ingestSender(stack.ingest, writeKey), hotLeadEvents(randomUUID(), { country }));
  const [routed] = await reader.waitForValues<LeadRoutedV1>(
    Topics.leadRouted.name,
    (event) => event.leadId === leadId,
    1,
    60_000,
  );
  expect(routed.repId).not.toBe(picked);
  await page.goto(`${consoleUrl}/leads/${leadId}`);
  const candidates = page.getByRole('table', { name: 'Every candidate and why' }).first();
  await candidates
    .getByRole('row')
    .filter({ hasText: picked as string })
    .filter({ hasText: /out of office/i })
    .waitFor();
});

it('replays a dead letter an admin selects back to its topic', async () => {
  const key = `console-e2e-${randomUUID()}`;
  const writer = await TopicWriter.connect();
  await writer.write(Topics.engagementInbound.name, { key, value: 'not json' });
  await writer.disconnect();

  const page = await adminPage();
  await openPage(page, 'Dead letters');
  await page.getByRole('button', { name: `Show ${Topics.engagementInbound.name}.dlq` }).click();
  // Another run's ingest reading the shared topic may have dead-lettered the same record too: either copy will do.
  const record = page.getByRole('row').filter({ hasText: key }).first();
  await record.waitFor({ timeout: 60_000 });
  await record.getByRole('checkbox').check();
  await page.getByRole('button', { name: /^Replay selected/ }).click();
  await page.getByText('Replayed 1 record.').waitFor();
  await screenshot(page, 'dead-letters');
  // The original and its replay: the same key and value, twice on the topic.
  const ours = () => reader.on(Topics.engagementInbound.name).filter((record) => record.key === key);
  await waitFor('the replayed record on its topic', () => ours().length >= 2);
  expect(ours().map((record) => record.value)).toEqual(['not json', 'not json']);
});

it('lets a viewer see every page but perform no admin action', async () => {
  const page = await newPage();
  await signIn(page, consoleUrl, VIEWER);
  await openPage(page, 'Routing');
  expect(await page.getByRole('button', { name: 'Set out of office' }).count()).toBe(0);
  const rep = (await dryRunPick('US')) as string;
  const attempts = [
    callFromPage(page, 'POST', `/api/routing/reps/${rep}/pause`, { until: tomorrow() }),
    callFromPage(page, 'POST', `/api/routing/reps/${rep}/out-of-office`, { from: new Date().toISOString() }),
    callFromPage(page, 'GET', `/api/leads/${hotLeadId}/contact`),
    callFromPage(page, 'POST', `/api/dead-letters/${Topics.engagementInbound.name}.dlq/replay`, { positions: ['0/0'] }),
    callFromPage(page, 'GET', '/api/audit'),
  ];
  expect((await Promise.all(attempts)).map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
});

it('writes every admin action to the audit log with who, what and when', async () => {
  const page = await adminPage();
  const rep = (await dryRunPick('DE')) as string;
  const started = Date.now();
  const pause = await callFromPage(page, 'POST', `/api/routing/reps/${rep}/pause`, { until: tomorrow() });
  expect(pause.status).toBeLessThan(300);
  expect((await callFromPage(page, 'DELETE', `/api/routing/reps/${rep}/pause`)).status).toBeLessThan(300);
  expect((await callFromPage(page, 'GET', `/api/leads/${hotLeadId}/contact`)).status).toBe(200);

  // Pause and resume answer with routing's own status, so their lines follow the answer by one insert.
  const expected = [
    { action: 'rep.pause.set', target: rep, actorName: 'admin', outcome: 'succeeded' },
    { action: 'rep.pause.clear', target: rep, actorName: 'admin', outcome: 'succeeded' },
    { action: 'lead.contact.read', target: hotLeadId, actorName: 'admin', outcome: 'succeeded' },
  ];
  let ours: AuditEntryView[] = [];
  const logged = (entry: (typeof expected)[number]) =>
    ours.some((line) => Object.entries(entry).every(([field, value]) => line[field as keyof AuditEntryView] === value));
  await waitFor('the three admin actions in the audit log', async () => {
    const audit = (await callFromPage(page, 'GET', '/api/audit?limit=50')).body as AuditPage;
    ours = audit.entries.filter((entry) => Date.parse(entry.at) >= started - 1000);
    return expected.every(logged);
  }).catch((error: Error) => {
    throw new Error(`${error.message}; entries since the test began: ${JSON.stringify(ours)}`);
  });
  await openPage(page, 'Audit');
  await page.getByRole('row').filter({ hasText: rep }).filter({ hasText: 'rep pause set' }).first().waitFor();
  await screenshot(page, 'audit');
});

it('never lets the browser receive a service token or the session secret', async () => {
  const page = await newPage();
  const received = new ReceivedByBrowser(page.context());
  await signIn(page, consoleUrl, ADMIN);
  for (const name of PAGES) await openPage(page, name);
  await page.goto(`${consoleUrl}/leads/${hotLeadId}`);
  await page.getByRole('button', { name: 'Show contact details' }).click();
  await page.getByRole('heading', { name: 'Contact details' }).waitFor();
  expect(received.responses).toBeGreaterThan(10);
  expect(await received.occurrencesOf([STACK_TOKEN, ...OTHER_SECRETS])).toEqual([]);
});

it('has no serious accessibility problem on any page, and keeps a screenshot of each', async () => {
  const page = await newPage();
  await page.goto(consoleUrl);
  await page.getByLabel('Username').waitFor();
  const problems: Record<string, unknown> = { 'sign-in': await seriousAccessibilityProblems(page) };
  await screenshot(page, 'sign-in');
  await page.goto(`${consoleUrl}/sign-in?failed=oidc`);
  await page.getByRole('alert').filter({ hasText: 'identity provider did not work' }).waitFor();
  problems['sign-in after a refused provider callback'] = await seriousAccessibilityProblems(page);
  await signIn(page, consoleUrl, ADMIN);
  for (const name of PAGES) {
    await openPage(page, name);
    await page.waitForLoadState('networkidle');
    problems[name] = await seriousAccessibilityProblems(page);
    await screenshot(page, name.toLowerCase().replace(/ /g, '-'));
  }
  await page.goto(`${consoleUrl}/leads/${hotLeadId}`);
  await page.getByRole('heading', { name: 'Score over time' }).waitFor();
  await page.waitForLoadState('networkidle');
  problems['lead'] = await seriousAccessibilityProblems(page);
  expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((name) => [name, []])));
});
