// `itb validate` of a file with problems, or one it cannot read: each told plainly, and text after " #" warned of.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentedKeys } from '../helpers/json-shape.js';
import { run, tempHome } from '../helpers/run.js';
import { escape, expectNoStack, fixtures, good, manyProblems, wrongTypes } from '../helpers/library-commands.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const itb = (argv: string[], env: Record<string, string | undefined> = {}) => run(argv, { home, env });

describe('itb validate', () => {
  it('a bad file: exit 2, every problem on its own line of stdout, the count and what to do on stderr', async () => {
    const { code, stdout, stderr } = await itb(['validate', manyProblems]);
    expect(code).toBe(2);
    // stdout holds the problems and nothing else, so `itb validate f > problems.txt` keeps them.
    const problemLines = stdout.trimEnd().split('\n');
    expect(problemLines).toEqual([
      `${manyProblems}:10:7  exercises.0.dose.reps  must be at least 1, not 0`,
      `${manyProblems}:13:5  exercises.1.id  duplicate id "bridges" (already used on line 3); give each drill its own id, as a routine names its drills by id`,
      `${manyProblems}:15:5  exercises.1.region  must be one of: ankle, knee, hip, pelvis, trunk, shoulder, thigh, whole-leg (not "back")`,
      `${manyProblems}:17:5  exercises.1.steps  needs at least one step`,
      `${manyProblems}:18:5  exercises.1.dose  needs reps, holdSeconds or both`,
      `${manyProblems}:22:5  exercises.1.notes  unknown field "notes"; a drill can have: id, name, region, category, steps, dose, side, loading, equipment, cues, video, source`,
      `${manyProblems}:26:5  routines.0.description  must not be empty`,
      `${manyProblems}:28:9  routines.0.exercises.0  unknown exercise "bridge" (did you mean "bridges"?)`,
    ]);
    expect(stderr).toContain(`8 problems in the exercise library ${manyProblems}`);
    expect(stderr).not.toContain(`${manyProblems}:`);
    expectNoStack(stderr);
  });

  it('a drill\'s name too long for the screens that show it: exit 2, saying where and where its details go', async () => {
    const file = join(home, 'long-name.yaml');
    const name = 'Ankle rocks, rocking your knee gently forward over your toes and back, ten times, then rest';
    writeFileSync(file, readFileSync(good, 'utf8').replace('name: Ankle rocks', `name: ${name}`));
    const { code, stdout, stderr } = await itb(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).toBe(`${file}:32:5  exercises.1.name  must be at most 71 characters, short enough for the lines that show it (this one has ${name.length}): put the details in its steps or cues\n`);
    expect(stderr.replace(/\s+/g, ' ')).toBe(`error: 1 problem in the exercise library ${file} Fix it and run \`itb validate ${file}\` to check again. `);
    // Used with --data, the same line: no session starts with it.
    const used = await itb(['--data', file, 'exercises']);
    expect(used.code).toBe(2);
    expect(used.stderr).toContain(`${file}:32:5  exercises.1.name  must be at most 71 characters`);
  });

  it('a syntax error: exit 2 with its line and column', async () => {
    const file = join(fixtures, 'unclosed-list.yaml');
    const { code, stdout } = await itb(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).toContain(`${file}:7:12  exercises.0.steps  the list that opens with "["`);
  });

  it('a file saved as UTF-16: exit 2, one line that says so and how to save it', async () => {
    const file = join(home, 'unicode.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(good, 'utf8'), 'utf16le')]));
    const { code, stdout, stderr } = await itb(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).toBe(`${file}:1:1  (file)  the file is saved as UTF-16 (its first bytes are FF FE): save it as UTF-8 (in the editor's "Save as", choose the encoding "UTF-8")\n`);
    expect(stderr).toBe(`error: 1 problem in the exercise library ${file}\nFix it and run \`itb validate ${file}\` to check again.\n`);
  });

  it('a backup given as a library: one line that says what it is and what reads it, not a problem per field', async () => {
    const backup = join(home, 'backup.json');
    expect((await itb(['export', '--format', 'json', '-o', backup])).code).toBe(0);
    const line = `${backup}:1:1  (file)  this is an itb backup (written by \`itb export -o backup.json\`), not an exercise library; \`itb import\` reads a backup\n`;
    const checked = await itb(['validate', backup]);
    expect(checked.code).toBe(2);
    expect(checked.stdout).toBe(line);
    // Nothing in it to fix and check again: it is the wrong kind of file.
    expect(checked.stderr).not.toContain('Fix it');
    expect(checked.stderr.replace(/\s+/g, ' ')).toContain('An exercise library is a YAML file of drills and routines (see "Your own exercise library" in the README).');
    const used = await itb(['--data', backup, 'routines']);
    expect(used.code).toBe(2);
    expect(used.stderr).toContain(line);
  });

  it.skipIf(process.platform === 'win32')('a file whose name holds a control character: its problem lines write it as an escape, so the terminal is not changed', async () => {
    const file = join(home, 'lib\u001b[31m.yaml');
    writeFileSync(file, 'exercises: [\n');
    const { code, stdout } = await itb(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain(`${join(home, 'lib\\u001b[31m.yaml')}:1:12  exercises`);
  });

  it('a file under a name that is a file, not a folder: exit 2, said plainly', async () => {
    writeFileSync(join(home, 'notes.txt'), 'not a folder\n');
    const file = join(home, 'notes.txt', 'my-library.yaml');
    const { code, stdout, stderr } = await itb(['validate', file]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(`error: cannot read ${file}: part of its path is a file, not a folder\nCheck the path of the library file.\n`);
  });

  it('a file name longer than the system takes: exit 2, said plainly', async () => {
    const file = join(home, `${'a'.repeat(300)}.yaml`);
    const { code, stderr } = await itb(['validate', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: cannot read ${file}: the path is too long\nCheck the path of the library file.\n`);
  });

  it('a long wrong value is quoted shortened, its first 37 characters then ...', async () => {
    const file = join(home, 'long-region.yaml');
    const typed = 'the outside of the left hip, where it hurts most';
    writeFileSync(file, readFileSync(good, 'utf8').replace('region: hip', `region: ${typed}`));
    const { code, stdout } = await itb(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).toBe(`${file}:18:5  exercises.0.region  must be one of: ankle, knee, hip, pelvis, trunk, shoulder, thigh, whole-leg (not "${typed.slice(0, 37)}...")\n`);
  });

  it('a missing file: exit 2, said plainly, with no problem lines', async () => {
    const file = join(fixtures, 'not-there.yaml');
    const { code, stdout, stderr } = await itb(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`error: cannot read ${file}: file not found\nCheck the path of the library file.\n`);
    // With --json too: no half-filled JSON of a file that could not be read, the error on stderr.
    const json = await itb(['validate', file, '--json']);
    expect([json.code, json.stdout]).toEqual([2, '']);
    expect(json.stderr).toBe(stderr);
  });

  it.skipIf(process.platform === 'win32')('a named pipe: refused at once, with validate and with --data', async () => {
    const pipe = join(home, 'library.yaml');
    execFileSync('mkfifo', [pipe]);
    for (const argv of [['validate', pipe], ['--data', pipe, 'exercises'], ['routines']]) {
      const { code, stdout, stderr } = await itb(argv, { ITB_DATA: pipe });
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`error: cannot read ${pipe}: it is a named pipe (FIFO), not a regular file\n`);
      expectNoStack(stderr);
    }
  });

  it('--json of a bad file: not valid, each problem with line, col, path and message; exit 2', async () => {
    const { code, stdout, stderr } = await itb(['validate', wrongTypes, '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      file: wrongTypes,
      valid: false,
      problems: [
        { line: 10, col: 7, path: 'exercises.0.dose.reps', message: 'must be a whole number, not "ten": write the number in digits, as reps: 10' },
        { line: 12, col: 5, path: 'exercises.0.loading', message: 'must be true or false, not "yes"' },
      ],
      warnings: [],
    });
    const help = (await itb(['validate', '--help'])).stdout;
    expect(documentedKeys(help, 'prints')).toEqual(['file', 'valid', 'exercises', 'routines', 'problems', 'warnings', 'more', 'moreWarnings', 'notes']);
    expect(documentedKeys(help, 'problem')).toEqual(['line', 'col', 'path', 'message']);
    // The JSON alone on stdout; the count on stderr.
    expect(stderr).toContain(`2 problems in the exercise library ${wrongTypes}`);
    expect(stderr).not.toContain(`${wrongTypes}:10:7`);
  });

  describe('text after " #" in a step, which YAML leaves out as a comment', () => {
    const warned = () => {
      const file = join(home, 'comments.yaml');
      writeFileSync(file, readFileSync(good, 'utf8').replace('- Open the top knee, keeping your feet together.', '- Open the top knee # slowly'));
      return file;
    };
    const warning = 'warning: YAML reads "# slowly" as a comment and leaves it out, keeping only "Open the top knee"; to keep it, put the whole text in quotes: "Open the top knee # slowly" (a note for yourself goes on a line of its own)';

    it('is a warning on stdout, as a problem line; the file is valid (exit 0) and the summary counts it', async () => {
      const file = warned();
      const { code, stdout, stderr } = await itb(['validate', file]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${file}:22:27  exercises.0.steps.1  ${warning}\n✓ ${file}: 2 drills, 1 routine, no problems, 1 warning\n`);
      expect(stderr).toBe('');
    });

    it('--json lists it under warnings, the file valid', async () => {
      const file = warned();
      const { code, stdout } = await itb(['validate', file, '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({
        file,
        valid: true,
        exercises: 2,
        routines: 1,
        problems: [],
        warnings: [{ line: 22, col: 27, path: 'exercises.0.steps.1', message: warning.replace('warning: ', '') }],
        notes: [],
      });
    });

    it('is listed among the problems of a bad file, in the order of the file, and not counted as one', async () => {
      const file = warned();
      writeFileSync(file, readFileSync(file, 'utf8').replace('side: opposite', 'side: left'));
      const { code, stdout, stderr } = await itb(['validate', file]);
      expect(code).toBe(2);
      expect(stdout).toBe(`${file}:22:27  exercises.0.steps.1  ${warning}\n${file}:39:5  exercises.1.side  must be one of: painful, opposite, both, none (not "left"); the side is told relative to the pain, not as left or right: write "painful" for the side that hurts, or "opposite" for the other one\n`);
      expect(stderr).toBe(`error: 1 problem in the exercise library ${file}\nFix it and run \`itb validate ${file}\` to check again.\n`);
    });

    it('after more than 50 texts: the first 50 listed, and the summary says there are more', async () => {
      const file = join(home, 'many-comments.yaml');
      const steps = Array.from({ length: 60 }, (_, n) => `      - Step ${n + 1} # note`).join('\n');
      writeFileSync(file, readFileSync(good, 'utf8').replace('      - Rock your knee gently forward over your toes and back.', steps));
      const { code, stdout } = await itb(['validate', file]);
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(51);
      expect(lines[49]).toMatch(new RegExp(`^${escape(file)}:85:17  exercises\\.1\\.steps\\.49  warning: YAML reads "# note"`));
      expect(lines[50]).toBe(`✓ ${file}: 2 drills, 1 routine, no problems, more than 50 warnings (the first 50 are listed)`);
      const json = JSON.parse((await itb(['validate', file, '--json'])).stdout) as { warnings: unknown[]; moreWarnings?: boolean };
      expect(json.warnings).toHaveLength(50);
      expect(json.moreWarnings).toBe(true);
    });

    it('does not stop the library being used with --data, nor show on every command', async () => {
      const { code, stdout, stderr } = await itb(['--data', warned(), 'exercises', 'wall-clamshells']);
      expect(code).toBe(0);
      expect(stdout).toContain('   2. Open the top knee\n');
      expect(stderr).toBe('');
    });
  });

  it('a file with thousands of problems: the first 50 listed, and the rest counted as more', async () => {
    const file = join(home, 'empty-drills.yaml');
    writeFileSync(file, `version: 1\nexercises:\n${'  - {}\n'.repeat(5000)}`);
    const { code, stdout, stderr } = await itb(['validate', file]);
    expect(code).toBe(2);
    expect(stdout.trimEnd().split('\n')).toHaveLength(50);
    expect(stdout.split('\n')[0]).toBe(`${file}:3:5  exercises.0.id  missing required field`);
    expect(stderr).toContain(`error: more than 50 problems in the exercise library ${file} (the first 50 are listed)\n`);
    const json = await itb(['validate', file, '--json']);
    const shown = JSON.parse(json.stdout) as { valid: boolean; problems: unknown[]; more?: boolean };
    expect(shown.problems).toHaveLength(50);
    expect(shown.more).toBe(true);
    expect(documentedKeys((await itb(['validate', '--help'])).stdout, 'prints')).toContain('more');
  });
});
