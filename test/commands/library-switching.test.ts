// Switching the library with --data or ITB_DATA: which file wins, a drill of another library, and a bad or missing file.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/run.js';
import { escape, expectNoStack, fixtures, good, manyProblems, wrongTypes } from '../helpers/library-commands.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const itb = (argv: string[], env: Record<string, string | undefined> = {}) => run(argv, { home, env });

describe('switching the library', () => {
  it('--data FILE lists the drills of that file', async () => {
    const { code, stdout } = await itb(['--data', good, 'exercises', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((e) => e.id)).toEqual(['wall-clamshells', 'ankle-rocks']);
  });

  it('--data FILE after the command name works too', async () => {
    const { code, stdout } = await itb(['routines', '--json', '--data', good]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((r) => r.id)).toEqual(['clinic-plan', 'rehab', 'retest']);
  });

  it('the list of drills says to space loading drills 48 hours apart only when it has some', async () => {
    expect((await itb(['--data', good, 'exercises'])).stdout).toContain('Loading drills build strength: space those sessions about 48 hours apart.');
    const gentle = join(home, 'gentle.yaml');
    writeFileSync(gentle, readFileSync(good, 'utf8').replace('    loading: true\n', '    loading: false\n'));
    const { code, stdout } = await itb(['--data', gentle, 'exercises']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('(loading)');
    expect(stdout).not.toContain('Loading drills');
    expect(stdout).toContain(`\`itb --data ${gentle} exercises ID\``);
  });

  it('the list of drills ends with the command that shows one, kept on one line with a long --data path', async () => {
    // A command of 70 columns: it fits a line of its own, not one after "Show one drill in full:".
    const file = join(home, `${'home-program-'.padEnd(70 - '`itb --data / exercises ID`'.length - home.length - '.yaml'.length, 'x')}.yaml`);
    copyFileSync(good, file);
    const command = `\`itb --data ${file} exercises ID\``;
    expect(command.length).toBe(70);
    const { code, stdout } = await itb(['--data', file, 'exercises']);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toContain(command);
  });

  it('ITB_DATA switches the library for routines and exercises', async () => {
    const routines = await itb(['routines', '--json'], { ITB_DATA: good });
    expect((JSON.parse(routines.stdout) as { id: string }[]).map((r) => r.id)).toEqual(['clinic-plan', 'rehab', 'retest']);
    const shown = await itb(['exercises', 'ankle-rocks'], { ITB_DATA: good });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Side:       the side opposite the pain');
    expect(shown.stdout).toContain('Routines:   clinic-plan');
  });

  it('an empty --data is a slip, an empty ITB_DATA is none', async () => {
    const slip = await itb(['--data', '', 'routines']);
    expect(slip.code).toBe(2);
    expect(slip.stderr).toContain('error: --data needs the name of an exercise library file');
    // Spaces alone name no file either: not a file called "  " that is not found.
    const blank = await itb(['--data', '  ', 'routines']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('error: --data needs the name of an exercise library file');
    expect(blank.stderr).not.toContain('cannot read');
    const unset = await itb(['routines', '--json'], { ITB_DATA: '' });
    expect(unset.code).toBe(0);
    expect((JSON.parse(unset.stdout) as { id: string }[]).map((r) => r.id)).toContain('joint-chain');
  });

  it('reads a ~ leading ITB_DATA or --data as the home folder, as the shell leaves it in quotes', async () => {
    mkdirSync(join(home, 'itb'));
    copyFileSync(good, join(home, 'itb', 'my-library.yaml'));
    const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((r) => r.id);
    const fromEnv = await itb(['routines', '--json'], { HOME: home, ITB_DATA: '~/itb/my-library.yaml' });
    expect(fromEnv.stderr).toBe('');
    expect(ids(fromEnv.stdout)).toEqual(['clinic-plan', 'rehab', 'retest']);
    const fromFlag = await itb(['--data=~/itb/my-library.yaml', 'routines', '--json'], { HOME: home });
    expect(ids(fromFlag.stdout)).toEqual(['clinic-plan', 'rehab', 'retest']);
    const checked = await itb(['validate'], { HOME: home, ITB_DATA: '~/itb/my-library.yaml' });
    expect(checked.code).toBe(0);
    // A ~ alone is the home folder itself, which is no library file.
    const bare = await itb(['routines'], { HOME: home, ITB_DATA: '~' });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain(`error: cannot read ${home}: it is a folder`);
    // A ~ inside a name is part of it.
    const inside = await itb(['routines'], { HOME: home, ITB_DATA: 'itb/~my-library.yaml' });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('cannot read itb/~my-library.yaml');
    // An empty or relative HOME names no home folder: the account's own is meant, as for ITB_HOME.
    for (const HOME of ['', 'relative/home']) {
      const notHome = await itb(['--data', '~/itb-no-such-library.yaml', 'routines'], { HOME });
      expect(notHome.stderr).toContain(`cannot read ${join(homedir(), 'itb-no-such-library.yaml')}: file not found`);
    }
  });

  it('--data wins over ITB_DATA', async () => {
    const { code, stdout } = await itb(['--data', good, 'routines', '--json'], { ITB_DATA: manyProblems });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((r) => r.id)).toEqual(['clinic-plan', 'rehab', 'retest']);
  });

  /** What an error says, its lines (wrapped to the terminal) put back together. */
  const unwrapped = (text: string) => text.trim().replace(/\s*\n\s*/g, ' ');

  it('a drill of the built-in library is unknown in a therapist\'s file: the message names the file, and says the built-in library has it', async () => {
    const { code, stdout, stderr } = await itb(['--data', good, 'exercises', 'clamshells']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^error: no drill with id "clamshells" in the exercise library ${escape(good)}\n`));
    expect(unwrapped(stderr)).toBe(
      `error: no drill with id "clamshells" in the exercise library ${good} ` +
        `Did you mean wall-clamshells? \`itb --data ${good} exercises\` lists its drills. The built-in library has it, "Clamshells": \`itb exercises clamshells\` shows it.`,
    );
  });

  it('with ITB_DATA, the commands named are those that work with it set', async () => {
    const { code, stderr } = await itb(['exercises', 'hip-cars'], { ITB_DATA: good });
    expect(code).toBe(2);
    expect(unwrapped(stderr)).toBe(
      `error: no drill with id "hip-cars" in the exercise library ${good} ` +
        '`itb exercises` lists its drills. The built-in library has it, "Hip CARs (controlled articular rotations)": `ITB_DATA= itb exercises hip-cars` shows it.',
    );
  });

  it('a drill in neither library: the file named, no word of the built-in one', async () => {
    const { code, stderr } = await itb(['--data', good, 'exercises', 'nope']);
    expect(code).toBe(2);
    expect(unwrapped(stderr)).toBe(`error: no drill with id "nope" in the exercise library ${good} \`itb --data ${good} exercises\` lists its drills.`);
  });

  it('a bad --data file: exit 2 with its problem lines and no stack trace', async () => {
    for (const command of ['exercises', 'routines']) {
      const { code, stdout, stderr } = await itb(['--data', wrongTypes, command]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${wrongTypes}:10:7  exercises.0.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10`);
      expect(stderr).toContain(`${wrongTypes}:12:5  exercises.0.loading  must be true or false, not "yes"`);
      expectNoStack(stderr);
    }
  });

  it('a bad file in a folder with a space: the command to check it again quotes the path, and starts as itb was started', async () => {
    const file = join(home, 'for maria', 'library.yaml');
    mkdirSync(dirname(file));
    copyFileSync(wrongTypes, file);
    const hint = `Fix them and run \`npx itb validate '${file}'\` to check again.`;
    for (const argv of [['--data', file, 'routines'], ['exercises'], ['validate', file]]) {
      const { code, stderr } = await itb(argv, { ITB_DATA: file, npm_lifecycle_event: 'npx' });
      expect(code, argv.join(' ')).toBe(2);
      expect(unwrapped(stderr), argv.join(' ')).toContain(`error: 2 problems in the exercise library ${file} ${hint}`);
    }
    const { stderr } = await itb(['--data', file, 'routines']);
    expect(unwrapped(stderr)).toContain(`Fix them and run \`itb validate '${file}'\` to check again.`);
  });

  it('a bad ITB_DATA file: exit 2 with its problem lines', async () => {
    const file = join(fixtures, 'alias-bomb.yaml');
    const { code, stderr } = await itb(['exercises'], { ITB_DATA: file });
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:1:1  (file)  the aliases (*name) in this file expand into far too much data`);
    expectNoStack(stderr);
  });

  it('a missing --data file: exit 2, said plainly', async () => {
    const file = join(fixtures, 'not-there.yaml');
    const { code, stderr } = await itb(['--data', file, 'routines']);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: cannot read ${file}: file not found\nCheck the path of the library file.\n`);
  });

  it('an ITB_DATA file since moved or deleted: says ITB_DATA names it, and how to go back to the built-in library', async () => {
    const file = join(fixtures, 'not-there.yaml');
    for (const argv of [['buckets'], ['session'], ['validate']]) {
      const { code, stderr } = await itb(argv, { ITB_DATA: file });
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.replace(/\s+/g, ' ')).toContain(
        `error: cannot read ${file}: file not found Check the path of the library file. ITB_DATA names this file: set it to where the file is now, or unset it (\`unset ITB_DATA\`) to use the built-in library. Your sessions and buckets are kept either way.`,
      );
    }
    // Named on the command line, the file is the one just typed.
    expect((await itb(['--data', file, 'buckets'], { ITB_DATA: file })).stderr).not.toContain('ITB_DATA');
    expect((await itb(['validate', file], { ITB_DATA: file })).stderr).not.toContain('ITB_DATA');
    // A folder in its place is there, not moved: only what it is.
    const folder = await itb(['buckets'], { ITB_DATA: fixtures });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`cannot read ${fixtures}`);
    expect(folder.stderr).not.toContain('ITB_DATA');
  });
});
