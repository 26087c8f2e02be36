// The list's layout on a short terminal (a split window): a list question, its choices,
// the highlighted choice's description and the help line all fit the terminal's rows.
import { render } from '@inquirer/testing';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLibraryFile } from '../../src/library/load.js';
import { descriptionLines, listLines, listPrompt } from '../../src/ui/list-prompt.js';
import { described } from '../../src/ui/prompt-fit.js';

const shipped = loadLibraryFile(join(import.meta.dirname, '../../data/library.yaml'));

/** The routine question of a session, its choices as the session gives them, their descriptions as the list breaks them. */
const routineChoices = shipped.routines.map((routine) => ({ value: routine.id, name: `${routine.name} (${routine.exercises.length} drills)`, description: described(routine.description ?? '') }));

/**
 * The screen of the question, asked on a terminal of `rows` rows and as many columns as stdout
 * says (80 when it says none, as in a test run); after `typed` and Enter, when given.
 */
async function screenOf(message: string, choices: { value: string; name: string; description?: string; disabled?: string }[], rows: number, typed?: string): Promise<string[]> {
  const list = choices.map((choice) => ({ ...choice, short: choice.name }));
  const columns = process.stdout.columns || 80;
  const config = { message, choices: list, pageSize: listLines(message, choices, rows, columns), descriptionRows: descriptionLines(message, choices, rows, columns), notChosen: 'That one cannot be chosen now.', typed: () => `"${typed}" is not one of the choices.\n  Choose with the arrow keys and Enter.` };
  const { getScreen, answer, events, nextRender } = await render(listPrompt, config);
  if (typed !== undefined) {
    events.type(typed);
    events.keypress('enter');
    await nextRender();
  }
  const screen = getScreen().split('\n');
  (answer as Promise<string> & { cancel(): void }).cancel();
  await answer.catch(() => undefined);
  return screen;
}

describe('a list question on a short terminal', () => {
  it('keeps the question, the highlighted choice and its description on screen, in 10 rows', async () => {
    const screen = await screenOf('Which routine?', routineChoices, 10);
    expect(screen.length).toBeLessThanOrEqual(10);
    expect(screen[0]).toMatch(/^\? Which routine\?$/);
    expect(screen[1]).toMatch(/^❯ /);
    expect(screen.join(' ')).toContain(routineChoices[0]!.description.split('\n')[0]);
    expect(screen.at(-1)).toMatch(/select/);
  });

  it('says under a list cut short how many choices it has, so that the arrow keys are known to bring up the rest', async () => {
    const short = await screenOf('Which routine?', routineChoices, 10);
    expect(short.filter((line) => / \(\d+ drills\)$/.test(line)).length).toBeLessThan(routineChoices.length);
    expect(short.at(-1)).toBe(`↑↓ see all ${routineChoices.length} choices • ⏎ select`);
    const tall = await screenOf('Which routine?', routineChoices, 40);
    expect(tall.at(-1)).toBe('↑↓ navigate • ⏎ select');
  });

  it('shows as many choices as the rows leave room for, and all of them on a tall terminal', async () => {
    const moreRoom = await screenOf('Which routine?', routineChoices, 14);
    expect(moreRoom.length).toBeLessThanOrEqual(14);
    expect(moreRoom.filter((line) => / \(\d+ drills\)$/.test(line)).length).toBeGreaterThan(1);
    const tall = await screenOf('Which routine?', routineChoices, 40);
    expect(tall.filter((line) => / \(\d+ drills\)$/.test(line))).toHaveLength(routineChoices.length);
  });

  it('leaves room for a longer question', async () => {
    const choices = [
      { value: 'a', name: 'Joint chain, feet upward (5 drills)', description: 'One line.' },
      ...Array.from({ length: 8 }, (_, i) => ({ value: `r${i}`, name: `Routine ${i}`, disabled: '(all its drills are set aside)' })),
    ];
    const question = 'Which test movement? (The same one all session.)\nSecond line of the question.';
    // The question, the blank line, the description, the help line.
    expect(listLines(question, choices, 12, 80)).toBe(12 - 2 - 1 - 1 - 1);
    expect((await screenOf(question, choices, 12)).length).toBeLessThanOrEqual(12);
  });

  it('gives the rows of what Enter says to the list while nothing is said, and takes them back while it is', async () => {
    const choices: { value: string; name: string; description?: string }[] = [{ value: 'a', name: 'a', description: 'One line.' }, ...Array.from({ length: 12 }, (_, i) => ({ value: `r${i}`, name: `Routine ${i}` }))];
    expect(listLines('Which?', choices, 14, 80)).toBe(14 - 1 - 1 - 1 - 1);
    const quiet = await screenOf('Which?', choices, 14);
    expect(quiet).toHaveLength(14);
    expect(quiet.filter((line) => /^[❯ ] (a|Routine \d+)$/.test(line))).toHaveLength(10);
    // After a word that names no choice, its two lines come from the list: all still fits.
    const said = await screenOf('Which?', choices, 14, 'nonsense');
    expect(said).toHaveLength(14);
    expect(said.join('\n')).toContain('> "nonsense" is not one of the choices.\n  Choose with the arrow keys and Enter.');
    expect(said.filter((line) => /^[❯ ] (a|Routine \d+)$/.test(line))).toHaveLength(8);
    expect(said[1]).toMatch(/^❯ /);
    const routines = await screenOf('Which routine?', routineChoices, 12, 'nonsense');
    expect(routines.length).toBeLessThanOrEqual(12);
    expect(routines[1]).toMatch(/^❯ /);
  });

  it('says there are more choices while a note under the list hides some of a list that otherwise fits', async () => {
    const choices = [{ value: 'a', name: 'a', description: 'One line.' }, ...Array.from({ length: 9 }, (_, i) => ({ value: `r${i}`, name: `Routine ${i}` }))];
    expect((await screenOf('Which?', choices, 14)).at(-1)).toBe('↑↓ navigate • ⏎ select');
    const said = await screenOf('Which?', choices, 14, 'nonsense');
    expect(said.filter((line) => /^[❯ ] (a|Routine \d+)$/.test(line))).toHaveLength(8);
    expect(said.at(-1)).toBe('↑↓ see all 10 choices • ⏎ select');
  });

  it('keeps the choice the pointer is on in view while a note shows, on a terminal of 8 rows', async () => {
    expect(listLines('Which routine?', routineChoices, 8, 80)).toBeLessThanOrEqual(3);
    const said = await screenOf('Which routine?', routineChoices, 8, 'nonsense');
    expect(said[1]).toBe(`❯ ${routineChoices[0]!.name}`);
    expect(said.join('\n')).toContain('> "nonsense" is not one of the choices.');
  });

  it('counts a line wider than the terminal as the rows it reaches across', () => {
    const choices = [{ value: 'a', name: 'a', description: 'x'.repeat(100) }];
    expect(listLines('Which?', choices, 20, 40)).toBe(20 - 1 - 1 - 3 - 1);
  });

  it('keeps room for the choice the pointer is on, however short the terminal', () => {
    const choices = [{ value: 'a', name: 'a', description: 'One line.' }, { value: 'b', name: 'b' }];
    expect(listLines('Which?', choices, 4, 80)).toBe(1);
    expect(listLines('Which?', choices, 3, 80)).toBe(1);
  });

  it('breaks a description before it would fill a line of the terminal, which the prompts follow with an empty one', () => {
    expect(described('Five gentle drills that work from the ankle up to the opposite shoulder blade, a few times a day')).toBe(
      'Five gentle drills that work from the ankle up to the opposite shoulder blade,\na few times a day',
    );
  });

  it('counts a blank line of a description as the row it takes', () => {
    const choices = [{ value: 'a', name: 'a', description: 'First paragraph.\n\nSecond paragraph.' }];
    expect(listLines('Which?', choices, 20, 80)).toBe(20 - 1 - 1 - 3 - 1);
  });
});

describe("a list question's help line", () => {
  afterEach(() => vi.unstubAllEnvs());
  const sides = [
    { value: 'left', name: 'left' },
    { value: 'right', name: 'right' },
  ];

  it.each([
    [undefined, '↑↓ navigate • ⏎ select'],
    ['vim', '↑↓ k/j navigate • ⏎ select'],
    ['emacs', '↑↓ Ctrl-P/N navigate • ⏎ select'],
    ['vim,emacs', '↑↓ k/j Ctrl-P/N navigate • ⏎ select'],
  ])('names the keys INQUIRER_KEYBINDINGS=%s adds to the arrows', async (keybindings, help) => {
    vi.stubEnv('INQUIRER_KEYBINDINGS', keybindings);
    const screen = await screenOf('Which side is painful?', sides, 24);
    expect(screen.at(-1)).toBe(help);
  });

  it('takes a line for each key on a window too narrow for one, rather than being broken mid-word, and the list keeps room for both', async () => {
    const columns = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    Object.defineProperty(process.stdout, 'columns', { value: 30, configurable: true });
    try {
      // "↑↓ see all 9 choices • ⏎ select" is 31 columns.
      const many: { value: string; name: string; description?: string }[] = Array.from({ length: 9 }, (_, i) => ({ value: `r${i}`, name: `Routine ${i}` }));
      const screen = await screenOf('Which?', many, 8);
      expect(screen.slice(-2)).toEqual(['↑↓ see all 9 choices', '⏎ select']);
      expect(screen.length).toBeLessThanOrEqual(8);
      expect(listLines('Which?', many, 8, 30)).toBe(8 - 1 - 1 - 2);
      expect(listLines('Which?', many, 8, 40)).toBe(8 - 1 - 1 - 1);
      // As wide as the window, 31 columns, it would take two rows all the same: the prompts add an
      // empty one after a last line that fills the window.
      expect(listLines('Which?', many, 8, 31)).toBe(8 - 1 - 1 - 2);
      expect(listLines('Which?', many, 8, 32)).toBe(8 - 1 - 1 - 1);
      // One that fits stays on one line.
      expect((await screenOf('Which side is painful?', sides, 24)).at(-1)).toBe('↑↓ navigate • ⏎ select');
    } finally {
      if (columns) Object.defineProperty(process.stdout, 'columns', columns);
      else delete (process.stdout as { columns?: number }).columns;
    }
  });
});
