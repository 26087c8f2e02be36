// The compiled code the build keeps for Node older than 22.1 (bin/code-cache.cjs): V8 takes it
// for the bundles a command loads, and a bundle changed since the build, or kept code that is
// damaged or made by another Node or V8, is compiled from its text as usual, with the same result.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// Node 22.1 and later keep compiled code themselves, and the build keeps none.
const ownCache = typeof require('node:module').enableCompileCache === 'function';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

let home: ReturnType<typeof tempHome>;
let copy: ReturnType<typeof tempHome>;
beforeAll(() => {
  home = tempHome();
  // A copy of the program to change, with the times of change of the built files.
  copy = tempHome();
  for (const folder of ['bin', 'dist']) cpSync(join(root, folder), join(copy.home, folder), { recursive: true, preserveTimestamps: true });
});
afterAll(() => {
  home.cleanup();
  copy.cleanup();
});

/** Runs `argv` with the program in `at` and reports, for each bundle loaded, whether V8 took kept code for it. */
function loaded(at: string, argv: string[]) {
  const script = `
    const dist = require('node:path').join(${JSON.stringify(at)}, 'dist');
    const taken = {};
    require(${JSON.stringify(join(at, 'bin/code-cache.cjs'))}).useCodeCache(dist, (script, file) => {
      taken[require('node:path').basename(file).replace(/\\.cjs\\..*/, '')] = script.cachedDataRejected === undefined ? 'none' : script.cachedDataRejected ? 'refused' : 'taken';
    });
    require(require('node:path').join(dist, 'cli.cjs')).main(process.argv.slice(1)).then((code) => {
      process.exitCode = code;
      process.stderr.write('\\n' + JSON.stringify(taken));
    });`;
  const result = spawnSync(process.execPath, ['-e', script, '--', ...argv], { env: { PATH: process.env.PATH ?? '', ITB_HOME: home.home, NO_COLOR: '1' }, encoding: 'utf8' });
  const taken = JSON.parse(result.stderr.trim().split('\n').at(-1)!) as Record<string, string>;
  return { code: result.status, stdout: result.stdout, taken };
}

/** The built binary in `at`, as a user's shell runs it. */
function itb(at: string, argv: string[]) {
  return spawnSync(process.execPath, [join(at, 'bin/itb.js'), ...argv], { env: { PATH: process.env.PATH ?? '', ITB_HOME: home.home, NO_COLOR: '1' }, encoding: 'utf8' });
}

describe.skipIf(ownCache)('compiled code kept by the build', () => {
  it('is taken by V8 for every bundle a report loads', () => {
    const { code, taken } = loaded(root, ['export', '--format', 'md']);
    expect(code).toBe(0);
    expect(taken).toMatchObject({ cli: 'taken', 'export-action': 'taken', 'store-file': 'taken', md: 'taken' });
    expect(Object.values(taken).every((how) => how === 'taken')).toBe(true);
  });

  it('is kept only for bundles that exist, one file each, sealed with the CRC-32s of this Node and the bundle as built, and of its code', () => {
    const bundles = readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.cjs'));
    const thisNode = crc32(`${process.arch} ${JSON.stringify(process.versions)} ${JSON.stringify(process.config)}`);
    for (const file of readdirSync(join(root, 'dist/code-cache'))) {
      const bundle = file.replace(/\.bin$/, '');
      expect(bundles).toContain(bundle);
      const kept = readFileSync(join(root, 'dist/code-cache', file));
      expect(kept.readUInt32BE(0)).toBe(crc32(readFileSync(join(root, 'dist', bundle)), thisNode));
      expect(kept.readUInt32BE(4)).toBe(crc32(kept.subarray(8)));
    }
  });

  it('is not used for a bundle changed since the build: the changed text runs', () => {
    expect(itb(copy.home, ['--version']).stdout.trim()).toBe(version);
    expect(loaded(copy.home, ['--version']).taken.cli).toBe('taken');
    // The same length, which is all V8 itself checks: only the text tells them apart.
    const cli = join(copy.home, 'dist/cli.cjs');
    const text = readFileSync(cli, 'utf8');
    const changed = version.replace(/\d/g, '9');
    expect(text).toContain(`"${version}"`);
    writeFileSync(cli, text.replace(`"${version}"`, `"${changed}"`));
    expect(loaded(copy.home, ['--version']).taken.cli).toBe('none');
    const { status, stdout } = itb(copy.home, ['--version']);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(changed);
    writeFileSync(cli, text);
  });

  // V8 checks no more than the header of the code: changed bytes further on crash Node.
  it('is not used when damaged, and the bundle is compiled from its text', () => {
    const kept = join(copy.home, 'dist/code-cache/buckets-action.cjs.bin');
    const code = readFileSync(kept);
    writeFileSync(kept, code.fill(0x5a, code.length >> 1, (code.length >> 1) + 16));
    expect(loaded(copy.home, ['buckets']).taken['buckets-action']).toBe('none');
    const { status, stdout } = itb(copy.home, ['buckets']);
    expect(status).toBe(0);
    expect(stdout).toBe(itb(root, ['buckets']).stdout);
    expect(stdout).toContain('No sessions yet.');
  });

  // Every Node 20 has V8 11.3.244.8, and V8 takes code from any of them: code kept by Node 20.20
  // crashed Node 20.17 as it loaded the CLI, so a copy packed on one and run on the other, or a
  // Node updated after the build, could not start.
  it('is not used when kept by another release of Node, whose V8 takes it, and the bundle is compiled from its text', () => {
    const kept = join(copy.home, 'dist/code-cache/store-file.cjs.bin');
    const code = readFileSync(join(root, 'dist/code-cache/store-file.cjs.bin'));
    // The same code, sealed by a Node that differs from this one only in its versions.
    const script = `
      Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.17.0', v8: process.versions.v8 + '-other' } });
      const { keptCode } = require(${JSON.stringify(join(copy.home, 'bin/code-cache.cjs'))});
      const { readFileSync, writeFileSync } = require('node:fs');
      const content = readFileSync(${JSON.stringify(join(copy.home, 'dist/store-file.cjs'))}, 'utf8');
      writeFileSync(${JSON.stringify(kept)}, keptCode(content, Buffer.from(process.argv[1], 'base64')));`;
    expect(spawnSync(process.execPath, ['-e', script, code.subarray(8).toString('base64')]).status).toBe(0);
    expect(readFileSync(kept).subarray(8)).toEqual(code.subarray(8));
    expect(loaded(copy.home, ['buckets']).taken['store-file']).toBe('none');
    const { status, stdout } = itb(copy.home, ['buckets']);
    expect(status).toBe(0);
    expect(stdout).toBe(itb(root, ['buckets']).stdout);
    writeFileSync(kept, code);
    expect(loaded(copy.home, ['buckets']).taken['store-file']).toBe('taken');
  });

  it('is refused by V8 when made by another V8, and the bundle is compiled from its text', () => {
    const bundle = join(copy.home, 'dist/wrap.cjs');
    const code = readFileSync(join(root, 'dist/code-cache/wrap.cjs.bin')).subarray(8);
    // The second word of V8's header names the V8 that made the code.
    code.writeUInt32LE(code.readUInt32LE(4) ^ 0xffff, 4);
    const { keptCode } = require(join(copy.home, 'bin/code-cache.cjs')) as { keptCode: (content: string, code: Buffer) => Buffer };
    writeFileSync(join(copy.home, 'dist/code-cache/wrap.cjs.bin'), keptCode(readFileSync(bundle, 'utf8'), code));
    expect(loaded(copy.home, ['buckets']).taken.wrap).toBe('refused');
    const { status, stdout } = itb(copy.home, ['buckets']);
    expect(status).toBe(0);
    expect(stdout).toBe(itb(root, ['buckets']).stdout);
  });
});
