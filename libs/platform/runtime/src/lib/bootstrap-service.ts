import { type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from '@handoff/platform-observability';
import { PlatformConfig } from '@handoff/platform-config';

/**
 * Starts a service: JSON logs from the first line, shutdown hooks (SIGTERM stops consumers, finishes
 * the batch, commits, closes pools), then HTTP. A shutdown that overruns SHUTDOWN_TIMEOUT_MS exits
 * anyway so an orchestrator never waits on a stuck pool.
 */
export async function bootstrapService(appModule: Type, service: string): Promise<INestApplication> {
  const app = await NestFactory.create(appModule, { bufferLogs: true });
  app.useLogger(app.get(JsonLogger));
  const config = app.get(PlatformConfig);
  app.enableShutdownHooks();
  exitIfShutdownOverruns(config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  Logger.log({ msg: `${service} listening`, port: config.HTTP_PORT }, 'Bootstrap');
  return app;
}

function exitIfShutdownOverruns(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        Logger.error({ msg: 'graceful shutdown overran its timeout; exiting', timeoutMs }, 'Bootstrap');
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
