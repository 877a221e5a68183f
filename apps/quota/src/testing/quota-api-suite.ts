import { dropSchema, uniqueName } from '@handoff/testing';
import { type QuotaChange, QuotaChanges } from '../capacity/quota-changes';
import { prepareQuotaEnv, type QuotaTestApp, startQuotaApp } from './quota-test-app';

/** The app a suite talks to and every change it announced since it started. Filled in by the suite's beforeAll. */
export interface QuotaApiSuite {
  service: QuotaTestApp;
  changes: QuotaChange[];
}

/**
 * Boots the quota app once for the calling suite on a fresh schema named after `name`, recording the changes it
 * announces; stops it and drops the schema after the suite. Call at the top of the spec file.
 */
export function quotaApiSuite(name: string, env: Record<string, string> = {}): QuotaApiSuite {
  const schema = uniqueName(name);
  prepareQuotaEnv({ DATABASE_SCHEMA: schema, ...env });
  const suite = { changes: [] as QuotaChange[] } as QuotaApiSuite;
  beforeAll(async () => {
    suite.service = await startQuotaApp();
    suite.service.app.get(QuotaChanges).changes.subscribe((change) => suite.changes.push(change));
  }, 60_000);
  afterAll(async () => {
    await suite.service?.stop();
    await dropSchema(schema);
  });
  return suite;
}
