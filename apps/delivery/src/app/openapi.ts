import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Handoff delivery')
    .setDescription(
      'Signed webhooks (Standard Webhooks) for sales systems that cannot read Kafka: subscriptions to lead.routed, ' +
        'lead.qualified, lead.scored and rep.capacity, the log of every delivery attempt, and replay of dead ' +
        'deliveries. Every 4xx names each failing field and why.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'DELIVERY_ADMIN_TOKEN' }, 'admin')
    .build();
  return SwaggerModule.createDocument(app, config);
}
