/** Write docs/openapi.json from the API's own document (`npm run docs:openapi`). */
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../src/api/openapi.js';
import { VERSION } from '../src/version.js';

const file = new URL('../../docs/openapi.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(openApiDocument(VERSION), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
