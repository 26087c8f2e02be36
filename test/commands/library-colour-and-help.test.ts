// Colour in a terminal for the library commands, and the --help of every command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/run.js';
import { good } from '../helpers/library-commands.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const itb = (argv: string[], env: Record<string, string | undefined> = {}) => run(argv, { home, env });

describe('colour in a terminal', () => {
  const ansi = /\u001b\[\d+(;\d+)*m/;
  const inTerminal = (argv: string[], env: Record<string, string | undefined>) => run(argv, { home, tty: true, env: { NO_COLOR: undefined, ...env } });

  it('is on by default', async () => {
    expect((await inTerminal(['routines'], {})).stdout).toMatch(ansi);
  });

  it('marks a valid file with a green tick, and with a plain one when colour is off', async () => {
    expect((await inTerminal(['validate', good], {})).stdout).toBe(`\u001b[32m✓\u001b[39m ${good}: 2 drills, 1 routine, no problems\n`);
    expect((await inTerminal(['validate', good], { NO_COLOR: '1' })).stdout).toBe(`✓ ${good}: 2 drills, 1 routine, no problems\n`);
  });

  it.each([
    ['NO_COLOR=1', [], { NO_COLOR: '1' }],
    ['--no-color', ['--no-color'], {}],
    ['TERM=dumb', [], { TERM: 'dumb' }],
    ['FORCE_COLOR=0', [], { FORCE_COLOR: '0' }],
  ])('is off with %s', async (_, flags, env) => {
    const { code, stdout } = await inTerminal(['routines', ...(flags as string[])], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^joint-chain {2}/m);
    expect(stdout).not.toMatch(ansi);
  });

  it('dims what is said around the drills: the notes under the list, the source of one drill', async () => {
    const list = (await inTerminal(['exercises'], {})).stdout.trimEnd().split('\n');
    expect(list.slice(-2)).toEqual([
      '\u001b[2mLoading drills build strength: space those sessions about 48 hours apart.\u001b[22m',
      '\u001b[2mShow one drill in full: `itb exercises ID`\u001b[22m',
    ]);
    const one = (await inTerminal(['exercises', 'lateral-ankle-tilts'], {})).stdout;
    expect(one.trimEnd().split('\n').at(-1)).toBe('\u001b[2m  From: Movement Strategies for IT Band Pain\u001b[22m');
  });

  it('NO_COLOR set but empty does not count', async () => {
    expect((await inTerminal(['routines'], { NO_COLOR: '' })).stdout).toMatch(ansi);
  });
});

describe('--help', () => {
  const commands = ['session', 'buckets', 'history', 'export', 'import', 'exercises', 'routines', 'validate', 'settings'];

  it.each(commands)('itb %s --help shows examples', async (command) => {
    const { code, stdout } = await itb([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: itb ${command}`);
    expect(stdout).toContain('Examples:');
    expect(stdout).toMatch(new RegExp(`^ {2}\\$ itb .*${command}`, 'm'));
  });

  it.each(commands)('itb help %s shows the same help', async (command) => {
    const { code, stdout } = await itb(['help', command]);
    expect(code).toBe(0);
    expect(stdout).toBe((await itb([command, '--help'])).stdout);
  });

  it.each([['buckets', 'move'], ['buckets', 'reset']])('itb help %s %s shows the help of that command, not of buckets', async (...command) => {
    const { code, stdout } = await itb(['help', ...command]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: itb ${command.join(' ')} [options]`);
    expect(stdout).toBe((await itb([...command, '--help'])).stdout);
  });

  it('itb help with a mistyped command names it and the command meant, and shows no help', async () => {
    const mistyped = await itb(['help', 'buckets', 'mvoe']);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stdout).toBe('');
    expect(mistyped.stderr).toContain('error: there is no command "buckets mvoe"');
    expect(mistyped.stderr).toContain('Did you mean `itb help buckets move`?');
    expect((await itb(['help', 'bucket'])).stderr).toContain('Did you mean `itb help buckets`?');
  });

  it('itb help help and itb help exercises ID show the help of itb and of exercises', async () => {
    expect((await itb(['help', 'help'])).stdout).toBe((await itb(['--help'])).stdout);
    expect((await itb(['help', 'exercises', 'clamshells'])).stdout).toBe((await itb(['exercises', '--help'])).stdout);
  });

  it.each([[], ...commands.map((command) => [command]), ['buckets', 'move'], ['buckets', 'reset']])('itb %s --help fits an 80-column terminal', async (...command) => {
    const { stdout } = await itb([...command, '--help']);
    const long = stdout.split('\n').filter((line) => line.length > 80);
    expect(long).toEqual([]);
  });

  it('itb --help shows examples too', async () => {
    const { code, stdout } = await itb(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    for (const command of commands) expect(stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });
});
