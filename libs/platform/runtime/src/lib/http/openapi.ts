import type { INestApplication } from '@nestjs/common';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * Serves a service's OpenAPI document at /docs (UI) and /docs-json. The document is built on first request,
 * once every route is registered; each service supplies its own title, description and auth schemes.
 */
export function serveOpenApi(app: INestApplication, buildDocument: (app: INestApplication) => OpenAPIObject): void {
  SwaggerModule.setup('docs', app, () => buildDocument(app));
}
