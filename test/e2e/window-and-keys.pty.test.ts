// A session's questions as the keys of real terminals reach them, and as a window changed while a
// question waits leaves them: what shows stays fitted to the window, and each key does what the
// README says it does.
import { describe, expect, it } from 'vitest';
import { keys, passRedFlagScreen, type Terminal } from '../helpers/pty.js';
import { redFlagQuestions } from '../../src/commands/session-screen.js';
import { terminalsOnFreshHome } from '../helpers/pty-home.js';

const { itb } = terminalsOnFreshHome();
const jointChain = ['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'];

/** Makes the window `cols` wide, giving itb time to hear of it (a signal, with nothing to wait for). */
async function resized(t: Terminal, cols: number): Promise<void> {
  t.resize(cols, 40);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** The screen's lines from the last line starting with `first` to the end, without trailing blanks. */
async function linesFrom(t: Terminal, first: string): Promise<string[]> {
  const lines = await t.screen();
  const at = lines.findLastIndex((line) => line.startsWith(first));
  const shown = lines.slice(at);
  while (shown.at(-1) === '') shown.pop();
  return shown;
}

describe('a list question in a window changed while it waits', () => {
  it('fits the note under the list to a window made narrower, broken between words', async () => {
    const t = itb(jointChain, { cols: 80 });
    // xterm, PuTTY, the Linux console: nothing drawn before is rewrapped into the list's way.
    t.cutsLinesWhenNarrowed();
    await passRedFlagScreen(t);
    await t.answer('worst imaginable):', '6');
    await t.waitFor('↑↓ navigate');
    await t.type(`3${keys.enter}`);
    await t.waitFor('your score.');
    await t.waitFor('↑↓ navigate');
    await resized(t, 40);
    // Drawn again at once at 40 columns: the note as it would be said there, not its 80-column
    // lines cut at the window's edge ("choose Done firs" over "t (arrow keys").
    await t.waitFor('↑↓ navigate');
    expect(await linesFrom(t, '? When you have done the drill:')).toEqual([
      '? When you have done the drill:',
      '❯ Done — rate my pain now',
      '  Skip this drill (I cannot do it now)',
      '  Stop the session here',
      '',
      '> Rate after the drill: choose Done',
      '  first (arrow keys, then Enter), then',
      '  type your score.',
      '↑↓ navigate • ⏎ select',
    ]);
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });
});

/** Escape on its own: a terminal sends its code alone, read as the key once nothing follows it. */
async function escape(t: Terminal): Promise<void> {
  await t.type('\x1b');
  await new Promise((resolve) => setTimeout(resolve, 700));
}

describe('Escape at a question answered by typing', () => {
  it('clears what was typed, so that the answer typed next stands alone', async () => {
    const t = itb(jointChain, { cols: 80 });
    const [first, ...others] = Object.values(redFlagQuestions);
    await t.waitFor(first!.slice(0, 20));
    await t.type('maybe');
    await escape(t);
    // n, not "mayben", refused.
    await t.type(`n${keys.enter}`);
    await t.waitFor(`${first} No`);
    for (const question of others) await t.answer(question.slice(0, 20), 'n');
    await t.waitFor('worst imaginable):');
    await t.type('57');
    await escape(t);
    await t.type(`5${keys.enter}`);
    await t.waitFor('↑↓ navigate');
    expect(await t.screen()).toContain('✔ Rate your pain (0 = none, 10 = worst imaginable): 5');
    expect(t.text).not.toContain('is outside the scale');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });
});

describe('a list question asked again after Ctrl-Z and fg', () => {
  it('keeps the pointer where the arrow keys left it, so that Enter picks the choice it showed', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.answer('worst imaginable):', '6');
    await t.waitFor('↑↓ navigate');
    await t.type(keys.down);
    await t.waitFor('❯ Skip this drill');
    t.signal('SIGSTOP'); // as Ctrl-Z stops it in a shell
    t.signal('SIGCONT'); // fg
    await t.waitFor(/Lateral ankle tilts\r?\n\? When you have done the drill/);
    await t.waitFor('❯ Skip this drill');
    await t.type(keys.enter);
    await t.waitFor('Skipped Lateral ankle tilts.');
    expect(t.text).not.toContain('(before: 6)');
    await t.waitFor('↑↓ navigate');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });
});
