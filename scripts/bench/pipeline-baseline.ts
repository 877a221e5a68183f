import { performance } from 'node:perf_hooks';
import { waitFor } from '@handoff/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { ArrivalReader } from './arrival-reader';
import { ConsumeProduceBaseline } from './consume-produce-baseline';
import { personKeyOf } from './event-generator';
import type { PipelineTraffic } from './pipeline-traffic';

const PARTITIONS = 6;
const SEND_BATCH = 500;

/**
 * The floor the pipeline is compared with: the same events through a bare kafkajs produce → consume → produce
 * pass-through on the same broker (an idempotent producer with acks from all in-sync replicas, chunks committed
 * after their send, as the services do), no database, no validation. Returns records per second end to end.
 */
export async function bareKafkaPassThrough(
  brokers: string[],
  runId: string,
  traffic: PipelineTraffic,
  events: number,
): Promise<number> {
  const topics = {
    input: `bench.pipeline-bare.in.${runId}`,
    output: `bench.pipeline-bare.out.${runId}`,
    partitions: PARTITIONS,
  };
  const forwarder = await ConsumeProduceBaseline.start(brokers, topics, {
    groupId: `bench.pipeline-bare.${runId}`,
    chunkSize: 200,
    partitionsConcurrently: 3,
  });
  let arrived = 0;
  let lastArrivalAt = 0;
  const reader = await ArrivalReader.start(
    brokers,
    `bench.pipeline-bare-reader.${runId}`,
    [topics.output],
    (arrival) => {
      arrived++;
      lastArrivalAt = arrival.receivedAt;
    },
  );
  const producer = new Kafka({ clientId: 'bench-pipeline-bare', brokers, logLevel: logLevel.WARN }).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const records = Array.from({ length: Math.ceil(events / traffic.eventsPerRequest) }, (_, i) => traffic.request(i))
      .flat()
      .slice(0, events)
      .map((event) => ({ key: personKeyOf(event), value: JSON.stringify({ ...event, leadId: personKeyOf(event) }) }));
    const startedAt = performance.now();
    for (let i = 0; i < records.length; i += SEND_BATCH) {
      await producer.send({ topic: topics.input, acks: -1, messages: records.slice(i, i + SEND_BATCH) });
    }
    await waitFor('the pass-through to forward every event', () => arrived >= records.length, { timeoutMs: 120_000 });
    return records.length / ((lastArrivalAt - startedAt) / 1000);
  } finally {
    await producer.disconnect();
    await reader.stop();
    await forwarder.stop();
  }
}
