import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  /** The status the receiver answered. */
  answered: number;
}

/** What the receiver answers: a status, and optionally headers and a body. */
export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer only after this long (a slow endpoint). */
  delayMs?: number;
}

/**
 * A real HTTP endpoint on 127.0.0.1 standing in for a sales system: it keeps every request and answers what the
 * test tells it to (by default 200), request by request.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private answers: ReceiverAnswer[] = [];
  private fallback: ReceiverAnswer = { status: 200, body: 'ok' };

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const receiver: WebhookReceiver = new WebhookReceiver(
      createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          const answer = receiver.answers.shift() ?? receiver.fallback;
          receiver.received.push({
            headers: request.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            receivedAt: Date.now(),
            answered: answer.status,
          });
          const respond = () => response.writeHead(answer.status, answer.headers).end(answer.body ?? '');
          if (answer.delayMs) setTimeout(respond, answer.delayMs).unref();
          else respond();
        });
      }),
    );
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** The next requests get these answers, in order; after them the standing answer. */
  answerNext(...answers: ReceiverAnswer[]): void {
    this.answers.push(...answers);
  }

  /** Every request from now on (after queued ones) gets this answer. */
  answerAlways(answer: ReceiverAnswer): void {
    this.fallback = answer;
  }

  /** The event ids of the requests received (of those answered 2xx with `acceptedOnly`), in arrival order. */
  eventIds({ acceptedOnly = false } = {}): string[] {
    return this.received
      .filter((request) => !acceptedOnly || (request.answered >= 200 && request.answered < 300))
      .map((request) => (JSON.parse(request.body) as { eventId: string }).eventId);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
