// A command's help, asked for in each order people type it: each lands on that command's help.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';

const COMMANDS = ['session', 'buckets', 'buckets move', 'buckets reset', 'history', 'export', 'import', 'exercises', 'routines', 'validate', 'settings'];

// Each way of asking, for the command's words; `itb CMD --help` is the one commander knows.
const WAYS: [string, (words: string[]) => string[]][] = [
  ['help CMD', (words) => ['help', ...words]],
  ['CMD help', (words) => [...words, 'help']],
  ['-h CMD', (words) => ['-h', ...words]],
  ['--help CMD', (words) => ['--help', ...words]],
  ['CMD -h', (words) => [...words, '-h']],
  ['CMD --help extra-args', (words) => [...words, '--help', 'extra-args']],
  ['--no-color -h CMD', (words) => ['--no-color', '-h', ...words]],
  ['--no-color CMD help', (words) => ['--no-color', ...words, 'help']],
  ['--data FILE -h CMD', (words) => ['--data', 'my-library.yaml', '-h', ...words]],
  ['--data FILE help CMD', (words) => ['--data', 'my-library.yaml', 'help', ...words]],
  ['-h --no-color CMD', (words) => ['-h', '--no-color', ...words]],
  ['-h -h CMD', (words) => ['-h', '-h', ...words]],
  ['help --help CMD', (words) => ['help', '--help', ...words]],
  // Between a command's words: `itb buckets -h move`.
  ['CMD -h SUBCMD', (words) => [words[0]!, '-h', ...words.slice(1)]],
];

describe.each(COMMANDS)('the help of itb %s', (command) => {
  const words = command.split(' ');

  it.each(WAYS)('is shown by itb %s, on stdout with exit 0', async (_, typed) => {
    const help = await run([...words, '--help']);
    expect(help.stdout).toContain(`Usage: itb ${command} [options]`);
    const asked = await run(typed(words));
    expect(asked.stderr).toBe('');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toBe(help.stdout);
  });
});

describe('the help of a command that does not exist', () => {
  it.each([
    [['help', 'bukets']],
    [['-h', 'bukets']],
    [['--help', 'bukets']],
    [['bukets', '--help']],
    [['bukets', '-h']],
    [['--no-color', 'bukets', '--help']],
    [['--data', 'my-library.yaml', '-h', 'bukets']],
  ])('itb %j names it, with the command meant, on stderr with exit 2', async (typed) => {
    const asked = await run(typed);
    expect(asked.code).toBe(2);
    expect(asked.stdout).toBe('');
    expect(asked.stderr).toBe('error: there is no command "bukets"\nDid you mean `itb help buckets`? `itb --help` lists them.\n');
  });

  it('under a command, names the one meant under it', async () => {
    for (const typed of [['buckets', 'mvoe', '--help'], ['buckets', 'help', 'mvoe'], ['-h', 'buckets', 'mvoe']]) {
      const asked = await run(typed);
      expect(asked.code).toBe(2);
      expect(asked.stderr).toBe('error: there is no command "buckets mvoe"\nDid you mean `itb help buckets move`? `itb buckets --help` lists them.\n');
    }
  });

  it('near none, names the commands there are', async () => {
    const asked = await run(['help', 'nosuch']);
    expect(asked.code).toBe(2);
    expect(asked.stdout).toBe('');
    expect(asked.stderr).toBe(
      'error: there is no command "nosuch"\nThe commands are session, buckets, history, export, import, exercises, routines,\nvalidate and settings: `itb --help` says what each does.\n',
    );
    const under = await run(['help', 'buckets', 'nosuch']);
    expect(under.stderr).toBe('error: there is no command "buckets nosuch"\nThe commands are move and reset: `itb buckets --help` says what each does.\n');
  });
});

describe('help among other words', () => {
  it('after a command that takes no words of its own, is its help, whatever options follow', async () => {
    for (const typed of [
      ['buckets', 'reset', 'help', '--force'],
      ['history', 'help', '--json'],
      ['export', 'help', '--format', 'md'],
      ['routines', 'help', '--json'],
    ]) {
      const command = typed.slice(0, typed.indexOf('help'));
      const asked = await run(typed);
      expect(asked.stderr).toBe('');
      expect(asked.code).toBe(0);
      expect(asked.stdout).toBe((await run([...command, '--help'])).stdout);
    }
  });

  it('is not asked by a command under another typed after a word that is neither -h nor --help', async () => {
    // `itb buckets clamshells move`: the words of a move in the wrong order, not the help of move.
    const asked = await run(['buckets', 'clamshells', 'move']);
    expect(asked.code).toBe(2);
    expect(asked.stdout).toBe('');
    expect(asked.stderr).toContain('there is no "itb buckets clamshells"');
  });

  it("with an option of a command before the command's name, is itb's own help", async () => {
    const asked = await run(['--help', '--json']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toBe((await run(['--help'])).stdout);
  });

  it('leaves a value that is "help" to its option, and "help" among a command\'s arguments to the command', async () => {
    // A file named help, written with -o: not the help of export.
    expect((await run(['export', '-o', 'help'])).stderr).toContain('from the file name "help"');
    expect((await run(['history', '-n', 'help'])).stderr).toContain('not "help"');
    expect((await run(['buckets', 'move', 'clamshells', 'help'])).stderr).toContain('"help" is not a bucket');
    expect((await run(['exercises', 'help', '--json'])).stderr).toContain('no drill with id "help"');
    // A file named help, after --, as the README says.
    expect((await run(['import', '--', 'help'])).stderr).toContain('cannot read help: file not found');
  });
});
