import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A delivery a dispatcher leased, with what it needs to send it. */
export interface LeasedDelivery {
  id: string;
  subscriptionId: string;
  url: string;
  body: string;
  attempts: number;
  /** The current secret first, then the previous one while its overlap lasts. */
  secrets: string[];
  eventType: string;
  leadId: string | null;
  /** The subscription asked for the lead's contact details (lead.routed deliveries only). */
  includeContact: boolean;
}

/** One attempt's result as the log stores it. */
export interface AttemptRecord {
  attemptedAt: Date;
  statusCode?: number;
  error?: string;
  latencyMs: number;
  responseExcerpt?: string;
}

/** What an attempt decided for the delivery: done, retry at a time, dead, or the endpoint is gone. */
export type AttemptVerdict =
  | { kind: 'delivered' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'dead'; reason: string }
  | { kind: 'gone' };

export interface CircuitSettings {
  failures: number;
  pauseMs: number;
}

/** No cap on one endpoint's deliveries in flight (the dispatcher passes DELIVERY_ENDPOINT_CONCURRENCY). */
const NO_ENDPOINT_CAP = 1_000_000;

/**
 * Heads of (subscription, lead) queues that are due, of active endpoints with a closed circuit and fewer than $3
 * deliveries in flight; ranked per endpoint so one statement adds no more than the endpoint's room; leased for $2
 * ms. Concurrent statements may together pass the cap by a few: it bounds, it does not meter.
 */
const LEASE_DUE_DELIVERIES = `
  WITH candidates AS (
    SELECT d.id, d.subscription_id, d.next_attempt_at, d.seq,
      (SELECT count(*) FROM deliveries busy
       WHERE busy.subscription_id = d.subscription_id AND busy.status = 'pending'
         AND busy.lease_until > now()) AS in_flight
    FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= now()
      AND (d.lease_until IS NULL OR d.lease_until < now())
      AND s.status = 'active' AND (s.circuit_open_until IS NULL OR s.circuit_open_until <= now())
      AND (SELECT count(*) FROM deliveries busy
           WHERE busy.subscription_id = d.subscription_id AND busy.status = 'pending'
             AND busy.lease_until > now()) < $3
      AND NOT EXISTS (
        SELECT 1 FROM deliveries older
        WHERE older.subscription_id = d.subscription_id AND older.order_key = d.order_key
          AND older.status = 'pending' AND older.seq < d.seq)
    ORDER BY d.next_attempt_at, d.seq
    LIMIT $1
    FOR UPDATE OF d SKIP LOCKED),
  due AS (
    SELECT id FROM (
      SELECT id, next_attempt_at, seq,
        in_flight + row_number() OVER (PARTITION BY subscription_id ORDER BY next_attempt_at, seq) AS load
      FROM candidates) ranked
    WHERE load <= $3
    ORDER BY next_attempt_at, seq
    LIMIT $1)
  UPDATE deliveries d SET lease_until = now() + make_interval(secs => $2::double precision / 1000)
  FROM due, subscriptions s
  WHERE d.id = due.id AND s.id = d.subscription_id
  RETURNING d.id, d.subscription_id, s.url, d.body, d.attempts, s.secret, d.event_type, d.lead_id, s.include_contact,
    CASE WHEN s.previous_secret_until > now() THEN s.previous_secret END AS previous_secret`;

/**
 * The durable per-endpoint queue. A delivery is due when it is pending, its time has come, its subscription is
 * active with a closed circuit, and it is the oldest pending delivery of its (subscription, lead): a failing one
 * holds back the later ones of that lead for that endpoint only. Claiming sets a lease under FOR UPDATE SKIP
 * LOCKED, so replicas share the work and no transaction stays open over HTTP.
 */
@Injectable()
export class DeliveryQueueStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Leases up to `limit` due deliveries, skipping endpoints that already have `perEndpoint` in flight. */
  async lease(limit: number, leaseMs: number, perEndpoint = NO_ENDPOINT_CAP): Promise<LeasedDelivery[]> {
    const rows: {
      id: string;
      subscription_id: string;
      url: string;
      body: string;
      attempts: number;
      secret: string;
      previous_secret: string | null;
      event_type: string;
      lead_id: string | null;
      include_contact: boolean;
    }[] = await this.dataSource.query(LEASE_DUE_DELIVERIES, [limit, leaseMs, perEndpoint]).then(([updated]) => updated);
    return rows.map((row) => ({
      id: row.id,
      subscriptionId: row.subscription_id,
      url: row.url,
      body: row.body,
      attempts: row.attempts,
      secrets: row.previous_secret ? [row.secret, row.previous_secret] : [row.secret],
      eventType: row.event_type,
      leadId: row.lead_id,
      includeContact: row.include_contact,
    }));
  }

  /** Stores the attempt and applies its verdict to the delivery and to the endpoint's circuit, in one transaction. */
  async record(delivery: LeasedDelivery, attempt: AttemptRecord, verdict: AttemptVerdict, circuit: CircuitSettings) {
    await this.dataSource.transaction(async (manager) => {
      await insertAttempt(manager, delivery.id, attempt);
      await applyToDelivery(manager, delivery.id, verdict, attempt.error ?? statusError(attempt.statusCode));
      await applyToSubscription(manager, delivery.subscriptionId, verdict, circuit);
    });
  }

  /** Puts a dead delivery back in its queue with a fresh schedule; false when it is not dead. */
  async replay(id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL,
         last_error = NULL WHERE id = $1 AND status = 'dead'`,
      [id],
    );
    return affected > 0;
  }
}

function statusError(statusCode: number | undefined): string | undefined {
  return statusCode === undefined ? undefined : `HTTP ${statusCode}`;
}

async function insertAttempt(manager: EntityManager, deliveryId: string, attempt: AttemptRecord): Promise<void> {
  await manager.query(
    `INSERT INTO delivery_attempts (delivery_id, attempted_at, status_code, error, latency_ms, response_excerpt)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      deliveryId,
      attempt.attemptedAt,
      attempt.statusCode ?? null,
      attempt.error?.slice(0, 512) ?? null,
      Math.round(attempt.latencyMs),
      attempt.responseExcerpt ?? null,
    ],
  );
}

async function applyToDelivery(manager: EntityManager, id: string, verdict: AttemptVerdict, error?: string) {
  const done = `attempts = attempts + 1, lease_until = NULL`;
  if (verdict.kind === 'delivered') {
    await manager.query(
      `UPDATE deliveries SET status = 'delivered', delivered_at = now(), last_error = NULL, ${done} WHERE id = $1`,
      [id],
    );
  } else if (verdict.kind === 'retry') {
    await manager.query(
      `UPDATE deliveries SET next_attempt_at = now() + make_interval(secs => $3::double precision / 1000),
         last_error = $2, ${done} WHERE id = $1`,
      [id, error?.slice(0, 512) ?? null, verdict.delayMs],
    );
  } else {
    const reason = verdict.kind === 'dead' ? `${error ?? 'failed'}; ${verdict.reason}` : `${error}; endpoint gone`;
    await manager.query(`UPDATE deliveries SET status = 'dead', last_error = $2, ${done} WHERE id = $1`, [
      id,
      reason.slice(0, 512),
    ]);
  }
}

async function applyToSubscription(
  manager: EntityManager,
  id: string,
  verdict: AttemptVerdict,
  circuit: CircuitSettings,
): Promise<void> {
  if (verdict.kind === 'delivered') {
    await manager.query(
      `UPDATE subscriptions SET consecutive_failures = 0, circuit_open_until = NULL
       WHERE id = $1 AND (consecutive_failures <> 0 OR circuit_open_until IS NOT NULL)`,
      [id],
    );
  } else if (verdict.kind === 'gone') {
    // 410 Gone: the receiver says the endpoint is no more; stop until an admin re-activates it.
    await manager.query(`UPDATE subscriptions SET status = 'disabled', updated_at = now() WHERE id = $1`, [id]);
  } else {
    await manager.query(
      `UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1,
         circuit_open_until = CASE WHEN consecutive_failures + 1 >= $2
           THEN now() + make_interval(secs => $3::double precision / 1000) ELSE circuit_open_until END
       WHERE id = $1`,
      [id, circuit.failures, circuit.pauseMs],
    );
  }
}
