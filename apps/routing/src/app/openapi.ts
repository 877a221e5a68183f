import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Handoff routing')
    .setDescription(
      'Routes every qualified lead to one rep. The directory: reps (availability, working hours, caps), teams, ' +
        'pools, territories and accounts, with CSV import and export of reps and accounts. The routing rules: ' +
        'versioned rule sets, stored, activated and rolled back. Dry run and backtest: decisions tried out ' +
        'without side effects. Every 4xx names each failing field and why.',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'ROUTING_ADMIN_TOKEN, for directory and rule set writes' },
      'admin',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'ROUTING_READ_TOKEN, for directory and rule set reads and exports, dry runs and backtests',
      },
      'read',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}
