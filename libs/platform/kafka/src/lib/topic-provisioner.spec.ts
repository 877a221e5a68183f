import type { Admin, ITopicConfig } from 'kafkajs';
import { TopicProvisioner } from './topic-provisioner';

/** An admin client on a broker that has `existing` topics and records what it is asked to create. */
function fakeAdmin(existing: string[] = []) {
  const created: ITopicConfig[] = [];
  const admin = {
    connect: jest.fn(async () => undefined),
    disconnect: jest.fn(async () => undefined),
    listTopics: jest.fn(async () => existing),
    fetchTopicMetadata: jest.fn(async () => ({ topics: [] })),
    createTopics: jest.fn(async ({ topics }: { topics: ITopicConfig[] }) => {
      created.push(...topics);
      return true;
    }),
    fetchTopicOffsets: jest.fn(async () => []),
  } as unknown as Admin;
  return { admin, created };
}

describe('TopicProvisioner', () => {
  it('asks for the configured replication factor and min.insync.replicas on every topic it creates', async () => {
    const { admin, created } = fakeAdmin();
    const provisioner = new TopicProvisioner(() => admin, { replicationFactor: 3, minInsyncReplicas: 2 });

    await provisioner.ensureTopics([
      { name: 'engagement.recorded.v1', partitions: 12 },
      { name: 'rep.capacity.v1', partitions: 6, compacted: true },
    ]);

    expect(created).toEqual([
      {
        topic: 'engagement.recorded.v1',
        numPartitions: 12,
        replicationFactor: 3,
        configEntries: [{ name: 'min.insync.replicas', value: '2' }],
      },
      {
        topic: 'rep.capacity.v1',
        numPartitions: 6,
        replicationFactor: 3,
        configEntries: [
          { name: 'min.insync.replicas', value: '2' },
          { name: 'cleanup.policy', value: 'compact' },
        ],
      },
    ]);
  });

  it('asks for one replica, one in sync, with the local defaults of a single broker', async () => {
    const { admin, created } = fakeAdmin(['already.there.v1']);
    const provisioner = new TopicProvisioner(() => admin, { replicationFactor: 1, minInsyncReplicas: 1 });

    await provisioner.ensureTopics([{ name: 'new.topic.v1', partitions: 1 }]);

    expect(created).toEqual([
      {
        topic: 'new.topic.v1',
        numPartitions: 1,
        replicationFactor: 1,
        configEntries: [{ name: 'min.insync.replicas', value: '1' }],
      },
    ]);
  });

  it('refuses more in-sync replicas than replicas, since every acks=all write would then fail', () => {
    const { admin } = fakeAdmin();
    expect(() => new TopicProvisioner(() => admin, { replicationFactor: 1, minInsyncReplicas: 2 })).toThrow(
      /min.insync.replicas \(2\) exceeds the replication factor \(1\)/,
    );
  });
});
