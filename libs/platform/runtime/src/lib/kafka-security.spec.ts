import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaSecurityOf } from './kafka-security';

describe('kafkaSecurityOf', () => {
  it('leaves SASL and TLS off when they are not configured', () => {
    expect(kafkaSecurityOf({ KAFKA_TLS: false })).toEqual({ sasl: undefined, tls: undefined });
  });

  it('passes the SASL credentials and trusts the system CAs when TLS names no files', () => {
    const security = kafkaSecurityOf({
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_USERNAME: 'quota',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_TLS: true,
    });

    expect(security).toEqual({ sasl: { mechanism: 'scram-sha-256', username: 'quota', password: 'pw' }, tls: true });
  });

  it('reads the PEM files at boot, and names the setting of a file it cannot read', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kafka-tls-'));
    writeFileSync(join(directory, 'ca.crt'), 'CA PEM');
    writeFileSync(join(directory, 'user.crt'), 'CERT PEM');
    writeFileSync(join(directory, 'user.key'), 'KEY PEM');

    expect(
      kafkaSecurityOf({
        KAFKA_TLS: true,
        KAFKA_TLS_CA_FILE: join(directory, 'ca.crt'),
        KAFKA_TLS_CERT_FILE: join(directory, 'user.crt'),
        KAFKA_TLS_KEY_FILE: join(directory, 'user.key'),
      }).tls,
    ).toEqual({ ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM' });
    expect(() => kafkaSecurityOf({ KAFKA_TLS: true, KAFKA_TLS_CA_FILE: join(directory, 'missing.crt') })).toThrow(
      /KAFKA_TLS_CA_FILE: cannot read .*missing\.crt \(ENOENT\)/,
    );
  });

  it('ignores the TLS files while TLS is off', () => {
    expect(kafkaSecurityOf({ KAFKA_TLS: false, KAFKA_TLS_CA_FILE: '/nowhere/ca.crt' }).tls).toBeUndefined();
  });
});
