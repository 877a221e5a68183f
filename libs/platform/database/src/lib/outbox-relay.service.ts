import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { DataSource, EntityManager } from 'typeorm';
import { LockPurpose, advisoryLockKeys } from './advisory-lock.util';
import type { OutboxMessage, OutboxSender } from './outbox-message.types';
import { type OutboxMetrics, registerOutboxMetrics } from './outbox.metrics';
import { qualifiedTable, serviceSchemaOf } from './sql-identifier.util';

export interface OutboxRelayOptions {
  /** Rows sent per transaction. Default 100. */
  batchSize?: number;
  /** Wait after a run that found less than a full batch. Default 250 ms. */
  pollIntervalMs?: number;
  /** Wait after a failed run (broker or database down). Default 1000 ms. */
  retryDelayMs?: number;
  /** Published rows older than this are deleted by the polling loop; 0 keeps them. Default 24. */
  retentionHours?: number;
  /** How often the polling loop deletes old published rows. Default 1 hour. */
  retentionIntervalMs?: number;
  /** The service's METRICS_REGISTRY; adds handoff_outbox_backlog_records and handoff_outbox_relayed_records_total. */
  metrics?: Registry;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string | null;
  payload: string;
  headers: Record<string, string>;
}

const HOUR_MS = 3_600_000;

/**
 * Relays committed outbox rows to Kafka in id order, at least once. Each run is one transaction that holds a
 * transaction-scoped advisory lock for the service schema, so only one relay per schema sends at a time
 * (replicas included) and per-key order survives; SKIP LOCKED would let replicas overtake each other. A crash
 * after the send but before the commit leaves the rows unpublished, so they are sent again and consumers
 * de-duplicate by event id.
 */
export class OutboxRelay implements OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: string;
  private readonly lockKeys: [number, number];
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryDelayMs: number;
  private readonly retentionHours: number;
  private readonly retentionIntervalMs: number;
  private readonly metrics?: OutboxMetrics;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private nextPurgeAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: OutboxSender,
    options: OutboxRelayOptions = {},
  ) {
    const schema = serviceSchemaOf(dataSource);
    this.table = qualifiedTable(schema, 'outbox');
    this.lockKeys = advisoryLockKeys(LockPurpose.OutboxRelay, schema);
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.retentionHours = options.retentionHours ?? 24;
    this.retentionIntervalMs = options.retentionIntervalMs ?? HOUR_MS;
    this.metrics = options.metrics && registerOutboxMetrics(options.metrics, () => this.countBacklog());
  }

  /**
   * Sends the oldest unpublished rows (up to one batch) and marks them published. Returns how many were sent;
   * 0 when there was nothing to send or another relay holds the lock. Rejects when the sender or the database
   * fails, leaving the rows unpublished.
   */
  async relayOnce(): Promise<number> {
    const sent = await this.dataSource.transaction(async (manager) => {
      if (!(await this.tryLock(manager))) return 0;
      const rows = await this.oldestUnpublished(manager);
      if (rows.length === 0) return 0;
      await this.sender.send(rows.map(toMessage));
      await manager.query(`UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
    this.metrics?.relayed.inc(sent);
    return sent;
  }

  /** Deletes rows published more than `olderThanHours` ago; returns how many. */
  async purgePublished(olderThanHours = this.retentionHours): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE published_at < now() - make_interval(hours => $1)`,
      [olderThanHours],
    );
    return deleted;
  }

  /** Starts polling; a full batch is followed immediately by the next run. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.poll();
  }

  /** Stops polling and resolves once the run in flight (if any) has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = undefined;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  private async poll(): Promise<void> {
    while (this.running) {
      const delayMs = await this.runSafely();
      if (this.running && delayMs > 0) await this.sleep(delayMs);
    }
  }

  /** Returns how long to wait before the next run. */
  private async runSafely(): Promise<number> {
    try {
      const sent = await this.relayOnce();
      await this.purgeIfDue();
      return sent === this.batchSize ? 0 : this.pollIntervalMs;
    } catch (error) {
      this.logger.error({
        msg: 'outbox relay run failed; rows stay unpublished',
        error: errorMessage(error),
      });
      return this.retryDelayMs;
    }
  }

  private async purgeIfDue(): Promise<void> {
    if (this.retentionHours <= 0 || Date.now() < this.nextPurgeAt) return;
    this.nextPurgeAt = Date.now() + this.retentionIntervalMs;
    const deleted = await this.purgePublished();
    if (deleted > 0) this.logger.log({ msg: 'purged published outbox rows', deleted });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async tryLock(manager: EntityManager): Promise<boolean> {
    const [{ locked }]: Array<{ locked: boolean }> = await manager.query(
      'SELECT pg_try_advisory_xact_lock($1, $2) AS locked',
      this.lockKeys,
    );
    return locked;
  }

  private oldestUnpublished(manager: EntityManager): Promise<OutboxRow[]> {
    return manager.query(
      `SELECT id, topic, message_key, payload, headers FROM ${this.table}
       WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [this.batchSize],
    );
  }

  private async countBacklog(): Promise<number> {
    const [{ backlog }]: Array<{ backlog: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS backlog FROM ${this.table} WHERE published_at IS NULL`,
    );
    return backlog;
  }
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    topic: row.topic,
    key: row.message_key,
    value: row.payload,
    headers: row.headers,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
