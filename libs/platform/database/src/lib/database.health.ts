import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

/** Readiness check for the service database: `SELECT 1` on the pool, bounded by a timeout. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly typeOrm: TypeOrmHealthIndicator,
    private readonly dataSource: DataSource,
  ) {}

  isHealthy<Key extends string = 'database'>(
    key = 'database' as Key,
    timeoutMs = 1000,
  ): Promise<HealthIndicatorResult<Key>> {
    return this.typeOrm.pingCheck(key, {
      connection: this.dataSource,
      timeout: timeoutMs,
    });
  }
}
