// A session's questions as the keys of real terminals reach them, and as a window changed while a
// question waits leaves them: what shows stays fitted to the window, and each key does what the
// README says it does.
import { describe, expect, it } from 'vitest';
import { keys, passRedFlagScreen, type Terminal } from '../helpers/pty.js';
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
