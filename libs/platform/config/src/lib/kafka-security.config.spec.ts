import { withKafka } from './config-fragments';
import { withKafkaSecurity } from './kafka-security.config';
import { PlatformConfig } from './platform.config';
import { ConfigValidationError, validateConfig } from './validate-config';

class SecuredConfig extends withKafkaSecurity(withKafka(PlatformConfig)) {}

const validate = validateConfig(SecuredConfig);

function problemsOf(env: Record<string, string>): string[] {
  try {
    validate(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('withKafkaSecurity', () => {
  it('connects without SASL or TLS when nothing is set, as to the local broker', () => {
    const config = validate({});

    expect(config.KAFKA_SASL_MECHANISM).toBeUndefined();
    expect(config.KAFKA_TLS).toBe(false);
  });

  it('accepts each supported mechanism with its credentials, and TLS with a private CA and a client certificate', () => {
    for (const mechanism of ['plain', 'scram-sha-256', 'scram-sha-512']) {
      const config = validate({
        KAFKA_SASL_MECHANISM: mechanism,
        KAFKA_SASL_USERNAME: 'scoring',
        KAFKA_SASL_PASSWORD: 's3cret',
        KAFKA_TLS: 'true',
        KAFKA_TLS_CA_FILE: '/etc/kafka/ca.crt',
        KAFKA_TLS_CERT_FILE: '/etc/kafka/user.crt',
        KAFKA_TLS_KEY_FILE: '/etc/kafka/user.key',
      });
      expect(config).toMatchObject({ KAFKA_SASL_MECHANISM: mechanism, KAFKA_TLS: true });
    }
  });

  it('names the setting when a mechanism is unknown or its credentials are missing', () => {
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'gssapi' }).join('\n')).toContain(
      'KAFKA_SASL_MECHANISM: must be one of plain, scram-sha-256, scram-sha-512',
    );
    const missing = problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512' }).join('\n');
    expect(missing).toContain('KAFKA_SASL_USERNAME: must be set when KAFKA_SASL_MECHANISM is');
    expect(missing).toContain('KAFKA_SASL_PASSWORD: must be set when KAFKA_SASL_MECHANISM is');
  });

  it('refuses half a client certificate and a TLS switch that is not a boolean', () => {
    expect(problemsOf({ KAFKA_TLS: 'true', KAFKA_TLS_KEY_FILE: '/k' }).join('\n')).toContain(
      'KAFKA_TLS_CERT_FILE: must be set when KAFKA_TLS_KEY_FILE is',
    );
    expect(problemsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CERT_FILE: '/c' }).join('\n')).toContain(
      'KAFKA_TLS_KEY_FILE: must be set when KAFKA_TLS_CERT_FILE is',
    );
    expect(problemsOf({ KAFKA_TLS: 'maybe' }).join('\n')).toContain('KAFKA_TLS: ');
  });
});
