import { validateConfig, withKafka, withKafkaSecurity } from '@handoff/platform-config';
import { kafkaSecurityOf } from '@handoff/platform-runtime';
import type { KafkaSasl, KafkaTlsMaterial } from '@handoff/platform-kafka';

const readKafkaSettings = (env: Record<string, string | undefined>) =>
  validateConfig(withKafkaSecurity(withKafka(class {})))(env);

/** The broker list operator tools default to: KAFKA_BROKERS read exactly as the services read it. */
export function configuredBrokers(env: Record<string, string | undefined> = process.env): string[] {
  return readKafkaSettings(env).KAFKA_BROKERS;
}

/** SASL and TLS for operator tools, from the same KAFKA_* settings as the services (a managed cluster needs them). */
export function configuredKafkaSecurity(env: Record<string, string | undefined> = process.env): {
  sasl?: KafkaSasl;
  tls?: boolean | KafkaTlsMaterial;
} {
  return kafkaSecurityOf(readKafkaSettings(env));
}
