// `itb validate` of a good file: its summary, its notes of drills with a new id, --json, and which file it checks.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { escape, good, manyProblems } from '../helpers/library-commands.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const itb = (argv: string[], env: Record<string, string | undefined> = {}) => run(argv, { home, env });

describe('itb validate', () => {
  it('a good file whose drill of a tested name has a new id: valid, with a note of where the results are', async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clams', name: 'Wall clamshells', scores: [4] }, { id: 'ankle-rocks', name: 'Ankle rocks', scores: [2] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stdout, stderr } = await itb(['validate', good]);
    expect(code).toBe(0);
    expect(stdout).toBe(`✓ ${good}: 2 drills, 1 routine, no problems\n`);
    // Ankle rocks kept its id: only the drill whose id changed is named.
    expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      'Note: "Wall clamshells" has the id wall-clamshells in this file, but your results for it are kept under wall-clams, which the file no longer has. To keep them together, give it back the id wall-clams.',
    );
    // Scripts get the same note.
    expect(JSON.parse((await itb(['validate', good, '--json'])).stdout).notes).toEqual([
      'Note: "Wall clamshells" has the id wall-clamshells in this file, but your results for it are kept under wall-clams, which the file no longer has. To keep them together, give it back the id wall-clams.',
    ]);
    // Once tested under the new id too, giving back the old one would leave the newer results apart: no note.
    const since = buildSession({ startedAt: '2026-03-05T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', name: 'Wall clamshells', scores: [6, 6] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(since));
    expect((await itb(['validate', good])).stderr).toBe('');
  });

  it('no note for a drill with a new id whose old id was only ever skipped: it has no results to keep together', async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clams', name: 'Wall clamshells', skipped: true }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stdout, stderr } = await itb(['validate', good]);
    expect(code).toBe(0);
    expect(stdout).toBe(`✓ ${good}: 2 drills, 1 routine, no problems\n`);
    expect(stderr).toBe('');
    expect(JSON.parse((await itb(['validate', good, '--json'])).stdout).notes).toEqual([]);
    // Moved by hand too, but before the buckets were cleared: still nothing `itb buckets` lists.
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.moves.push({ exerciseId: 'wall-clams', bucket: 'rehab', at: '2026-03-02T08:00:00Z' });
      data.bucketsResetAt = '2026-03-03T08:00:00Z';
    });
    expect((await itb(['validate', good])).stderr).toBe('');
  });

  it('the note for a drill with a new id stays while the new id was only skipped, and for results from before the buckets were cleared', async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clams', name: 'Wall clamshells', scores: [4] }] });
    const since = buildSession({ startedAt: '2026-03-05T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', name: 'Wall clamshells', skipped: true }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session, since));
    const note =
      'Note: "Wall clamshells" has the id wall-clamshells in this file, but your results for it are kept under wall-clams, which the file no longer has. To keep them together, give it back the id wall-clams.';
    expect((await itb(['validate', good])).stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(note);
    // `itb buckets` still lists the old id's results under the untested drills once cleared.
    await Store.open({ ITB_HOME: home }).update((data) => void (data.bucketsResetAt = '2026-03-06T08:00:00Z'));
    expect((await itb(['validate', good])).stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(note);
  });

  it('no note for a tested drill the file still has by its id, though another drill now has its old name', async () => {
    // ankle-rocks was renamed, and its old name given to the drill before it: the results are where they were.
    const file = join(home, 'names-moved.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replace('name: Wall clamshells', 'name: Ankle rocks').replace('name: Ankle rocks\n    region: ankle', 'name: Seated ankle rocks\n    region: ankle'));
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', name: 'Ankle rocks', scores: [4] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stdout, stderr } = await itb(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(`✓ ${file}: 2 drills, 1 routine, no problems\n`);
    expect(stderr).toBe('');
  });

  it('notes a drill with a new id whose name the file writes in other capitals than the results', async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clams', name: 'WALL CLAMSHELLS', scores: [4] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stderr } = await itb(['validate', good]);
    expect(code).toBe(0);
    expect(stderr.replace(/\s*\n\s*/g, ' ')).toContain('Note: "Wall clamshells" has the id wall-clamshells in this file, but your results for it are kept under wall-clams');
  });

  it('a good file: exit 0 and a one-line summary', async () => {
    const { code, stdout, stderr } = await itb(['validate', good]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^✓ ${escape(good)}: 2 drills, 1 routine, no problems\n$`));
    expect(stderr).toBe('');
  });

  it('a good file without routines: valid, with a note that a session needs one', async () => {
    const file = join(home, 'drills-only.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replace(/\nroutines:\n[\s\S]*$/, '\n'));
    const { code, stdout, stderr } = await itb(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(`✓ ${file}: 2 drills, 0 routines, no problems\n`);
    expect(stderr.replace(/\s+/g, ' ')).toBe('Note: with no routines, a session has none to run. Add one under "routines:": an id, a name, a description and the ids of its exercises, in order. ');
    const json = await itb(['validate', file, '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, routines: 0, notes: [expect.stringMatching(/^Note: with no routines, a session has none to run\./)] });
  });

  it('a good file of one drill says "1 drill", not "1 drills"', async () => {
    const file = join(home, 'one-drill.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replace(/\n  - id: ankle-rocks\n[\s\S]*?loading: false\n/, '\n').replace('      - ankle-rocks\n', ''));
    const { code, stdout } = await itb(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(`✓ ${file}: 1 drill, 1 routine, no problems\n`);
  });

  it('the shipped library is valid', async () => {
    const { code, stdout, stderr } = await itb(['validate', join(import.meta.dirname, '../../data/library.yaml')]);
    expect(code).toBe(0);
    // One line: no problem and no warning.
    expect(stdout).toMatch(/^✓ \S+library\.yaml: [1-9]\d* drills, [1-9]\d* routines, no problems\n$/);
    expect(stderr).toBe('');
  });

  it('with no file, checks the library --data or ITB_DATA names, and without either asks for one', async () => {
    const fromData = await itb(['--data', manyProblems, 'validate'], { ITB_DATA: good });
    expect(fromData.code).toBe(2);
    expect(fromData.stderr).toContain(`8 problems in the exercise library ${manyProblems}`);
    const fromEnv = await itb(['validate', '--json'], { ITB_DATA: good });
    expect(fromEnv.code).toBe(0);
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ file: good, valid: true, exercises: 2, routines: 1 });
    // A file named wins over both.
    expect((await itb(['--data', manyProblems, 'validate', good])).code).toBe(0);
    const none = await itb(['validate']);
    expect(await itb(['validate'], { ITB_DATA: '' })).toEqual(none);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('error: validate needs the name of an exercise library file\nFor example: `itb validate my-library.yaml`. The built-in library needs no\ncheck.\n');
    expect((await itb(['--data', '', 'validate'])).stderr).toContain('error: --data needs the name of an exercise library file');
  });

  it('an empty file name is no file: asks for one, rather than look for a file named ""', async () => {
    // As `itb validate "$FILE"` runs with FILE unset.
    for (const name of ['', '  ']) {
      const { code, stdout, stderr } = await itb(['validate', name], { ITB_DATA: good });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('error: validate needs the name of an exercise library file\nFor example: `itb validate my-library.yaml`. The built-in library needs no\ncheck.\n');
    }
  });

  it('a file named with a ~ the shell left in quotes is looked for in the home folder, as with --data', async () => {
    const homeFolder = join(home, 'person');
    mkdirSync(join(homeFolder, 'my itb'), { recursive: true });
    copyFileSync(good, join(homeFolder, 'my itb', 'library.yaml'));
    const checked = await itb(['validate', '~/my itb/library.yaml'], { HOME: homeFolder });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toBe(`✓ ${join(homeFolder, 'my itb', 'library.yaml')}: 2 drills, 1 routine, no problems\n`);
    expect((await itb(['--data', '~/my itb/library.yaml', 'validate'], { HOME: homeFolder })).stdout).toBe(checked.stdout);
  });

  it('--json of a good file: valid, counts, no problems', async () => {
    const { code, stdout } = await itb(['validate', good, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ file: good, valid: true, exercises: 2, routines: 1, problems: [], warnings: [], notes: [] });
  });
});
