import { Controller, Get, Header, Inject, NotFoundException } from '@nestjs/common';
import { PlatformConfig } from '@handoff/platform-config';
import { prometheusContentType, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';

/** GET /metrics on the service's HTTP port, unless METRICS_PORT moved it to a listener of its own (MetricsServer). */
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    private readonly config: PlatformConfig,
  ) {}

  @Get()
  @Header('Content-Type', prometheusContentType)
  metrics(): Promise<string> {
    if (this.config.METRICS_PORT) throw new NotFoundException('metrics are served on METRICS_PORT');
    return this.registry.metrics();
  }
}
