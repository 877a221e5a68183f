import { join } from 'node:path';
import { ServiceProcess } from './service-process';
import { uniqueName } from './test-infrastructure';

/**
 * The services whose OpenAPI document is committed, with what each needs to start for nothing but serving it.
 * Each gets its own schema, so reading a document never touches a developer's data.
 */
const OPENAPI_SERVICE_ENV = {
  ingest: () => ({ DATABASE_SCHEMA: 'ingest_openapi', INGEST_INBOUND_GROUP_ID: uniqueName('ingest_openapi') }),
  scoring: () => ({
    DATABASE_SCHEMA: 'scoring_openapi',
    SCORING_CONSUMERS_ENABLED: 'false',
    SCORING_SWEEP_ENABLED: 'false',
  }),
  routing: () => ({ DATABASE_SCHEMA: 'routing_openapi' }),
  quota: () => ({ DATABASE_SCHEMA: 'quota_openapi', QUOTA_CONSUMERS_ENABLED: 'false' }),
  delivery: () => ({
    DATABASE_SCHEMA: 'delivery_openapi',
    DELIVERY_CONSUMERS_ENABLED: 'false',
    DELIVERY_DISPATCH_ENABLED: 'false',
  }),
} satisfies Record<string, () => Record<string, string>>;

export type OpenApiService = keyof typeof OPENAPI_SERVICE_ENV;
export const OPENAPI_SERVICES = Object.keys(OPENAPI_SERVICE_ENV) as OpenApiService[];

/** Where `npm run openapi:<app>` writes the document and the drift test reads it. */
export function committedOpenApiPath(workspaceRoot: string, app: OpenApiService): string {
  return join(workspaceRoot, 'apps', app, 'openapi.json');
}

/** Starts the built service (dist/apps/<app>) against the local infrastructure and returns its GET /docs-json. */
export async function servedOpenApiDocument(workspaceRoot: string, app: OpenApiService): Promise<unknown> {
  const service = await ServiceProcess.start({
    app,
    workspaceRoot,
    env: { LOG_LEVEL: 'warn', ...OPENAPI_SERVICE_ENV[app]() },
  });
  try {
    await service.waitForStatus('/health/ready', 200);
    const { status, body } = await service.get('/docs-json');
    if (status !== 200) throw new Error(`${app} answered ${status} to GET /docs-json`);
    return body;
  } finally {
    await service.stop();
  }
}
