// Writes apps/<app>/openapi.json from the running code: builds the service, starts it against the local
// infrastructure, saves GET /docs-json. `npm run openapi:<ingest|scoring|routing|quota|delivery>`; an e2e test
// checks each committed file is current.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { committedOpenApiPath, OPENAPI_SERVICES, type OpenApiService, servedOpenApiDocument } from '@handoff/testing';

const workspaceRoot = join(__dirname, '../..');

function serviceFromArguments(): OpenApiService {
  const app = process.argv[2];
  if (!OPENAPI_SERVICES.includes(app as OpenApiService)) {
    throw new Error(`usage: write-openapi.ts <${OPENAPI_SERVICES.join('|')}>`);
  }
  return app as OpenApiService;
}

async function main(): Promise<void> {
  const app = serviceFromArguments();
  execFileSync('npx', ['nx', 'build', app], {
    cwd: workspaceRoot,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const output = committedOpenApiPath(workspaceRoot, app);
  writeFileSync(output, `${JSON.stringify(await servedOpenApiDocument(workspaceRoot, app), null, 2)}\n`);
  console.log(`wrote ${output}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
