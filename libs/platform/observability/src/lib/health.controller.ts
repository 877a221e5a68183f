import { Controller, Get } from '@nestjs/common';
import { HealthCheck, type HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { ReadinessService } from './readiness.service';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessService,
  ) {}

  /** Liveness: the process serves HTTP. Never checks dependencies, so an outage does not restart pods. */
  @Get('live')
  @HealthCheck()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 503 naming each failing dependency, and 503 once shutdown has begun. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check(this.readiness.checks());
  }
}
