import { createServiceApp } from '@handoff/platform-runtime';
import { type ServiceTestApp, startServiceTestApp, TEST_DATABASE_URL, TEST_KAFKA_BROKERS } from '@handoff/testing';
import { DELIVERY_APP_OPTIONS } from '../app/delivery-app.options';

export const TEST_DELIVERY_ADMIN_TOKEN = 'delivery-int-test-admin-token';

/** The delivery service booted as production boots it, on a schema of its own. */
export type DeliveryTestApp = ServiceTestApp;

/**
 * Puts the test's settings in process.env before the app module is first imported (its config is read when the
 * module is declared). Consumers and dispatcher are off unless the test turns them on.
 */
export function prepareDeliveryEnv(env: Record<string, string>): void {
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    LOG_LEVEL: 'warn',
    DELIVERY_CONSUMERS_ENABLED: 'false',
    DELIVERY_DISPATCH_ENABLED: 'false',
    DELIVERY_ADMIN_TOKEN: TEST_DELIVERY_ADMIN_TOKEN,
    ...env,
  });
}

export async function startDeliveryApp(): Promise<DeliveryTestApp> {
  const { AppModule } = await import('../app/app.module');
  return startServiceTestApp(() => createServiceApp(AppModule, DELIVERY_APP_OPTIONS), {
    admin: TEST_DELIVERY_ADMIN_TOKEN,
    read: TEST_DELIVERY_ADMIN_TOKEN,
  });
}
