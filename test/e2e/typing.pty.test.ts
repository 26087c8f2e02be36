// The session typed at the way people really type: a window resized while a question waits. What
// is saved is what was answered, nothing lost and nothing made up, and the screen, read as a
// person sees it, stays whole.
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

/** The lines of the screen as a person sees it, without trailing spaces, none wider than `columns`. */
async function screenOf(t: Terminal, columns: number): Promise<string[]> {
  const lines = (await t.screen()).map((line) => line.trimEnd());
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
  return lines;
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
    const lines = await screenOf(t, 40);
    expect(lines).toContain('  (0 = none, 10 = worst imaginable): 6');
    expect(lines.join('\n')).not.toContain('worst i\n');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
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
    const lines = await screenOf(t, 40);
    expect(lines).toContain('✔ When you have done the drill:');
    expect(lines).toContain('  Done — rate my pain now');
    await t.type(`4${keys.enter}`);
    await t.waitFor('Better: pain 6 → 4');
    await t.waitFor('↑↓ navigate');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(saved()).toEqual({ sessions: [session('interrupted', 6, 4, { attempts: 1, helped: 1 })], rehab: ['lateral-ankle-tilts'], avoid: [] });
  });
});
