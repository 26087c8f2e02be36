// Commands that only show the store read it through store-file.ts. What that module loads before
// it needs the full Store decides how quickly `itb buckets` starts on years of history: zod (the
// schema checker) must stay out of it, loaded only when a store has to be checked in full.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let outdir: string;
let metafile: Metafile;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'itb-store-file-'));
  // Built the way scripts/build.mjs builds itb: each `await import()` becomes a chunk of its own.
  const result = await build({
    entryPoints: ['src/store/store-file.ts'],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  metafile = result.metafile;
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** `output` and every output it imports statically, however deep. */
function staticallyWith(output: string, seen = new Set<string>()): Set<string> {
  if (seen.has(output)) return seen;
  seen.add(output);
  for (const item of metafile.outputs[output]!.imports) {
    if (item.kind === 'import-statement' && !item.external) staticallyWith(item.path, seen);
  }
  return seen;
}

const inputsOf = (outputs: Iterable<string>) => [...outputs].flatMap((output) => Object.keys(metafile.outputs[output]!.inputs));
const zod = /node_modules[\\/]zod[\\/]/;

describe('store-file.ts', () => {
  it('does not load zod, nor the store with its checks, until it needs them', () => {
    const entry = Object.keys(metafile.outputs).find((output) => metafile.outputs[output]!.entryPoint === 'src/store/store-file.ts')!;
    const first = staticallyWith(entry);
    const loaded = inputsOf(first);
    expect(loaded).toContain('src/store/fingerprint.ts');
    expect(loaded.filter((input) => zod.test(input) || /src[\\/](store[\\/](store|check|migrations)|core[\\/]records)\.ts/.test(input))).toEqual([]);

    // They are there, behind the import for a store that must be checked in full.
    const dynamic = [...first].flatMap((output) => metafile.outputs[output]!.imports.filter((item) => item.kind === 'dynamic-import'));
    const later = inputsOf(new Set(dynamic.flatMap((item) => [...staticallyWith(item.path)])));
    expect(later).toContain('src/store/store.ts');
    expect(later.some((input) => zod.test(input))).toBe(true);
  });
});
