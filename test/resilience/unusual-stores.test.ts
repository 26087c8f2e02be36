// Stores that are valid but unusual: names and notes in right-to-left scripts, emoji, combining
// marks, words of 60 characters and more, markup and formula signs; the thresholds at the ends
// the settings allow; sessions with no drill, only skips, cut short, in progress, in the future or
// at the same instant; a note of the longest length; a store holding only screenings, moves or a
// reset. Each is shown by `itb buckets`, `itb history` and `itb export` in every format, on
// terminals of 30, 40 and 80 columns: the command ends well, what wraps fits the line, the JSON
// parses, and each format keeps the text inert.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { width } from '../../src/ui/width.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, noRedFlags, storeWith } from '../helpers/sessions.js';
import { onTerminal } from '../helpers/terminal.js';

const now = new Date('2026-11-20T12:00:00Z');
const HEBREW = 'סקוואט על רגל אחת';
const ARABIC = 'ألم عند النزول 3 درجات';
const EMOJI = '🦵🏽 knee 👩‍👩‍👧‍👦 drill';
const COMBINING = 'Ŝ̷̛̗t̸r̶e̵t̴c̷h̶ e\u0301te\u0301';
const LONG_WORD = 'Supercalifragilisticexpialidocious'.repeat(2);
const MARKUP = '<script>alert(1)</script> **bold** | pipe # [link](http://x) `code` _u_ &amp;';
const FORMULA = '=HYPERLINK("http://x","y")';
const JAPANESE = '横向きに寝て両膝の上にバンドを巻いた股関節外転';
const texts = [HEBREW, ARABIC, EMOJI, COMBINING, LONG_WORD, MARKUP, FORMULA, JAPANESE, '+cmd', '-2+3', '@SUM(A1)'];
/** 100 characters, the most --name takes: a script, right-to-left letters and a long word. */
const PATIENT = `<script>x</script> ${'ש'.repeat(20)} ${'Ŝ'.repeat(59)}`;

const day = (n: number, time = '10:00') => new Date(Date.parse(`2026-10-01T${time}:00Z`) + n * 86_400_000).toISOString();

/** Each text as a drill's name in the log, a test movement, a routine and a note of a move. */
function oddText(): StoreData {
  return storeWith({
    sessions: texts.map((text, i) =>
      buildSession({
        startedAt: day(i),
        baseline: 6,
        movement: texts[(i + 1) % texts.length]!,
        routine: texts[(i + 2) % texts.length]!,
        drills: [{ id: `old-${i}`, name: text, scores: [4] }, { id: 'clamshells', scores: [5, 6] }, { id: `gone-${i}`, name: text, scores: [5, 5] }],
      }),
    ),
    moves: texts.map((note, i) => ({ exerciseId: i % 2 ? 'bridges' : `old-${i}`, bucket: i % 3 ? 'rehab' : 'avoid', note, at: day(20 + i) })),
  });
}

/** Notes of the longest length: one word, words, emoji, and characters two columns wide. */
function longestNotes(): StoreData {
  return storeWith({
    sessions: [buildSession({ startedAt: day(30), baseline: 5, drills: [{ id: 'bridges', scores: [3] }] })],
    moves: [
      { exerciseId: 'bridges', bucket: 'avoid', note: 'x'.repeat(1000), at: day(31) },
      { exerciseId: 'clamshells', bucket: 'rehab', note: 'word '.repeat(200).slice(0, 1000), at: day(31, '11:00') },
      { exerciseId: 'hip-cars', bucket: 'avoid', note: '🦵'.repeat(500), at: day(31, '12:00') },
      { exerciseId: 'glute-stretch', bucket: 'avoid', note: '漢'.repeat(1000), at: day(31, '13:00') },
    ],
  });
}

/** Sessions and settings at the thresholds given. */
function thresholds(minImprovement: number, flareRise: number, retestAfterDays: number): StoreData {
  const at = { minImprovement, flareRise };
  const data = storeWith({
    sessions: [
      buildSession({ startedAt: day(31), baseline: 5, ...at, drills: [{ id: 'bridges', scores: [5 - minImprovement] }, { id: 'clamshells', scores: [5 - minImprovement + flareRise] }, { id: 'hip-cars', scores: [4, 4] }] }),
      buildSession({ startedAt: day(49), baseline: 10, ...at, drills: [{ id: 'bridges', scores: [10], unfinished: true }] }),
    ],
  });
  data.settings = { ...data.settings, ...at, retestAfterDays };
  return data;
}

/** Sessions of every shape a log can hold, two at the same instant and two dated after now. */
function oddSessions(): StoreData {
  return storeWith({
    sessions: [
      buildSession({ startedAt: day(0) }),
      buildSession({ startedAt: day(1), baseline: 4 }),
      buildSession({ startedAt: day(2), baseline: 4, drills: [{ id: 'bridges', skipped: true }, { id: 'clamshells', skipped: true }] }),
      buildSession({ startedAt: day(3), baseline: 4, drills: [{ id: 'bridges', scores: [4], unfinished: true }] }),
      buildSession({ startedAt: day(4), baseline: 4, status: 'interrupted' }),
      buildSession({ startedAt: day(5), baseline: 4, status: 'stopped', drills: [{ id: 'bridges', scores: [2] }] }),
      buildSession({ id: 'same-a', startedAt: day(6), baseline: 4, drills: [{ id: 'bridges', scores: [2] }] }),
      buildSession({ id: 'same-b', startedAt: day(6), baseline: 6, drills: [{ id: 'bridges', scores: [9] }] }),
      buildSession({ startedAt: '2026-12-25T10:00:00Z', baseline: 3, drills: [{ id: 'clamshells', scores: [1] }] }),
      buildSession({ startedAt: '2027-03-01T10:00:00Z', baseline: 3, drills: [{ id: 'hip-cars', scores: [7] }] }),
      buildSession({ startedAt: '2026-11-20T11:00:00Z', baseline: 4, status: 'in-progress', drills: [{ id: 'bridges', scores: [4], unfinished: true }] }),
    ],
  });
}

const oddTextStore = 'names, movements, routines and notes in every script, with markup and formula signs';
const stores: Record<string, () => StoreData> = {
  [oddTextStore]: oddText,
  'notes of the longest length': longestNotes,
  'the lowest thresholds and re-test after 1 day': () => thresholds(1, 2, 1),
  'the highest thresholds and re-test after 365 days': () => thresholds(3, 5, 365),
  'the highest improvement with the lowest flare rise': () => thresholds(3, 2, 1),
  'sessions with no drill, only skips, cut short, in progress, in the future, at one instant': oddSessions,
  'one session, in progress': () => storeWith({ sessions: [buildSession({ startedAt: '2026-11-20T11:00:00Z', baseline: 4, status: 'in-progress' })] }),
  'one session, a year ahead': () => storeWith({ sessions: [buildSession({ startedAt: '2027-11-20T11:00:00Z', baseline: 4, drills: [{ id: 'bridges', scores: [1] }] })] }),
  'one session of skips alone': () => storeWith({ sessions: [buildSession({ startedAt: '2026-11-20T11:00:00Z', baseline: 4, drills: [{ id: 'bridges', skipped: true }] })] }),
  'screenings alone': () =>
    storeWith({
      screenings: [
        { at: day(31), answers: noRedFlags, proceeded: true },
        { at: day(32), answers: { swelling: true }, proceeded: false },
        { at: day(33), answers: {}, proceeded: false },
      ],
    }),
  'moves alone': () => storeWith({ moves: [{ exerciseId: 'bridges', bucket: 'rehab', at: day(31) }, { exerciseId: 'gone-drill', bucket: 'avoid', note: LONG_WORD, at: day(32) }] }),
  'a reset alone': () => storeWith({ bucketsResetAt: day(31) }),
  'a movement remembered of a long word and Hebrew': () => {
    const data = storeWith();
    data.settings = { ...data.settings, movement: `${LONG_WORD} ${HEBREW}`, side: 'both' };
    return data;
  },
};

const formats = ['md', 'csv', 'json', 'html', 'fhir'];
const commands = [['buckets'], ['buckets', '--json'], ['history'], ['history', '--all'], ['history', '--json'], ...formats.map((format) => ['export', '--format', format, '--name', PATIENT])];
/** What itb breaks to the terminal's width: the lists and the Markdown report. */
const wraps = (argv: string[]) => !argv.includes('--json') && (argv[0] !== 'export' || argv.includes('md'));
/**
 * The lines of `text` wider than `columns`, but for what is kept whole on purpose: a Markdown
 * report's headings and table rows.
 */
const wider = (text: string, columns: number) => text.split('\n').filter((line) => width(line) > columns && !/^[#|]/.test(line));
/** What a report printed on a terminal may say on stderr: how to save it, and that --name has no place in CSV and JSON. */
const expectedNote = /^(|That was the \w+ report's text\. To save it as .*|To save this report as a page .*|  itb export .*|The (CSV|JSON) format has no place for a name, so --name was not used\.)$/;

/** The cells of a CSV file, quotes taken off. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  for (const [, quoted, plain] of text.replace(/^\uFEFF/, '').matchAll(/(?:"((?:[^"]|"")*)"|([^,\r\n]*))(?:,|\r?\n|$)/g)) cells.push(quoted === undefined ? plain! : quoted.replaceAll('""', '"'));
  return cells;
}

const homes: Record<string, string> = {};
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  for (const [name, make] of Object.entries(stores)) {
    const home = tempHome();
    cleanups.push(home.cleanup);
    await Store.open({ ITB_HOME: home.home }).update((data) => Object.assign(data, make()));
    homes[name] = home.home;
  }
});
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

describe.each(Object.keys(stores))('a store of %s', (name) => {
  it.each([30, 40, 80])('is shown in full at %i columns', async (columns) => {
    for (const argv of commands) {
      const said = `itb ${argv.slice(0, 3).join(' ')} at ${columns}`;
      const result = await onTerminal(columns, () => run(argv, { home: homes[name], now, tty: true }));
      expect(result.code, `${said}: ${result.stderr}`).toBe(0);
      expect(result.stderr.split('\n').filter((line) => !expectedNote.test(line)), said).toEqual([]);
      if (wraps(argv)) expect(wider(result.stdout, columns), said).toEqual([]);
      if (argv.includes('--json') || argv.includes('json') || argv.includes('fhir')) expect(() => JSON.parse(result.stdout), said).not.toThrow();
      if (argv.includes('html')) expect(result.stdout, said).not.toMatch(/<script/);
      if (argv.includes('md')) expect(result.stdout, said).not.toMatch(/(?<!\\)<script/);
      if (argv.includes('csv')) expect(csvCells(result.stdout).filter((cell) => /^[=+\-@]/.test(cell) && !/^-\d+$/.test(cell)), said).toEqual([]);
      // The text is there, made inert.
      if (name === oddTextStore && argv.includes('csv')) expect(csvCells(result.stdout), said).toContain(`'${FORMULA}`);
      if (name === oddTextStore && argv.includes('html')) expect(result.stdout, said).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      if (name === oddTextStore && argv.includes('md')) expect(result.stdout, said).toContain('\\<script\\>alert(1)\\</script\\>');
    }
  });
});

describe('a library with such names', () => {
  // The names a library may give: one line of at most 71 characters.
  const library = [
    'version: 1',
    'movements:',
    '  - { id: step-down, name: "<script>alert(1)</script> סקוואט =1+1", instructions: Step down. }',
    'exercises:',
    ...[
      ['bridges', '<script>alert(1)</script> **bold** | pipe'],
      ['rtl-drill', `${HEBREW} 🦵🏽 ${COMBINING}`],
      ['long-word', LONG_WORD],
      ['formula', FORMULA.replaceAll('"', '\\"')],
    ].flatMap(([id, drill]) => [`  - id: ${id}`, `    name: "${drill}"`, '    region: hip', '    category: strength', '    steps: [Lift.]', '    dose: { sets: 2, reps: 8 }', '    side: both', '    loading: false']),
    'routines:',
    '  - { id: odd, name: "=cmd|\' /C calc\'!A0", description: x, exercises: [bridges, rtl-drill, long-word, formula] }',
  ].join('\n');
  let home: ReturnType<typeof tempHome>;
  let file: string;
  beforeAll(async () => {
    home = tempHome();
    file = join(home.home, 'odd.yaml');
    writeFileSync(file, library);
    const movement = '<script>alert(1)</script> סקוואט =1+1';
    await Store.open({ ITB_HOME: home.home }).update((data) => {
      data.sessions.push(
        buildSession({ startedAt: day(31), baseline: 6, routine: 'odd', movement, drills: [{ id: 'bridges', scores: [4] }, { id: 'rtl-drill', scores: [6, 9] }, { id: 'long-word', scores: [5] }, { id: 'formula', scores: [5, 5] }] }),
        buildSession({ startedAt: day(32), baseline: 6, routine: 'odd', movement, drills: [{ id: 'bridges', scores: [4] }] }),
      );
    });
  });
  afterAll(() => home.cleanup());

  it.each([30, 40, 80])('is shown in full at %i columns', async (columns) => {
    for (const argv of commands) {
      const said = `itb ${argv.slice(0, 3).join(' ')} at ${columns}`;
      const result = await onTerminal(columns, () => run(['--data', file, ...argv], { home: home.home, now, tty: true }));
      expect(result.code, `${said}: ${result.stderr}`).toBe(0);
      // The commands suggested next name the library, its path too long for a narrow line but kept
      // whole on one (the command going on after it), to be copied.
      if (wraps(argv)) expect(wider(result.stdout, columns).filter((line) => !line.includes(file)), said).toEqual([]);
      if (argv.includes('html')) expect(result.stdout, said).not.toMatch(/<script/);
      if (argv.includes('md')) expect(result.stdout, said).not.toMatch(/(?<!\\)<script/);
      if (argv.includes('csv')) expect(csvCells(result.stdout).filter((cell) => /^[=+\-@]/.test(cell) && !/^-\d+$/.test(cell)), said).toEqual([]);
    }
  });
});

describe('a backup written by hand, with tabs and line breaks in its text', () => {
  const name = 'side\tlying\nleg  raise\r\nslow';
  let home: ReturnType<typeof tempHome>;
  beforeAll(async () => {
    home = tempHome();
    await Store.open({ ITB_HOME: home.home }).update((data) => {
      data.sessions.push(
        buildSession({ startedAt: day(31), baseline: 6, routine: 'my\troutine\nnew', movement: 'step\tdown\nslowly', drills: [{ id: 'gone-a', name, scores: [4] }, { id: 'gone-b', name: `${name}-b`, scores: [6, 7] }] }),
        buildSession({ startedAt: day(32), baseline: 6, routine: 'my\troutine\nnew', movement: 'step\tdown\nslowly', drills: [{ id: 'gone-c', name: '\n\t ', scores: [4] }, { id: 'bridges', scores: [3] }] }),
      );
      data.moves.push({ exerciseId: 'bridges', bucket: 'avoid', note: 'three\tsets\nthen\r\nstop', at: day(33) });
    });
  });
  afterAll(() => home.cleanup());

  const shown = (argv: string[]) => onTerminal(40, () => run(argv, { home: home.home, now, tty: true }));

  it("itb buckets shows a drill's name from the log on one line, and a name of spaces alone by the drill's id", async () => {
    const { stdout } = await shown(['buckets']);
    expect(stdout).toMatch(/^ {2}side lying leg raise slow {2}gone-a$/m);
    expect(stdout).toMatch(/^ {2}side lying leg raise slow-b {2}gone-b$/m);
    // Its id once: it stands for the name, the mark beside it.
    expect(stdout).toMatch(/^ {2}gone-c {2}not in the built-in library$/m);
    expect(stdout).not.toMatch(/[\t\r]/);
  });

  it("itb history shows each session's routine on one line, in its column", async () => {
    const { stdout } = await shown(['history']);
    expect(stdout).toMatch(/^2026-11-01 \d\d:\d\d {2}my routine new {2}6 → 7$/m);
    expect(stdout).toMatch(/^2026-11-02 \d\d:\d\d {2}my routine new {2}6 → 3$/m);
    expect(stdout).not.toMatch(/[\t\r]/);
  });

  it('the md and html reports name it so, in the lists and in the session table, and the md holds no tab', async () => {
    const md = (await run(['export', '--format', 'md'], { home: home.home, now })).stdout;
    expect(md).toContain('**side lying leg raise slow** (gone-a): ');
    expect(md).toContain('- **side lying leg raise slow-b** (gone-b): ');
    // Known by its id alone: the id once, not again in brackets.
    expect(md).toContain('1. **gone-c**: ');
    expect(md).toContain('| gone-c 6 → 4 helped; Bridges 4 → 3 helped |');
    // A tab is a space: on a screen it would take up to eight columns, past the line's edge.
    expect(md).toContain('| my routine new | left | Pain @ step down slowly |');
    expect(md).toContain('note: “three sets ¶ then ¶ stop”');
    expect(md).not.toMatch(/[\t\r]/);
    const html = (await run(['export', '--format', 'html'], { home: home.home, now })).stdout;
    expect(html).toContain('<bdi>side lying leg raise slow</bdi>');
    expect(html).toContain('<bdi>gone-c</bdi> 6 → 4');
    expect(html).toMatch(/<li><strong>(<bdi>)?gone-c(<\/bdi>)?<\/strong>: /);
  });
});
