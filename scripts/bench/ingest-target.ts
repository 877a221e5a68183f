import { Agent, request } from 'node:http';
import type { BenchEvent } from './event-generator';
import type { RequestOutcome } from '@handoff/testing';

/** Longest a request may take before it counts as failed; far above any sane answer. */
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Idle keep-alive sockets are dropped before Node's server drops them (its keepAliveTimeout is 5 s), so
 * a request never races the server closing the socket it picked (ECONNRESET).
 */
const IDLE_SOCKET_TIMEOUT_MS = 4_000;

/** Sends events to `POST /v1/events` over keep-alive connections, as a busy SDK would. */
export class IngestTarget {
  private readonly agent: Agent;
  private readonly url: URL;
  private readonly authorization: string;

  constructor(baseUrl: string, writeKey: string, maxSockets: number) {
    this.agent = new Agent({
      keepAlive: true,
      maxSockets,
      maxFreeSockets: maxSockets,
      timeout: IDLE_SOCKET_TIMEOUT_MS,
    });
    this.url = new URL('/v1/events', baseUrl);
    // Basic auth with the key as user name: what Segment and RudderStack server-side SDKs send.
    this.authorization = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
  }

  sendOne(event: BenchEvent): Promise<RequestOutcome> {
    return this.post(JSON.stringify(event));
  }

  /** `correlationId` names the request in every event it leads to (lead.scored.v1, lead.routed.v1…). */
  sendBatch(events: readonly BenchEvent[], correlationId?: string): Promise<RequestOutcome> {
    return this.post(JSON.stringify({ batch: events }), correlationId);
  }

  close(): void {
    this.agent.destroy();
  }

  private post(body: string, correlationId?: string): Promise<RequestOutcome> {
    return new Promise((resolve) => {
      const outgoing = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            authorization: this.authorization,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve(outcomeOf(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))),
          );
          response.on('error', (error: NodeJS.ErrnoException) => resolve(failed(error.code ?? 'response error')));
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      outgoing.on('error', (error: NodeJS.ErrnoException) => resolve(failed(error.code ?? error.message)));
      outgoing.end(body);
    });
  }
}

/** 200 and 207 carry per-event results; only accepted events count, anything else is an error by status. */
function outcomeOf(status: number, body: string): RequestOutcome {
  if (status !== 200 && status !== 207) return failed(String(status), body);
  try {
    const { accepted, results } = JSON.parse(body) as { accepted?: unknown; results?: { status?: string }[] };
    if (typeof accepted !== 'number') return failed(`${status} without accepted count`, body);
    if (status === 200) return { acceptedEvents: accepted };
    const firstRejected = results?.find((result) => result.status === 'rejected');
    return { acceptedEvents: accepted, failure: '207', detail: JSON.stringify(firstRejected) };
  } catch {
    return failed(`${status} unparsable body`, body);
  }
}

function failed(failure: string, detail?: string): RequestOutcome {
  return { acceptedEvents: 0, failure, detail };
}
