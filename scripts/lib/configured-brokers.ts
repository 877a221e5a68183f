import { validateConfig, withKafka } from '@handoff/platform-config';

/** The broker list operator tools default to: KAFKA_BROKERS read exactly as the services read it. */
export function configuredBrokers(env: Record<string, string | undefined> = process.env): string[] {
  return validateConfig(withKafka(class {}))(env).KAFKA_BROKERS;
}
