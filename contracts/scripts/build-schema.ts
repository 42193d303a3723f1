/** Write contracts/schema/*.schema.json from the valibot contracts (`npm run contracts:schema`). */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allJsonSchemas } from '../src/json-schema.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../schema');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith('.schema.json')) rmSync(join(dir, f));
for (const [name, schema] of Object.entries(allJsonSchemas())) {
  writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(allJsonSchemas()).length} schemas to ${dir}`);
