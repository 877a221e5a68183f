import { Topics } from '@handoff/contracts';
import { httpCall } from '../http-call';
import { TopicWriter } from '../topic-writer';
import type { IngestRequest } from './interface-payloads';
import type { SendStatus } from './run-record';

export interface SendResult {
  status: SendStatus;
  httpStatus?: number;
  eventId?: string;
  leadId?: string;
  /** Why nothing was accepted: the answer's body or the error. */
  detail?: string;
}

interface IngestAnswer {
  results?: { status?: string; eventId?: string; leadId?: string }[];
}

/** Sends simulated messages to ingest as the tools would: the native API, the Segment routes, or Kafka. */
export class IngestSender {
  private constructor(
    private readonly ingestUrl: string,
    private readonly writeKey: string,
    private readonly writer: TopicWriter,
  ) {}

  static async connect(ingestUrl: string, writeKey: string): Promise<IngestSender> {
    return new IngestSender(ingestUrl, writeKey, await TopicWriter.connect());
  }

  /** Never rejects: a failure is a result the run records. */
  async send(request: IngestRequest): Promise<SendResult> {
    try {
      if (request.via === 'kafka') {
        await this.writer.write(Topics.engagementInbound.name, {
          key: request.key,
          value: JSON.stringify(request.value),
        });
        return { status: 'produced' };
      }
      return await this.post(request.path, request.body, this.authorizationFor(request.via));
    } catch (error) {
      return { status: 'failed', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.writer.disconnect();
  }

  /** The native API takes the key as a bearer token; Segment libraries send it as the Basic auth user name. */
  private authorizationFor(via: 'native' | 'segment'): string {
    return via === 'native'
      ? `Bearer ${this.writeKey}`
      : `Basic ${Buffer.from(`${this.writeKey}:`).toString('base64')}`;
  }

  private async post(path: string, body: unknown, authorization: string): Promise<SendResult> {
    const answer = await httpCall(this.ingestUrl, 'POST', path, { body, headers: { authorization } });
    const result = (answer.body as IngestAnswer | undefined)?.results?.[0];
    const httpStatus = answer.status;
    if (httpStatus === 200 && (result?.status === 'accepted' || result?.status === 'duplicate')) {
      return { status: result.status, httpStatus, eventId: result.eventId, leadId: result.leadId };
    }
    const status = httpStatus === 400 ? 'rejected' : 'failed';
    return { status, httpStatus, detail: JSON.stringify(answer.body) };
  }
}
