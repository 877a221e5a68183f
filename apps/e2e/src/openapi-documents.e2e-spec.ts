import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { committedOpenApiPath, OPENAPI_SERVICES, servedOpenApiDocument } from '@handoff/testing';

const workspaceRoot = join(__dirname, '../../..');

describe.each(OPENAPI_SERVICES)('the committed %s OpenAPI document', (app) => {
  it(`is what the running service serves at /docs-json (regenerate with npm run openapi:${app})`, async () => {
    const committed = JSON.parse(readFileSync(committedOpenApiPath(workspaceRoot, app), 'utf8'));
    expect(await servedOpenApiDocument(workspaceRoot, app)).toEqual(committed);
  });
});
