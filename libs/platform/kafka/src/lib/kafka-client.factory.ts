import { Kafka, Partitioners, type SASLOptions } from 'kafkajs';
import type { Registry } from 'prom-client';
import { BrokerProbe } from './broker-probe';
import { BatchConsumer, CONSUMER_DEFAULTS, type BatchConsumerOptions } from './batch-consumer';
import { ConsumerLagMonitor } from './consumer-lag';
import { DeadLetterReader } from './dead-letter-reader';
import { EventProducer } from './event-producer';
import { KafkaMetrics } from './kafka.metrics';
import { KAFKAJS_LOG_LEVELS, nestLogCreator } from './kafka-log-creator';
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRY,
  type KafkaClientOptions,
  type KafkaRetryOptions,
} from './kafka.options';
import { TopicProvisioner } from './topic-provisioner';

/**
 * The one place a kafkajs client is configured. Everything else gets producers, consumers and the
 * provisioner from here, so no kafkajs type reaches the services.
 */
export class KafkaClientFactory {
  private readonly kafka: Kafka;
  private readonly retry: KafkaRetryOptions;
  readonly metrics: KafkaMetrics;

  constructor(
    private readonly options: KafkaClientOptions,
    registry: Registry,
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.metrics = new KafkaMetrics(registry);
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      retry: this.kafkajsRetry(),
      logLevel: KAFKAJS_LOG_LEVELS[options.logLevel ?? 'info'],
      logCreator: nestLogCreator,
      ssl: options.tls,
      // Each of KafkaSasl's mechanisms is one of kafkajs's SASLOptions variants, with the same fields.
      sasl: options.sasl as SASLOptions | undefined,
    });
  }

  /**
   * Idempotent: the broker drops a retried duplicate, and kafkajs then requires acks from all in-sync
   * replicas and one request in flight. Retries stay bounded (kafkajs warns about it) so a publish
   * fails within a bounded time while the broker is away, and ingest can answer 503. The partitioner is
   * the Java client's (murmur2), so any Kafka client puts a key on the same partition.
   */
  createProducer(): EventProducer {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: this.kafkajsRetry(),
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    return new EventProducer(producer, this.metrics, this.options.producerQueue);
  }

  /** `deadLetters` publishes poison messages to their `<topic>.dlq`; usually the service's producer. */
  createConsumer(options: BatchConsumerOptions, deadLetters: EventProducer): BatchConsumer {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? CONSUMER_DEFAULTS.sessionTimeoutMs,
      heartbeatInterval: options.heartbeatIntervalMs ?? CONSUMER_DEFAULTS.heartbeatIntervalMs,
      rebalanceTimeout: options.rebalanceTimeoutMs ?? CONSUMER_DEFAULTS.rebalanceTimeoutMs,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? CONSUMER_DEFAULTS.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      retry: this.kafkajsRetry(),
    });
    const lag = new ConsumerLagMonitor(
      options.groupId,
      () => this.kafka.admin({ retry: { retries: 0 } }),
      this.metrics,
      options.lagIntervalMs,
    );
    return new BatchConsumer(consumer, deadLetters, this.metrics, options, lag);
  }

  /** For operators' tools: reads dead-letter topics without a service's group and replays with `producer`. */
  createDeadLetterReader(producer: EventProducer): DeadLetterReader {
    return new DeadLetterReader(
      (groupId) =>
        this.kafka.consumer({
          groupId,
          maxWaitTimeInMs: 500,
          allowAutoTopicCreation: false,
          retry: this.kafkajsRetry(),
        }),
      () => this.kafka.admin({ retry: this.kafkajsRetry() }),
      producer,
    );
  }

  /** One attempt per check and no client-side retries: readiness must answer within its deadline. */
  createBrokerProbe(): BrokerProbe {
    return new BrokerProbe(() => this.kafka.admin({ retry: { retries: 0 } }));
  }

  createProvisioner(replicationFactor = 1, minInsyncReplicas = 1): TopicProvisioner {
    return new TopicProvisioner(() => this.kafka.admin(), { replicationFactor, minInsyncReplicas });
  }

  private kafkajsRetry() {
    return {
      initialRetryTime: this.retry.initialRetryTimeMs,
      maxRetryTime: this.retry.maxRetryTimeMs,
      retries: this.retry.retries,
    };
  }
}
