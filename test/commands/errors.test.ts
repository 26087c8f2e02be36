// The one error handler: expected failures are exit 2 with a hint, a bug is exit 1 in one line.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { run, tempHome } from '../helpers/run.js';
import { libraryFile } from '../helpers/libraries.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

function brokenClock(env: Record<string, string>) {
  let stderr = '';
  const ctx: Context = {
    env: { ITB_HOME: home, NO_COLOR: '1', ...env },
    stdout: { write: () => true },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    now: () => {
      throw new Error('the clock broke\nsecond line');
    },
  };
  return { ctx, stderr: () => stderr };
}

describe('an unexpected failure', () => {
  it('is exit 1 with one line, pointing at ITB_DEBUG', async () => {
    const { ctx, stderr } = brokenClock({});
    expect(await main(['buckets'], ctx)).toBe(1);
    expect(stderr()).toBe('unexpected error: the clock broke (ITB_DEBUG=1 shows the details)\n');
  });

  it('shows the stack with ITB_DEBUG=1', async () => {
    const { ctx, stderr } = brokenClock({ ITB_DEBUG: '1' });
    expect(await main(['buckets'], ctx)).toBe(1);
    expect(stderr()).toMatch(/^unexpected error: Error: the clock broke/);
    expect(stderr()).toMatch(/\n\s+at /);
  });
});

describe('a usage error', () => {
  it('says that a switch takes no value, rather than call it unknown', async () => {
    const json = await run(['history', '--json=yes'], { home });
    expect(json.code).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('error: --json takes no value: write it as --json, without "=yes"\n');
    expect(json.stderr).not.toContain('unknown option');
    // A switch of itb itself, after a command, and one that turns something off.
    expect((await run(['buckets', '--no-color=1'], { home })).stderr).toBe('error: --no-color takes no value: write it as --no-color, without "=1"\n`itb buckets --help` shows what it takes.\n');
    expect((await run(['session', '--no-timer=true'], { home })).stderr).toContain('error: --no-timer takes no value');
    // An option that does take one, and one that does not exist, are as before.
    expect((await run(['history', '--since=2026-13-01'], { home })).stderr).toContain('--since wants a date');
    expect((await run(['history', '--jsn=1'], { home })).stderr).toContain("error: unknown option '--jsn=1'");
  });

  it('offers no made-up flag for a command word written with dashes after --', async () => {
    // Commander matched `--help` against the command names cut by two letters: "Did you mean --lp?".
    const dashed = await run(['--', '--help'], { home });
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toBe("error: unknown command '--help'\n`itb --help` shows what it takes.\n");
  });

  it('suggests the command or flag typed in capitals, as with Caps Lock on', async () => {
    const command = await run(['HISTORY'], { home });
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("error: unknown command 'HISTORY'\nDid you mean history? `itb --help` shows what it takes.\n");
    const flag = await run(['history', '--JSON'], { home });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("error: unknown option '--JSON'\nDid you mean --json? `itb history --help` shows what it takes.\n");
    // -v alone prints the version (see help.test.ts); before a command it is no option.
    expect((await run(['-v', 'buckets'], { home })).stderr).toBe("error: unknown option '-v'\nDid you mean -V? `itb --help` shows what it takes.\n");
    // Said once, where commander suggests it already.
    expect((await run(['History'], { home })).stderr.match(/Did you mean/g)).toHaveLength(1);
  });

  it('points --yes and -y to --force, where a command has it', async () => {
    const reset = await run(['buckets', 'reset', '--yes'], { home });
    expect(reset.code).toBe(2);
    expect(reset.stderr).toBe("error: unknown option '--yes'\nDid you mean --force? `itb buckets reset --help` shows what it takes.\n");
    expect((await run(['export', '-o', 'report.md', '-y'], { home })).stderr).toBe("error: unknown option '-y'\nDid you mean --force? `itb export --help` shows what it takes.\n");
    // Not where there is no --force to give.
    expect((await run(['history', '--yes'], { home })).stderr).toBe("error: unknown option '--yes'\n`itb history --help` shows what it takes.\n");
  });

  it('ends every kind commander finds with one hint line, as itb\'s own errors end: what was meant, then the help', async () => {
    const kinds: [what: string, argv: string[], hint: string][] = [
      ['an unknown command', ['bukets'], 'Did you mean buckets? `itb --help` shows what it takes.'],
      ['one in capitals', ['HISTORY'], 'Did you mean history? `itb --help` shows what it takes.'],
      ['an unknown option', ['history', '--jsn'], 'Did you mean --json? `itb history --help` shows what it takes.'],
      ['one near none', ['history', '--yes'], '`itb history --help` shows what it takes.'],
      ['one with a value', ['history', '--jsn=1'], '`itb history --help` shows what it takes.'],
      ['--yes for --force', ['buckets', 'reset', '--yes'], 'Did you mean --force? `itb buckets reset --help` shows what it takes.'],
      ['-v for -V', ['-v', 'buckets'], 'Did you mean -V? `itb --help` shows what it takes.'],
      ['an argument left out', ['buckets', 'move', 'clamshells'], '`itb buckets move --help` shows what it takes.'],
      ['every argument left out', ['import'], '`itb import --help` shows what it takes.'],
      ['a word too many', ['history', 'all'], '`itb history --help` shows what it takes.'],
      ['a value left out', ['export', '-o'], '`itb export --help` shows what it takes.'],
      ["itb's own value left out", ['--data'], '`itb --help` shows what it takes.'],
      ['a value for a switch', ['history', '--json=yes'], '`itb history --help` shows what it takes.'],
      ['the routine given with --routine', ['session', '--routine', 'rehab'], '`itb session --help` shows what it takes.'],
    ];
    for (const [what, argv, hint] of kinds) {
      const { code, stdout, stderr } = await run(argv, { home });
      expect(code, what).toBe(2);
      expect(stdout, what).toBe('');
      const lines = stderr.split('\n');
      // The error, the hint, and nothing after: no second help line, no bracketed one, no blank line.
      expect(lines, what).toHaveLength(3);
      expect(lines[0], what).toMatch(/^error: /);
      expect(lines[1], what).toBe(hint);
      expect(lines[2], what).toBe('');
      expect(stderr.match(/shows what it takes/g), what).toHaveLength(1);
      expect(stderr, what).not.toMatch(/[()]Did you mean|--help shows/);
    }
  });

  it('says where a command\'s option goes when it is typed before the command', async () => {
    const json = await run(['--json', 'history'], { home });
    expect(json.code).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('error: --json goes after the command: itb history --json\n');
    // With its value, after what follows the command, with itb's own options left where they were.
    const limit = await run(['--no-color', '-n', '5', 'history', '--since', '2026-11-01'], { home });
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('error: -n goes after the command: itb --no-color history --since 2026-11-01 -n 5\n');
    // The value run on, or after "=": the option is named alone, and the words stay as typed.
    expect((await run(['-n5', 'history'], { home })).stderr).toContain('error: -n goes after the command: itb history -n5\n');
    expect((await run(['--limit=5', 'history'], { home })).stderr).toContain('error: --limit goes after the command: itb history --limit=5\n');
    expect((await run(['--force', 'buckets', 'reset'], { home })).stderr).toContain('error: --force goes after the command: itb buckets reset --force\n');
    const note = await run(['--note', 'sore knee', 'buckets', 'move', 'clamshells', 'avoid'], { home });
    expect(note.stderr).toContain("error: --note goes after the command: itb buckets move clamshells avoid --note 'sore knee'\n");
    // An option that is not the command's is unknown, as before.
    expect((await run(['--dry-run', 'history'], { home })).stderr).toContain("error: unknown option '--dry-run'");
  });

  it('says a value was left out when another option came in its place, and writes no file named after it', async () => {
    const cwd = process.cwd();
    process.chdir(home);
    try {
      const output = await run(['export', '--json', '-o', '--force'], { home });
      expect(output.code).toBe(2);
      expect(output.stdout).toBe('');
      expect(output.stderr).toBe('error: -o (--output) needs a value after it, as in -o <file>, not the option --force\n`itb export --help` shows what it takes.\n');
      expect(readdirSync(home).filter((name) => name.startsWith('-'))).toEqual([]);
      // Not "put -o before its name" for the day that came after --since.
      expect((await run(['export', '-o', '--since', '2026-11-01'], { home })).stderr).toContain('error: -o (--output) needs a value after it, as in -o <file>, not the option --since\n');
      expect((await run(['export', '--name', '--force', '-o', 'report.md'], { home })).stderr).toContain('error: --name needs a value after it, as in --name <name>, not the option --force\n');
      expect(existsSync(join(home, 'report.md'))).toBe(false);
      expect((await run(['export', '-o', '--help'], { home })).stderr).toContain('not the option --help\n');
      expect((await run(['--data', '--json', 'exercises'], { home })).stderr).toContain('error: --data needs a value after it, as in --data <file>, not the option --json\n');
      const note = await run(['buckets', 'move', 'clamshells', 'rehab', '--note', '--note'], { home, env: { npm_lifecycle_event: 'npx' } });
      expect(note.code).toBe(2);
      expect(note.stderr).toContain('`npx itb buckets move --help` shows what it takes.');
      // A value that only looks like an option of another command is a value.
      expect((await run(['export', '-o', '--name.md'], { home })).code).toBe(0);
      expect(existsSync(join(home, '--name.md'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses an option given twice with two values, rather than keep the last without a word', async () => {
    const cwd = process.cwd();
    process.chdir(home);
    try {
      const formats = await run(['export', '--format', 'md', '--format', 'CSV'], { home });
      expect(formats.code).toBe(2);
      expect(formats.stdout).toBe('');
      expect(formats.stderr).toBe('error: --format was given twice, as "md" and as "csv"\nitb export writes one report at a time: run it once for each format.\n');
      const files = await run(['export', '-o', 'a.md', '--output', 'b.md'], { home });
      expect(files.stderr).toBe('error: -o (--output) was given twice, as "a.md" and as "b.md"\nGive it once, with the value you meant.\n');
      expect(readdirSync(home).filter((name) => name.endsWith('.md'))).toEqual([]);
      expect((await run(['session', '--side', 'left', '--side', 'right'], { home })).stderr).toContain('error: --side was given twice, as "left" and as "right"\n');
      expect((await run(['--data', 'a.yaml', 'routines', '--data', 'b.yaml'], { home })).stderr).toContain('error: --data was given twice, as "a.yaml" and as "b.yaml"\n');
      expect((await run(['history', '--since', '2026-11-01', '--since=2026-11-02'], { home })).code).toBe(2);
      // The same value twice says one thing: it is taken, as the choices are, in any case.
      const same = await run(['export', '--format', 'csv', '--format=CSV'], { home });
      expect(same.code).toBe(0);
      expect(same.stdout).toMatch(/^\uFEFFsession_id,/);
    } finally {
      process.chdir(cwd);
    }
  });
});

/** Runs itb with stdout to a pipe and stderr to a terminal `columns` wide (as `itb … > file` in a narrow window). */
async function stderrOnTerminal(argv: string[], columns: number | undefined, isTTY = true) {
  let stderr = '';
  const ctx: Context = {
    env: { ITB_HOME: home, NO_COLOR: '1' },
    stdout: { write: () => true, isTTY: false },
    stderr: Object.assign({ write: (text: string) => (stderr += text), isTTY }, columns === undefined ? {} : { columns }),
    stdinIsTTY: false,
    now: () => new Date('2026-11-20T10:00:00Z'),
  };
  const code = await main(argv, ctx);
  return { code, stderr, lines: stderr.trimEnd().split('\n') };
}

describe('messages on a terminal narrower than 80 columns', () => {
  // Each word whole: the terminal would split one at its edge.
  const words = (text: string) => text.split(/\s+/).filter(Boolean);

  it('break an error and its hint between words to fit it, while stdout goes to a pipe', async () => {
    const { code, stderr, lines } = await stderrOnTerminal(['history', '--since', '2026-02-30'], 44);
    expect(code).toBe(2);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(44);
    expect(words(stderr)).toEqual(words('error: --since wants a date like 2026-11-01, not "2026-02-30": February 2026 has 28 days For its last day: `itb history --since 2026-02-28`'));
  });

  it('keep the error on one line in a file or a pipe, easy to find in a log, and on a terminal it fits', async () => {
    const error = 'error: --since wants a date like 2026-11-01, not "2026-02-30": February 2026 has 28 days';
    expect((await stderrOnTerminal(['history', '--since', '2026-02-30'], 44, false)).lines[0]).toBe(error);
    expect((await stderrOnTerminal(['history', '--since', '2026-02-30'], 120)).lines[0]).toBe(error);
  });

  it('break a usage error between words too', async () => {
    const { code, stderr, lines } = await stderrOnTerminal(['--note', 'sore knee', 'buckets', 'move', 'clamshells', 'avoid'], 40);
    expect(code).toBe(2);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(stderr).toContain('error: --note goes after the command:');
    const usage = await stderrOnTerminal(['buckets', 'move', 'clamshells'], 40);
    for (const line of usage.lines) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(words(usage.stderr).join(' ')).toContain('error: the bucket is missing (rehab or avoid): itb buckets move clamshells <bucket>');
  });

  it('break the hint of a usage error between words, its command whole, in one piece after the error with no blank line', async () => {
    const { code, stderr, lines } = await stderrOnTerminal(['buckets', 'reset', '--yes'], 40);
    expect(code).toBe(2);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(lines).toEqual(["error: unknown option '--yes'", 'Did you mean --force?', '`itb buckets reset --help` shows what it', 'takes.']);
    expect(stderr.endsWith('\n')).toBe(true);
  });

  it('break the notes of itb settings and itb validate between words', async () => {
    const changed = await stderrOnTerminal(['settings', 'retestAfterDays', '10'], 40);
    expect(changed.code).toBe(0);
    expect(changed.lines.length).toBeGreaterThan(3);
    for (const line of changed.lines) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(words(changed.stderr).join(' ')).toContain('is now offered for a re-test 10 days after the day it was set aside');
    const file = join(home, 'drills.yaml');
    const good = libraryFile('good.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replace(/\nroutines:\n[\s\S]*$/, '\n'));
    const validated = await stderrOnTerminal(['validate', file], 40);
    expect(validated.code, validated.stderr).toBe(0);
    for (const line of validated.lines) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(words(validated.stderr).join(' ')).toContain('Note: with no routines, a session has none to run.');
  });

  it('break a note about what a command did between words', async () => {
    const { code, stderr, lines } = await stderrOnTerminal(['buckets', 'move', 'clamshells', 'rehab', '--note', 'my physical therapist asked for this one'], 40);
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(stderr).toContain('Moved');
  });

  it('keep each command a hint or a note gives to type whole on one line, to be copied as it is', async () => {
    // Each command, and what it is said under: the hint of an error, or the note of a change.
    const cases: [string[], string][] = [
      [['export', 'report-for-dr-lee.html'], '`itb export -o report-for-dr-lee.html`'],
      [['buckets', 'reset'], '`itb buckets reset --force`'],
      [['history', '--since', '2026-02-30'], '`itb history --since 2026-02-28`'],
      [['validate'], '`itb validate my-library.yaml`'],
      [['import', '-'], '`itb import backup.json`'],
      [['settings', 'retestAfterDays', '10'], '`itb buckets`'],
    ];
    // A bucket decision to clear, so that the reset asks (and, without a terminal, is refused).
    expect((await run(['buckets', 'move', 'clamshells', 'avoid'], { home })).code).toBe(0);
    for (const [argv, command] of cases) {
      const { stderr, lines } = await stderrOnTerminal(argv, 40);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
      expect(lines.some((line) => line.includes(command)), `${argv.join(' ')}\n${stderr}`).toBe(true);
    }
  });
});

describe('a usage error, as a person reads it', () => {
  it('names a short flag with its long name when its value is left out', async () => {
    const output = await run(['export', '-o'], { home });
    expect(output.code).toBe(2);
    expect(output.stderr).toBe('error: -o (--output) needs a value after it, as in -o <file>\n`itb export --help` shows what it takes.\n');
  });

  it('counts and names the words too many', async () => {
    expect((await run(['history', 'all'], { home })).stderr).toBe('error: a word too many ("all"): itb history [options]\n`itb history --help` shows what it takes.\n');
    const two = await run(['history', '--json', 'all', 'of'], { home });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('error: 2 words too many ("all", "of"): itb history [options]\n');
    // Past the words the command does take.
    expect((await run(['import', 'a.json', 'b.json'], { home })).stderr).toContain('error: a word too many ("b.json"): itb import [options] <file>\n');
  });

  it('names every option typed before the command, and which ones may come there', async () => {
    const both = await run(['--json', '--force', 'buckets', 'reset'], { home });
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(
      "error: --json and --force go after the command: itb buckets reset --json --force\nA command's options come after its name; only --data and --no-color may come\nbefore it.\n",
    );
    // Written with "=", the word after it is the command, not its value.
    expect((await run(['--limit=5', 'history'], { home })).stderr).toContain('error: --limit goes after the command: itb history --limit=5\n');
  });

  it('takes an argument written as an option in capitals for the argument', async () => {
    const routine = await run(['session', '--ROUTINE', 'rehab'], { home });
    expect(routine.code).toBe(2);
    expect(routine.stderr).toContain('error: the routine is given on its own, without --ROUTINE: itb session rehab\n');
  });

  it('gives back the command as it should be typed, other words kept, for an argument written as an option', async () => {
    const file = await run(['--data', 'my library.yaml', 'import', '--file=backup 1.json', '--dry-run'], { home });
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("error: the file is given on its own, without --file: itb --data 'my library.yaml' import 'backup 1.json' --dry-run\n");
    // With no value after it, the form the command takes.
    const bare = await run(['session', '--routine'], { home });
    expect(bare.stderr).toContain('error: the routine is given on its own, without --routine: itb session [options] [routine]\n');
  });

  it('shows the control characters of what was typed rather than obey them', async () => {
    const typed = await run(['hist\x1b[2Jory'], { home });
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain("error: unknown command 'hist\\u001b[2Jory'");
    expect(typed.stderr).not.toContain('\x1b');
    const drill = await run(['exercises', 'clam\x07shells'], { home });
    expect(drill.code).toBe(2);
    expect(drill.stderr).toContain('error: no drill with id "clam\\u0007shells"');
    expect(drill.stderr).not.toContain('\x07');
  });

  it('says a value was left out when an option with "=" came in its place', async () => {
    const cwd = process.cwd();
    process.chdir(home);
    try {
      const output = await run(['export', '-o', '--name=Ann'], { home });
      expect(output.code).toBe(2);
      expect(output.stderr).toContain('error: -o (--output) needs a value after it, as in -o <file>, not the option --name=Ann\n');
      expect(readdirSync(home).filter((name) => name.startsWith('-'))).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('the colours of an error', () => {
  const colourTerminal = (argv: string[]) => run(argv, { home, stderrColumns: 80, env: { NO_COLOR: undefined } });

  it('are red for "error:" and dim for the hint under it, on a terminal', async () => {
    const { code, stderr } = await colourTerminal(['history', '--since', 'yesterday']);
    expect(code).toBe(2);
    expect(stderr).toBe('\x1b[31merror:\x1b[39m --since wants a date like 2026-11-01, not "yesterday"\n\x1b[2mWrite the year, month and day: `itb history --since 2026-11-01`\x1b[22m\n');
  });

  it('are off with --no-color, before or after the command', async () => {
    for (const argv of [['--no-color', 'history', '--since', 'yesterday'], ['history', '--since', 'yesterday', '--no-color']]) {
      const { code, stderr } = await colourTerminal(argv);
      expect(code).toBe(2);
      // The command to copy keeps colours off too (see itbAsTyped).
      expect(stderr).toBe('error: --since wants a date like 2026-11-01, not "yesterday"\nWrite the year, month and day: `itb --no-color history --since 2026-11-01`\n');
    }
  });
});
