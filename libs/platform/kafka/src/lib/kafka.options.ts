/** How verbose kafkajs itself is; our own logs are not affected. */
export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

/** Retries of single broker requests inside the client (connect, metadata, produce). */
export interface KafkaRetryOptions {
  initialRetryTimeMs: number;
  maxRetryTimeMs: number;
  retries: number;
}

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  retry?: Partial<KafkaRetryOptions>;
  logLevel?: KafkaLogLevel;
  /** Bounds on the records waiting in the producer (backpressure); defaults in send-coalescer.ts. */
  producerQueue?: ProducerQueueLimits;
  /** SASL authentication; unset connects without it (the local broker). */
  sasl?: KafkaSasl;
  /** TLS to the brokers: `true` trusts the system's CAs; PEM material adds a private CA or a client certificate. */
  tls?: boolean | KafkaTlsMaterial;
}

export interface KafkaSasl {
  mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

/** PEM contents, not paths: the caller reads the files, so a missing one fails at boot with its setting's name. */
export interface KafkaTlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
}

export interface ProducerQueueLimits {
  maxQueuedMessages?: number;
  maxQueuedBytes?: number;
}

/** One topic to create if it is missing. */
export interface TopicSpec {
  name: string;
  partitions: number;
  compacted?: boolean;
}

/** Settings every consumer of the service starts with unless it names its own. */
export interface ConsumerDefaults {
  retryBudgetMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** How often each consumer reads its lag from the broker (KAFKA_CONSUMER_LAG_INTERVAL_MS). */
  lagIntervalMs?: number;
}

export interface KafkaModuleOptions extends KafkaClientOptions {
  consumerDefaults?: ConsumerDefaults;
  /** Topics ensured at application bootstrap; leave out to provision with the CLI only. */
  provisionTopics?: TopicSpec[];
  /** Replication factor of topics the provisioner creates: 1 on a single local broker, 3 in production. */
  replicationFactor?: number;
  /** min.insync.replicas of the topics it creates: 1 on a single local broker, 2 in production. */
  minInsyncReplicas?: number;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 3_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export const DEFAULT_RETRY: KafkaRetryOptions = {
  initialRetryTimeMs: 300,
  maxRetryTimeMs: 30_000,
  retries: 5,
};
