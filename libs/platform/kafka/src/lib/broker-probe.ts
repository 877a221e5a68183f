import { withTimeout } from '@handoff/platform-observability';
import type { Admin } from 'kafkajs';

/**
 * Answers "can this service reach the cluster right now?" for readiness. A producer that connected
 * once keeps saying so after the broker dies, so readiness asks the cluster itself, with a deadline.
 */
export class BrokerProbe {
  private admin?: Admin;
  private closed = false;

  constructor(private readonly createAdmin: () => Admin) {}

  /** False once closed: a service that is shutting down is not ready, and must not reconnect. */
  async isReachable(timeoutMs: number): Promise<boolean> {
    if (this.closed) return false;
    try {
      await withTimeout(this.describeCluster(), timeoutMs, `no answer from the cluster within ${timeoutMs} ms`);
      return true;
    } catch {
      await this.reset();
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.reset();
  }

  private async describeCluster(): Promise<void> {
    if (!this.admin) {
      this.admin = this.createAdmin();
      await this.admin.connect();
    }
    await this.admin.describeCluster();
  }

  /** A fresh admin next time: kafkajs keeps retrying a dead connection otherwise. */
  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
