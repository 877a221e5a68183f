// Writes apps/ingest/openapi.json from the running code: builds ingest, starts it against the local
// infrastructure, saves GET /docs-json. `npm run openapi:ingest`; a test checks the file is current.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceProcess } from '@handoff/testing';

const workspaceRoot = join(__dirname, '../..');
const OUTPUT = join(workspaceRoot, 'apps/ingest/openapi.json');

async function main(): Promise<void> {
  execFileSync('npx', ['nx', 'build', 'ingest'], {
    cwd: workspaceRoot,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const service = await ServiceProcess.start({
    app: 'ingest',
    workspaceRoot,
    env: { DATABASE_SCHEMA: 'ingest_openapi', INGEST_INBOUND_GROUP_ID: 'ingest.openapi-writer', LOG_LEVEL: 'warn' },
  });
  try {
    await service.waitForStatus('/health/ready', 200);
    const { body } = await service.get('/docs-json');
    writeFileSync(OUTPUT, `${JSON.stringify(body, null, 2)}\n`);
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await service.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
