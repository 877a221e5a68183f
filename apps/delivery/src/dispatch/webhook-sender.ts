import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { BlockedTargetError, guardedLookup, isPublicAddress, type TargetPolicy } from './target-policy';

/** Bytes of a response body kept in the log: enough for an error message, never a whole page. */
export const RESPONSE_EXCERPT_BYTES = 4096;

export interface SendOutcome {
  statusCode?: number;
  error?: string;
  latencyMs: number;
  responseExcerpt?: string;
  retryAfter?: string;
}

/**
 * POSTs webhooks. Every connection resolves its host through the guarded lookup (so a name re-pointed at the
 * inside after subscription is refused); redirects are not followed (a 3xx is a failure); the whole exchange,
 * body included, is bounded by the timeout.
 */
export class WebhookSender {
  private readonly agents: { http: HttpAgent; https: HttpsAgent };

  constructor(
    private readonly policy: TargetPolicy,
    private readonly timeoutMs: number,
  ) {
    const lookup = guardedLookup(policy);
    this.agents = {
      http: new HttpAgent({ keepAlive: true, lookup } as object),
      https: new HttpsAgent({ keepAlive: true, lookup } as object),
    };
  }

  async post(url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const deadline = AbortSignal.timeout(this.timeoutMs);
    try {
      const target = new URL(url);
      this.checkLiteralAddress(target);
      const response = await this.exchange(target, body, headers, deadline);
      return { ...response, latencyMs: elapsed() };
    } catch (error) {
      return { error: deadline.aborted ? 'timed out' : describe(error), latencyMs: elapsed() };
    }
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** An IP literal never goes through lookup, so it is checked here. */
  private checkLiteralAddress(target: URL): void {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!this.policy.allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) throw new BlockedTargetError(host);
  }

  private exchange(
    target: URL,
    body: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Omit<SendOutcome, 'latencyMs'>> {
    const secure = target.protocol === 'https:';
    const request = secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        target,
        {
          method: 'POST',
          agent: secure ? this.agents.https : this.agents.http,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'handoff-delivery/1',
          },
          signal,
        },
        (response) => {
          readExcerpt(response).then(
            (excerpt) =>
              resolve({
                statusCode: response.statusCode,
                responseExcerpt: excerpt,
                retryAfter: headerOf(response, 'retry-after'),
              }),
            reject,
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

/** The first RESPONSE_EXCERPT_BYTES of the body; the rest is not read (the socket is dropped instead). */
function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => resolve(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= RESPONSE_EXCERPT_BYTES) {
        response.destroy();
        finish();
      }
    });
    response.on('end', finish);
    response.on('error', (error) => (size >= RESPONSE_EXCERPT_BYTES ? finish() : reject(error)));
  });
}

function headerOf(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
