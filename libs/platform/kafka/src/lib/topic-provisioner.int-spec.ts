import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { runId } from '../testing/test-event.fixture';
import { clientFactory, quietLogs, rawAdmin } from '../testing/kafka-test-kit';
import type { TopicProvisioner } from './topic-provisioner';

describe('TopicProvisioner against the real broker', () => {
  let admin: Admin;
  let provisioner: TopicProvisioner;

  beforeAll(async () => {
    quietLogs();
    admin = rawAdmin();
    await admin.connect();
    provisioner = clientFactory().createProvisioner(1);
  });

  afterAll(() => admin.disconnect());

  async function partitionsOf(names: string[]): Promise<Record<string, number>> {
    const { topics } = await admin.fetchTopicMetadata({ topics: names });
    return Object.fromEntries(topics.map((topic) => [topic.name, topic.partitions.length]));
  }

  async function cleanupPolicyOf(name: string): Promise<string | undefined> {
    const { resources } = await admin.describeConfigs({
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name,
          configNames: ['cleanup.policy'],
        },
      ],
      includeSynonyms: false,
    });
    return resources[0].configEntries.find((entry) => entry.configName === 'cleanup.policy')?.configValue;
  }

  it('creates missing topics with their partition counts and compaction, and reports which it created', async () => {
    const events = `int.provision.${runId()}.v1`;
    const capacity = `int.capacity.${runId()}.v1`;

    const created = await provisioner.ensureTopics([
      { name: events, partitions: 3 },
      { name: capacity, partitions: 2, compacted: true },
    ]);

    expect(created.sort()).toEqual([capacity, events].sort());
    expect(await partitionsOf([events, capacity])).toEqual({
      [events]: 3,
      [capacity]: 2,
    });
    expect(await cleanupPolicyOf(capacity)).toBe('compact');
    expect(await cleanupPolicyOf(events)).toBe('delete');
  });

  it('returns only once a created topic answers offset requests, so callers can read or seek at once', async () => {
    const name = `int.serving.${runId()}.v1`;

    await provisioner.ensureTopics([{ name, partitions: 6 }]);

    const offsets = await admin.fetchTopicOffsets(name);
    expect(offsets.map(({ partition, high }) => [partition, high]).sort()).toEqual(
      [0, 1, 2, 3, 4, 5].map((partition) => [partition, '0']),
    );
  });

  it('is idempotent and never shrinks an existing topic', async () => {
    const name = `int.idempotent.${runId()}.v1`;
    await provisioner.ensureTopics([{ name, partitions: 4 }]);

    const again = await provisioner.ensureTopics([{ name, partitions: 4 }]);
    const smaller = await provisioner.ensureTopics([{ name, partitions: 2 }]);

    expect(again).toEqual([]);
    expect(smaller).toEqual([]);
    expect(await partitionsOf([name])).toEqual({ [name]: 4 });
  });
});
