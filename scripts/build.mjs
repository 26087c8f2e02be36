// Builds dist/: the CLI as one ESM bundle, and the built-in library checked and compiled to JSON.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

await build({
  entryPoints: [new URL('src/cli.ts', root).pathname],
  outfile: new URL('dist/cli.js', root).pathname,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: one file to load is what makes a command start fast.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: { ITB_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// The library checker is bundled on its own so the build can run it without a TypeScript runtime.
const checker = new URL('dist/library-check.mjs', root).pathname;
await build({
  entryPoints: [new URL('src/library/load.ts', root).pathname],
  outfile: checker,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { parseLibrary } = await import(checker);
const libraryFile = new URL('data/library.yaml', root).pathname;
const result = parseLibrary(readFileSync(libraryFile, 'utf8'));
if (!result.ok) {
  for (const p of result.problems) console.error(`data/library.yaml:${p.line}:${p.col}  ${p.path}  ${p.message}`);
  process.exit(1);
}
mkdirSync(new URL('dist', root), { recursive: true });
writeFileSync(new URL('dist/library.json', root), JSON.stringify(result.library));
