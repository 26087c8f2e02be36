// A first session in a phone's terminal, 40 columns by 10 rows: every list fits the window, so
// that moving through it draws it again in place. Drawn taller than the window, the top of the
// list scrolled away at each key, and a copy of its question stayed behind in the scrollback.
import { describe, expect, it } from 'vitest';
import { keys, passRedFlagScreen, type Terminal } from '../helpers/pty.js';
import { terminalsOnFreshHome } from '../helpers/pty-home.js';

const { itb } = terminalsOnFreshHome({ cols: 40, rows: 10 });

/** The rows of the window itself, as last drawn: the end of the screen, without the empty rows under it. */
async function windowOf(t: Terminal): Promise<string[]> {
  const lines = await t.screen();
  const end = lines.findLastIndex((line) => line !== '') + 1;
  return lines.slice(Math.max(0, end - 10), end);
}

/** Presses `key` `times` times. */
async function press(t: Terminal, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await t.type(key);
}

describe('a session in a window of 40 columns by 10 rows', () => {
  it('draws each list within the window, the question at its top, and leaves one line for each question answered', async () => {
    const t = itb(['session']);
    await passRedFlagScreen(t);
    await t.waitFor('↑↓ see all 6 choices');
    // Down to the last routine and back up to strength: each drawn in place.
    await press(t, keys.down, 5);
    await t.waitFor('❯ Warm-up');
    await press(t, keys.up, 3);
    await t.waitFor('❯ Hip and glute strength');
    await t.waitFor('⏎ select');
    const routines = await windowOf(t);
    expect(routines[0]).toBe('? Which routine?');
    expect(routines).toContain('❯ Hip and glute strength (9 drills)');
    // The description, taller than the window has room for, cut where it ends.
    expect(routines.at(-2)).toMatch(/…$/);
    expect(routines.at(-1)).toBe('↑↓ see all 6 choices • ⏎ select');
    // Text typed past the window's edge takes its rows from the list: the question stays.
    await t.type('x'.repeat(70));
    await t.waitFor('x'.repeat(23));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await windowOf(t))[0]).toBe(`? Which routine? ${'x'.repeat(23)}`);
    await t.type(keys.down + keys.up);
    await t.waitFor('❯ Hip and glute strength');
    await t.type(keys.enter);
    await t.answer('Which side is painful?', '');
    await t.answer('What will you rate?', '');
    await t.waitFor('Which test movement?');
    await t.waitFor('⏎ select');
    await press(t, keys.down, 3);
    await press(t, keys.up, 3);
    await t.waitFor('❯ Single-leg squat');
    await t.type(keys.enter);
    await t.answer('worst imaginable):', '5');
    // A timed hold, ended early; then the drill is rated.
    await t.waitFor('Exercise 1 of 9');
    await t.answer('⏎ select', '');
    await t.answer('(Enter to end early)', '');
    await t.waitFor('ended early');
    await t.waitFor('⏎ select');
    await t.type(keys.down + keys.enter);
    await t.answer('(before: 5):', '3');
    // No change, a second try, no change again: set aside for now.
    await t.waitFor('Exercise 2 of 9');
    await t.answer('⏎ select', '');
    await t.answer('(before: 3):', '3');
    await t.waitFor('one more careful try');
    await t.answer('⏎ select', '');
    await t.answer(/first\s+try: 3\):/, '3');
    // A flare-up, confirmed, and the session stopped there.
    await t.waitFor('Exercise 3 of 9');
    await t.answer('⏎ select', '');
    await t.answer('(before: 3):', '7');
    await t.answer('(Y/n)', '');
    await t.answer('(y/N)', 'n');
    expect(await t.exited).toBe(0);

    const screen = await t.screen();
    // Every question answered, each once: a question drawn again below its copy would leave a "?" line.
    expect(screen.filter((line) => line.startsWith('? '))).toEqual([]);
    for (const question of ['Which routine?', 'Which side is painful?', 'What will you rate?', 'Which test movement?']) {
      expect(screen.filter((line) => line.startsWith(`✔ ${question}`))).toHaveLength(1);
    }
    expect(screen).toContain('Session summary');
    // Nothing wider than the window: no line the terminal had to break at its edge.
    expect(await t.brokenAtEdge()).toEqual([]);
  });
});
