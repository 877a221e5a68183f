import { ALL_TOPICS, DEAD_LETTER_TOPICS } from '@handoff/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { startGroupAtEnd } from './consumer-groups';
import { TEST_KAFKA_BROKERS } from './infrastructure-addresses';

/**
 * Readies a service's consumer group for a test: every contract topic (and its .dlq) exists, and the group, new,
 * starts at the end of its inputs. The inputs are shared topics that carry every earlier run's records (benchmarks
 * fill them by the hundred thousand), so the service only consumes what the test produces.
 */
export async function startTestGroupAtEnd(groupId: string, inputs: readonly { name: string }[]): Promise<void> {
  await ensureContractTopics();
  await startGroupAtEnd(
    TEST_KAFKA_BROKERS,
    groupId,
    inputs.map((topic) => topic.name),
  );
}

/**
 * Creates the contract topics the broker lacks, as the services would at boot (with kafkajs itself: the platform's
 * provisioner lives in platform-kafka, whose own tests import this library).
 */
async function ensureContractTopics(): Promise<void> {
  const admin = new Kafka({
    clientId: 'handoff-test-setup',
    brokers: TEST_KAFKA_BROKERS,
    logLevel: logLevel.WARN,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...ALL_TOPICS, ...DEAD_LETTER_TOPICS].filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor: 1,
        configEntries: 'compacted' in topic && topic.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
