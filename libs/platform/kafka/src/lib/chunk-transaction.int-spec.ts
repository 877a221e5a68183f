import { AppliedEvents } from '../testing/applied-events-table';
import { consumedTestEvent, testEvent, testTopic, type TestEvent } from '../testing/test-event.fixture';

const topic = testTopic('int.chunk.v1');

const consumed = (value: TestEvent, offset: number) => consumedTestEvent(topic.name, value, offset, 0);

describe('ChunkTransaction against the real PostgreSQL', () => {
  let applied: AppliedEvents;

  beforeEach(async () => (applied = await AppliedEvents.create()));
  afterEach(() => applied.drop());

  it('applies an event a chunk carries twice, and its redelivery, once', async () => {
    const [first, second] = [testEvent('lead-1', 1), testEvent('lead-1', 2)];
    await applied.apply([consumed(first, 0), consumed(second, 1), consumed(first, 2)]);
    await applied.apply([consumed(first, 0), consumed(second, 1)]);
    expect(await applied.sequencesOf('lead-1')).toEqual([1, 2]);
    expect(await applied.announced()).toEqual([`${topic.name}.applied/lead-1`, `${topic.name}.applied/lead-1`]);
  });

  it('rolls the inbox claim back with a failing chunk, so the retry applies it', async () => {
    const event = testEvent('lead-2', 1);
    const failing = () => {
      throw new Error('crash before commit');
    };
    await expect(applied.apply([consumed(event, 0)], failing)).rejects.toThrow('crash before commit');
    expect(await applied.sequencesOf('lead-2')).toEqual([]);
    expect(await applied.announced()).toEqual([]);

    await applied.apply([consumed(event, 0)]);
    expect(await applied.sequencesOf('lead-2')).toEqual([1]);
    expect(await applied.announced()).toEqual([`${topic.name}.applied/lead-2`]);
  });
});
