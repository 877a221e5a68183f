import type { BrowserContext, Response } from 'playwright-core';

interface Received {
  url: string;
  text: string;
}

/**
 * Everything a browser context receives: each response's status line, headers and body, and at the end its
 * cookies, so a test can say that a secret never reached the browser.
 */
export class ReceivedByBrowser {
  private readonly received: Received[] = [];
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly context: BrowserContext) {
    context.on('response', (response) => this.pending.push(this.keep(response)));
  }

  get responses(): number {
    return this.received.length;
  }

  /** The places (`url: excerpt`) where any of the secrets appears in what the browser received. */
  async occurrencesOf(secrets: readonly string[]): Promise<string[]> {
    await Promise.all(this.pending);
    const cookies = await this.context.cookies();
    const everything = [...this.received, { url: 'cookies', text: JSON.stringify(cookies) }];
    return everything.flatMap(({ url, text }) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${url}: contains ${secret.slice(0, 6)}…`),
    );
  }

  private async keep(response: Response): Promise<void> {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.text().catch(() => '');
    this.received.push({ url: response.url(), text: `${response.status()} ${headers}\n${body}` });
  }
}
