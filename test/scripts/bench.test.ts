// `npm run bench` runs for minutes: a mistyped option, or one npm kept for itself, must stop it at
// once with what to type instead, not run the whole benchmark without it. None of these tests
// starts the benchmark itself.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cleanEnv = () => {
  const env = { ...process.env };
  for (const name of ['runs', 'years', 'keep']) delete env[`npm_config_${name}`];
  return env;
};
const bench = (args: string[], env = cleanEnv(), cwd = root) =>
  spawnSync(process.execPath, [join(cwd, 'scripts/bench.mjs'), ...args], { cwd, encoding: 'utf8', env });

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'itb-bench-test-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('npm run bench, its options', () => {
  it('lists its options with --help', () => {
    const run = bench(['--help']);
    expect(run.status).toBe(0);
    for (const option of ['--runs N', '--years N', '--keep']) expect(run.stdout).toContain(option);
  });

  it.each([['--run', '5'], ['--keep=yes'], ['5']])('refuses %s, which it does not take, and lists what it does take', (...args) => {
    const run = bench(args);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`bench: ${args[0]} is not an option of the benchmark.`);
    expect(run.stderr).toContain('Usage: npm run bench -- [--runs N] [--years N] [--keep]');
    expect(run.stdout).toBe('');
  });

  it.each([['--runs'], ['--runs', '0'], ['--years=1.5'], ['--years', '--keep']])('wants a whole number after %s', (...args) => {
    const run = bench(args);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^bench: --(runs|years) wants a whole number of 1 or more, such as --(runs 25|years 1)\n$/);
  });

  it('says to put -- before its options when npm took one for itself (npm run bench --runs 5)', () => {
    const run = bench(['5'], { ...cleanEnv(), npm_config_runs: 'true' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("bench: npm took --runs as its own setting: put -- before the benchmark's options, as in npm run bench -- --runs 5\n");
  });

  it('says how to build when dist/ is missing, and leaves nothing behind', () => {
    const project = scratch();
    cpSync(join(root, 'scripts'), join(project, 'scripts'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    const temporary = scratch();
    const run = bench(['--runs', '10'], { ...cleanEnv(), TMPDIR: temporary }, project);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('bench: dist/cli.cjs is missing: run `npm run bench` (it builds first) or `npm run build`.\n');
    expect(readdirSync(temporary)).toEqual([]);
  });
});

describe('peak memory, as the benchmark measures it', () => {
  const load = async () =>
    (await import(pathToFileURL(join(root, 'scripts/peak-memory.mjs')).href)) as {
      peakMemory: (argv: string[], options: { env: NodeJS.ProcessEnv; folder: string; runs: number }) => { megabytes: number; result: { status: number | null } };
    };

  it('is read from Node itself, with no other program on the PATH', async () => {
    const { peakMemory } = await load();
    const bare = peakMemory(['-e', '0'], { env: { PATH: '' }, folder: scratch(), runs: 2 });
    const big = peakMemory(['-e', 'globalThis.kept = Buffer.alloc(200 * 2 ** 20, 1)'], { env: { PATH: '' }, folder: scratch(), runs: 1 });
    expect(bare.result.status).toBe(0);
    expect(bare.megabytes).toBeGreaterThan(5);
    expect(bare.megabytes).toBeLessThan(150);
    expect(big.megabytes).toBeGreaterThan(200);
  });

  it('gives back a command that failed, for the benchmark to name', async () => {
    const { peakMemory } = await load();
    const failed = peakMemory(['-e', 'process.exit(3)'], { env: {}, folder: scratch(), runs: 3 });
    expect(failed.result.status).toBe(3);
  });
});
