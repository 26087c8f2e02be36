// Writes schema/itb-export.schema.json from the zod schema of the JSON export
// (src/export/schema.ts), so the shipped JSON Schema never drifts from what `itb import` checks.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { importTypeScript } from './import-ts.mjs';

const root = new URL('..', import.meta.url);
const bundle = new URL('dist/export-schema.mjs', root).pathname;
const { exportJsonSchemaText } = await importTypeScript(new URL('src/export/schema.ts', root).pathname, bundle);
rmSync(bundle);
mkdirSync(new URL('schema', root), { recursive: true });
writeFileSync(new URL('schema/itb-export.schema.json', root), exportJsonSchemaText());
console.log('Wrote schema/itb-export.schema.json');
