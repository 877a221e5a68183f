import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '@handoff/testing';

export interface OidcProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  adminGroup: string;
}

/** A real OpenID provider in its own Node process (oidc-provider.fixture.mjs): everyone who comes is `ada`, an admin. */
export class OidcProviderProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(client: OidcProviderClient): Promise<OidcProviderProcess> {
    const port = await freePort();
    const fixture = join(__dirname, 'oidc-provider.fixture.mjs');
    const args = [fixture, String(port), client.clientId, client.clientSecret, client.redirectUri, client.adminGroup];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const issuer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`OIDC provider did not start:\n${output.join('')}`)), 20_000);
      child.once('exit', (code) => reject(new Error(`OIDC provider exited with ${code}:\n${output.join('')}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.startsWith('ready ')) return;
        clearTimeout(timer);
        resolve(line.slice('ready '.length));
      });
    });
    return new OidcProviderProcess(child, issuer);
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
