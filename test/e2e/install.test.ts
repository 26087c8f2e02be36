// itb as a person installs it from its package (`npm pack`, then `npm install -g` of the file),
// not run inside this folder: the package holds what the program needs and nothing else, the
// program finds its library wherever it is installed and from any folder, writes nothing there,
// and says plainly when the computer's Node is too old for it.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; engines: { node: string } };

let scratch: ReturnType<typeof tempHome>;
let packed: string[];
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  scratch = tempHome();
  // --ignore-scripts: without it, npm builds dist/ again before packing.
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  packed = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path).sort();
}, 60_000);
afterAll(() => scratch?.cleanup());

/** Runs `node [preload] itb.js argv` in `cwd`, with nothing of this folder's environment but PATH. */
function itb(bin: string, argv: string[], cwd: string, preload: string[] = []) {
  const result = spawnSync(process.execPath, [...preload, bin, ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ITB_HOME: join(scratch.home, 'home'), NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the package', () => {
  it('holds the program, its library and the export schema, and nothing else', () => {
    const bundles = readdirSync(join(root, 'dist')).filter((name) => /\.cjs(\.map)?$/.test(name));
    const expected = [
      'README.md',
      'package.json',
      'bin/itb.js',
      'bin/code-cache.cjs',
      'bin/package.json',
      'data/library.yaml',
      'dist/library.json',
      'schema/itb-export.schema.json',
      ...bundles.map((name) => `dist/${name}`),
    ];
    expect(packed).toEqual(expected.sort());
    // The compiled code kept for older Node is named for each bundle's time of change, which an
    // install does not keep: it would never be used.
    expect(packed.some((path) => path.includes('code-cache/'))).toBe(false);
    for (const target of Object.values(pkg.bin)) expect(packed).toContain(target.replace(/^\.\//, ''));
  });

  // package.json declares Node 20 and later; within that, the start-up check of bin/itb.js refuses
  // the releases the prompts do not run on. A prompts update that changes them fails here first.
  it('checks at start-up for the Node versions its prompts run on', () => {
    const prompts = JSON.parse(readFileSync(join(root, 'node_modules/@inquirer/core/package.json'), 'utf8')) as { engines: { node: string } };
    const ranges = (engines: string) => engines.split('||').map((range) => range.trim()).sort();
    expect(pkg.engines.node).toBe('>=20');
    expect(ranges(prompts.engines.node)).toEqual(['>=23.5.0', '^20.17.0', '^22.13.0']);
  });
});

describe('installed in a folder of its own', () => {
  let installed: string;
  let elsewhere: string;
  const contents = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .map((name) => `${name} ${statSync(join(folder, name)).mtimeMs}`)
      .sort();

  beforeAll(() => {
    // The packed files only, in a path with spaces and letters beyond ASCII, and read-only as a
    // global install owned by another account is.
    installed = join(scratch.home, 'Programme für alle', 'lib', 'node_modules', 'itb');
    for (const path of packed) cpSync(join(root, path), join(installed, path));
    elsewhere = join(scratch.home, 'Mes documents é');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'mine.yaml'), readFileSync(join(root, 'data/library.yaml')));
  });

  it('runs from another folder, with its library, and writes nothing where it is installed', () => {
    const bin = join(installed, 'bin/itb.js');
    const before = contents(installed);
    for (const folder of [installed, ...readdirSync(installed, { recursive: true, encoding: 'utf8' }).map((name) => join(installed, name))].reverse()) {
      chmodSync(folder, statSync(folder).isDirectory() ? 0o555 : 0o444);
    }
    try {
      expect(itb(bin, ['--version'], elsewhere).stdout.trim()).toBe(pkg.version);
      const routines = itb(bin, ['routines'], elsewhere);
      expect(routines.code).toBe(0);
      expect(routines.stdout).toMatch(/^joint-chain {2}/m);
      expect(itb(bin, ['exercises', 'clamshells'], elsewhere).code).toBe(0);
      const own = itb(bin, ['validate', 'mine.yaml'], elsewhere);
      expect(own.code).toBe(0);
      expect(own.stdout).toContain('no problems');
      expect(itb(bin, ['validate', join(installed, 'data/library.yaml')], elsewhere).code).toBe(0);
      expect(itb(bin, ['--data', 'mine.yaml', 'routines'], elsewhere).code).toBe(0);
      expect(itb(bin, ['settings', 'minImprovement', '2'], elsewhere).code).toBe(0);
      const report = itb(bin, ['export', '--format', 'md', '-o', 'report.md'], elsewhere);
      expect(report.code).toBe(0);
      expect(existsSync(join(elsewhere, 'report.md'))).toBe(true);
      expect(itb(bin, ['buckets'], elsewhere).stdout).toContain('No sessions yet.');
    } finally {
      for (const folder of [installed, ...readdirSync(installed, { recursive: true, encoding: 'utf8' }).map((name) => join(installed, name))]) {
        chmodSync(folder, 0o755);
      }
    }
    expect(contents(installed)).toEqual(before);
  });
});

describe('a Node older than the one itb needs', () => {
  // Node as it reports itself to a program, set before itb starts.
  const asNode = (version: string): string[] => {
    const preload = join(scratch.home, `node-${version}.cjs`);
    writeFileSync(preload, `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });\n`);
    return ['--require', preload];
  };
  const bin = join(root, 'bin/itb.js');

  it.each(['18.19.1', '20.5.0', '20.16.0', '21.7.3', '22.12.0', '23.4.0'])('%s is named, with where to get a newer one, before anything runs', (version) => {
    const { code, stdout, stderr } = itb(bin, ['--version'], root, asNode(version));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: this computer has Node.js ${version}, and itb needs a newer one:\n` +
        '20.17 or a later 20, 22.13 or a later 22, or 23.5 or later.\n' +
        'Install the current LTS version from https://nodejs.org, then run itb again.\n',
    );
  });

  it.each(['20.17.0', '22.13.0', '23.5.0', '24.0.0'])('%s runs itb', (version) => {
    const { code, stdout } = itb(bin, ['--version'], root, asNode(version));
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });
});
