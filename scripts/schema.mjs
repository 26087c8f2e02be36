// Writes schema/itb-export.schema.json from the zod schema of the JSON export
// (src/export/schema.ts), so the shipped JSON Schema never drifts from what `itb import` checks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './import-ts.mjs';

const root = new URL('..', import.meta.url);
// File paths, not URL paths: a folder named with a space or an accent is spelt %20 or %C3%A9 in a URL.
const bundle = fileURLToPath(new URL('dist/export-schema.mjs', root));
const { exportJsonSchemaText } = await importTypeScript(fileURLToPath(new URL('src/export/schema.ts', root)), bundle);
mkdirSync(new URL('schema', root), { recursive: true });
writeFileSync(new URL('schema/itb-export.schema.json', root), exportJsonSchemaText());
console.log('Wrote schema/itb-export.schema.json');
