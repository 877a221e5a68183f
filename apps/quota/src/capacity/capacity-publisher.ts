import { Injectable } from '@nestjs/common';
import { Topics, type RepCapacityV1 } from '@handoff/contracts';
import type { RepCapacityFigures } from '@handoff/domain-quota';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { outboxMessageOf } from '@handoff/platform-kafka';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { lockRows } from '../books/lock-rows';
import { CapacityCalculator } from './capacity-calculator';

/**
 * Publishes rep.capacity.v1 for the reps whose figures moved: one record per rep per call (a chunk's or a
 * refresh's), carrying the state after all of it. Each rep's row is locked first, in rep order, so two chunks
 * touching one rep compute one after the other and the later record is the fresher one.
 */
@Injectable()
export class CapacityPublisher {
  constructor(private readonly calculator: CapacityCalculator) {}

  async publish(
    manager: EntityManager,
    repIds: Iterable<string>,
    now: string,
    correlationId: string = randomUUID(),
  ): Promise<NewOutboxMessage[]> {
    const reps = [...new Set(repIds)].sort();
    if (reps.length === 0) return [];
    const published = await this.lock(manager, reps);
    const figures = await this.calculator.figuresOf(manager, reps, now);
    const changed = figures.filter((next) => !sameFigures(published.get(next.repId), next));
    if (changed.length === 0) return [];
    await manager.query(
      `UPDATE rep_capacities c SET figures = f.figures, published_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS f("repId" text, figures jsonb) WHERE c.rep_id = f."repId"`,
      [JSON.stringify(changed.map((next) => ({ repId: next.repId, figures: next }))), now],
    );
    return changed.map((next) => outboxMessageOf(Topics.repCapacity, eventOf(next, now, correlationId)));
  }

  private async lock(manager: EntityManager, reps: readonly string[]): Promise<Map<string, RepCapacityFigures>> {
    type Row = { rep_id: string; figures: RepCapacityFigures | null };
    const rows = await lockRows<Row>(manager, 'rep_capacities', reps, 'figures');
    return new Map(rows.flatMap((row) => (row.figures ? [[row.rep_id, row.figures]] : [])));
  }
}

function eventOf(figures: RepCapacityFigures, now: string, correlationId: string): RepCapacityV1 {
  return { eventId: randomUUID(), occurredAt: now, schemaVersion: 1, correlationId, ...figures };
}

/** Compared field by field: the stored copy comes back from jsonb, whose key order is not the object's. */
function sameFigures(stored: RepCapacityFigures | undefined, next: RepCapacityFigures): boolean {
  if (stored === undefined) return false;
  return (Object.keys(next) as (keyof RepCapacityFigures)[]).every((key) => stored[key] === next[key]);
}
