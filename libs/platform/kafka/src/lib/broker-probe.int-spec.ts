import { TEST_KAFKA_BROKERS } from '@handoff/testing';
import { Registry } from 'prom-client';
import { KafkaClientFactory } from './kafka-client.factory';

function probeFor(brokers: string[]) {
  return new KafkaClientFactory(
    { clientId: 'probe-int', brokers, logLevel: 'nothing' },
    new Registry(),
  ).createBrokerProbe();
}

describe('BrokerProbe', () => {
  it('reports a running cluster as reachable', async () => {
    const probe = probeFor(TEST_KAFKA_BROKERS);
    try {
      expect(await probe.isReachable(5000)).toBe(true);
    } finally {
      await probe.close();
    }
  });

  it('reports an address where no broker listens as unreachable within its deadline', async () => {
    const probe = probeFor(['127.0.0.1:1']);
    try {
      expect(await probe.isReachable(1500)).toBe(false);
    } finally {
      await probe.close();
    }
  });
});
