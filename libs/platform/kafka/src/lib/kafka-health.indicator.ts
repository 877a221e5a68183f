import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ReadinessIndicator } from '@handoff/platform-observability';
import { BatchConsumerFactory } from './batch-consumer.factory';
import type { BrokerProbe } from './broker-probe';
import { EventProducer } from './event-producer';
import { KafkaClientFactory } from './kafka-client.factory';

const BROKER_PROBE_TIMEOUT_MS = 2000;

/**
 * Ready when the cluster answers, the producer is connected and every consumer the service created has
 * joined its group.
 */
@Injectable()
export class KafkaHealthIndicator implements ReadinessIndicator, OnApplicationShutdown {
  readonly name = 'kafka';
  private readonly probe: BrokerProbe;

  constructor(
    private readonly producer: EventProducer,
    private readonly consumers: BatchConsumerFactory,
    private readonly health: HealthIndicatorService,
    client: KafkaClientFactory,
  ) {
    this.probe = client.createBrokerProbe();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.probe.close();
  }

  async check() {
    const indicator = this.health.check(this.name);
    const consumers = Object.fromEntries(
      this.consumers.all().map((consumer) => [consumer.groupId, consumer.isJoined() ? 'joined' : 'not joined']),
    );
    const producer = this.producer.isConnected() ? 'connected' : 'disconnected';
    const cluster = (await this.probe.isReachable(BROKER_PROBE_TIMEOUT_MS)) ? 'reachable' : 'unreachable';
    const ready =
      cluster === 'reachable' &&
      this.producer.isConnected() &&
      this.consumers.all().every((consumer) => consumer.isJoined());
    const details = { cluster, producer, consumers };
    return ready ? indicator.up(details) : indicator.down(details);
  }
}
