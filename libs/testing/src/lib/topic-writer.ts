import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { infrastructureAddresses } from './infrastructure-addresses';

export interface WrittenRecord {
  partition: number;
  offset: string;
}

export interface RecordToWrite {
  key: string | null;
  /** Sent as is, so a test can write bytes no service would (bad JSON, a wrong shape). */
  value: string;
  headers?: Record<string, string>;
}

/**
 * Produces records the way an outside tool would (plain kafkajs, the Java client's partitioner), e.g.
 * to a service's inbound topic, and tells where each one landed.
 */
export class TopicWriter {
  private constructor(private readonly producer: Producer) {}

  static async connect(): Promise<TopicWriter> {
    const kafka = new Kafka({
      clientId: 'test-writer',
      brokers: infrastructureAddresses().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new TopicWriter(producer);
  }

  async write(topic: string, record: RecordToWrite): Promise<WrittenRecord> {
    const [metadata] = await this.producer.send({ topic, messages: [record], acks: -1 });
    return { partition: metadata.partition, offset: metadata.baseOffset ?? '' };
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
