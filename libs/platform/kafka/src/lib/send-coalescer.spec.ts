import type { TopicMessages } from 'kafkajs';
import { ProducerBackpressureError, SendCoalescer } from './send-coalescer';

const one = (topic: string, key: string): TopicMessages[] => [{ topic, messages: [{ key, value: `v-${key}` }] }];

/** A fake broker whose requests complete only when the test says so. */
function controlledBroker() {
  const requests: { topicMessages: TopicMessages[]; complete: () => void; fail: (error: Error) => void }[] = [];
  const sendBatch = (topicMessages: TopicMessages[]) =>
    new Promise<void>((resolve, reject) => requests.push({ topicMessages, complete: resolve, fail: reject }));
  return { requests, sendBatch };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SendCoalescer', () => {
  it('sends a lone call at once', async () => {
    const broker = controlledBroker();
    const coalescer = new SendCoalescer(broker.sendBatch);

    const sent = coalescer.send(one('t', 'a'));
    await flush();
    broker.requests[0].complete();

    await expect(sent).resolves.toBeUndefined();
    expect(broker.requests).toHaveLength(1);
  });

  it('combines the calls that arrive during a request into the next one, in arrival order per topic', async () => {
    const broker = controlledBroker();
    const coalescer = new SendCoalescer(broker.sendBatch);

    const first = coalescer.send(one('t', 'a'));
    await flush();
    const waiting = [coalescer.send(one('t', 'b')), coalescer.send(one('u', 'c')), coalescer.send(one('t', 'd'))];
    broker.requests[0].complete();
    await first;
    await flush();

    expect(broker.requests).toHaveLength(2);
    expect(broker.requests[1].topicMessages).toEqual([
      {
        topic: 't',
        messages: [
          { key: 'b', value: 'v-b' },
          { key: 'd', value: 'v-d' },
        ],
      },
      { topic: 'u', messages: [{ key: 'c', value: 'v-c' }] },
    ]);
    broker.requests[1].complete();
    await expect(Promise.all(waiting)).resolves.toHaveLength(3);
  });

  it('does not resolve a caller before the broker acknowledged its request', async () => {
    const broker = controlledBroker();
    const coalescer = new SendCoalescer(broker.sendBatch);
    let acknowledged = false;

    const sent = coalescer.send(one('t', 'a')).then(() => (acknowledged = true));
    await flush();

    expect(acknowledged).toBe(false);
    broker.requests[0].complete();
    await sent;
    expect(acknowledged).toBe(true);
  });

  it('rejects every caller of a failed request and still sends the next one', async () => {
    const broker = controlledBroker();
    const coalescer = new SendCoalescer(broker.sendBatch);

    const first = coalescer.send(one('t', 'a'));
    await flush();
    const combined = [coalescer.send(one('t', 'b')), coalescer.send(one('t', 'c'))];
    broker.requests[0].complete();
    await first;
    await flush();
    broker.requests[1].fail(new Error('broker gone'));

    await expect(combined[0]).rejects.toThrow('broker gone');
    await expect(combined[1]).rejects.toThrow('broker gone');
    const later = coalescer.send(one('t', 'd'));
    await flush();
    broker.requests[2].complete();
    await expect(later).resolves.toBeUndefined();
  });

  it('splits what waits into requests no larger than the limit, never splitting one call', async () => {
    const broker = controlledBroker();
    // Each call below is 6 bytes (key "bb" + value "v-bb"): two fit in 12.
    const coalescer = new SendCoalescer(broker.sendBatch, { maxRequestBytes: 12 });

    const first = coalescer.send(one('t', 'a'));
    await flush();
    const waiting = ['bb', 'cc', 'dd'].map((key) => coalescer.send(one('t', key)));
    broker.requests[0].complete();
    await first;
    await flush();

    expect(broker.requests[1].topicMessages[0].messages.map((message) => message.key)).toEqual(['bb', 'cc']);
    broker.requests[1].complete();
    await flush();
    await flush();
    expect(broker.requests[2].topicMessages[0].messages.map((message) => message.key)).toEqual(['dd']);
    broker.requests[2].complete();
    await Promise.all(waiting);
  });

  it('refuses a send at once while the messages waiting would pass the bound, and takes sends again once they left', async () => {
    const broker = controlledBroker();
    const coalescer = new SendCoalescer(broker.sendBatch, { maxQueuedMessages: 2 });

    const inFlight = coalescer.send(one('t', 'a'));
    await flush();
    const waiting = [coalescer.send(one('t', 'b')), coalescer.send(one('t', 'c'))];
    await expect(coalescer.send(one('t', 'd'))).rejects.toBeInstanceOf(ProducerBackpressureError);

    broker.requests[0].complete();
    await inFlight;
    await flush();
    const accepted = coalescer.send(one('t', 'e'));
    broker.requests[1].complete();
    await Promise.all(waiting);
    await flush();
    broker.requests[2].complete();
    await expect(accepted).resolves.toBeUndefined();
    expect(broker.requests.flatMap((request) => request.topicMessages[0].messages.map((m) => m.key))).toEqual([
      'a',
      'b',
      'c',
      'e',
    ]);
  });

  it('bounds the bytes waiting too, naming the backlog in the error', async () => {
    const broker = controlledBroker();
    // Each call is 4 bytes (key "b" + value "v-b").
    const coalescer = new SendCoalescer(broker.sendBatch, { maxQueuedBytes: 8 });

    void coalescer.send(one('t', 'a'));
    await flush();
    void coalescer.send(one('t', 'b'));
    void coalescer.send(one('t', 'c'));

    await expect(coalescer.send(one('t', 'd'))).rejects.toThrow(new ProducerBackpressureError(2, 8).message);
  });

  it('takes a send larger than the bound when nothing waits, so a big batch is never refused forever', async () => {
    const broker = controlledBroker();
    const coalescer = new SendCoalescer(broker.sendBatch, { maxQueuedMessages: 1, maxQueuedBytes: 1 });

    const big = coalescer.send([{ topic: 't', messages: [{ value: 'x'.repeat(100) }, { value: 'y' }] }]);
    await flush();
    const waitingBig = coalescer.send([{ topic: 't', messages: [{ value: 'z'.repeat(100) }] }]);
    broker.requests[0].complete();
    await big;
    await flush();
    broker.requests[1].complete();
    await expect(waitingBig).resolves.toBeUndefined();
  });
});
