import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type Request } from 'express';
import { PlatformConfig } from '@handoff/platform-config';
import { JsonLogger, startTracing, type TracingHandle } from '@handoff/platform-observability';
import { mapBodyParserErrors } from './http/body-parser-errors';
import { parseYamlBody, YAML_MEDIA_TYPES } from './http/yaml-body';
import type { ShutdownOnSignals } from './main/shutdown-on-signals';

const logger = new Logger('Bootstrap');

export interface ServiceAppOptions {
  /** Largest JSON (or YAML) body accepted (bytes); larger ones get a 413. Default 100 KB. */
  jsonBodyLimit?: (app: NestExpressApplication) => number;
  /** Also accept YAML request bodies (YAML_MEDIA_TYPES), read into the same shape as JSON, same size limit. */
  yamlBodies?: boolean;
  /**
   * Routes whose bodies are read as JSON whatever their Content-Type says (Segment-spec SDKs label JSON as
   * form data or send none); gzip, deflate and br bodies are inflated and the size limit applies inflated.
   */
  jsonUnderAnyContentType?: string[];
  /** Text media types (e.g. `text/csv`) read as a string body, each with its own size limit (413 above it). */
  textBodies?: TextBodyOptions[];
  /** Service-specific HTTP setup (OpenAPI…) applied before the app listens. */
  configure?: (app: NestExpressApplication) => void;
}

export interface TextBodyOptions {
  mediaTypes: string[];
  /** Largest body of these types (bytes). */
  limit: (app: NestExpressApplication) => number;
}

const DEFAULT_JSON_BODY_LIMIT = 100 * 1024;

/**
 * Creates a service's app as production runs it, without listening: JSON logs from the first line and
 * the raw request body kept (request signatures are computed over it). Tests use it too.
 */
export async function createServiceApp(
  appModule: Type,
  options: ServiceAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(appModule, { bufferLogs: true, rawBody: true });
  app.useLogger(app.get(JsonLogger));
  const limit = options.jsonBodyLimit?.(app) ?? DEFAULT_JSON_BODY_LIMIT;
  if (options.jsonUnderAnyContentType?.length) {
    // Before the default parsers, which would read a form-labelled body as form fields.
    app.use(options.jsonUnderAnyContentType, json({ limit, type: () => true, verify: keepRawBody }));
  }
  app.useBodyParser('json', { limit });
  if (options.yamlBodies) {
    app.useBodyParser('text', { limit, type: YAML_MEDIA_TYPES });
    app.use(parseYamlBody);
  }
  for (const text of options.textBodies ?? []) {
    app.useBodyParser('text', { limit: text.limit(app), type: text.mediaTypes });
  }
  app.use(mapBodyParserErrors);
  options.configure?.(app);
  return app;
}

/** What Nest's own parsers do with `rawBody: true`: request signatures are computed over these bytes. */
function keepRawBody(request: Request & { rawBody?: Buffer }, _response: unknown, body: Buffer): void {
  request.rawBody = body;
}

/**
 * Starts a service: tracing first (when the OTEL_* variables turn it on), then the app, listening on HTTP_PORT.
 * From then on `signals` closes it gracefully (consumers stop after their batch and commit, the outbox relay and
 * producer stop, pools close, then the spans still buffered are exported); until then a signal exits at once.
 */
export async function serveService(
  appModule: Type,
  service: string,
  signals: ShutdownOnSignals,
  options: ServiceAppOptions = {},
): Promise<void> {
  const tracing = await startTracing(service);
  const app = await createServiceApp(appModule, options);
  const config = app.get(PlatformConfig);
  signals.started(() => closeAndFlush(app, tracing), config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  logger.log({ msg: `${service} listening`, port: config.HTTP_PORT });
}

/** After the app: the spans of the last chunks and requests are exported too. */
async function closeAndFlush(app: NestExpressApplication, tracing: TracingHandle): Promise<void> {
  await app.close();
  await tracing.shutdown().catch((error: unknown) =>
    logger.warn({
      msg: 'trace export at shutdown failed',
      error: error instanceof Error ? error.message : String(error),
    }),
  );
}
