// Writes schema/itb-export.schema.json from the zod schema of the JSON export
// (src/export/schema.ts), so the shipped JSON Schema never drifts from what `itb import` checks.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const bundle = new URL('dist/export-schema.mjs', root).pathname;
await build({
  entryPoints: [new URL('src/export/schema.ts', root).pathname],
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { exportJsonSchemaText } = await import(bundle);
rmSync(bundle);
mkdirSync(new URL('schema', root), { recursive: true });
writeFileSync(new URL('schema/itb-export.schema.json', root), exportJsonSchemaText());
console.log('Wrote schema/itb-export.schema.json');
