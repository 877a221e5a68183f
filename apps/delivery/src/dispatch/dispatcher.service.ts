import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { errorMessageOf } from '@handoff/platform-kafka';
import { PeriodicTask } from '@handoff/platform-runtime';
import { DeliveryConfig } from '../app/delivery.config';
import { targetPolicyOf } from '../subscriptions/subscriptions.service';
import { type AttemptVerdict, DeliveryQueueStore, type LeasedDelivery } from './delivery-queue.store';
import { ContactVaultClient, withContact } from './contact-vault.client';
import { DeliveryMetrics } from './delivery.metrics';
import { retryAfterMsOf, retryDelayMs } from './retry-schedule';
import { type SendOutcome, WebhookSender } from './webhook-sender';
import { webhookHeaders } from './webhook-signing';

/**
 * Sends due deliveries with up to DELIVERY_CONCURRENCY attempts in flight, each to the head of one (subscription,
 * lead) queue. A run only fills free slots and returns; a finished attempt frees its slot and asks for a run, so a
 * slow endpoint holds one slot, never the others (DELIVERY_ENDPOINT_CONCURRENCY caps how many it may hold).
 * Replicas share the queue through leases. Runs at its interval and as soon as the consumer queued something.
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Dispatcher.name);
  private readonly sender: WebhookSender;
  private readonly contacts?: ContactVaultClient;
  private task?: PeriodicTask;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly queue: DeliveryQueueStore,
    private readonly config: DeliveryConfig,
    private readonly metrics: DeliveryMetrics,
  ) {
    this.sender = new WebhookSender(targetPolicyOf(config), config.DELIVERY_TIMEOUT_MS);
    if (config.DELIVERY_CONTACT_TOKEN) {
      this.contacts = new ContactVaultClient(
        config.DELIVERY_CONTACT_URL_TEMPLATE,
        config.DELIVERY_CONTACT_TOKEN,
        config.DELIVERY_TIMEOUT_MS,
      );
    }
  }

  onApplicationBootstrap(): void {
    if (!this.config.DELIVERY_DISPATCH_ENABLED) return;
    this.task = new PeriodicTask(
      'webhook-dispatch',
      this.config.DELIVERY_DISPATCH_INTERVAL_MS,
      () => this.runOnce(),
      this.logger,
    );
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
    await this.settle();
    this.sender.close();
  }

  /** New deliveries were queued (or one was replayed): look now rather than at the next interval. */
  runSoon(): void {
    this.task?.runSoon();
  }

  /** Starts attempts on due deliveries while slots are free; answers how many it started. */
  async runOnce(): Promise<number> {
    let started = 0;
    while (this.inFlight.size < this.config.DELIVERY_CONCURRENCY && !this.task?.isStopped) {
      const [delivery] = await this.queue.lease(1, this.leaseMs(), this.config.DELIVERY_ENDPOINT_CONCURRENCY);
      if (!delivery) break;
      started += 1;
      const running: Promise<void> = this.attempt(delivery)
        .catch((error: unknown) => this.logger.warn({ msg: 'webhook attempt not recorded', err: error }))
        .finally(() => {
          this.inFlight.delete(running);
          this.runSoon();
        });
      this.inFlight.add(running);
    }
    return started;
  }

  /** Waits for the attempts in flight (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async attempt(delivery: LeasedDelivery): Promise<void> {
    const attemptedAt = new Date();
    const outcome = await this.bodyToSend(delivery).then(
      (body) =>
        this.sender.post(delivery.url, body, { ...webhookHeaders(delivery.id, attemptedAt, body, delivery.secrets) }),
      (error: unknown): SendOutcome => ({ error: `contact vault unavailable: ${errorMessageOf(error)}`, latencyMs: 0 }),
    );
    const verdict = this.verdictOf(delivery.attempts + 1, outcome, attemptedAt);
    await this.queue.record(delivery, { attemptedAt, ...outcome }, verdict, {
      failures: this.config.DELIVERY_CIRCUIT_FAILURES,
      pauseMs: this.config.DELIVERY_CIRCUIT_PAUSE_MS,
    });
    this.metrics.attempted(verdict.kind, outcome.latencyMs);
    this.logger.log({
      msg: 'webhook attempt',
      deliveryId: delivery.id,
      subscriptionId: delivery.subscriptionId,
      attempt: delivery.attempts + 1,
      statusCode: outcome.statusCode,
      error: outcome.error,
      latencyMs: Math.round(outcome.latencyMs),
      verdict: verdict.kind,
    });
  }

  /**
   * The stored event, plus the lead's contact details when the subscription asked for them: read at each attempt
   * and never stored, so an erasure between two attempts is honoured and the log holds no personal data.
   */
  private async bodyToSend(delivery: LeasedDelivery): Promise<string> {
    if (!delivery.includeContact || delivery.eventType !== 'lead.routed' || !delivery.leadId || !this.contacts) {
      return delivery.body;
    }
    return withContact(delivery.body, await this.contacts.lookup(delivery.leadId));
  }

  private verdictOf(attempt: number, outcome: SendOutcome, now: Date): AttemptVerdict {
    const status = outcome.statusCode;
    if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' };
    if (status === 410) return { kind: 'gone' };
    const delayMs = retryDelayMs(attempt, this.config.DELIVERY_RETRY_BASE_MS, retryAfterMsOf(outcome.retryAfter, now));
    return delayMs === undefined ? { kind: 'dead', reason: 'retry schedule exhausted' } : { kind: 'retry', delayMs };
  }

  /** A lease outlives the longest attempt, so a crashed replica's deliveries are picked up after it. */
  private leaseMs(): number {
    return this.config.DELIVERY_TIMEOUT_MS + 30_000;
  }
}
