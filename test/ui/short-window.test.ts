// A list question in a small window (a phone's terminal, a split pane): everything it draws fits
// the window's rows, so that the question stays at the top and moving the pointer draws the list
// again in place, rather than leaving a copy of the question above it each time.
import { render } from '@inquirer/testing';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibraryFile } from '../../src/library/load.js';
import { cutToRows, descriptionLines, listLines, listPrompt, typingRows } from '../../src/ui/list-prompt.js';
import { described } from '../../src/ui/prompt-fit.js';
import { onTerminal } from '../helpers/terminal.js';

const shipped = loadLibraryFile(join(import.meta.dirname, '../../data/library.yaml'));

/** The routine question's choices, their descriptions broken at the width of the terminal then. */
const routineChoices = () => shipped.routines.map((routine) => ({ value: routine.id, name: `${routine.name} (${routine.exercises.length} drills)`, short: routine.name, description: described(routine.description ?? '') }));

/** The screen of `message` asked on a window of `rows` rows, as stdout says its columns, after `typed` (no Enter). */
async function screenOf(message: string, choices: { value: string; name: string; short: string; description?: string }[], rows: number, typed = ''): Promise<string[]> {
  const columns = process.stdout.columns || 80;
  const config = { message, choices, pageSize: listLines(message, choices, rows, columns), descriptionRows: descriptionLines(message, choices, rows, columns), notChosen: '', typed: () => 0 };
  const { getScreen, answer, events, nextRender } = await render(listPrompt, config);
  if (typed !== '') {
    events.type(typed);
    await nextRender();
  }
  const screen = getScreen().split('\n');
  (answer as Promise<string> & { cancel(): void }).cancel();
  await answer.catch(() => undefined);
  return screen;
}

describe('a list question in a window of few rows', () => {
  it("cuts the highlighted routine's description where the window ends, 40 columns by 10 rows, the question still at its top", async () => {
    await onTerminal(40, async () => {
      const choices = routineChoices();
      // Whole, the first routine's description takes more rows than the window has.
      expect(choices[0]!.description.split('\n').length).toBeGreaterThan(10);
      const screen = await screenOf('Which routine?', choices, 10);
      expect(screen.length).toBeLessThanOrEqual(10);
      expect(screen[0]).toBe('? Which routine?');
      expect(screen[1]).toBe('❯ Joint chain, feet upward (5 drills)');
      // Three choices show, then the start of the description, its last line ending in "…".
      expect(screen.slice(2, 4)).toEqual(['  Hip rotation (4 drills)', '  Hip and glute strength (9 drills)']);
      expect(screen[5]).toBe('Five gentle drills that work from the');
      expect(screen.at(-2)).toMatch(/…$/);
      expect(screen.at(-1)).toBe('↑↓ see all 6 choices • ⏎ select');
    });
  });

  it('shows a description whole where the window has room for it and three lines of choices', async () => {
    const choices = routineChoices();
    const tallest = Math.max(...choices.map((choice) => choice.description.split('\n').length));
    // 80 columns by 12 rows, a split pane: the question, three choices, the blank line, the keys.
    expect(descriptionLines('Which routine?', choices, 1 + 3 + 1 + tallest + 1, 80)).toBe(tallest);
    expect(descriptionLines('Which routine?', choices, 1 + 3 + 1 + tallest, 80)).toBe(tallest - 1);
    expect(listLines('Which routine?', choices, 1 + 3 + 1 + tallest, 80)).toBe(3);
  });

  it('gives the rows of text typed past the edge of the window from the list, then from the description', async () => {
    await onTerminal(40, async () => {
      const choices = routineChoices();
      // "? Which routine? " and 63 letters: 80 columns, two rows and the empty one the cursor waits on.
      const typed = 'x'.repeat(63);
      const screen = await screenOf('Which routine?', choices, 10, typed);
      expect(screen.length).toBeLessThanOrEqual(10 - 2);
      expect(screen.find((line) => line.startsWith('❯ '))).toBe('❯ Joint chain, feet upward (5 drills)');
      expect(screen.at(-1)).toBe('↑↓ see all 6 choices • ⏎ select');
    });
  });
});

describe('the rows text takes', () => {
  it('counts the empty row the prompts add after a question and its typing that end at the edge', () => {
    expect(typingRows('? Which? abc', 40)).toBe(1);
    expect(typingRows(`? Which? ${'x'.repeat(31)}`, 40)).toBe(2);
    expect(typingRows(`? Which? ${'x'.repeat(32)}`, 40)).toBe(2);
    expect(typingRows(`? Which routine and\n  which day? ${'x'.repeat(40)}`, 40)).toBe(3);
  });

  it('cuts text to the rows given, its last line ending in "…", a line wider than the window counting the rows it reaches across', () => {
    const text = 'one two three\nfour five six\nseven eight';
    expect(cutToRows(text, 3, 40)).toBe(text);
    expect(cutToRows(text, 2, 40)).toBe('one two three\nfour five six…');
    expect(cutToRows(text, 0, 40)).toBe('');
    // On 10 columns the first line takes two rows: the second is cut to what one row holds.
    expect(cutToRows(text, 3, 10)).toBe('one two three\nfour fiv…');
    expect(cutToRows(text, 2, 10)).toBe('one two three…');
    expect(cutToRows(text, 1, 10)).toBe('one two…');
  });
});
