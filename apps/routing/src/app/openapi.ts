import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Handoff routing')
    .setDescription(
      'Routes every qualified lead to one rep. The directory: reps (availability, working hours, caps), teams, ' +
        'pools, territories and accounts, with CSV import and export of reps and accounts. The routing rules: ' +
        'versioned rule sets, stored, activated and rolled back. Dry run and backtest: decisions tried out ' +
        'without side effects. Each lead’s decisions with their full trace (and as CSV or NDJSON), a sales ' +
        'manager’s manual reassignment, and each pool’s fairness report. Every 4xx names each failing field and why.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'ROUTING_ADMIN_TOKEN, for directory and rule set writes and manual reassignment',
      },
      'admin',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'ROUTING_READ_TOKEN, for reads: the directory, rule sets, decision traces, fairness; dry runs and backtests',
      },
      'read',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}
