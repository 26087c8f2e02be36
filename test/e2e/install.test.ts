// itb as a person installs it from its package (`npm run pack`, then `npm install -g` of the
// file), not run inside this folder: the package holds what the program needs and nothing else,
// installs with no network, the program finds its library wherever it is installed and from any
// folder, writes nothing there,
// starts with the compiled code the build kept on Node older than 22.1, and says plainly when the
// computer's Node is too old for it.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passRedFlagScreen, Terminal } from '../helpers/pty.js';
import { tempHome } from '../helpers/run.js';

const root = join(import.meta.dirname, '../..');
// Node 22.1 and later keep compiled code themselves, and the build keeps none.
const ownCache = typeof createRequire(import.meta.url)('node:module').enableCompileCache === 'function';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; engines: { node: string } };

let scratch: ReturnType<typeof tempHome>;
/** The package `npm run pack` writes, and the paths of the files it holds. */
let tarball: string;
let packed: string[];
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  scratch = tempHome();
  // scripts/pack.mjs is what `npm run pack` runs once it has built dist/.
  const pack = spawnSync(process.execPath, [join(root, 'scripts/pack.mjs'), '--pack-destination', scratch.home], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (pack.status !== 0) throw new Error(`npm run pack failed:\n${pack.stderr}`);
  tarball = pack.stdout.trim();
  const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  packed = list.stdout.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, '')).sort();
}, 120_000);
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
    const kept = ownCache ? [] : readdirSync(join(root, 'dist/code-cache'));
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
      ...kept.map((name) => `dist/code-cache/${name}`),
    ];
    expect(packed).toEqual(expected.sort());
    // On Node older than 22.1, the compiled code the build kept, one file for each bundle the
    // commands that need no answers load, so that an installed copy starts as quickly.
    if (!ownCache) {
      expect(kept).toEqual(expect.arrayContaining(['cli.cjs.bin', 'buckets-action.cjs.bin', 'export-action.cjs.bin', 'md.cjs.bin']));
      for (const name of kept) expect(bundles).toContain(name.replace(/\.bin$/, ''));
    }
    for (const target of Object.values(pkg.bin)) expect(packed).toContain(target.replace(/^\.\//, ''));
  });

  // The bundles hold every package itb runs on: an install that fetched them again would need
  // the network, and node-pty (the tests' terminal) a C++ compiler.
  it('names no dependencies and no scripts, and keeps the name, version, command and Node versions', () => {
    const shipped = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout) as Record<string, unknown>;
    for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'scripts', 'allowScripts']) expect(shipped).not.toHaveProperty(key);
    expect(shipped).toMatchObject({ name: 'itb', version: pkg.version, bin: pkg.bin, engines: pkg.engines, type: 'module' });
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
  /** Runs `run` with `folder` and everything in it read-only, as a global install by another account is. */
  const readOnly = (folder: string, run: () => void) => {
    const all = () => [folder, ...readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => join(folder, name))];
    for (const path of all().reverse()) chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    try {
      run();
    } finally {
      for (const path of all()) chmodSync(path, 0o755);
    }
  };
  /**
   * Runs itb installed in `at` with a watch on V8: for each bundle loaded, whether it was compiled
   * with kept code V8 took, kept code V8 refused, or none.
   */
  const watched = (at: string, argv: string[]) => {
    const watch = join(scratch.home, 'watch.cjs');
    writeFileSync(
      watch,
      `const vm = require('node:vm');
      const taken = {};
      vm.Script = class extends vm.Script {
        constructor(code, options) {
          super(code, options);
          const name = require('node:path').basename(options.filename);
          taken[name] = options.cachedData === undefined ? 'none' : this.cachedDataRejected ? 'refused' : 'taken';
        }
      };
      process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(taken)));\n`,
    );
    const result = itb(join(at, 'bin/itb.js'), argv, elsewhere, ['--require', watch]);
    return { ...result, taken: JSON.parse(result.stderr.trim().split('\n').at(-1)!) as Record<string, string> };
  };

  let prefix: string;
  let install: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    // `npm install -g` of the package, in a path with spaces and letters beyond ASCII, with no
    // network and an empty npm cache, as on a computer of its own that is offline. The tests
    // below make it read-only, as a global install owned by another account is.
    prefix = join(scratch.home, 'Programme für alle');
    const cache = join(scratch.home, 'empty npm cache');
    install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--cache', cache, '--offline', '--no-audit', '--no-fund', tarball], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    installed = join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'itb');
    elsewhere = join(scratch.home, 'Mes documents é');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'mine.yaml'), readFileSync(join(root, 'data/library.yaml')));
  });

  it('installs with no network, fetching and building nothing, and `itb` runs', () => {
    expect(install.status, String(install.stderr)).toBe(0);
    expect(String(install.stdout)).toMatch(/added 1 package/);
    expect(readdirSync(join(installed, '..'))).toEqual(['itb']);
    const command = join(prefix, process.platform === 'win32' ? 'itb.cmd' : 'bin/itb');
    const version = spawnSync(command, ['--version'], { cwd: elsewhere, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ITB_HOME: join(scratch.home, 'home') } });
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('runs from another folder, with its library, and writes nothing where it is installed', () => {
    const bin = join(installed, 'bin/itb.js');
    const before = contents(installed);
    readOnly(installed, () => {
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
    });
    expect(contents(installed)).toEqual(before);
  });

  // A session loads the prompts, which none of the commands above does, and writes the store.
  it('runs a session in a terminal, with its store in a folder whose name has spaces and letters beyond ASCII', async () => {
    const home = join(elsewhere, 'Mes données itb');
    const before = contents(installed);
    const terminal = new Terminal(['session'], { ITB_HOME: home, NO_COLOR: '1' }, 100, 30, {}, [process.execPath, join(installed, 'bin/itb.js')]);
    try {
      await terminal.waitFor('Before you start');
      await passRedFlagScreen(terminal);
      for (const question of ['Which routine?', 'Which side is painful?', 'What will you rate?', 'Which test movement']) await terminal.answer(question, '');
      await terminal.answer('Rate your pain (0 = none', '6');
      await terminal.answer('When you have done the drill', '');
      await terminal.answer('(before: 6)', '4');
      await terminal.waitFor('Better: pain 6 → 4');
      await terminal.waitFor('When you have done the drill');
      terminal.signal('SIGINT');
      expect(await terminal.exited).toBe(130);
    } finally {
      await terminal.end();
    }
    const saved = JSON.parse(readFileSync(join(home, 'store.json'), 'utf8')) as { sessions: { attempts: unknown[] }[] };
    expect(saved.sessions).toHaveLength(1);
    expect(saved.sessions[0]!.attempts).toHaveLength(1);
    expect(contents(installed)).toEqual(before);
  });

  it.skipIf(ownCache)('starts with the compiled code the build kept, for every bundle a command loads', () => {
    const before = contents(installed);
    readOnly(installed, () => {
      for (const argv of [['--version'], ['buckets'], ['export', '--format', 'md']]) {
        const { code, taken } = watched(installed, argv);
        expect(code).toBe(0);
        expect(taken['cli.cjs']).toBe('taken');
        expect(Object.values(taken).every((how) => how === 'taken')).toBe(true);
      }
    });
    expect(contents(installed)).toEqual(before);
  });

  it.skipIf(ownCache)('passes over kept code that is damaged or cut short, and runs as usual', () => {
    const damaged = join(scratch.home, 'Programme für alle', 'lib', 'node_modules', 'itb damaged');
    cpSync(installed, damaged, { recursive: true });
    // A few bytes changed in the middle of the code, which V8 itself would run and crash on.
    const cli = join(damaged, 'dist/code-cache/cli.cjs.bin');
    const code = readFileSync(cli);
    code.fill(0xff, code.length >> 1, (code.length >> 1) + 8);
    writeFileSync(cli, code);
    truncateSync(join(damaged, 'dist/code-cache/buckets-action.cjs.bin'), 100);
    truncateSync(join(damaged, 'dist/code-cache/errors.cjs.bin'), 0);
    readOnly(damaged, () => {
      for (const argv of [['--version'], ['buckets']]) {
        const { code, stdout, taken } = watched(damaged, argv);
        expect(code).toBe(0);
        expect(stdout).toBe(itb(join(installed, 'bin/itb.js'), argv, elsewhere).stdout);
        expect(taken).toMatchObject({ 'cli.cjs': 'none', 'errors.cjs': 'none' });
        if (argv[0] === 'buckets') expect(taken).toMatchObject({ 'buckets-action.cjs': 'none', 'wrap.cjs': 'taken' });
      }
    });
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
