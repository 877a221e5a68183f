import { randomUUID } from 'node:crypto';
import type { StackService } from './service-stack';

export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  results: Array<{ status: string; eventId?: string; leadId?: string }>;
}

export type IngestSender = (event: Record<string, unknown>) => Promise<IngestAnswer>;

/** Registers a source with ingest's admin API, as marketing does, and answers its write key. */
export async function createSource(ingest: StackService, name: string): Promise<string> {
  const answer = await ingest.admin<{ writeKey: string }>('/admin/sources', { name });
  if (answer.status !== 201)
    throw new Error(`creating source ${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.writeKey;
}

/**
 * Sends one event to ingest's native API with the source's write key, failing on anything but 200; each event
 * gets a fresh message id and the current time unless it brings its own.
 */
export function ingestSender(ingest: StackService, writeKey: string): IngestSender {
  return async (event) => {
    const answer = await ingest.call<IngestAnswer>('POST', '/v1/events', {
      body: { messageId: randomUUID(), occurredAt: new Date().toISOString(), ...event },
      headers: { authorization: `Bearer ${writeKey}` },
    });
    if (answer.status !== 200) {
      throw new Error(`sending ${String(event['type'])}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  };
}
