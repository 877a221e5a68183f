import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryAttemptDto, DeliveryDto, DeliveryStatus } from './delivery.dto';

interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  lead_id: string | null;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

interface AttemptRow {
  attempted_at: Date;
  status_code: number | null;
  error: string | null;
  latency_ms: number;
  response_excerpt: string | null;
}

const DELIVERY_COLUMNS = `id, subscription_id, event_id, event_type, lead_id, status, attempts, next_attempt_at,
  last_error, created_at, delivered_at`;

/** Reads the delivery log: deliveries by subscription, by lead, and one with every attempt. */
@Injectable()
export class DeliveryLogStore {
  constructor(private readonly dataSource: DataSource) {}

  async ofSubscription(subscriptionId: string, limit: number, status?: DeliveryStatus): Promise<DeliveryDto[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE subscription_id = $1 AND ($3::text IS NULL OR status = $3)
       ORDER BY seq DESC LIMIT $2`,
      [subscriptionId, limit, status ?? null],
    );
    return rows.map(deliveryView);
  }

  async ofLead(leadId: string, limit: number, status?: DeliveryStatus): Promise<DeliveryDto[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE lead_id = $1 AND ($3::text IS NULL OR status = $3)
       ORDER BY seq DESC LIMIT $2`,
      [leadId, limit, status ?? null],
    );
    return rows.map(deliveryView);
  }

  async one(id: string): Promise<(DeliveryDto & { attemptLog: DeliveryAttemptDto[] }) | undefined> {
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE id = $1`,
      [id],
    );
    if (!row) return undefined;
    const attempts: AttemptRow[] = await this.dataSource.query(
      `SELECT attempted_at, status_code, error, latency_ms, response_excerpt FROM delivery_attempts
       WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
    return { ...deliveryView(row), attemptLog: attempts.map(attemptView) };
  }
}

function deliveryView(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    leadId: row.lead_id ?? undefined,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : undefined,
    lastError: row.last_error ?? undefined,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString(),
  };
}

function attemptView(row: AttemptRow): DeliveryAttemptDto {
  return {
    attemptedAt: row.attempted_at.toISOString(),
    statusCode: row.status_code ?? undefined,
    error: row.error ?? undefined,
    latencyMs: row.latency_ms,
    responseExcerpt: row.response_excerpt ?? undefined,
  };
}
