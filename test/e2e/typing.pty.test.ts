// The session typed at the way people really type: a window resized while a question waits, a
// paste of several lines, keys typed before a question shows, Enter held down, Ctrl-D, Escape
// and arrow keys at a score, Ctrl-C pressed twice. What is saved is what was answered, nothing
// lost and nothing made up, and the screen, read as a person sees it, stays whole.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, keys, passRedFlagScreen, type Terminal } from '../helpers/pty.js';
import { terminalsOnFreshHome } from '../helpers/pty-home.js';

const { home, itb } = terminalsOnFreshHome();

/**
 * Makes the window `cols` wide, and gives itb time to hear of it: the new size comes as a signal,
 * with nothing on the screen to wait for, and a key typed at once could be read before it.
 */
async function resized(t: Terminal, cols: number): Promise<void> {
  t.resize(cols, 40);
  await new Promise((resolve) => setTimeout(resolve, 300));
}
const jointChain = ['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'];

interface Saved {
  sessions: { status: string; baseline: number | null; final: number | null; attempts: number; helped: number; skipped: number; movement: string }[];
  rehab: string[];
  avoid: string[];
}

/** What `itb history --json` and `itb buckets --json` say was saved: what the user is shown. */
function saved(): Saved {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ITB_HOME: home(), NO_COLOR: '1' };
  const read = (command: string) => {
    const shown = spawnSync(process.execPath, [BIN, command, '--json'], { env, encoding: 'utf8' });
    expect(shown.status, shown.stderr).toBe(0);
    return JSON.parse(shown.stdout);
  };
  const ids = (drills: { exerciseId: string }[]) => drills.map((drill) => drill.exerciseId);
  const buckets = read('buckets');
  return {
    sessions: read('history').sessions.map(({ status, baseline, final, attempts, helped, skipped, movement }: Saved['sessions'][number]) => ({ status, baseline, final, attempts, helped, skipped, movement })),
    rehab: ids(buckets.rehab),
    avoid: ids(buckets.avoid),
  };
}

/** One session of the joint chain at the lunge, as `saved` gives it. */
function session(status: string, baseline: number | null, final: number | null, counts: { attempts?: number; helped?: number; skipped?: number } = {}, movement = 'lunge') {
  return { status, baseline, final, attempts: 0, helped: 0, skipped: 0, ...counts, movement };
}

/** Ctrl-C at a question: the session ends as interrupted, exit 130. */
async function interrupt(t: Terminal): Promise<void> {
  await t.type(keys.ctrlC);
  expect(await t.exited).toBe(130);
}

/** The store after the first drill (lateral ankle tilts) helped, 6 → `score`, and the session was interrupted after it. */
function firstDrillHelped(score: number): Saved {
  return { sessions: [session('interrupted', 6, score, { attempts: 1, helped: 1 })], rehab: ['lateral-ankle-tilts'], avoid: [] };
}

/**
 * At the flare-up question for a 9 typed after a baseline of 6, still waiting: no flare-up was
 * taken. n, then the score meant, 5, which helped; then Ctrl-C, and the store holds just that.
 */
async function scoreTakenBack(t: Terminal): Promise<void> {
  expect(t.text).not.toContain('flare-up, so');
  await t.answer('', 'n');
  await t.answer('(before: 6):', '5');
  await t.waitFor('Better: pain 6 → 5');
  await t.waitFor('↑↓ navigate');
  await interrupt(t);
  await screenOf(t);
  expect(saved()).toEqual(firstDrillHelped(5));
}

/** Enter held down: repeated by the keyboard, each a key of its own, quicker than a person types. */
async function holdEnter(t: Terminal): Promise<void> {
  for (let key = 0; key < 8; key += 1) {
    t.paste(keys.enter);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/**
 * Gives itb time to read the last of the keys held down. A key read with an Enter being refused
 * (in one piece of input) is dropped, as the prompts drop keys while they check an answer; a
 * person lets go of Enter well before the next key.
 */
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/**
 * The lines of the screen as a person sees it, without trailing spaces; none broken by the
 * terminal at its edge, unless `resized` (lines written before are then the terminal's to rewrap).
 */
async function screenOf(t: Terminal, resized = false): Promise<string[]> {
  if (!resized) expect(await t.brokenAtEdge()).toEqual([]);
  return (await t.screen()).map((line) => line.trimEnd());
}

describe('itb session typed at as people type', () => {
  it('fits the score question and its answer to a window made narrower while it waits', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.waitFor('Rate your pain (0 = none, 10 = worst imaginable):');
    // A phone turned upright, a window dragged narrower.
    await resized(t, 40);
    await t.type(`6${keys.enter}`);
    await t.waitFor('When you have done the drill');
    // The answer stays under its question, broken between words, not at "worst i" / "maginable".
    const lines = await screenOf(t, true);
    expect(lines).toContain('  (0 = none, 10 = worst imaginable): 6');
    expect(lines.join('\n')).not.toContain('worst i\n');
    await interrupt(t);
    expect(saved()).toEqual({ sessions: [session('interrupted', 6, 6)], rehab: [], avoid: [] });
  });

  it('fits the answer at a drill to a window made narrower while its card shows', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.waitFor('↑↓ navigate');
    await resized(t, 40);
    await t.type(keys.enter);
    await t.waitFor('(before: 6)');
    const lines = await screenOf(t, true);
    expect(lines).toContain('✔ When you have done the drill:');
    expect(lines).toContain('  Done — rate my pain now');
    await t.type(`4${keys.enter}`);
    await t.waitFor('Better: pain 6 → 4');
    await t.waitFor('↑↓ navigate');
    await interrupt(t);
    expect(saved()).toEqual(firstDrillHelped(4));
  });

  /**
   * Narrows the window to 30 columns while the list at a drill waits, then moves its pointer down:
   * the lines of the screen from the drill's last cue to the list drawn again, after its help line.
   */
  async function drillListNarrowed(t: Terminal): Promise<string[]> {
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.waitFor('↑↓ navigate');
    await resized(t, 30);
    await t.type(keys.down);
    // The list drawn again for the resize may come only now, on a busy machine: wait for the one
    // drawn for the key.
    await t.waitFor('❯ Skip this drill');
    await t.waitFor('↑↓ navigate');
    const lines = await screenOf(t, true);
    const cue = lines.findLastIndex((line) => line.startsWith('  › Let the outer side'));
    return lines.slice(cue, lines.lastIndexOf('↑↓ navigate • ⏎ select') + 1);
  }
  // The list as drawn again at 30 columns: each choice broken between words, under its pointer.
  const drillList = ['? When you have done the', '  drill:', '  Done — rate my pain now', '❯ Skip this drill', '  (I cannot do it now)', '  Stop the session here', '', '↑↓ navigate • ⏎ select'];

  it('draws a list again in a window made narrower while it waits, each choice between words, where a terminal cuts long lines', async () => {
    const t = itb(jointChain, { cols: 80 });
    // xterm, PuTTY, the Linux console: the list drawn before is erased whole, and nothing above it.
    t.cutsLinesWhenNarrowed();
    expect(await drillListNarrowed(t)).toEqual(['  › Let the outer side of the', '  › If it hurts, tilt less and', ...drillList]);
    await t.type(keys.enter);
    await t.waitFor('Skipped Lateral ankle tilts.');
    await t.waitFor('↑↓ navigate');
    await interrupt(t);
    expect(saved()).toEqual({ sessions: [session('interrupted', 6, 6, { skipped: 1 })], rehab: [], avoid: [] });
  });

  it('draws a list again in a window made narrower while it waits, where a terminal rewraps long lines, erasing nothing written before it', async () => {
    const t = itb(jointChain, { cols: 80 });
    // Most terminals carry the end of a line now too long onto a row of its own, the list's too:
    // it takes more rows than were drawn, and how many a terminal gives it cannot be known. Only
    // the rows drawn are erased, so the question's first lines as drawn before stay above the list
    // (its rewrapped ":" too), and the drill's cues, as the terminal rewrapped them, above those.
    const shown = await drillListNarrowed(t);
    expect(shown).toEqual(['  › Let the outer side of the', 'ankle do the work, slow and co', 'ntrolled.', '  › If it hurts, tilt less and', ' move more slowly.', '? When you have done the drill', ':', ...drillList]);
    await t.type(keys.enter);
    await t.waitFor('Skipped Lateral ankle tilts.');
    await t.waitFor('↑↓ navigate');
    await interrupt(t);
    expect(saved()).toEqual({ sessions: [session('interrupted', 6, 6, { skipped: 1 })], rehab: [], avoid: [] });
  });

  /** A session asking which routine to run, on a window `cols` wide and `rows` tall. */
  async function routineList(cols: number, rows?: number): Promise<Terminal> {
    const t = itb(['session', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'], { cols, ...(rows === undefined ? {} : { rows }) });
    await passRedFlagScreen(t);
    await t.waitFor('↑↓ navigate');
    return t;
  }

  /** The lines of the highlighted choice's description, as last drawn: between the blank line under the choices and the keys. */
  function descriptionShown(lines: string[]): string[] {
    const keysAt = lines.findLastIndex((line) => line.startsWith('↑↓'));
    return lines.slice(lines.lastIndexOf('', keysAt) + 1, keysAt);
  }

  /** Picks the highlighted routine and ends the session at its first question. */
  async function pickAndStop(t: Terminal): Promise<void> {
    await t.type(keys.enter);
    await t.waitFor('worst imaginable):');
    await interrupt(t);
  }

  it('draws a list again in a window made shorter while it waits, the question still in the window', async () => {
    const t = await routineList(80, 24);
    // A window dragged shorter, a terminal split in two: ten rows, fewer than the list took.
    t.resize(80, 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.type(keys.down);
    await t.waitFor('❯ Hip rotation');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The window's rows, the last of the screen: the question, the choices that fit, the keys.
    const window = (await screenOf(t, true)).slice(-10);
    expect(window[0]).toBe('? Which routine?');
    // Fewer choices than there are, so the keys say how many: the arrows bring up the rest.
    expect(window.filter((line) => line !== '').at(-1)).toBe('↑↓ see all 6 choices • ⏎ select');
    expect(window.filter((line) => line.startsWith('❯ '))).toEqual(['❯ Hip rotation (4 drills)']);
    await pickAndStop(t);
  });

  it("breaks a list's description between words at the width of a window made narrower while it waits", async () => {
    const t = await routineList(80);
    await resized(t, 40);
    await t.type(keys.down);
    await t.waitFor('❯ Hip rotation');
    await t.waitFor('⏎ select');
    const described = descriptionShown(await screenOf(t, true));
    // The routine's description, each line whole words of it (the screen cuts rows at the window's edge).
    const words = 'Builds range and control in turning the hip in and out, which other hip movement depends on. It ends with hip CARs, fine to repeat by themselves every day as a pre-run warm-up.';
    expect(described.join(' ')).toMatch(new RegExp(`^${words.replace(/[.()]/g, '\\$&')}`));
    expect(described.length).toBeGreaterThan(6);
    await pickAndStop(t);
  });

  it('draws a list again at once when the window is made narrower, before any key', async () => {
    const t = await routineList(80);
    await resized(t, 40);
    // Drawn again with no key pressed: the highlighted routine's description at the new width.
    await t.waitFor('↑↓ navigate');
    const described = descriptionShown(await screenOf(t, true));
    expect(described.join(' ')).toMatch(/^Five gentle drills that work from the ankle up to the opposite shoulder blade, freeing the joints on either side of the IT band and further along the chain\./);
    expect(described.length).toBeGreaterThan(8);
    await pickAndStop(t);
  });

  it('takes the first line of a paste of two scores as the score, and nothing of the second', async () => {
    const t = itb(jointChain, { cols: 40 });
    await passRedFlagScreen(t);
    await t.waitFor('worst imaginable):');
    t.paste('6\r4\r');
    await t.waitFor('Exercise 1 of 5');
    await t.waitFor('↑↓ navigate');
    // The 4 is no answer to the drill's list, nor kept for its score: asked, the score is typed afresh.
    await t.type(keys.enter);
    await t.waitFor('(before: 6):');
    await t.type(`3${keys.enter}`);
    await t.waitFor('Better: pain 6 → 3');
    await t.waitFor('↑↓ navigate');
    await interrupt(t);
    await screenOf(t);
    expect(saved()).toEqual(firstDrillHelped(3));
  });

  it('reads a score pasted with spaces and tabs around it as the number, shown bare, and refuses two numbers', async () => {
    const t = itb(jointChain, { cols: 40 });
    await passRedFlagScreen(t);
    await t.waitFor('worst imaginable):');
    t.paste('6\t4\r');
    await t.waitFor('is not a number');
    t.paste(' \t5 \t\r');
    await t.waitFor('Exercise 1 of 5');
    await t.waitFor('↑↓ navigate');
    const lines = await screenOf(t);
    expect(lines).toContain('✔ Rate your pain');
    expect(lines).toContain('  (0 = none, 10 = worst imaginable): 5');
    await interrupt(t);
    expect(saved()).toEqual({ sessions: [session('interrupted', 5, 5)], rehab: [], avoid: [] });
  });

  it('takes Tab typed at a score for a space, not a jump to the next tab stop, and two numbers it parts stay two', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.waitFor('worst imaginable):');
    await t.type('4\t5');
    await t.waitFor('4 5');
    expect(await screenOf(t)).toContain('? Rate your pain (0 = none, 10 = worst imaginable): 4 5');
    await t.type(keys.enter);
    await t.waitFor('"4 5" is not a number');
    // Before and after the number, it is no part of it.
    await t.type(`\t6\t${keys.enter}`);
    await t.waitFor(/✔ Rate your pain \(0 = none, 10 = worst imaginable\): 6\r?\n/);
    await t.waitFor('↑↓ navigate');
    expect(t.text).not.toContain('\t');
    await interrupt(t);
    expect(saved()).toEqual({ sessions: [session('interrupted', 6, 6)], rehab: [], avoid: [] });
  });

  it('takes no choice at a drill from keys typed while its card is still being written: a 3 does not stop the session', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.waitFor('worst imaginable):');
    // The score, then at once the score they expect to give after the drill: 3 is the third choice, Stop.
    t.paste(`6${keys.enter}`);
    t.paste(`3${keys.enter}`);
    await t.waitFor('Exercise 1 of 5');
    await t.waitFor('↑↓ navigate');
    await t.type(keys.enter);
    await t.answer('(before: 6):', '3');
    await t.waitFor('Better: pain 6 → 3');
    await t.waitFor('Exercise 2 of 5');
    await t.waitFor('↑↓ navigate');
    await interrupt(t);
    await screenOf(t);
    expect(t.text).not.toContain('You stopped the session early');
    expect(saved()).toEqual(firstDrillHelped(3));
  });

  it('with Enter held down, takes no score that was not typed, at the score or after a drill', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.waitFor('worst imaginable):');
    // Held down a moment after the last answer: the first press meets the score question.
    await settled();
    await holdEnter(t);
    await t.waitFor('Type a number from 0 (none) to 10 (worst imaginable).');
    await settled();
    expect(t.text).not.toContain('Exercise 1 of 5');
    await t.type(`6${keys.enter}`);
    await t.waitFor('↑↓ navigate');
    await settled();
    // The first Enter picks Done, as Enter alone does; the rest, the same press held, meet nothing.
    const refused = () => t.text.split('Type a number from 0 (none) to 10').length;
    const refusedBefore = refused();
    await holdEnter(t);
    await t.waitFor('(before: 6):');
    await settled();
    expect(refused()).toBe(refusedBefore);
    await t.type(`4${keys.enter}`);
    await t.waitFor('Better: pain 6 → 4');
    await t.waitFor('↑↓ navigate');
    await interrupt(t);
    await screenOf(t);
    expect(saved()).toEqual(firstDrillHelped(4));
  });

  it('takes Enter pressed twice after a score as one press: a flare-up is not confirmed, nor a drill marked done, unread', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.waitFor('worst imaginable):');
    // A double tap: the second press comes once the next question shows, before it can be read.
    await t.type('6');
    t.paste(keys.enter);
    await t.waitFor('↑↓ navigate');
    t.paste(keys.enter);
    await settled();
    expect(t.text).not.toContain('(before: 6)');
    await t.type(keys.enter);
    await t.waitFor('(before: 6):');
    await t.type('9');
    t.paste(keys.enter);
    await t.waitFor('Is 9 right? (Y/n)');
    t.paste(keys.enter);
    await settled();
    // The question still waits: n, and the score meant.
    await scoreTakenBack(t);
  });

  it('takes Escape, then q and Enter, at the flare-up question as q typed, not as Enter alone', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.answer('worst imaginable):', '6');
    await t.answer('When you have done the drill', '');
    await t.answer('(before: 6):', '9');
    await t.waitFor('Is 9 right? (Y/n)');
    // Hoping to leave: Escape, then q, at once, as one key.
    await t.type(`\x1bq${keys.enter}`);
    await t.waitFor('Type y for yes or n for no');
    await scoreTakenBack(t);
  });

  it('keeps no score typed but not entered when Ctrl-D ends the session at it', async () => {
    const t = itb(jointChain, { cols: 40 });
    await passRedFlagScreen(t);
    await t.answer('worst imaginable):', '6');
    await t.answer('When you have done the drill', '');
    await t.waitFor('(before: 6):');
    await t.type(`4${keys.ctrlD}`);
    expect(await t.exited).toBe(130);
    expect(t.text.replace(/\s+/g, ' ')).toContain('Session interrupted. Kept: your baseline (6).');
    await screenOf(t);
    expect(saved()).toEqual({ sessions: [session('interrupted', 6, 6)], rehab: [], avoid: [] });
  });

  it('takes Escape and the arrow keys at a score as no part of it', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.waitFor('worst imaginable):');
    // Escape, then arrows: up and down have no earlier answers to bring back, left and right move along the line.
    await t.type(`5\x1b${keys.up}${keys.down}\x1b[D\x1b[C${keys.enter}`);
    await t.waitFor('↑↓ navigate');
    const lines = await screenOf(t);
    expect(lines).toContain('✔ Rate your pain (0 = none, 10 = worst imaginable): 5');
    await interrupt(t);
    expect(saved()).toEqual({ sessions: [session('interrupted', 5, 5)], rehab: [], avoid: [] });
  });

  it('says once that the session was interrupted on Ctrl-C pressed twice, keeping what was answered', async () => {
    const t = itb(jointChain, { cols: 80 });
    await passRedFlagScreen(t);
    await t.answer('worst imaginable):', '6');
    await t.answer('When you have done the drill', '');
    await t.answer('(before: 6):', '4');
    await t.waitFor('Exercise 2 of 5');
    await t.waitFor('↑↓ navigate');
    t.paste(keys.ctrlC + keys.ctrlC);
    expect(await t.exited).toBe(130);
    await screenOf(t);
    expect(t.text.match(/Session interrupted/g)).toHaveLength(1);
    expect(saved()).toEqual(firstDrillHelped(4));
  });

  it('on a terminal of 40 columns, stops a timed hold on Ctrl-C pressed twice, saying so in lines that fit', async () => {
    const t = itb(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'], { cols: 40 });
    await passRedFlagScreen(t);
    await t.answer('worst imaginable):', '3');
    await t.answer('When you have done the drill', '');
    await t.waitFor(/\d+ s left/);
    t.paste(keys.ctrlC + keys.ctrlC);
    expect(await t.exited).toBe(130);
    const lines = await screenOf(t);
    expect(lines.filter((line) => /s left/.test(line))).toEqual([]);
    // The countdown's line gives way to one that says the hold stopped, broken between words.
    expect(lines.join('\n')).toContain('⏱ Hold 1 of 6 · set 1, first side:\n  stopped\n');
    expect(saved()).toEqual({ sessions: [session('interrupted', 3, 3)], rehab: [], avoid: [] });
  });

  it('keeps a test movement of 200 characters typed on a terminal of 40 columns whole, shown in lines that fit', async () => {
    const movement = 'walking down the stairs at home slowly, one step at a time, holding the rail with my left hand and leading with the painful leg, then back up again the same way, twice, without a pause in between, too';
    expect(movement).toHaveLength(200);
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain'], { cols: 40 });
    await passRedFlagScreen(t);
    await t.waitFor('↑↓ navigate');
    await t.type(`Something else${keys.enter}`);
    await t.waitFor('(Enter alone: back to the list):');
    await t.type(`${movement}${keys.enter}`);
    await t.answer('worst imaginable):', '5');
    await t.waitFor('↑↓ navigate');
    const lines = await screenOf(t);
    // Under its question, broken between words.
    const answer = lines.findIndex((line) => line === '  (Enter alone: back to the list):');
    expect(answer).toBeGreaterThan(-1);
    const shown = lines.slice(answer + 1, answer + 8).filter((line) => line.startsWith('  ')).map((line) => line.trim());
    expect(shown.join(' ')).toBe(movement);
    await interrupt(t);
    expect(saved()).toEqual({ sessions: [session('interrupted', 5, 5, {}, movement)], rehab: [], avoid: [] });
  });
});
