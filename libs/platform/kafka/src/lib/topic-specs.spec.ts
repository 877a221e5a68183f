import { ALL_TOPICS, DEAD_LETTER_TOPICS } from '@handoff/contracts';
import { topicSpecsOf } from './topic-specs';

describe('topicSpecsOf', () => {
  it('lists every contract topic with its partitions and compaction, then every dead-letter topic uncompacted', () => {
    const specs = topicSpecsOf(ALL_TOPICS, DEAD_LETTER_TOPICS);

    expect(specs).toHaveLength(ALL_TOPICS.length + DEAD_LETTER_TOPICS.length);
    for (const topic of ALL_TOPICS) {
      expect(specs).toContainEqual({
        name: topic.name,
        partitions: topic.partitions,
        compacted: topic.compacted,
      });
    }
    for (const topic of DEAD_LETTER_TOPICS) {
      expect(specs).toContainEqual({
        name: topic.name,
        partitions: topic.partitions,
        compacted: false,
      });
    }
  });
});
