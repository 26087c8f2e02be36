// Bundles one TypeScript module of the project with esbuild and imports it, so that build
// scripts can run the project's own code without a TypeScript runtime. The bundle is removed once
// loaded: it is not part of what itb runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export async function importTypeScript(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  // As a file: URL, so that a folder whose name holds a space, a # or a % is found all the same.
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
