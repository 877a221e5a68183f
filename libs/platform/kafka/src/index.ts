export { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './lib/backoff';
export { BatchConsumer, CONSUMER_DEFAULTS, type BatchConsumerOptions } from './lib/batch-consumer';
export { BatchConsumerFactory } from './lib/batch-consumer.factory';
export { ChunkTransaction, type ChunkWork } from './lib/chunk-transaction';
export { DLQ_HEADERS, deadLetterHeaders, deadLetterRecord, MAX_DLQ_ERROR_MESSAGE_LENGTH } from './lib/dead-letter';
export { DeadLetterReader, type DeadLetterReaderOptions } from './lib/dead-letter-reader';
export {
  deadLetterTopicOf,
  DLQ_REPLAYED_FROM_HEADER,
  positionOf,
  replayRecordOf,
  selectDeadLetters,
  type DeadLetter,
  type DeadLetterSelection,
} from './lib/dead-letter-selection';
export {
  classifyError,
  errorMessageOf,
  PoisonMessageError,
  poisonOnThrow,
  type ErrorClassifier,
  type ErrorKind,
} from './lib/error-classification';
export { EventProducer, eventHeaders } from './lib/event-producer';
export { KafkaClientFactory } from './lib/kafka-client.factory';
export { KafkaHealthIndicator } from './lib/kafka-health.indicator';
export { KafkaMetrics, type DeadLetterReason } from './lib/kafka.metrics';
export { KafkaModule, type KafkaModuleAsyncOptions } from './lib/kafka.module';
export type {
  ConsumerDefaults,
  KafkaClientOptions,
  KafkaLogLevel,
  KafkaModuleOptions,
  KafkaRetryOptions,
  KafkaSasl,
  KafkaTlsMaterial,
  ProducerQueueLimits,
  TopicSpec,
} from './lib/kafka.options';
export {
  CONTENT_TYPE_HEADER,
  EVENT_ID_HEADER,
  JSON_CONTENT_TYPE,
  SCHEMA_VERSION_HEADER,
  type ConsumedMessage,
  type FetchedMessage,
  type RawRecord,
  type RecordHeaders,
} from './lib/kafka-record';
export { KAFKA_MODULE_OPTIONS } from './lib/kafka.tokens';
export { outboxMessageOf } from './lib/outbox-message';
export { TopicProvisioner, type TopicProvisionerOptions } from './lib/topic-provisioner';
export {
  DEFAULT_MAX_QUEUED_BYTES,
  DEFAULT_MAX_QUEUED_MESSAGES,
  ProducerBackpressureError,
  type SendCoalescerOptions,
} from './lib/send-coalescer';
export { topicSpecsOf } from './lib/topic-specs';
export { onTopic, withMessageContext, type TopicSubscription } from './lib/topic-subscription';
