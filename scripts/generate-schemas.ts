/**
 * Writes the published JSON Schemas under `schema/` from the zod schemas:
 * `npm run schema`. Commit the result; a test fails when the committed files drift.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJsonSchemas } from '../shared/config/json-schemas.js';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema');
await mkdir(outDir, { recursive: true });
for (const [name, text] of Object.entries(buildJsonSchemas())) {
  await writeFile(path.join(outDir, name), text);
  console.log(`wrote schema/${name} (${text.length} bytes)`);
}
