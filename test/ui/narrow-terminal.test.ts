// On a terminal narrower than 80 columns the commands that show the library, the buckets, the
// history and the settings fit its width, broken between words: a line the terminal had to
// break itself would split a word ("h / ave") wherever it reached the edge.
import { basename, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibraryFile } from '../../src/library/load.js';
import { Store } from '../../src/store/store.js';
import { width } from '../../src/ui/width.js';
import { run, tempHome } from '../helpers/run.js';
import { historyHome, screenCommands } from '../helpers/history-home.js';
import { buildSession } from '../helpers/sessions.js';
import { onTerminal } from '../helpers/terminal.js';
import { libraryFile } from '../helpers/libraries.js';

const shipped = loadLibraryFile(join(import.meta.dirname, '../../data/library.yaml'));
const now = new Date('2026-11-20T12:00:00Z');

/**
 * The lines of `text` wider than `columns`, but for a path alone on its line (in backquotes or
 * not), which itb keeps whole for the terminal to wrap, so that it copies whole.
 */
const wider = (text: string, columns: number) => text.split('\n').filter((line) => width(line) > columns && !/^ *\(?`?\/\S*$/.test(line));

/** `text` with every run of spaces and line breaks as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Whether `sentence` is in `text` with every one of its words whole on a line: put back on one
 * line it reads the same, and no word was split between two lines.
 */
function wholeWords(text: string, sentence: string): boolean {
  const words = new Set(text.split(/\s+/));
  return flat(text).includes(sentence) && sentence.split(' ').every((word) => words.has(word));
}

/** `argv` run as if on a terminal `columns` wide, with the store in `home`. */
const at = (columns: number, argv: string[], home: string) => onTerminal(columns, () => run(argv, { home, now }));

describe('a year of history on terminals from 30 to 64 columns', () => {
  let year: ReturnType<typeof tempHome>;
  beforeAll(async () => {
    year = await historyHome(shipped, 365, now);
  });
  afterAll(() => year.cleanup());

  const longText = ['--data', libraryFile('long-text.yaml')];
  const wideText = ['--data', libraryFile('wide-text.yaml')];
  const commands = [
    ...screenCommands,
    [...longText, 'exercises'],
    [...longText, 'routines'],
    [...longText, 'exercises', 'side-lying-hip-abduction-with-a-red-band'],
    [...wideText, 'exercises'],
    [...wideText, 'routines'],
  ];
  const eachDrill = shipped.exercises.map((exercise) => ['exercises', exercise.id]);
  for (const columns of [30, 40, 50, 64]) {
    const run = columns === 30 || columns === 50 ? [...commands, ...eachDrill] : commands;
    // Named by the library file's name: its folder changes from run to run.
    it.each(run.map((argv) => [argv.map((arg) => basename(arg)).join(' '), argv]))(`itb %s fits ${columns} columns`, async (_name, argv) => {
      const result = await at(columns, argv as string[], year.home);
      expect(result.code, result.stderr).toBe(0);
      expect(wider(result.stdout, columns)).toEqual([]);
      // The library's path, in the commands to copy, is never cut.
      const library = argv[0] === '--data' ? argv[1] : undefined;
      if (library) expect(result.stdout.split(library).length).toBe(result.stdout.replace(/\n */g, '').split(library).length);
    });
  }

  // Colour codes take no room, and a coloured id longer than what is left of a line is cut
  // like any other word too long for it, after a hyphen where it has one.
  const coloured = { NO_COLOR: undefined, FORCE_COLOR: '1' };
  const inColour = [['buckets'], ['exercises'], ['routines'], ['exercises', 'hip-external-rotation-extension']];
  it.each(inColour.map((argv) => [argv.join(' '), argv]))('itb %s in colour fits 30 columns', async (_name, argv) => {
    const result = await onTerminal(30, () => run(argv as string[], { home: year.home, now, env: coloured }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('\x1b[');
    expect(wider(result.stdout, 30)).toEqual([]);
    expect(stripVTControlCharacters(result.stdout)).toMatch(/^ *\(?hip-external-rotation-\n *extension\b/m);
  });

  // A drill's note in brackets reads as one thing: a name too long for its line breaks before it,
  // as `itb buckets` breaks one, not inside it ("(90/90" over "hip lift)").
  const notes = shipped.exercises.flatMap((exercise) => exercise.name.match(/\([^()]*\)/g) ?? []);
  /** The lines of `text` where a drill's note in brackets breaks off: at the line's end, or before the next column. */
  const brokenNotes = (text: string) =>
    text.split('\n').filter((line) =>
      notes.some((note) => {
        const words = note.split(' ');
        const starts = words.slice(1).map((_, k) => words.slice(0, k + 1).join(' '));
        return starts.some((start) => line.endsWith(start) || line.includes(`${start}  `));
      }),
    );
  const named = [['exercises'], ['routines'], ['buckets'], ...['hip-cars', 'hip-external-rotation-extension', 'lateral-thigh-foam-rolling', 'hip-internal-rotation-mobility'].map((id) => ['exercises', id])];
  for (const columns of [40, 44, 50, 64, 70, 80]) {
    it.each(named.map((argv) => [argv.join(' '), argv]))(`itb %s keeps each note in brackets of a drill's name whole at ${columns} columns`, async (_name, argv) => {
      const { code, stdout } = await at(columns, argv as string[], year.home);
      expect(code).toBe(0);
      expect(brokenNotes(stdout)).toEqual([]);
    });
  }

  it('buckets puts what to run next above what it does, indented further, when they do not fit side by side', async () => {
    const { stdout } = await at(30, ['buckets'], year.home);
    const next = stdout.slice(stdout.indexOf('Next: '));
    expect(next).toMatch(/^Next: itb session rehab\n {8}run your rehab routine\n/);
    for (const line of next.trimEnd().split('\n').slice(1)) expect(line).toMatch(/^ {6}itb session( \w+)?$|^ {8}\S/);
    // The one drill not tried yet is a strength drill, with the time its 48 hours end: side by side on 80 columns.
    const wide = await at(80, ['buckets'], year.home);
    expect(wide.stdout).toMatch(/^ {6}itb session strength {2}test 1 drill not tried yet, from \d{4}-\d\d-\d\d \d\d:\d\d$/m);
    expect(wide.stdout).toMatch(/^Next: itb session rehab {2,}run your rehab routine$/m);
  });

  it('settings shows a long remembered movement within the width', async () => {
    const movement = 'walking down the long hill behind the house after work with the dog, slowly';
    expect((await run(['settings', 'movement', movement], { home: year.home, now })).code).toBe(0);
    const shown = await at(30, ['settings'], year.home);
    expect(wider(shown.stdout, 30)).toEqual([]);
    expect(wholeWords(shown.stdout, movement)).toBe(true);
  });

  it('settings shows each value beside its key from 36 columns, and under it on a narrower terminal', async () => {
    expect((await at(36, ['settings'], year.home)).stdout).toMatch(/^minImprovement {2}\d$/m);
    expect((await at(35, ['settings'], year.home)).stdout).toMatch(/^minImprovement\n {2}\d$/m);
  });

  it('settings says a change within the width', async () => {
    // Said on stderr, which shares the terminal with stdout.
    const changed = await onTerminal(30, () => run(['settings', 'retestAfterDays', '9'], { home: year.home, now, stderrColumns: 30 }));
    expect(changed.code, changed.stderr).toBe(0);
    expect(wider(changed.stderr, 30)).toEqual([]);
    expect(wholeWords(changed.stderr, 'is now offered for a re-test 9 days after the day it was set aside;')).toBe(true);
  });

  it('history draws as much of the trend as the terminal has room for', async () => {
    const trend = (text: string) => text.split('\n').find((line) => line.startsWith('  baseline  '))!;
    const wide = await at(80, ['history'], year.home);
    const narrow = await at(50, ['history'], year.home);
    expect(width(trend(wide.stdout))).toBeGreaterThan(width(trend(narrow.stdout)));
    expect(width(trend(narrow.stdout))).toBeGreaterThan(40);
  });
});

describe('one session, on a terminal 50 columns wide', () => {
  let one: ReturnType<typeof tempHome>;
  beforeAll(async () => {
    one = tempHome();
    const session = buildSession({
      startedAt: '2026-11-19T12:00:00Z',
      routine: 'joint-chain',
      baseline: 6,
      drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [5, 5] }],
    });
    await Store.open({ ITB_HOME: one.home }).update((data) => void data.sessions.push(session));
  });
  afterAll(() => one.cleanup());

  it('history breaks its sentences between words and keeps each session starting with its date', async () => {
    const { code, stdout } = await at(50, ['history'], one.home);
    expect(code).toBe(0);
    expect(wider(stdout, 50)).toEqual([]);
    expect(wholeWords(stdout, 'Symptom and test movement: pain during single-leg squat')).toBe(true);
    expect(wholeWords(stdout, 'The trend of your scores shows once two sessions have a score.')).toBe(true);
    expect(stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}joint-chain {2}6 → 5\n {4}1 helped · 1 set aside$/m);
  });

  it('exercises shows every drill by its full name, with its id whole, and breaks its notes between words', async () => {
    const { code, stdout } = await at(50, ['exercises'], one.home);
    expect(code).toBe(0);
    expect(wider(stdout, 50)).toEqual([]);
    for (const exercise of shipped.exercises) {
      const named = exercise.loading ? `${exercise.name} (loading)` : exercise.name;
      expect(flat(stdout)).toContain(`${named} ${exercise.id} · ${exercise.region}`);
      expect(stdout).toMatch(new RegExp(`^ {2}${exercise.id} · ${exercise.region}$`, 'm'));
    }
    expect(wholeWords(stdout, 'Loading drills build strength: space those sessions about 48 hours apart.')).toBe(true);
  });

  it('routines shows every drill by its full name and breaks the descriptions between words', async () => {
    const { code, stdout } = await at(50, ['routines'], one.home);
    expect(code).toBe(0);
    expect(wider(stdout, 50)).toEqual([]);
    for (const exercise of shipped.exercises) expect(flat(stdout)).toContain(`${exercise.name} ${exercise.id} · ${exercise.region}`);
    expect(wholeWords(stdout, 'The drills in your rehab bucket, warm-up drills first, then in routine order.')).toBe(true);
    expect(wholeWords(stdout, 'Drills set aside for now whose re-test date has come.')).toBe(true);
    // Too long to share a line with the name, the id goes under it, in line with the name; the
    // name breaks before its note in brackets, as in `itb buckets`, not inside it.
    expect(stdout).toMatch(/^ {3}2\. Hip external rotation with extension\n {6}\(90\/90 hip lift\)\n {6}hip-external-rotation-extension · hip$/m);
  });

  it('buckets lists the untested drills in one column when two do not fit, each name and id whole', async () => {
    const { code, stdout } = await at(50, ['buckets'], one.home);
    expect(code).toBe(0);
    expect(wider(stdout, 50)).toEqual([]);
    expect(stdout).toMatch(/^ {2}Forward 45° lunge knee circles\n {4}lunge-knee-circles$/m);
    const untested = stdout.slice(stdout.indexOf('Untested (')).split('\n\n')[0]!.split('\n').slice(1);
    // One name a line, a long one going on, indented, on the next.
    const names = untested.reduce<string[]>((all, line) => (line.startsWith('    ') ? [...all.slice(0, -1), `${all.at(-1)} ${line.trim()}`] : [...all, line.trim()]), []);
    const tested = ['lateral-ankle-tilts', 'lunge-knee-circles'];
    expect(names).toEqual(shipped.exercises.filter((exercise) => !tested.includes(exercise.id)).map((exercise) => exercise.name));
    for (const line of untested) expect(line).toMatch(/^ {2}(?: {2})?\S/);
    expect(untested.filter((line) => / {4}\S/.test(line.trimStart()))).toEqual([]);
  });
});

describe('sessions that rated different things, on a terminal 50 columns wide', () => {
  let two: ReturnType<typeof tempHome>;
  beforeAll(async () => {
    two = tempHome();
    const sessions = [
      buildSession({ startedAt: '2026-11-18T12:00:00Z', movement: 'walking', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }),
      buildSession({ startedAt: '2026-11-19T12:00:00Z', symptom: 'tightness', movement: 'stairs', baseline: 4, drills: [{ id: 'bridges', scores: [4, 4] }] }),
    ];
    await Store.open({ ITB_HOME: two.home }).update((data) => void data.sessions.push(...sessions));
  });
  afterAll(() => two.cleanup());

  it('history says what sessions rated as a labelled heading above them, apart from the results indented under each date', async () => {
    const { code, stdout } = await at(50, ['history'], two.home);
    expect(code).toBe(0);
    expect(wider(stdout, 50)).toEqual([]);
    expect(stdout).toMatch(/^Symptom and test movement: tightness during stairs\ndate +routine +score\n\d{4}-\d\d-\d\d \d\d:\d\d {2}strength {2}4 → 4\n {4}1 set aside\n/);
    expect(stdout).toMatch(/\n {4}1 set aside\nSymptom and test movement: pain during walking\n\d{4}-\d\d-\d\d \d\d:\d\d {2}strength {2}5 → 3\n {4}1 helped\n\n/);
  });
});

describe('one name for each drill, whole, in every command that lists it', () => {
  const long = ['hip-cars', 'glute-activation', 'isometric-glute-holds', 'hip-external-rotation-extension'];
  const nameOf = (id: string) => shipped.exercises.find((exercise) => exercise.id === id)!.name;
  let home: ReturnType<typeof tempHome>;
  beforeAll(async () => {
    home = tempHome();
    const session = buildSession({ startedAt: '2026-11-19T12:00:00Z', routine: 'hip-rotation', baseline: 6, drills: [{ id: 'hip-cars', scores: [4] }] });
    await Store.open({ ITB_HOME: home.home }).update((data) => void data.sessions.push(session));
  });
  afterAll(() => home.cleanup());

  it('on an 80-column terminal', async () => {
    const exercises = (await run(['exercises'], { home: home.home, now })).stdout.split('\n');
    // The name column of the list: a name too long for it goes on, indented, on the next line.
    const idAt = exercises[0]!.indexOf('id');
    const listed = exercises
      .slice(1)
      .filter((line) => line.trim() !== '' && !line.startsWith('Loading') && !line.startsWith('Show'))
      .reduce<string[]>((all, line) => {
        const cell = line.slice(0, idAt).trim();
        return line.startsWith('  ') ? [...all.slice(0, -1), `${all.at(-1)} ${cell}`] : [...all, cell];
      }, []);
    const routines = flat((await run(['routines'], { home: home.home, now })).stdout);
    const buckets = await run(['buckets'], { home: home.home, now });
    for (const id of long) {
      const name = nameOf(id);
      const loading = shipped.exercises.find((exercise) => exercise.id === id)!.loading;
      expect(listed).toContain(loading ? `${name} (loading)` : name);
      expect(routines).toContain(`${name} ${id} ·`);
    }
    // In rehab with its evidence, and among the untested.
    expect(buckets.stdout).toMatch(/^ {2}Hip CARs \(controlled articular rotations\) {2}hip-cars$/m);
    expect(flat(buckets.stdout)).toContain(nameOf('glute-activation'));
    const moved = await run(['buckets', 'move', 'glute-activation', 'avoid'], { home: home.home, now });
    expect(flat(moved.stderr)).toContain(`Moved ${nameOf('glute-activation')} to avoid for now`);
    const after = (await run(['buckets'], { home: home.home, now })).stdout;
    // With the date of the move, too long to go beside them: under the name and id.
    expect(after).toMatch(/^ {2}Glute activation \(standing kickbacks\) {2}glute-activation\n {4}moved by hand on 2026-11-20$/m);
  });
});

describe('--help on terminals from 40 to 64 columns', () => {
  const commands = [[], ['session'], ['buckets'], ['buckets', 'move'], ['buckets', 'reset'], ['history'], ['export'], ['import'], ['exercises'], ['routines'], ['validate'], ['settings']];
  for (const columns of [40, 50, 64]) {
    it.each(commands.map((argv) => [argv.join(' ') || '(itb)', argv]))(`%s --help fits ${columns} columns`, async (_name, argv) => {
      const { code, stdout } = await onTerminal(columns, () => run([...(argv as string[]), '--help'], {}));
      expect(code).toBe(0);
      expect(wider(stdout, columns)).toEqual([]);
    });
  }

  it('breaks a long example command before an option, as the shell reads it on several lines', async () => {
    const example = 'itb session rehab --side left --symptom pain --movement "step-down"';
    const { stdout } = await onTerminal(50, () => run(['session', '--help'], {}));
    expect(stdout).toContain('  $ itb session rehab --side left --symptom pain \\\n        --movement "step-down"\n      your rehab drills');
    const wide = await onTerminal(80, () => run(['session', '--help'], {}));
    expect(wide.stdout).toContain(`  $ ${example}\n`);
    const moved = await onTerminal(40, () => run(['buckets', 'move', '--help'], {}));
    expect(moved.stdout).toContain('  $ itb buckets move monster-walks \\\n        avoid --note "knee sore"\n');
  });

  it('puts each description under its option when they do not fit side by side, broken between words', async () => {
    const { stdout } = await onTerminal(40, () => run(['export', '--help'], {}));
    expect(stdout).toMatch(/^ {2}-o, --output <file>\n {6}write to this file instead of the\n {6}screen \(never replaces a file\n {6}without --force\)$/m);
    expect(wholeWords(stdout, 'Files are readable by you only, and an existing file is never replaced unless you add --force.')).toBe(true);
    // Side by side again where there is room.
    const wide = await onTerminal(80, () => run(['export', '--help'], {}));
    expect(wide.stdout).toMatch(/^ {2}--force {14}replace the output file if it already exists$/m);
  });

  it('wraps a JSON shape item as one piece, each line going on under it at the same depth', async () => {
    const { stdout } = await onTerminal(50, () => run(['history', '--help'], {}));
    const shape = stdout.slice(stdout.indexOf('  session ('), stdout.indexOf('  point ('));
    // Each further line of the item two columns in, none deeper (a line broken for 80 columns, broken again).
    expect(shape.trimEnd().split('\n').slice(1).length).toBeGreaterThan(1);
    for (const line of shape.trimEnd().split('\n').slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(flat(shape)).toContain('{ id, startedAt, routine, symptom, movement, side, baseline, final, attempts, helped, avoided, flares, skipped, status, interrupted, thresholds }');
    expect(wholeWords(stdout, "attempts counts the scores given after an exercise (with 0, final is the baseline, and the text's trends draw · for it, not a final score).")).toBe(true);
  });

  it('shows the form of a problem line whole, on a line of its own, on any width', async () => {
    for (const columns of [40, 50, 80]) {
      const { stdout } = await onTerminal(columns, () => run(['validate', '--help'], {}));
      expect(stdout).toContain('\n  FILE:LINE:COL  path.to.field  message\n');
      expect(stdout).not.toMatch(/"\n#|" #"/);
    }
  });

  it('is laid out in 80 columns on a wider terminal, as everything else', async () => {
    const wide = await onTerminal(200, () => run(['export', '--help'], {}));
    expect(wide.stdout).toBe((await onTerminal(80, () => run(['export', '--help'], {}))).stdout);
    expect(wider(wide.stdout, 80)).toEqual([]);
  });
});
