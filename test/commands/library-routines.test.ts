// `itb routines`: the routines of the library in use, the built-in rehab and retest, and the test movements, as text and --json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { documentedKeys } from '../helpers/json-shape.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { good } from '../helpers/library-commands.js';
import { onTerminal } from '../helpers/terminal.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const itb = (argv: string[], env: Record<string, string | undefined> = {}) => run(argv, { home, env });

describe('itb routines', () => {
  it('--json lists the six shipped routines, joint-chain in the order of the article', async () => {
    const { code, stdout } = await itb(['routines', '--json']);
    expect(code).toBe(0);
    const routines = JSON.parse(stdout) as { id: string; exercises: string[]; builtIn: boolean }[];
    expect(routines.filter((r) => !r.builtIn).map((r) => r.id).sort()).toEqual(['balance', 'hip-rotation', 'joint-chain', 'mobility', 'strength', 'warm-up']);
    // Then the built-in ones `itb session` takes too.
    expect(routines.filter((r) => r.builtIn).map((r) => r.id)).toEqual(['rehab', 'retest']);
    expect(routines.find((r) => r.id === 'joint-chain')?.exercises).toEqual([
      'lateral-ankle-tilts',
      'lunge-knee-circles',
      'rehab-hip-circles',
      'pelvis-tucks-tilts',
      'opposite-scapular-camshafts',
    ]);
  });

  it('--json prints the shape its help documents', async () => {
    const documented = documentedKeys((await itb(['routines', '--help'])).stdout, 'routine');
    expect(documented).toEqual(['id', 'name', 'description', 'exercises', 'cues', 'source', 'builtIn']);
    for (const routine of JSON.parse((await itb(['routines', '--json'])).stdout)) expect(documented).toEqual(expect.arrayContaining(Object.keys(routine)));
  });

  it('lists the built-in rehab and retest routines too, with the drills they hold today, in the text and in --json after the library routines', async () => {
    // clamshells helped; hip-hikes and bridges did not, and were set aside: one re-test due 14 days on.
    const sessions = [
      buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }, { id: 'hip-hikes', scores: [5, 5] }] }),
      buildSession({ startedAt: '2026-03-10T09:00:00Z', baseline: 6, drills: [{ id: 'bridges', scores: [6, 6] }] }),
    ];
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(...sessions));
    const now = new Date('2026-03-20T12:00:00Z');
    const routines = JSON.parse((await run(['routines', '--json'], { home, now })).stdout) as { id: string; exercises: string[]; builtIn: boolean }[];
    expect(routines.slice(0, 6).every((routine) => routine.builtIn === false)).toBe(true);
    expect(routines.slice(6)).toEqual([
      { id: 'rehab', name: 'Your rehab routine (built in)', description: 'The drills in your rehab bucket, warm-up drills first, then in routine order.', exercises: ['clamshells'], cues: [], builtIn: true },
      { id: 'retest', name: 'Re-test (built in)', description: 'Drills set aside for now whose re-test date has come.', exercises: ['hip-hikes'], cues: [], builtIn: true },
    ]);
    const text = (await run(['routines'], { home, now })).stdout;
    expect(text).toMatch(/^rehab {2}Your rehab routine \(built in\)\n(?: {2}.*\n)+ {3}1\. Clamshells {2}clamshells · hip\n/m);
    expect(text).toMatch(/^retest {2}Re-test \(built in\)\n(.*\n){2} {3}1\. Hip hikes {2}hip-hikes · hip\n\n/m);
    // With nothing in them, each says so; every id listed is one `itb session` takes.
    const empty = tempHome();
    try {
      const none = (await run(['routines'], { home: empty.home, now })).stdout;
      expect(none).toContain('  None: a drill comes here when a test lowers your score.\n\nretest  ');
      expect(none).toContain('  None due today.\n');
      // Each says where its drills come from.
      expect(none).toContain('\n  The drills in your rehab bucket, warm-up drills first, then in routine\n  order. See `itb buckets`.\n');
      expect(none).toContain('\n  Drills set aside for now whose re-test date has come. `itb buckets` shows\n  when each is due.\n');
      const ids = (JSON.parse((await run(['routines', '--json'], { home: empty.home, now })).stdout) as { id: string }[]).map((routine) => routine.id);
      expect(ids.slice(-2)).toEqual(['rehab', 'retest']);
    } finally {
      empty.cleanup();
    }
  });

  it('says which drills of the rehab and avoid buckets the library in use does not have, rather than that the rehab routine is empty', async () => {
    // Tested with a library file of one's own, then the built-in library in use: drills kept by an id it does not have.
    const sessions = [
      buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'heel-raises', scores: [4] }, { id: 'step-ups', scores: [3] }, { id: 'hip-hinge-stick', scores: [4, 4] }] }),
      buildSession({ startedAt: '2026-03-02T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
    ];
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(...sessions));
    const now = new Date('2026-03-20T12:00:00Z');
    const text = (await run(['routines'], { home, now })).stdout;
    // Perhaps taken out on purpose: how to still run them is for one who still does them, not an advice to.
    const said = text.replace(/\n {2}(?=\S)/g, ' ');
    expect(said).toContain(
      ' 1. Clamshells  clamshells · hip 2 drills in your rehab bucket are not in this exercise library (taken out of it, or from another library file), so they are left out here; if you still do them, the library file that has them (--data, or ITB_DATA) runs them.\n\nretest  ',
    );
    expect(said).toContain(
      ' None due today. 1 drill set aside for now is not in this exercise library (taken out of it, or from another library file), so it is left out here; if you still want it re-tested, the library file that has it (--data, or ITB_DATA) re-tests it once due.\n',
    );
    // None of its rehab drills in this library: not the words for a bucket nothing has come to yet.
    const only = tempHome();
    try {
      await Store.open({ ITB_HOME: only.home }).update((data) => void data.sessions.push(sessions[0]!));
      const none = (await run(['routines'], { home: only.home, now })).stdout;
      expect(none).toContain('  None in this exercise library.\n  2 drills in your rehab bucket are not in this exercise library');
      expect(none).not.toContain('None: a drill comes here');
    } finally {
      only.cleanup();
    }
  });

  it('says so when the drills the library in use does not have are all built-in ones, and how to run them', async () => {
    // Tested with the built-in library, then a file of one's own in use: clamshells helped, hip hikes set aside.
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }, { id: 'hip-hikes', scores: [4, 5] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const said = (await run(['--data', good, 'routines'], { home, now: new Date('2026-03-20T12:00:00Z') })).stdout.replace(/\n {2}(?=\S)/g, ' ');
    expect(said).toContain(
      ' None in this exercise library. 1 drill in your rehab bucket is in the built-in exercise library, not in this one, so it is left out here; if you still do it, `itb session rehab` without --data (and ITB_DATA) runs it.\n',
    );
    expect(said).toContain(
      ' None due today. 1 drill set aside for now is in the built-in exercise library, not in this one, so it is left out here; if you still want it re-tested, `itb session retest` without --data (and ITB_DATA) offers it once due.\n',
    );
  });

  it("names the drill a library file has under another id, and calls no drill of another file built-in for its id alone", async () => {
    // A file whose own "Wall clamshells" had the built-in id clamshells, since changed to clams.
    const renamed = join(home, 'renamed.yaml');
    writeFileSync(renamed, readFileSync(good, 'utf8').replaceAll('wall-clamshells', 'clams'));
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', name: 'Wall clamshells', scores: [4] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const now = new Date('2026-03-20T12:00:00Z');
    const said = (await run(['--data', renamed, 'routines'], { home, now })).stdout.replace(/\n {2}(?=\S)/g, ' ');
    expect(said).toContain(
      ' None in this exercise library. 1 drill in your rehab bucket is not in this exercise library under its id, so it is left out here. ' +
        'This library has Wall clamshells under another id, clams; its results are kept under the old one, clamshells: give it back the id clamshells in the library file to keep them together.\n',
    );
    // Not in the file at all, and named otherwise than the built-in drill of its id: another file's drill.
    const without = join(home, 'without.yaml');
    writeFileSync(without, readFileSync(good, 'utf8').replaceAll('Wall clamshells', 'Wall clams'));
    const other = (await run(['--data', without, 'routines'], { home, now })).stdout.replace(/\n {2}(?=\S)/g, ' ');
    expect(other).toContain(' 1 drill in your rehab bucket is not in this exercise library (taken out of it, or from another library file), so it is left out here;');
    expect(other).not.toContain('built-in exercise library');
    // One of each: what to do with the renamed one, then of the other alone, how to run it if still done.
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(buildSession({ startedAt: '2026-03-02T09:00:00Z', baseline: 6, drills: [{ id: 'hip-lifts', name: 'Hip lifts', scores: [4] }] })));
    expect((await run(['--data', renamed, 'routines'], { home, now })).stdout.replace(/\n {2}(?=\S)/g, ' ')).toContain(
      ' None in this exercise library. 2 drills in your rehab bucket are not in this exercise library under their ids, so they are left out here. ' +
        'This library has Wall clamshells under another id, clams; its results are kept under the old one, clamshells: give it back the id clamshells in the library file to keep them together. ' +
        'The other one is not in it at all (taken out of it, or from another library file): if you still do it, the library file that has it (--data, or ITB_DATA) runs it.\n',
    );
  });

  it('is described in the README as --json prints it: the keys a script reads, and the built-in routines by id', async () => {
    const routines = JSON.parse((await itb(['routines', '--json'])).stdout) as { id: string; builtIn: boolean }[];
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| `itb routines --json` |'))!;
    for (const routine of routines.filter((r) => r.builtIn)) expect(row).toContain(`\`${routine.id}\``);
    for (const key of ['exercises', 'builtIn']) expect(row).toContain(`\`${key}\``);
    expect(Object.keys(routines.at(-1)!)).toEqual(expect.arrayContaining(['exercises', 'builtIn']));
  });

  it('as text names each routine with its drills, and the built-in rehab and retest', async () => {
    const { code, stdout } = await itb(['routines']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^joint-chain {2}Joint chain, feet upward$/m);
    expect(stdout).toMatch(/^ {3}1\. Lateral ankle tilts {2}lateral-ankle-tilts · ankle$/m);
    expect(stdout).toMatch(/^ {3}5\. Opposite scapular camshafts {2}opposite-scapular-camshafts · shoulder$/m);
    // Too long for the line with its id, a name keeps every word, and the id goes under it.
    expect(stdout).toMatch(/^ {3}2\. Hip external rotation with extension \(90\/90 hip lift\)\n {6}hip-external-rotation-extension · hip$/m);
    expect(stdout).toMatch(/^ {3}4\. Hip CARs \(controlled articular rotations\) {2}hip-cars · hip$/m);
    expect(stdout).not.toContain('…');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(stdout).toMatch(/^rehab {2}/m);
    expect(stdout).toMatch(/^retest {2}/m);
  });

  it('lists the test movements by the ids session --movement takes, which then start a session without the question, then how to run a routine', async () => {
    const { stdout } = await itb(['routines']);
    const block = stdout.slice(stdout.indexOf('\nTest movements\n'));
    // Those done on one leg are marked, and the mark is explained: a session asks which leg.
    expect(block).toContain('\n  single-leg-squat  Single-leg squat  (one leg)\n  step-down         Step-down  (one leg)\n  walking           Walking\n');
    expect(block.replace(/\s+/g, ' ')).toContain('Those marked (one leg) are done on one leg: when both sides are painful, a session asks which.');
    expect(block).toMatch(/^ {2}running-in-place {2}Running in place\n$/m);
    expect(block.replace(/\s+/g, ' ')).toContain('given with `itb session --movement ID`');
    // Then how to run a routine, so that the list leads somewhere.
    expect(block).toMatch(/\n {2}running-in-place {2}Running in place\n\nRun one: `itb session ID`, or `itb session` to choose from a list\.\n$/);
    // A library of one's own lists its own, with the --data that uses it; --json stays a list of routines.
    const own = (await itb(['--data', good, 'routines'])).stdout;
    expect(own.slice(own.indexOf('\nTest movements\n'))).toMatch(/\n {2}step-down {2}Step-down\n\nRun one:/);
    // None of its movements is done on one leg, so nothing explains the mark.
    expect(own).not.toContain('one leg');
    expect(own.replace(/\s+/g, ' ')).toContain(`given with \`itb --data ${good} session --movement ID\``);
    expect(own.replace(/\s+/g, ' ')).toContain(`Run one: \`itb --data ${good} session ID\`, or \`itb --data ${good} session\` to choose from a list.`);
    expect(JSON.parse((await itb(['routines', '--json'])).stdout)[0]).toHaveProperty('exercises');
  });

  it('on a narrow terminal puts a test movement beside its id or under it, the one-leg mark after its name or under it', async () => {
    const movements = async (columns: number) => {
      const { stdout } = await onTerminal(columns, () => itb(['routines']));
      const block = stdout.slice(stdout.indexOf('\nTest movements\n'));
      for (const line of block.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
      return block;
    };
    // Room for the name beside the id: the mark goes under the name when it does not fit after it.
    expect(await movements(40)).toContain('\n  single-leg-squat  Single-leg squat\n                    (one leg)\n  step-down         Step-down  (one leg)\n  walking           Walking\n');
    // Too little room: the name goes under the id, further in, and the mark after it or under it.
    expect(await movements(30)).toContain('\n  single-leg-squat\n    Single-leg squat\n    (one leg)\n  step-down\n    Step-down  (one leg)\n  walking\n    Walking\n');
  });

  it('a library without test movements: no heading for them, the routines then how to run one', async () => {
    const file = join(home, 'own.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replace(/^movements:\n(?: .*\n)*\n/m, ''));
    expect((await itb(['validate', file])).code).toBe(0);
    const { code, stdout } = await itb(['--data', file, 'routines']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Test movements');
    expect(stdout).toMatch(/ {2}None due today\.\n\nRun one: /);
  });

  it('a library of drills without routines, with nothing in rehab or due: says there is none to run, and how to add one, as the session says', async () => {
    const file = join(home, 'drills-only.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replace(/^routines:[\s\S]*$/m, ''));
    const { code, stdout } = await itb(['--data', file, 'routines']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Run one');
    expect(stdout.replace(/\s+/g, ' ')).toMatch(
      / None due today\. .* This library has no routines, so there is none to run\. Add one under "routines:" in the library file: an id, a name, a description and the ids of its exercises, in order\. Without --data \(and ITB_DATA\), itb uses the built-in library and its routines\. $/,
    );
    // A session with it refuses to start, for the same reason.
    expect((await run(['--data', file, 'session', 'rehab'], { home, tty: true })).stderr).toContain('your rehab bucket is empty');
    // With a drill of its own in the rehab bucket, the rehab routine runs: how to run one, as with any library.
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-11T09:00:00Z', routine: 'clinic-plan', baseline: 5, drills: [{ id: 'ankle-rocks', name: 'Ankle rocks', scores: [3] }] })));
    const withRehab = (await itb(['--data', file, 'routines'])).stdout;
    expect(withRehab).toMatch(/^ {3}1\. Ankle rocks {2}ankle-rocks · ankle$/m);
    expect(withRehab.replace(/\s+/g, ' ')).toContain(`Run one: \`itb --data ${file} session ID\`, or \`itb --data ${file} session\` to choose from a list.`);
  });

  it('a routine named after it: exit 2, saying it lists them all and how to run that one, or the closest', async () => {
    const named = await itb(['routines', 'joint-chain']);
    expect(named).toMatchObject({ code: 2, stdout: '' });
    expect(named.stderr).toBe('error: itb routines takes no routine name: it lists them all\n`itb routines` shows joint-chain among them; `itb session joint-chain` runs it.\n');
    const typo = await itb(['--data', good, 'routines', 'jiont-chain']);
    expect(typo.code).toBe(2);
    expect(typo.stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(`error: there is no routine "jiont-chain" \`itb --data ${good} routines\` lists them all, with their drills.`);
    expect((await itb(['routines', 'strenght'])).stderr).toContain('Did you mean strength?');
    expect((await itb(['routines', 're'])).stderr).toContain('Did you mean rehab or retest?');
    // Its name, quoted or typed as several words, is the same routine.
    for (const words of [['joint', 'chain'], ['Joint chain, feet upward']]) {
      expect((await itb(['routines', ...words])).stderr, words.join(' ')).toBe(named.stderr);
    }
    // The built-in routines too, whatever the case.
    for (const [typed, id] of [['rehab', 'rehab'], ['Retest', 'retest']]) {
      expect((await itb(['routines', typed!])).stderr, typed).toBe(`error: itb routines takes no routine name: it lists them all\n\`itb routines\` shows ${id} among them; \`itb session ${id}\` runs it.\n`);
    }
  });
});
