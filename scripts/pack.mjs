// Makes the package a copy of itb is installed from: the files `npm pack` would take, with a
// package.json that names no dependencies and no scripts. The bundles in dist/ already hold every
// package itb runs on, so installing the file needs no network and builds nothing (npm would
// otherwise fetch them again, and build the tests' terminal, node-pty, with a C++ compiler).
//
//   npm run pack                       (builds, then writes itb-VERSION.tgz in this folder)
//   node scripts/pack.mjs [--pack-destination FOLDER] [--dry-run]
//
// The project's own package.json is read, never changed: a pack cut short leaves it as it was.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What an installed copy's package.json keeps of the project's. */
const KEPT = ['name', 'version', 'description', 'type', 'bin', 'files', 'engines', 'license', 'keywords', 'repository', 'homepage'];

const args = process.argv.slice(2);
const at = args.indexOf('--pack-destination');
const destination = resolve(at >= 0 ? args[at + 1] : root);
const dryRun = args.includes('--dry-run');

const npm = (argv, cwd) => {
  // --ignore-scripts: the project's prepare script would build dist/ again; `npm run pack` has built it.
  const result = spawnSync('npm', [...argv, '--json', '--ignore-scripts'], { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(result.status ?? 1);
  }
  return JSON.parse(result.stdout)[0];
};

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = mkdtempSync(join(tmpdir(), 'itb-pack-'));
try {
  for (const { path } of npm(['pack', '--dry-run'], root).files) {
    if (path !== 'package.json') cpSync(join(root, path), join(stage, path));
  }
  const installed = Object.fromEntries(KEPT.filter((key) => key in manifest).map((key) => [key, manifest[key]]));
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(installed, null, 2)}\n`);
  const packed = npm(['pack', '--pack-destination', destination, ...(dryRun ? ['--dry-run'] : [])], stage);
  process.stdout.write(`${dryRun ? JSON.stringify(packed.files.map((file) => file.path)) : join(destination, packed.filename)}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
