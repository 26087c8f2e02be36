// Everything itb prints fits a standard 80-column terminal: a longer line is broken by the
// terminal wherever it reaches the edge, in the middle of a word ("stoppe / d early"). Each
// command runs on a year of varied history, and sessions run through every verdict with the
// library's longest drill names; every line of output, every prompt and every choice is measured.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibraryFile } from '../../src/library/load.js';
import { described } from '../../src/ui/prompt-fit.js';
import { width } from '../../src/ui/width.js';
import { run, tempHome, type RunResult } from '../helpers/run.js';
import { historyHome, screenCommands } from '../helpers/history-home.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';
import { onTerminal } from '../helpers/terminal.js';
import { libraryFile } from '../helpers/libraries.js';

const shipped = loadLibraryFile(join(import.meta.dirname, '../../data/library.yaml'));
const now = new Date('2026-11-20T12:00:00Z');
let home: ReturnType<typeof tempHome>;

beforeAll(async () => {
  home = await historyHome(shipped, 365, now);
});
afterAll(() => home.cleanup());

/**
 * A command suggested next stays whole, to be copied as it is: with the path of a library file
 * (here, wherever the project is) it may run past the edge, on a line of its own.
 */
const suggested = (line: string) => /^(?:Next: | +)itb --data \S+ [a-z][a-z .-]*$/.test(line);

/** The lines of `text` wider than 80 columns. */
const tooWide = (text: string) => text.split('\n').filter((line) => width(line) > 80 && !suggested(line));

/** The first session in `home` (the red-flag screen answered no), on the left side, rating pain. */
const firstSession = (argv: string[], scores: Answer[], home: string) =>
  run([...argv, '--side', 'left', '--symptom', 'pain'], { home, tty: true, answers: [false, false, false, false, false, false, ...scores], now });

/** The lines a session showed that do not fit. */
function sessionTooWide(result: RunResult): string[] {
  return shownInSession(result).flatMap(tooWide);
}

/**
 * What a session showed, as lines: its output, and each question as the prompt shows it: "? "
 * and the message (a confirm adds " (y/N)"), each choice after its two-column pointer, and each
 * line of a choice's description, as the list breaks it.
 */
function shownInSession(result: RunResult): string[] {
  const shown = [result.stdout, result.stderr];
  for (const asked of result.prompter.asked) {
    shown.push(`? ${asked.message}${asked.kind === 'confirm' ? ' (y/N)' : asked.kind === 'input' ? ' 10' : ''}`);
    asked.choiceNames?.forEach((name, i) => {
      // A choice that cannot be picked shows why beside it: "- Single-leg balance (both drills …)".
      const why = asked.disabled?.[asked.choices![i]!];
      shown.push(why === undefined ? `❯ ${name}` : `- ${name} ${why}`);
    });
    // A description is broken into lines where the list shows it (described).
    for (const description of asked.descriptions ?? []) if (description !== undefined) shown.push(described(description));
    // Once answered, the question stays on screen with its answer: "✔ Which routine? Strength".
    if (asked.answer !== undefined && asked.kind !== 'countdown') {
      const chosen = asked.choices?.indexOf(String(asked.answer)) ?? -1;
      const answer = chosen >= 0 ? asked.choiceNames![chosen] : asked.kind === 'confirm' ? (asked.answer ? 'Yes' : 'No') : String(asked.answer);
      shown.push(`✔ ${asked.message} ${answer}`);
    }
  }
  return shown.flatMap((text) => text.split('\n'));
}

describe('every line fits 80 columns', () => {
  const commands = [
    ...screenCommands,
    ...shipped.exercises.map((exercise) => ['exercises', exercise.id]),
  ];
  it.each(commands.map((argv) => [argv.join(' '), argv]))('itb %s', async (_name, argv) => {
    const result = await run(argv as string[], { home: home.home, now });
    expect(result.code, result.stderr).toBe(0);
    expect([...tooWide(result.stdout), ...tooWide(result.stderr)]).toEqual([]);
  });

  describe('with a library of long names, ids and lists', () => {
    const longText = ['--data', libraryFile('long-text.yaml')];
    it.each([['exercises'], ['routines'], ['exercises', 'side-lying-hip-abduction-with-a-red-band']])('itb %s', async (...argv) => {
      const result = await run([...longText, ...argv], { home: home.home, now });
      expect(result.code, result.stderr).toBe(0);
      expect(tooWide(result.stdout)).toEqual([]);
      // Nothing is lost to fit: the ids in full, the long list of equipment wrapped.
      expect(result.stdout).toContain('side-lying-hip-abduction-with-a-red-band');
    });

    it('a session through its routine, a retry included', async () => {
      const fresh = tempHome();
      try {
        const scores: Answer[] = [6, 'done', 6, 'done', 5, 'done', 5, 'done', 5];
        const result = await firstSession([...longText, 'session', 'clinic-plan-after-the-half-marathon-2026', '--movement', 'slow step-down'], scores, fresh.home);
        expect(result.code, result.stderr).toBe(0);
        expect(sessionTooWide(result)).toEqual([]);
        expect(result.stdout).toContain('Second try: ');
        // The picker, with the routine offered (one drill set aside), then greyed out (both).
        const routineName = "The clinic's plan for the weeks after the half marathon, care on stairs";
        const offered = await run([...longText, 'session'], { home: fresh.home, tty: true, answers: ['warm-up', 'left', 'pain', 'slow step-down', 6, 'stop'], now });
        expect(offered.code, offered.stderr).toBe(0);
        expect(offered.prompter.asked[0]!.choiceNames!.join('\n')).toContain('1 set aside for now');
        expect(sessionTooWide(offered)).toEqual([]);
        expect((await run([...longText, 'buckets', 'move', 'ankle-rocks', 'avoid'], { home: fresh.home, now })).code).toBe(0);
        const greyed = await run([...longText, 'session'], { home: fresh.home, tty: true, answers: ['warm-up', 'left', 'pain', 'slow step-down', 6, 'stop'], now });
        expect(greyed.code, greyed.stderr).toBe(0);
        expect(Object.values(greyed.prompter.asked[0]!.disabled ?? {})).toHaveLength(1);
        expect(sessionTooWide(greyed)).toEqual([]);
        // Shortened to fit, the name still starts as it does.
        expect(greyed.prompter.asked[0]!.choiceNames!.some((name) => name.startsWith(routineName.slice(0, 15)))).toBe(true);
      } finally {
        fresh.cleanup();
      }
    });
  });

  describe('with a library written in Japanese, two columns a character', () => {
    const wideText = ['--data', libraryFile('wide-text.yaml')];
    // Measured here on their own terms, not by the width the layout uses: kana, kanji and
    // full-width forms take two columns, everything else in this output one.
    const columns = (line: string) => [...line].reduce((sum, character) => sum + (/[\u3000-\u9fff\uff00-\uff60]/.test(character) ? 2 : 1), 0);
    const tooWide = (text: string) => text.split('\n').filter((line) => columns(line) > 80 && !suggested(line));
    const sessionTooWide = (result: RunResult) => shownInSession(result).filter((line) => columns(line) > 80 && !suggested(line));
    it.each([['exercises'], ['routines'], ['exercises', 'side-lying-abduction']])('itb %s', async (...argv) => {
      const result = await run([...wideText, ...argv], { home: home.home, now });
      expect(result.code, result.stderr).toBe(0);
      expect(tooWide(result.stdout)).toEqual([]);
    });

    it('the list of drills keeps its columns in line', async () => {
      const result = await run([...wideText, 'exercises'], { home: home.home, now });
      const lines = result.stdout.split('\n');
      // The long name wraps within its column: its second line comes before the next drill's row.
      const rows = ['id', 'side-lying-abduction', 'ankle-rocks'].map((id) => {
        const row = lines.find((line) => line.includes(` ${id} `))!;
        return columns(row.slice(0, row.indexOf(id)));
      });
      expect(new Set(rows).size).toBe(1);
      const name = '横向きに寝て両膝の上にバンドを巻いた股関節外転（とてもゆっくりとしたテンポで）';
      const nameLines = lines.slice(1, lines.findIndex((line) => line.includes(' ankle-rocks ')));
      expect(nameLines.map((line) => line.trim().split(/\s{2,}/)[0]).join('')).toBe(`${name} (loading)`);
    });

    it('a session through its routine', async () => {
      const fresh = tempHome();
      try {
        const result = await firstSession([...wideText, 'session', 'clinic-plan', '--movement', 'step-down'], [6, 'done', 4, 'done', 6, 'done', 6, 'done', 6], fresh.home);
        expect(result.code, result.stderr).toBe(0);
        expect(sessionTooWide(result)).toEqual([]);
        const buckets = await run([...wideText, 'buckets'], { home: fresh.home, now });
        expect(buckets.stdout).toContain('足首の前後揺らし');
        expect(tooWide(buckets.stdout)).toEqual([]);
        const history = await run([...wideText, 'history'], { home: fresh.home, now });
        expect(tooWide(history.stdout)).toEqual([]);
      } finally {
        fresh.cleanup();
      }
    });
  });

  it('the notes commands write about what they did', async () => {
    const notes = await historyHome(shipped, 60, now);
    try {
      const file = (name: string) => join(notes.home, name);
      const runs = [
        ['buckets', 'move', 'clamshells', 'avoid', '--note', 'sore after the long run'],
        ['buckets', 'move', 'clamshells', 'rehab'],
        ['export', '--since', '2026-11-01', '-o', file('period.json')],
        ['export', '-o', file('report.md'), '--format', 'html', '--name', 'A patient'],
        ['export', '-o', file('scores.csv'), '--name', 'A patient'],
        ['buckets', 'reset', '--force'],
      ];
      for (const argv of runs) {
        const result = await run(argv, { home: notes.home, now });
        expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
        expect(tooWide(result.stderr), argv.join(' ')).toEqual([]);
      }
      const restored = tempHome();
      try {
        for (const argv of [['import', file('period.json'), '--dry-run'], ['import', file('period.json')]]) {
          const result = await run(argv, { home: restored.home, now });
          expect(result.code, result.stderr).toBe(0);
          expect(result.stderr).toContain('untested until tried again');
          expect(tooWide(result.stderr)).toEqual([]);
        }
      } finally {
        restored.cleanup();
      }
    } finally {
      notes.cleanup();
    }
  });

  it('error messages and their hints', async () => {
    const wrong = [
      ['session', 'hip-rotatoin'],
      ['exercises', 'lateral-ankle-tilt'],
      ['settings', 'flareRise', '9'],
      ['settings', 'movement', 'x'.repeat(300)],
      ['export', '--since', '2026-13-01'],
      ['export', 'report.html'],
      ['import', '/no/such/file.json'],
      ['buckets', 'move', 'clamshells', 'somewhere'],
      ['session'],
    ];
    for (const argv of wrong) {
      const result = await run(argv, { home: home.home, now });
      expect(result.code, argv.join(' ')).toBe(2);
      // The error itself is one line, whatever its length (easy to find in a log); the rest fits.
      expect(tooWide(result.stderr).filter((line) => !line.startsWith('error:')), argv.join(' ')).toEqual([]);
    }
  });

  describe('a session', () => {
    // A fresh store: the red-flag screen, the routine picker, the setup questions.
    const screenClear: Answer[] = [false, false, false, false, false, false];
    const runSession = (args: string[], answers: Answer[], at = now) => run(['session', ...args], { home: session.home, tty: true, answers, now: at });
    let session: ReturnType<typeof tempHome>;
    beforeAll(() => (session = tempHome()));
    afterAll(() => session.cleanup());

    it('through every verdict, with the longest drill names', async () => {
      // hip-rotation: helped; no change then helped on the retry; worse twice; a flare-up.
      const first = await runSession(
        [],
        [...screenClear, 'hip-rotation', 'both', 'discomfort', 'single-leg squat', 'left', 6, 'done', 5, 'done', 5, 'done', 3, 'done', 4, 'done', 4, 'done', 8, true, false],
      );
      expect(first.code, first.stderr).toBe(0);
      expect(sessionTooWide(first)).toEqual([]);
      // The reminder of that flare-up, gone on from; the picker with routines set aside and a
      // rehab routine; then skip, and a stop at the retry.
      const second = await runSession([], [true, 'rehab', 'both', 'discomfort', 'single-leg squat', 'left', 6, 'skip', 'done', 6, 'stop']);
      expect(second.code, second.stderr).toBe(0);
      expect(sessionTooWide(second)).toEqual([]);
      // Ctrl-C in the middle.
      const third = await runSession(['joint-chain'], [true, 'left', 'pain', 'step-down', 0, 'done', 0, CTRL_C]);
      expect(third.code).toBe(130);
      expect(sessionTooWide(third)).toEqual([]);
    });

    it('with a test movement typed as one long word, which is cut to fit', async () => {
      const movement = `single-leg-squat-${'slowly-'.repeat(14)}to-the-mark`;
      // The day after the flare-up above, which would otherwise be recalled first.
      const nextDay = new Date(now.getTime() + 24 * 60 * 60 * 1000);
      const result = await runSession(['balance', '--side', 'left', '--symptom', 'pain', '--movement', movement], [6, 'done', 4, 'stop'], nextDay);
      expect(result.code, result.stderr).toBe(0);
      expect(sessionTooWide(result)).toEqual([]);
      // Cut, not lost: the pieces put together are the movement.
      const squeezed = (text: string) => text.replace(/\s+/g, '');
      expect(squeezed(result.stdout)).toContain(squeezed(`Do your test movement (${movement}) now.`));
      const settings = await run(['settings'], { home: session.home, now });
      expect(tooWide(settings.stdout)).toEqual([]);
      const changed = await run(['settings', 'movement', 'walking'], { home: session.home, now });
      expect(tooWide(changed.stderr)).toEqual([]);
    });
  });

  describe('on a terminal narrower than the tables', () => {
    it('history keeps each session\'s date, routine and score on one line, its results under them, rather than a word a line', async () => {
      const result = await onTerminal(40, () => run(['history'], { home: home.home, now }));
      const rows = result.stdout.split('\n').filter((line) => /^\d{4}-\d\d-\d\d \d\d:\d\d {2}\S+ +\d+ → \d+$/.test(line));
      expect(rows).toHaveLength(20);
      // No results carried over to a line of their own under a results column too narrow for them.
      expect(result.stdout).not.toMatch(/\n {30,}\S/);
      expect(result.stdout.split('\n').filter((line) => width(line) > 40)).toEqual([]);
    });

    it('the session summary fits, with each name whole, a few lines for each drill', async () => {
      const narrow = tempHome();
      try {
        const answers: Answer[] = [false, false, false, false, false, false, 6, 'done', 5, 'done', 5, 'done', 5, 'stop'];
        const result = await onTerminal(40, () =>
          run(['session', 'hip-rotation', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'], { home: narrow.home, tty: true, answers, now }),
        );
        expect(result.code, result.stderr).toBe(0);
        const summary = result.stdout.slice(result.stdout.indexOf('Session summary'));
        expect(summary.split('\n').filter((line) => width(line) > 40)).toEqual([]);
        expect(summary).not.toContain('…');
        expect(summary).toContain('\n  Hip range exploration (knee drops)\n    pain 6 → 5 · helped → rehab\n');
        // Too long for a line of 40 together, the scores and the result take a line each; the
        // name's note in brackets goes on further in, so that it does not read as another drill.
        expect(summary).toContain('\n  Hip external rotation with extension\n    (90/90 hip lift)\n    pain 5 → 5, then 5 → 5\n    no help → avoid for now\n');
      } finally {
        narrow.cleanup();
      }
    });
  });
});
