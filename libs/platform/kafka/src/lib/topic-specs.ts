import type { DeadLetterTopic, TopicContract } from '@handoff/contracts';
import type { TopicSpec } from './kafka.options';

/** What the provisioner needs to know about contract topics and their dead-letter topics. */
export function topicSpecsOf(
  topics: readonly TopicContract[],
  deadLetters: readonly DeadLetterTopic[] = [],
): TopicSpec[] {
  return [
    ...topics.map(({ name, partitions, compacted }) => ({
      name,
      partitions,
      compacted,
    })),
    ...deadLetters.map(({ name, partitions }) => ({
      name,
      partitions,
      compacted: false,
    })),
  ];
}
