// The library commands run in-process: browsing (exercises, routines), checking a file
// (validate), switching the library (--data, ITB_DATA), and the help of every command.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { documentedKeys } from '../helpers/json-shape.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { librariesFolder } from '../helpers/libraries.js';
import { onTerminal } from '../helpers/terminal.js';

const fixtures = librariesFolder();
const good = join(fixtures, 'good.yaml');
const wrongTypes = join(fixtures, 'wrong-types.yaml');
const manyProblems = join(fixtures, 'many-problems.yaml');

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const itb = (argv: string[], env: Record<string, string | undefined> = {}) => run(argv, { home, env });

function expectNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toContain('[object Object]');
}

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

describe('itb exercises', () => {
  it('--json lists every drill with its fields', async () => {
    const { code, stdout } = await itb(['exercises', '--json']);
    expect(code).toBe(0);
    const exercises = JSON.parse(stdout) as { id: string; region: string; dose: object; side: string; loading: boolean }[];
    expect(exercises.length).toBeGreaterThanOrEqual(25);
    expect(exercises[0]).toMatchObject({ id: 'lateral-ankle-tilts', region: 'ankle', side: 'painful', loading: false });
    expect(exercises.find((e) => e.id === 'clamshells')).toMatchObject({ loading: true });
  });

  it('--json prints the shape its help documents, for the list and for one drill', async () => {
    const help = (await itb(['exercises', '--help'])).stdout;
    const documented = documentedKeys(help, 'drill');
    expect(documented).toEqual(['id', 'name', 'region', 'category', 'steps', 'dose', 'side', 'loading', 'equipment', 'cues', 'video', 'source']);
    const dose = documentedKeys(help, 'dose');
    const drills = JSON.parse((await itb(['exercises', '--json'])).stdout) as { id: string; dose: object }[];
    for (const drill of drills) {
      expect(documented).toEqual(expect.arrayContaining(Object.keys(drill)));
      expect(dose).toEqual(expect.arrayContaining(Object.keys(drill.dose)));
    }
    expect(Object.keys(JSON.parse((await itb(['exercises', 'clamshells', '--json'])).stdout))).toEqual(Object.keys(drills.find((d) => d.id === 'clamshells')!));
  });

  it('as text lists every drill with its region', async () => {
    const { code, stdout } = await itb(['exercises']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Lateral ankle tilts +lateral-ankle-tilts +ankle$/m);
    expect(stdout).toMatch(/^Clamshells \(loading\) +clamshells +hip$/m);
    // Too long for the column, a name wraps within it, its note in brackets on a line of its own.
    expect(stdout).toMatch(/^Hip external rotation with extension +hip-external-rotation-extension +hip\n {2}\(90\/90 hip lift\)$/m);
    expect(stdout).toMatch(/^Isometric glute holds \(wall press\) +isometric-glute-holds +hip\n {2}\(loading\)$/m);
    expect(stdout).not.toContain('…');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('ID shows the steps, the dose and the side', async () => {
    const { code, stdout } = await itb(['exercises', 'opposite-scapular-camshafts']);
    expect(code).toBe(0);
    expect(stdout).toContain('Opposite scapular camshafts  (opposite-scapular-camshafts)');
    expect(stdout).toMatch(/^ {3}1\. Stand tall with both arms hanging relaxed\./m);
    expect(stdout).toMatch(/^ {3}3\. /m);
    expect(stdout).toContain('Dose:       1 set × 10 reps');
    expect(stdout).toContain('Side:       the side opposite the pain');
    expect(stdout.replace(/\s+/g, ' ')).toContain('Side: the side opposite the pain; when both sides are painful, each side in turn, the full dose on each You need:');
    expect(stdout).toContain('Routines:   joint-chain');
    expect(stdout).not.toContain('loading drill');
    // A drill of both sides, its dose per side: one side then the other, as its steps say.
    const clamshells = await itb(['exercises', 'clamshells']);
    expect(clamshells.stdout).toContain('Dose:       3 sets × 12 reps per side');
    expect(clamshells.stdout).toContain('Side:       each side in turn, a set at a time');
    // What it takes, in the words of the session's drill screen.
    expect(clamshells.stdout).toContain('You need:   mat or folded blanket');
  });

  it('ID shows the cues, the video and the source a drill of one\'s own has, a single cue too', async () => {
    const file = join(home, 'own.yaml');
    const drill = [
      '    cues:',
      '      - Keep the feet together.',
      '    video: https://example.org/clams',
      '    source: Clinic handout, March',
      '  - id: ankle-rocks',
    ].join('\n');
    writeFileSync(file, readFileSync(good, 'utf8').replace('  - id: ankle-rocks', drill));
    const { code, stdout } = await itb(['--data', file, 'exercises', 'wall-clamshells']);
    expect(code).toBe(0);
    expect(stdout).toContain('  Video:      https://example.org/clams\n');
    expect(stdout).toContain('\n  Cues:\n    - Keep the feet together.\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('  From: Clinic handout, March');
    // The shipped drills name the article they come from.
    expect((await itb(['exercises', 'lateral-ankle-tilts'])).stdout).toContain('  From: Movement Strategies for IT Band Pain\n');
  });

  it('ID of a drill in no routine and without cues, video or source: no line for any of them', async () => {
    const file = join(home, 'own.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replace('      - ankle-rocks\n      - wall-clamshells', '      - wall-clamshells'));
    const { code, stdout } = await itb(['--data', file, 'exercises', 'ankle-rocks']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('  You need:   nothing');
    for (const label of ['Routines:', 'Cues:', 'Video:', 'From:']) expect(stdout).not.toContain(label);
  });

  it('ID says of a strength drill that it is a loading drill, to space 48 hours apart', async () => {
    const { stdout } = await itb(['exercises', 'clamshells']);
    expect(stdout.replace(/\s+/g, ' ')).toContain('· strength · loading drill (space these sessions 48 hours apart)');
  });

  it('ID --json prints that one drill', async () => {
    const { code, stdout } = await itb(['exercises', 'clamshells', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'clamshells', category: 'strength', loading: true });
  });

  it('an unknown id exits 2 and suggests the near one', async () => {
    const { code, stdout, stderr } = await itb(['exercises', 'clamshell']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('no drill with id "clamshell"');
    expect(stderr).toContain('Did you mean clamshells?');
    expectNoStack(stderr);
  });

  it("a drill's name, as the list shows it, quoted or typed as several words: exit 2, giving its id and the command that shows it", async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    for (const argv of [['exercises', 'Forward 45° lunge knee circles'], ['exercises', 'forward', '45°', 'lunge', 'knee', 'circles']]) {
      const { code, stdout, stderr } = await itb(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(said(stderr)).toBe(
        `error: no drill with id "${argv.slice(1).join(' ')}" "Forward 45° lunge knee circles" has the id lunge-knee-circles: \`itb exercises lunge-knee-circles\` shows it.`,
      );
    }
    // The words of an id, typed without its hyphens.
    expect(said((await itb(['exercises', 'lateral', 'ankle', 'tilts'])).stderr)).toContain('"Lateral ankle tilts" has the id lateral-ankle-tilts:');
    // A word too many after an id is one more thing that is not an id.
    const extra = await itb(['exercises', 'clamshells', 'please']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('no drill with id "clamshells please"');
    expect(extra.stderr).toContain('Did you mean clamshells?');
  });

  it("a routine's id: exit 2, saying it is a routine and where its drills are listed", async () => {
    const routine = await itb(['exercises', 'joint-chain']);
    expect(routine).toMatchObject({ code: 2, stdout: '' });
    expect(routine.stderr).toBe('error: "joint-chain" is a routine, not a drill\n`itb routines` lists its drills; `itb exercises ID` shows one of them.\n');
    for (const builtIn of ['rehab', 'retest']) {
      expect((await itb(['exercises', builtIn])).stderr).toBe(`error: "${builtIn}" is a built-in routine, not a drill\n\`itb buckets\` lists its drills.\n`);
    }
    const own = await itb(['--data', good, 'exercises', 'clinic-plan']);
    expect(own.stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      `error: "clinic-plan" is a routine, not a drill \`itb --data ${good} routines\` lists its drills; \`itb --data ${good} exercises ID\` shows one of them.`,
    );
  });

  it("a routine's name, or its id in other capitals: exit 2, naming the routine and where its drills are listed", async () => {
    for (const typed of [['Joint chain, feet upward'], ['joint', 'chain'], ['Joint-Chain']]) {
      const { code, stdout, stderr } = await itb(['exercises', ...typed]);
      expect(code, typed.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr, typed.join(' ')).toBe(`error: "${typed.join(' ')}" is the routine joint-chain, not a drill\n\`itb routines\` lists its drills; \`itb exercises ID\` shows one of them.\n`);
    }
    for (const [typed, id] of [['Rehab', 'rehab'], ['RETEST', 'retest']]) {
      expect((await itb(['exercises', typed!])).stderr, typed).toBe(`error: "${typed}" is the built-in routine ${id}, not a drill\n\`itb buckets\` lists its drills.\n`);
    }
  });

  it('a store that cannot be read leaves an unknown drill only unknown', async () => {
    writeFileSync(join(home, 'store.json'), '{not json');
    const { code, stdout, stderr } = await itb(['exercises', 'nope']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe('error: no drill with id "nope"\n`itb exercises` lists them all.\n');
  });

  it('a name the sessions kept for a drill the library still has, under another name: not said to be gone', async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', name: 'Side clams', scores: [4] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stderr } = await itb(['exercises', 'Side clams']);
    expect(code).toBe(2);
    expect(stderr).toContain('no drill with id "Side clams"');
    expect(stderr).not.toContain('no longer');
  });

  it('an empty id, of a drill, a routine or a setting, gets no suggestion', async () => {
    for (const argv of [['exercises', ''], ['session', ''], ['settings', ''], ['buckets', 'move', '', 'rehab']]) {
      const { code, stderr } = await itb(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).toMatch(/with id ""|no routine ""|no setting ""/);
      expect(stderr, argv.join(' ')).not.toMatch(/did you mean/i);
    }
  });

  it('an id like nothing in the library exits 2 and points to the list', async () => {
    const { code, stderr } = await itb(['exercises', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toContain('no drill with id "nope"');
    expect(stderr).toContain('`itb exercises` lists them all.');
  });

  it('a drill the sessions kept but the library no longer has, by its id or its name: says so and where its results are', async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wobble-board', name: 'Wobble board', scores: [4] }] });
    // Moved by hand since, it keeps the name its sessions gave it.
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.sessions.push(session);
      data.moves.push({ exerciseId: 'wobble-board', bucket: 'avoid', at: '2026-03-02T08:00:00Z' });
    });
    for (const typed of [['wobble-board'], ['Wobble board'], ['wobble', 'board']]) {
      const { code, stdout, stderr } = await itb(['exercises', ...typed, '--json']);
      expect(code, typed.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
        'error: "Wobble board" (wobble-board) is not in the built-in library `itb buckets` still shows it under "avoid for now", with its results from your sessions; `itb exercises` lists the drills your library has now. If it comes from another library file, that file shows it: `itb --data FILE exercises wobble-board`.',
      );
    }
    // A drill of the built-in library missing from a library file of one's own: where to find it.
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(buildSession({ startedAt: '2026-03-02T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] })));
    expect((await itb(['--data', good, 'exercises', 'clamshells'])).stderr.replace(/\s+/g, ' ')).toContain('The built-in library has it');
  });

  it('a drill only moved between buckets, never tested, that the library no longer has: named by its id alone', async () => {
    // A move keeps no name: the id is all there is to say.
    await Store.open({ ITB_HOME: home }).update((data) => void data.moves.push({ exerciseId: 'wobble-board', bucket: 'rehab', at: '2026-03-02T08:00:00Z' }));
    const { code, stderr } = await itb(['exercises', 'wobble-board']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('error: wobble-board is not in the built-in library');
    // The bucket it was moved to is what `itb buckets` shows of it: it has no results.
    expect(stderr.replace(/\s*\n\s*/g, ' ')).toContain('`itb buckets` still shows it in your rehab routine, where you moved it; it was never tested in a session;');
  });

  /** What `itb exercises wobble-board` says of Wobble board, which the built-in library lacks, after the hint's first sentence. */
  const unlistedRest = ' `itb exercises` lists the drills your library has now. If it comes from another library file, that file shows it: `itb --data FILE exercises wobble-board`.';

  it('a drill the library no longer has that was only ever skipped: never tested, so `itb buckets` does not list it', async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wobble-board', name: 'Wobble board', skipped: true }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stderr } = await itb(['exercises', 'wobble-board']);
    expect(code).toBe(2);
    expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      'error: "Wobble board" (wobble-board) is not in the built-in library wobble-board was only ever skipped, never tested, so it has no results: `itb buckets` does not list it.' + unlistedRest,
    );
    expect((await itb(['buckets'])).stdout).not.toContain('Wobble board');
  });

  it('a drill the library no longer has, moved by hand before the buckets were cleared and never tested: `itb buckets` does not list it', async () => {
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.moves.push({ exerciseId: 'wobble-board', bucket: 'avoid', at: '2026-03-02T08:00:00Z' });
      data.bucketsResetAt = '2026-03-03T08:00:00Z';
    });
    const { code, stderr } = await itb(['exercises', 'wobble-board']);
    expect(code).toBe(2);
    expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      'error: wobble-board is not in the built-in library wobble-board was never tested in a session, and `itb buckets reset` cleared the bucket you had moved it to: `itb buckets` does not list it.' +
        unlistedRest,
    );
    expect((await itb(['buckets'])).stdout).not.toContain('wobble-board');
  });

  it('a drill the library no longer has, tested only before the buckets were cleared: listed under the untested drills with those results', async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wobble-board', name: 'Wobble board', scores: [4] }] });
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.sessions.push(session);
      data.bucketsResetAt = '2026-03-03T08:00:00Z';
    });
    const { code, stderr } = await itb(['exercises', 'Wobble board']);
    expect(code).toBe(2);
    expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      'error: "Wobble board" (wobble-board) is not in the built-in library `itb buckets` lists it under the untested drills, with its results from before the buckets were cleared;' +
        unlistedRest,
    );
    expect((await itb(['buckets'])).stdout).toMatch(/Tested only before the buckets were cleared:\n\s*Wobble board/);
  });

  /** What `exercises OLD` says of a drill stored as `stored` (OLD) that the library `file` has as "Wall clamshells" (NEW), untested under NEW. */
  const idChanged = (stored: string, oldId: string, newId: string, file: string) =>
    `error: "${stored}" (${oldId}) is not in the exercise library ${file} Your library has "Wall clamshells" with the id ${newId} ` +
    `(\`itb --data ${file} exercises ${newId}\`), and no results of its own yet: results are kept by id, and \`itb --data ${file} buckets\` ` +
    `shows those of ${oldId}. To keep them together, give the drill back the id ${oldId} in your library file.`;

  it("a drill whose id was changed in one's own library, asked for by its old id: where its results are, and how to keep them together", async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clams', name: 'Wall clamshells', scores: [4] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stderr } = await itb(['--data', good, 'exercises', 'wall-clams']);
    expect(code).toBe(2);
    expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(idChanged('Wall clamshells', 'wall-clams', 'wall-clamshells', good));
    // With the file given by ITB_DATA, the commands in the hint do not name it: the error does.
    const fromEnv = await run(['exercises', 'wall-clams'], { home, env: { ITB_DATA: good } });
    expect(fromEnv.stderr.split('\n')[0]).toBe(`error: "Wall clamshells" (wall-clams) is not in the exercise library ${good}`);
    // Asked for by the name, the drill the library has now.
    expect((await itb(['--data', good, 'exercises', 'Wall clamshells'])).stderr.replace(/\s*\n\s*/g, ' ')).toContain(
      `"Wall clamshells" has the id wall-clamshells: \`itb --data ${good} exercises wall-clamshells\` shows it.`,
    );

    // Tested under the new id as well, each id keeps its own: giving back the old id would leave the newer apart.
    const since = buildSession({ startedAt: '2026-03-05T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', name: 'Wall clamshells', scores: [6, 6] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(since));
    const both = (await itb(['--data', good, 'exercises', 'wall-clams'])).stderr.replace(/\s*\n\s*/g, ' ').trim();
    expect(both).toBe(
      `error: "Wall clamshells" (wall-clams) is not in the exercise library ${good} Your library has "Wall clamshells" with the id wall-clamshells ` +
        `(\`itb --data ${good} exercises wall-clamshells\`), which has results of its own: results are kept by id, and \`itb --data ${good} buckets\` ` +
        'shows those of wall-clams and those of wall-clamshells apart.',
    );
  });

  it("a drill whose id was changed in one's own library, only ever skipped under the old id: no results to keep together", async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clams', name: 'Wall clamshells', skipped: true }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stderr } = await itb(['--data', good, 'exercises', 'wall-clams']);
    expect(code).toBe(2);
    expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      `error: "Wall clamshells" (wall-clams) is not in the exercise library ${good} Your library has "Wall clamshells" with the id wall-clamshells ` +
        `(\`itb --data ${good} exercises wall-clamshells\`). wall-clams was only ever skipped, never tested, so it has no results: \`itb --data ${good} buckets\` does not list it.`,
    );
  });

  it("a drill whose id was changed in one's own library, only skipped under the new id: the new id has no results of its own yet", async () => {
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clams', name: 'Wall clamshells', scores: [4] }] });
    const since = buildSession({ startedAt: '2026-03-05T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', name: 'Wall clamshells', skipped: true }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session, since));
    const { code, stderr } = await itb(['--data', good, 'exercises', 'wall-clams']);
    expect(code).toBe(2);
    expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(idChanged('Wall clamshells', 'wall-clams', 'wall-clamshells', good));
  });

  it("a drill's old id that reads as the words of its name in the library now: said to be no longer there, with where its results are, not taken for the name", async () => {
    // The therapist changed the id and kept the name; the sessions wrote the name in another case.
    const file = join(home, 'renamed.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replaceAll('wall-clamshells', 'clams-wall'));
    const session = buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', name: 'Wall Clamshells', scores: [4] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
    const { code, stderr } = await itb(['--data', file, 'exercises', 'wall-clamshells']);
    expect(code).toBe(2);
    expect(stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(idChanged('Wall Clamshells', 'wall-clamshells', 'clams-wall', file));
  });
});

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

  it('--json of a good file: valid, counts, no problems', async () => {
    const { code, stdout } = await itb(['validate', good, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ file: good, valid: true, exercises: 2, routines: 1, problems: [], warnings: [], notes: [] });
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
