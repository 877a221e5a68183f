import { createServiceApp } from '@handoff/platform-runtime';
import { type ServiceTestApp, startServiceTestApp, TEST_DATABASE_URL, TEST_KAFKA_BROKERS } from '@handoff/testing';
import { QUOTA_APP_OPTIONS } from '../app/quota-app.options';

export const TEST_QUOTA_ADMIN_TOKEN = 'quota-int-test-admin-token';
export const TEST_QUOTA_READ_TOKEN = 'quota-int-test-read-token';

/** The quota service booted as production boots it, on a schema of its own. */
export type QuotaTestApp = ServiceTestApp;

/**
 * Puts the test's settings in process.env before the app module is first imported (its config is read when the
 * module is declared). Consumers and the capacity refresher are off unless the test turns them on.
 */
export function prepareQuotaEnv(env: Record<string, string>): void {
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    LOG_LEVEL: 'warn',
    QUOTA_CONSUMERS_ENABLED: 'false',
    QUOTA_ADMIN_TOKEN: TEST_QUOTA_ADMIN_TOKEN,
    QUOTA_READ_TOKEN: TEST_QUOTA_READ_TOKEN,
    ...env,
  });
}

export async function startQuotaApp(): Promise<QuotaTestApp> {
  const { AppModule } = await import('../app/app.module');
  return startServiceTestApp(() => createServiceApp(AppModule, QUOTA_APP_OPTIONS), {
    admin: TEST_QUOTA_ADMIN_TOKEN,
    read: TEST_QUOTA_READ_TOKEN,
  });
}
