import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceProcess, uniqueName } from '@handoff/testing';

const workspaceRoot = join(__dirname, '../../..');

describe('the committed ingest OpenAPI document', () => {
  let service: ServiceProcess;

  beforeAll(async () => {
    service = await ServiceProcess.start({
      app: 'ingest',
      workspaceRoot,
      env: { DATABASE_SCHEMA: 'ingest_openapi', INGEST_INBOUND_GROUP_ID: uniqueName('ingest_openapi') },
    });
    await service.waitForStatus('/health/ready', 200);
  });

  afterAll(async () => {
    await service.stop();
  });

  it('is what the running service serves at /docs-json (regenerate with npm run openapi:ingest)', async () => {
    const committed = JSON.parse(readFileSync(join(workspaceRoot, 'apps/ingest/openapi.json'), 'utf8'));
    const served = await service.get('/docs-json');
    expect(served.body).toEqual(committed);
  });
});
