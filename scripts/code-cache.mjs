// Keeps V8's compiled code of each bundle in dist/code-cache/, for bin/code-cache.cjs to hand to
// V8 on Node older than 22.1. The commands that need no answers run once, one after the other in
// this process, on a few months of made-up history in a folder of their own; then the code of
// every bundle they loaded is kept as it stands: the functions they ran compiled too, not only
// the outline V8 compiles when a file loads. A session's own bundles are not among them (it needs
// a person at the keyboard) and are compiled as usual. The package ships the folder, so an
// installed copy uses the same code.
//
//   node scripts/code-cache.mjs   (`npm run build` runs it after bundling)
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './import-ts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'itb-code-cache-'));

try {
  await keepCode();
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function keepCode() {
  const home = join(work, 'home');
  mkdirSync(home, { mode: 0o700 });
  const library = JSON.parse(readFileSync(join(dist, 'library.json'), 'utf8'));
  const { syntheticHistory } = await importTypeScript(join(root, 'scripts/synthetic-history.ts'), join(work, 'synthetic-history.mjs'));
  // Plain JSON, as a store edited by hand: the first command checks it in full and vouches for
  // it, the others read it the quick way, as they read a store itb wrote.
  writeFileSync(join(home, 'store.json'), JSON.stringify(syntheticHistory(library, { days: 120 }).data), { mode: 0o600 });
  Object.assign(process.env, { ITB_HOME: home, NO_COLOR: '1' });
  delete process.env.ITB_DATA;

  const scripts = new Map();
  const { keptCode, useCodeCache } = require('../bin/code-cache.cjs');
  useCodeCache(dist, (script, file, content) => scripts.set(file, { script, content }));
  const { main } = require('../dist/cli.cjs');
  const out = (format) => ['export', '--format', format, '-o', join(work, `report.${format}`), '--force'];
  const libraryFile = join(root, 'data/library.yaml');
  const commands = [
    ['--version'],
    ['--help'],
    ['export', '--help'],
    ['buckets'],
    ['buckets', '--json'],
    ['history'],
    ['history', '--json'],
    ['exercises'],
    ['exercises', 'clamshells'],
    ['routines'],
    ['settings'],
    ...['md', 'csv', 'json', 'html', 'fhir'].map(out),
    ['export'],
    ['import', '--dry-run', join(work, 'report.json')],
    ['validate', libraryFile],
    ['--data', libraryFile, 'routines'],
  ];
  for (const argv of commands) {
    const code = await main(argv);
    if (code !== 0) throw new Error(`itb ${argv.join(' ')} ended with exit code ${code}`);
  }

  // Only this build's code: what an earlier one kept belongs to bundles that are gone.
  const folder = join(dist, 'code-cache');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  for (const [file, { script, content }] of scripts) {
    writeFileSync(`${file}.tmp`, keptCode(content, script.createCachedData()));
    renameSync(`${file}.tmp`, file);
  }
}
