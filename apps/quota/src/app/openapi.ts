import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Handoff quota')
    .setDescription(
      'Quotas, attainment and pace from sales outcomes. Quotas per rep and team on the fiscal calendar (with CSV ' +
        'import and export), team history, the exchange-rate table and lead limits; each rep’s attainment, a ' +
        'team’s leaderboard (also as CSV) and a period’s summary. Every 4xx names each failing field and why.',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'QUOTA_ADMIN_TOKEN, for quota, team, rate and limit writes' },
      'admin',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'QUOTA_READ_TOKEN, for attainment, leaderboards and summaries' },
      'read',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}
