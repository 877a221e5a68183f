import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, ValidateIf } from 'class-validator';
import type { ConfigConstructor } from './config-fragments';
import { EnvBoolean } from './env-transforms';

/** The SASL mechanisms kafkajs speaks that managed clusters (MSK, Confluent Cloud, Strimzi) offer. */
export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

const saslEnabled = (config: { KAFKA_SASL_MECHANISM?: string }) => config.KAFKA_SASL_MECHANISM !== undefined;

/**
 * Adds how the services authenticate to and encrypt traffic with the brokers. Unset (the local default) they
 * connect in plain text without authentication, as to the project's own broker.
 */
export function withKafkaSecurity<TBase extends ConfigConstructor>(Base: TBase) {
  class KafkaSecurityConfig extends Base {
    /** SASL mechanism; with it KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required. */
    @IsOptional()
    @IsIn(KAFKA_SASL_MECHANISMS, { message: `must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}` })
    KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

    @ValidateIf(saslEnabled)
    @IsString()
    @IsNotEmpty({ message: 'must be set when KAFKA_SASL_MECHANISM is' })
    KAFKA_SASL_USERNAME?: string;

    /** A secret with no default: set it from the service's own Kubernetes Secret, never a ConfigMap. */
    @ValidateIf(saslEnabled)
    @IsString()
    @IsNotEmpty({ message: 'must be set when KAFKA_SASL_MECHANISM is' })
    KAFKA_SASL_PASSWORD?: string;

    /** TLS to the brokers, verified against the system's CAs or KAFKA_TLS_CA_FILE. */
    @EnvBoolean()
    @IsBoolean()
    KAFKA_TLS = false;

    /** PEM file of the CA that signed the brokers' certificates (a private CA, e.g. Strimzi's cluster CA). */
    @IsOptional()
    @IsString()
    KAFKA_TLS_CA_FILE?: string;

    /** PEM client certificate for mutual TLS; needs KAFKA_TLS_KEY_FILE. */
    @ValidateIf((config: { KAFKA_TLS_KEY_FILE?: string }) => config.KAFKA_TLS_KEY_FILE !== undefined)
    @IsString({ message: 'must be set when KAFKA_TLS_KEY_FILE is' })
    KAFKA_TLS_CERT_FILE?: string;

    /** PEM private key of the client certificate; needs KAFKA_TLS_CERT_FILE. */
    @ValidateIf((config: { KAFKA_TLS_CERT_FILE?: string }) => config.KAFKA_TLS_CERT_FILE !== undefined)
    @IsString({ message: 'must be set when KAFKA_TLS_CERT_FILE is' })
    KAFKA_TLS_KEY_FILE?: string;
  }
  return KafkaSecurityConfig;
}
