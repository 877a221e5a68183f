import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@handoff/platform-runtime';
import { ConsoleConfig } from '../app/console.config';
import { DeadLettersService } from '../dead-letters/dead-letters.service';
import { PIPELINE_METRICS, PipelineFigures, SCRAPED_SERVICES, type ScrapedService } from './pipeline-figures';
import { parseSamples } from './prometheus-text';

/** Reads each service's `/metrics` and the dead-letter topics' counts every CONSOLE_METRICS_SCRAPE_MS. */
@Injectable()
export class MetricsScraper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsScraper.name);
  private readonly urls: Record<ScrapedService, string>;
  private task?: PeriodicTask;

  constructor(
    private readonly config: ConsoleConfig,
    private readonly figures: PipelineFigures,
    private readonly deadLetters: DeadLettersService,
  ) {
    this.urls = {
      ingest: config.CONSOLE_INGEST_METRICS_URL ?? `${config.CONSOLE_INGEST_URL}/metrics`,
      scoring: config.CONSOLE_SCORING_METRICS_URL ?? `${config.CONSOLE_SCORING_URL}/metrics`,
      routing: config.CONSOLE_ROUTING_METRICS_URL ?? `${config.CONSOLE_ROUTING_URL}/metrics`,
      quota: config.CONSOLE_QUOTA_METRICS_URL ?? `${config.CONSOLE_QUOTA_URL}/metrics`,
    };
  }

  onApplicationBootstrap(): void {
    this.task = new PeriodicTask(
      'metrics-scrape',
      this.config.CONSOLE_METRICS_SCRAPE_MS,
      () => this.scrape(),
      this.logger,
    );
    this.task.start();
    this.task.runSoon();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
  }

  async scrape(): Promise<void> {
    await Promise.all(SCRAPED_SERVICES.map((service) => this.scrapeOne(service)));
    try {
      this.figures.deadLettersCounted(await this.deadLetters.counts());
    } catch (error) {
      this.logger.warn({ msg: 'dead-letter topics not counted; keeping the last counts', err: error });
    }
  }

  private async scrapeOne(service: ScrapedService): Promise<void> {
    // Shorter than the interval, so a hung service cannot hold the next scrape back.
    const timeoutMs = Math.min(this.config.CONSOLE_SERVICE_TIMEOUT_MS, this.config.CONSOLE_METRICS_SCRAPE_MS);
    try {
      const response = await fetch(this.urls[service], { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      this.figures.scraped(service, Date.now(), parseSamples(await response.text(), PIPELINE_METRICS));
    } catch (error) {
      this.logger.debug({ msg: 'metrics not read', service, err: error });
      this.figures.unreachable(service);
    }
  }
}
