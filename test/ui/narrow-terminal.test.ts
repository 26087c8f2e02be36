// On a terminal narrower than 80 columns the commands that show the library, the buckets, the
// history and the settings fit its width, broken between words: a line the terminal had to
// break itself would split a word ("h / ave") wherever it reached the edge.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../scripts/synthetic-history.js';
import { loadLibraryFile } from '../../src/library/load.js';
import { Store } from '../../src/store/store.js';
import { width } from '../../src/ui/table.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { onTerminal } from '../helpers/terminal.js';

const shipped = loadLibraryFile(join(import.meta.dirname, '../../data/library.yaml'));
const now = new Date('2026-11-20T12:00:00Z');

/** The lines of `text` wider than `columns`. */
const wider = (text: string, columns: number) => text.split('\n').filter((line) => width(line) > columns);

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
    year = tempHome();
    const { data } = syntheticHistory(shipped, { days: 365, now });
    await Store.open({ ITB_HOME: year.home }).update(() => data);
  });
  afterAll(() => year.cleanup());

  const longText = ['--data', join(import.meta.dirname, '../fixtures/libraries/long-text.yaml')];
  const wideText = ['--data', join(import.meta.dirname, '../fixtures/libraries/wide-text.yaml')];
  const commands = [
    ['history'],
    ['history', '--all'],
    ['exercises'],
    ['routines'],
    [...longText, 'exercises'],
    [...longText, 'routines'],
    [...longText, 'exercises', 'side-lying-hip-abduction-with-a-red-band'],
    [...wideText, 'exercises'],
    [...wideText, 'routines'],
  ];
  const eachDrill = shipped.exercises.map((exercise) => ['exercises', exercise.id]);
  for (const columns of [30, 40, 50, 64]) {
    const run = columns === 30 || columns === 50 ? [...commands, ...eachDrill] : commands;
    it.each(run.map((argv) => [argv.join(' '), argv]))(`itb %s fits ${columns} columns`, async (_name, argv) => {
      const result = await at(columns, argv as string[], year.home);
      expect(result.code, result.stderr).toBe(0);
      expect(wider(result.stdout, columns)).toEqual([]);
    });
  }

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
    expect(wholeWords(stdout, 'The drills in your rehab bucket, in routine order.')).toBe(true);
    expect(wholeWords(stdout, 'Drills set aside for now whose re-test date has come.')).toBe(true);
    // Too long to share a line with the name, the id goes under it, in line with the name.
    expect(stdout).toMatch(/^ {3}2\. Hip external rotation with extension \(90\/90\n {6}hip lift\)\n {6}hip-external-rotation-extension · hip$/m);
  });
});
