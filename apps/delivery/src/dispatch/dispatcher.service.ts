import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@handoff/platform-runtime';
import { DeliveryConfig } from '../app/delivery.config';
import { targetPolicyOf } from '../subscriptions/subscriptions.service';
import { type AttemptVerdict, DeliveryQueueStore, type LeasedDelivery } from './delivery-queue.store';
import { retryAfterMsOf, retryDelayMs } from './retry-schedule';
import { type SendOutcome, WebhookSender } from './webhook-sender';
import { webhookHeaders } from './webhook-signing';

/** Attempts per run: a run drains what is due but ends, so a stop is never waiting on an endless run. */
const MAX_ATTEMPTS_PER_RUN = 10_000;

/**
 * Sends due deliveries with DELIVERY_CONCURRENCY workers, each leasing the head of one (subscription, lead) queue
 * at a time, so a slow endpoint holds one worker, not a round; DELIVERY_ENDPOINT_CONCURRENCY caps what one
 * endpoint may hold. Replicas share the queue through leases. Runs at its interval and as soon as the consumer
 * queued something.
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Dispatcher.name);
  private readonly sender: WebhookSender;
  private task?: PeriodicTask;

  constructor(
    private readonly queue: DeliveryQueueStore,
    private readonly config: DeliveryConfig,
  ) {
    this.sender = new WebhookSender(targetPolicyOf(config), config.DELIVERY_TIMEOUT_MS);
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
    this.sender.close();
  }

  /** New deliveries were queued (or one was replayed): look now rather than at the next interval. */
  runSoon(): void {
    this.task?.runSoon();
  }

  /** Sends what is due until nothing is; answers how many attempts it made. */
  async runOnce(): Promise<number> {
    let attempts = 0;
    const worker = async (): Promise<void> => {
      while (!this.task?.isStopped && attempts < MAX_ATTEMPTS_PER_RUN) {
        const [delivery] = await this.queue.lease(1, this.leaseMs(), this.config.DELIVERY_ENDPOINT_CONCURRENCY);
        if (!delivery) return;
        attempts += 1;
        await this.attempt(delivery);
      }
    };
    await Promise.all(Array.from({ length: this.config.DELIVERY_CONCURRENCY }, worker));
    return attempts;
  }

  private async attempt(delivery: LeasedDelivery): Promise<void> {
    const attemptedAt = new Date();
    const headers = webhookHeaders(delivery.id, attemptedAt, delivery.body, delivery.secrets);
    const outcome = await this.sender.post(delivery.url, delivery.body, { ...headers });
    const verdict = this.verdictOf(delivery.attempts + 1, outcome, attemptedAt);
    await this.queue.record(delivery, { attemptedAt, ...outcome }, verdict, {
      failures: this.config.DELIVERY_CIRCUIT_FAILURES,
      pauseMs: this.config.DELIVERY_CIRCUIT_PAUSE_MS,
    });
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
