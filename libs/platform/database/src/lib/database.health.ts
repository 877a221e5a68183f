import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { ReadinessIndicator } from '@handoff/platform-observability';
import { DataSource } from 'typeorm';

const PING_TIMEOUT_MS = 1000;

/** Readiness check for the service database: `SELECT 1` on the pool, bounded by a timeout. */
@Injectable()
export class DatabaseHealthIndicator implements ReadinessIndicator {
  readonly name = 'database';

  constructor(
    private readonly typeOrm: TypeOrmHealthIndicator,
    private readonly dataSource: DataSource,
  ) {}

  check(): Promise<HealthIndicatorResult> {
    return this.typeOrm.pingCheck(this.name, { connection: this.dataSource, timeout: PING_TIMEOUT_MS });
  }
}
