import { createServiceApp } from '@handoff/platform-runtime';
import { type ServiceTestApp, startServiceTestApp, TEST_DATABASE_URL, TEST_KAFKA_BROKERS } from '@handoff/testing';
import { ROUTING_APP_OPTIONS } from '../app/routing-app.options';

export const TEST_ROUTING_ADMIN_TOKEN = 'routing-int-test-admin-token';
export const TEST_ROUTING_READ_TOKEN = 'routing-int-test-read-token';

/** The routing service booted as production boots it, on a schema of its own. */
export type RoutingTestApp = ServiceTestApp;

/**
 * Puts the test's settings in process.env before the app module is first imported: its config is read when the
 * module is declared, so every later boot in the same test file reuses them. The app reaches the same broker and
 * database as the test itself; both tokens are set, so reads need the read token.
 */
export function prepareRoutingEnv(env: Record<string, string>): void {
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    LOG_LEVEL: 'warn',
    ROUTING_CONSUMERS_ENABLED: 'false',
    ROUTING_REROUTER_ENABLED: 'false',
    ROUTING_ADMIN_TOKEN: TEST_ROUTING_ADMIN_TOKEN,
    ROUTING_READ_TOKEN: TEST_ROUTING_READ_TOKEN,
    ...env,
  });
}

export async function startRoutingApp(): Promise<RoutingTestApp> {
  const { AppModule } = await import('../app/app.module');
  return startServiceTestApp(() => createServiceApp(AppModule, ROUTING_APP_OPTIONS), {
    admin: TEST_ROUTING_ADMIN_TOKEN,
    read: TEST_ROUTING_READ_TOKEN,
  });
}
