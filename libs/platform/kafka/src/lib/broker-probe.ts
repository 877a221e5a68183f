import { withTimeout } from '@handoff/platform-observability';
import type { Admin } from 'kafkajs';

/**
 * Answers "can this service reach the cluster right now?" for readiness. A producer that connected
 * once keeps saying so after the broker dies, so readiness asks the cluster itself, with a deadline.
 */
export class BrokerProbe {
  private admin?: Admin;

  constructor(private readonly createAdmin: () => Admin) {}

  async isReachable(timeoutMs: number): Promise<boolean> {
    try {
      await withTimeout(this.describeCluster(), timeoutMs, `no answer from the cluster within ${timeoutMs} ms`);
      return true;
    } catch {
      await this.reset();
      return false;
    }
  }

  async close(): Promise<void> {
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
