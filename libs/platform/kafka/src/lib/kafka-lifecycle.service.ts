import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BatchConsumerFactory } from './batch-consumer.factory';
import { EventProducer } from './event-producer';
import type { KafkaModuleOptions } from './kafka.options';
import { KAFKA_MODULE_OPTIONS } from './kafka.tokens';
import { TopicProvisioner } from './topic-provisioner';

/**
 * Connects before the service takes traffic. On shutdown, consumers stop (finishing and committing their
 * chunk) before anything closes, since handlers still need the database and DLQ writes the producer;
 * the producer disconnects last.
 */
@Injectable()
export class KafkaLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
    private readonly producer: EventProducer,
    private readonly provisioner: TopicProvisioner,
    private readonly consumers: BatchConsumerFactory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.provisionTopics?.length) await this.provisioner.ensureTopics(this.options.provisionTopics);
    await this.producer.connect();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumers.stopAll();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
