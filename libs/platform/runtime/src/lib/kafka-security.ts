import { readFileSync } from 'node:fs';
import type { KafkaSaslMechanism } from '@handoff/platform-config';
import type { KafkaSasl, KafkaTlsMaterial } from '@handoff/platform-kafka';

/** The Kafka security settings as validated by withKafkaSecurity. */
export interface KafkaSecuritySettings {
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_TLS: boolean;
  KAFKA_TLS_CA_FILE?: string;
  KAFKA_TLS_CERT_FILE?: string;
  KAFKA_TLS_KEY_FILE?: string;
}

/**
 * The client's SASL and TLS options from the settings. The PEM files are read here, at boot, so a missing or
 * unreadable file stops the service with the setting's name rather than failing every later connection.
 */
export function kafkaSecurityOf(settings: KafkaSecuritySettings): {
  sasl?: KafkaSasl;
  tls?: boolean | KafkaTlsMaterial;
} {
  const sasl =
    settings.KAFKA_SASL_MECHANISM === undefined
      ? undefined
      : {
          mechanism: settings.KAFKA_SASL_MECHANISM,
          username: settings.KAFKA_SASL_USERNAME ?? '',
          password: settings.KAFKA_SASL_PASSWORD ?? '',
        };
  return { sasl, tls: settings.KAFKA_TLS ? tlsMaterialOf(settings) : undefined };
}

function tlsMaterialOf(settings: KafkaSecuritySettings): true | KafkaTlsMaterial {
  const material: KafkaTlsMaterial = {
    ...pem('ca', 'KAFKA_TLS_CA_FILE', settings.KAFKA_TLS_CA_FILE),
    ...pem('cert', 'KAFKA_TLS_CERT_FILE', settings.KAFKA_TLS_CERT_FILE),
    ...pem('key', 'KAFKA_TLS_KEY_FILE', settings.KAFKA_TLS_KEY_FILE),
  };
  return Object.keys(material).length === 0 ? true : material;
}

function pem(field: keyof KafkaTlsMaterial, setting: string, path: string | undefined): KafkaTlsMaterial {
  if (path === undefined) return {};
  try {
    return { [field]: readFileSync(path, 'utf8') };
  } catch (error) {
    throw new Error(`${setting}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
