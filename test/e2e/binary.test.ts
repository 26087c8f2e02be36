// The built binary, spawned the way a user's shell runs it: exit codes, messages on the right
// stream, and colour decided by NO_COLOR, --no-color, TERM=dumb and FORCE_COLOR.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Random, SEED, sessionsFor } from '../fixtures/resilience.js';
import { tempHome } from '../helpers/run.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/itb.js');
const fixtures = join(root, 'test/fixtures/libraries');
const ansi = /\u001b\[\d+(;\d+)*m/;

let home: string;
let cleanup: () => void;
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.cjs')) || !existsSync(join(root, 'dist/library.json'))) {
    throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  }
  ({ home, cleanup } = tempHome());
});
afterAll(() => cleanup?.());

/** Runs the binary with a clean environment: only PATH, a temporary ITB_HOME and `env`. */
function itb(args: string[], env: Record<string, string> = { NO_COLOR: '1' }) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ITB_HOME: home, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exit 0', () => {
  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = itb(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('--help prints usage and examples on stdout', () => {
    const { code, stdout, stderr } = itb(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: itb');
    expect(stdout).toContain('Examples:');
    expect(stderr).toBe('');
  });

  it('routines lists the built-in routines', () => {
    const { code, stdout } = itb(['routines']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^joint-chain {2}/m);
    expect(stdout).toMatch(/^warm-up {2}/m);
  });

  it('routines --json is the compiled built-in library, six routines', () => {
    const { code, stdout } = itb(['routines', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string; builtIn: boolean }[]).filter((r) => !r.builtIn).map((r) => r.id).sort()).toEqual([
      'balance',
      'hip-rotation',
      'joint-chain',
      'mobility',
      'strength',
      'warm-up',
    ]);
  });

  it('validate data/library.yaml finds no problems', () => {
    const { code, stdout } = itb(['validate', 'data/library.yaml']);
    expect(code).toBe(0);
    expect(stdout).toContain('data/library.yaml:');
    expect(stdout).toContain('no problems');
  });
});

describe('piped into a reader that stops early', () => {
  it('ends quietly, without a broken-pipe error', () => {
    // `true` closes the pipe at once, long before itb has started and writes to it.
    // Without the startup files of whoever runs the tests: bash reads ~/.bashrc when its input is
    // a socket, as a child's pipes are, and what that prints would be taken for itb's.
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `set -o pipefail; "${process.execPath}" "${bin}" exercises | true`], {
      env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  // `head` reads the first lines, then closes the pipe while itb is still writing: a long history
  // or report is more than a pipe holds, so the writes after that one fail.
  it('ends quietly when the reader stops after the first lines of a long history or report', async () => {
    const long = join(home, 'long');
    await Store.open({ ITB_HOME: long }).update((data) => void data.sessions.push(...sessionsFor('long', 1500, new Random(SEED))));
    for (const [command, lines] of [['history --all', 1], ['export', 3], ['export --format csv', 3], ['export --json', 3]] as const) {
      const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `set -o pipefail; "${process.execPath}" "${bin}" ${command} | head -${lines}`], {
        env: { PATH: process.env.PATH ?? '', ITB_HOME: long, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      expect(result.stderr, command).toBe('');
      expect(result.stdout.split('\n'), command).toHaveLength(lines + 1);
      expect(result.status, command).toBe(0);
    }
  });
});

describe('output that cannot be written', () => {
  it.runIf(existsSync('/dev/full'))('says so in one line, with no stack trace, and exits 1', () => {
    // /dev/full takes no byte: every write fails as on a full disk.
    const full = openSync('/dev/full', 'w');
    const result = spawnSync(process.execPath, [bin, 'exercises'], {
      env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1' },
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(full);
    expect(result.stderr).toBe('error: cannot write the output: the disk is full\n');
    expect(result.status).toBe(1);
  });
});

describe('exit 2, with a message and no stack trace', () => {
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/^ {4}at /m);

  it('export -o /dev/stdout into a pipe: not a file to write', () => {
    // /dev/stdout is a link to the pipe, which has no name a program can open again.
    for (const args of [['export', '-o', '/dev/stdout'], ['export', '-o', '/dev/stdout', '--force']]) {
      const { code, stdout, stderr } = itb(args);
      expect(stderr).toContain('error: cannot write /dev/stdout: it is not a regular file');
      expect(stdout).toBe('');
      expect(code).toBe(2);
    }
  });

  it('an unknown command', () => {
    const { code, stdout, stderr } = itb(['rutines']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("unknown command 'rutines'");
    expect(stderr).toContain('routines');
    noStack(stderr);
  });

  it('an unknown flag', () => {
    const { code, stderr } = itb(['routines', '--jsn']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--jsn'");
    expect(stderr).toContain('`itb routines --help` shows what it takes.');
    noStack(stderr);
  });

  it('a missing argument', () => {
    const { code, stderr } = itb(['import']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: the file is missing (a file written by `itb export -o backup.json`): itb import <file>');
    noStack(stderr);
  });

  it('a bad library file, with FILE:LINE:COL for each problem', () => {
    const file = 'test/fixtures/libraries/wrong-types.yaml';
    const { code, stdout, stderr } = itb(['validate', file]);
    expect(code).toBe(2);
    // The problems are what validate reports: on stdout; their count on stderr.
    expect(stdout).toBe(
      `${file}:10:7  exercises.0.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10\n` + `${file}:12:5  exercises.0.loading  must be true or false, not "yes"\n`,
    );
    expect(stderr).toContain(`error: 2 problems in the exercise library ${file}`);
    noStack(stderr);
  });

  it('a bad library given with --data', () => {
    const file = join(fixtures, 'bad-indent.yaml');
    const { code, stderr } = itb(['--data', file, 'exercises']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:5:4  exercises.0  this field is indented less than "name" on line 4`);
    noStack(stderr);
  });

  it('an alias bomb ends with a clear message', () => {
    const file = join(fixtures, 'alias-bomb.yaml');
    const { code, stdout, stderr } = itb(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).toContain(`${file}:1:1  (file)  the aliases (*name) in this file expand into far too much data`);
    noStack(stderr);
  });

  it('exercises nope', () => {
    const { code, stdout, stderr } = itb(['exercises', 'nope']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('no drill with id "nope"');
    noStack(stderr);
  });
});

describe('colour', () => {
  // Output goes to a pipe here, so without FORCE_COLOR there would be no colour anyway; each
  // "off" case therefore also sets FORCE_COLOR=1 and must still win over it.
  it('FORCE_COLOR=1 colours the output and the error messages', () => {
    expect(itb(['routines'], { FORCE_COLOR: '1' }).stdout).toMatch(ansi);
    expect(itb(['exercises', 'nope'], { FORCE_COLOR: '1' }).stderr).toMatch(ansi);
  });

  it('no colour on a pipe by default', () => {
    expect(itb(['routines'], {}).stdout).not.toMatch(ansi);
  });

  it.each([
    ['NO_COLOR=1', ['routines'], { NO_COLOR: '1' }],
    ['--no-color', ['routines', '--no-color'], {}],
    ['--no-color before the command', ['--no-color', 'routines'], {}],
    ['TERM=dumb', ['routines'], { TERM: 'dumb' }],
  ])('%s turns colour off', (_, args, env) => {
    const { code, stdout } = itb(args as string[], { FORCE_COLOR: '1', ...(env as Record<string, string>) });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^joint-chain {2}/m);
    expect(stdout).not.toMatch(ansi);
  });

  it.each([
    ['NO_COLOR=1', ['exercises', 'nope'], { NO_COLOR: '1' }],
    ['--no-color', ['exercises', 'nope', '--no-color'], {}],
    ['TERM=dumb', ['exercises', 'nope'], { TERM: 'dumb' }],
  ])('%s keeps error messages plain too', (_, args, env) => {
    const { code, stderr } = itb(args as string[], { FORCE_COLOR: '1', ...(env as Record<string, string>) });
    expect(code).toBe(2);
    expect(stderr).toContain('no drill with id "nope"');
    expect(stderr).not.toMatch(ansi);
  });
});
