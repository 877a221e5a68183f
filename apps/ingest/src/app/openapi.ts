import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Handoff ingest')
    .setDescription(
      'Engagement and profile events from marketing tools: the native API, the Segment-compatible API and the ' +
        'admin API for sources and their write keys. Every 4xx names each failing field and why.',
    )
    .setVersion('1')
    .addBasicAuth({
      type: 'http',
      scheme: 'basic',
      description: 'Write key as the username, empty password (Segment style)',
    })
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Write key as the bearer token' })
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'INGEST_ADMIN_TOKEN, for /admin' }, 'admin')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'INGEST_CONTACT_TOKEN, for /leads/{id}/contact' },
      'contact',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}
