// Writes libs/contracts/asyncapi.json from the contracts (topics and event classes). `npm run asyncapi`; a unit
// test here (asyncapi-document.spec.ts) fails while the committed file differs from what the contracts generate.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNCAPI_DOCUMENT_PATH, buildAsyncApiDocument, serializeAsyncApiDocument } from './asyncapi-document';

const output = join(__dirname, '../../..', ASYNCAPI_DOCUMENT_PATH);
writeFileSync(output, serializeAsyncApiDocument(buildAsyncApiDocument()));
console.log(`wrote ${output}`);
