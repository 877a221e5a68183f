import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SubscriptionFilters } from '../intake/event-matching';
import type { SubscriptionDto, SubscriptionStatus } from './subscription.dto';

/** A subscription as stored, secrets included (never answered except the current secret once). */
export interface SubscriptionRow {
  id: string;
  url: string;
  event_types: string[];
  filters: SubscriptionFilters;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  status: SubscriptionStatus;
  include_contact: boolean;
  consecutive_failures: number;
  circuit_open_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface SubscriptionChange {
  url?: string;
  eventTypes?: string[];
  filters?: SubscriptionFilters;
  status?: SubscriptionStatus;
  includeContact?: boolean;
}

/** Reads and writes the subscriptions table. */
@Injectable()
export class SubscriptionsStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    row: Pick<SubscriptionRow, 'id' | 'url' | 'event_types' | 'filters' | 'secret' | 'status' | 'include_contact'>,
  ) {
    const [created] = await this.dataSource.query(
      `INSERT INTO subscriptions (id, url, event_types, filters, secret, status, include_contact)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [row.id, row.url, row.event_types, JSON.stringify(row.filters), row.secret, row.status, row.include_contact],
    );
    return created as SubscriptionRow;
  }

  async list(): Promise<SubscriptionRow[]> {
    return this.dataSource.query(`SELECT * FROM subscriptions ORDER BY created_at, id`);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<SubscriptionRow | undefined> {
    const [row] = await manager.query(`SELECT * FROM subscriptions WHERE id = $1`, [id]);
    return row;
  }

  /** Subscriptions that take new events of a type (paused ones queue them for later, disabled ones do not). */
  async interestedIn(manager: EntityManager, eventTypes: readonly string[]): Promise<SubscriptionRow[]> {
    return manager.query(
      `SELECT * FROM subscriptions WHERE status <> 'disabled' AND event_types && $1::text[] ORDER BY id`,
      [eventTypes],
    );
  }

  async update(id: string, change: SubscriptionChange): Promise<SubscriptionRow | undefined> {
    const [rows] = await this.dataSource.query(
      `UPDATE subscriptions SET url = COALESCE($2, url), event_types = COALESCE($3, event_types),
         filters = COALESCE($4, filters), status = COALESCE($5, status),
         include_contact = COALESCE($6, include_contact),
         -- An admin re-activating an endpoint closes its circuit.
         consecutive_failures = CASE WHEN $5 = 'active' THEN 0 ELSE consecutive_failures END,
         circuit_open_until = CASE WHEN $5 = 'active' THEN NULL ELSE circuit_open_until END,
         updated_at = now()
       WHERE id = $1 RETURNING *`,
      [
        id,
        change.url ?? null,
        change.eventTypes ?? null,
        change.filters ? JSON.stringify(change.filters) : null,
        change.status ?? null,
        change.includeContact ?? null,
      ],
    );
    return rows[0];
  }

  async rotate(id: string, secret: string, overlapMs: number): Promise<SubscriptionRow | undefined> {
    const [rows] = await this.dataSource.query(
      `UPDATE subscriptions SET previous_secret = secret, secret = $2,
         previous_secret_until = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, secret, overlapMs],
    );
    return rows[0];
  }

  async delete(id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(`DELETE FROM subscriptions WHERE id = $1`, [id]);
    return affected > 0;
  }
}

/** A subscription as the API shows it: no secrets. */
export function subscriptionView(row: SubscriptionRow): SubscriptionDto {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    filters: row.filters,
    status: row.status,
    includeContact: row.include_contact,
    consecutiveFailures: row.consecutive_failures,
    circuitOpenUntil: row.circuit_open_until?.toISOString(),
    previousSecretUntil: row.previous_secret_until?.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
