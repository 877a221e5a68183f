import { type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformConfig } from '@handoff/platform-config';
import { JsonLogger } from '@handoff/platform-observability';

const logger = new Logger('Bootstrap');

/**
 * Starts a service: JSON logs from the first line, the raw request body kept for signature checks,
 * then HTTP. SIGTERM/SIGINT close the app (consumers stop after their batch and commit, the outbox
 * relay and producer stop, pools close) and exit 0; a shutdown that overruns SHUTDOWN_TIMEOUT_MS exits 1
 * so an orchestrator never waits on a stuck pool.
 */
export async function bootstrapService(appModule: Type, service: string): Promise<INestApplication> {
  const app = await NestFactory.create(appModule, { bufferLogs: true, rawBody: true });
  app.useLogger(app.get(JsonLogger));
  const config = app.get(PlatformConfig);
  closeOnSignals(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  logger.log({ msg: `${service} listening`, port: config.HTTP_PORT });
  return app;
}

function closeOnSignals(app: INestApplication, timeoutMs: number): void {
  let closing = false;
  const close = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log({ msg: 'shutting down', signal });
    setTimeout(() => {
      logger.error({ msg: 'graceful shutdown overran its timeout; exiting', timeoutMs });
      process.exit(1);
    }, timeoutMs).unref();
    await app.close();
    logger.log({ msg: 'shutdown complete' });
    process.exit(0);
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
