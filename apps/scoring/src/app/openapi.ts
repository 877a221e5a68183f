import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Handoff scoring')
    .setDescription(
      'Explainable lead scores: scoring models as versioned configuration (JSON or YAML), a lead’s score with ' +
        'its breakdown now or at any past instant, the ledger of every change and its export, and backtests ' +
        'of a candidate model on recorded history. Every 4xx names each failing field and why.',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'SCORING_ADMIN_TOKEN, for models and backtests' },
      'admin',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'SCORING_READ_TOKEN, for lead scores, ledgers and exports' },
      'read',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}
