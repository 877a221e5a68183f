import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ReadinessIndicator } from '@handoff/platform-observability';
import { BatchConsumerFactory } from './batch-consumer.factory';
import { EventProducer } from './event-producer';

/** Ready when the producer is connected and every consumer the service created has joined its group. */
@Injectable()
export class KafkaHealthIndicator implements ReadinessIndicator {
  readonly name = 'kafka';

  constructor(
    private readonly producer: EventProducer,
    private readonly consumers: BatchConsumerFactory,
    private readonly health: HealthIndicatorService,
  ) {}

  async check() {
    const indicator = this.health.check(this.name);
    const consumers = Object.fromEntries(
      this.consumers.all().map((consumer) => [consumer.groupId, consumer.isJoined() ? 'joined' : 'not joined']),
    );
    const producer = this.producer.isConnected() ? 'connected' : 'disconnected';
    const ready = this.producer.isConnected() && this.consumers.all().every((consumer) => consumer.isJoined());
    return ready ? indicator.up({ producer, consumers }) : indicator.down({ producer, consumers });
  }
}
