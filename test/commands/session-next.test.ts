// What a session's summary says to run next, and the routine the next session's list offers first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSession, saveSessions, setUpFlags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';

const flags = setUpFlags;
// The red-flag screen of a first run, all answered no.
const screenClear: Answer[] = [false, false, false, false, false, false];
const morning = new Date('2026-11-20T09:00:00.000Z');
const later = new Date('2026-11-20T15:00:00.000Z');
const nextDay = new Date('2026-11-21T09:00:00.000Z');

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

/** The routine `itb session` offers first at `now`. */
async function offeredFirst(now: Date): Promise<unknown> {
  const result = await run(['session', ...flags], { home, tty: true, now, answers: [CTRL_C] });
  return result.prompter.asked.find((asked) => asked.message === 'Which routine?')?.default;
}

describe('the routine offered first after a session', () => {
  it('after the joint chain done to its end, starts the same day at the routine with the drills the summary said to test', async () => {
    // Every drill of the joint chain lowers the score: all five go to the rehab bucket.
    const first = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 5, 'done', 4, 'done', 3, 'done', 2, 'done', 1] });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\n {2}itb session {2,}test 26 drills not tried yet\n/);
    // Enter at once tests drills not tried yet, as the summary said, rather than the joint chain again.
    expect(await offeredFirst(later)).toBe('hip-rotation');
    // On another day the routine of the latest session comes first again, to be repeated.
    expect(await offeredFirst(nextDay)).toBe('joint-chain');
  });

  it('after the rehab routine done today, starts at a routine with drills not tried yet; on another day at the rehab routine', async () => {
    const earlier = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    const rehab = buildSession({ startedAt: '2026-11-20T08:00:00.000Z', routine: 'rehab', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    await saveSessions(home, earlier, rehab);
    expect(await offeredFirst(later)).toBe('joint-chain');
    expect(await offeredFirst(nextDay)).toBe('rehab');
  });

  it('offers first again a routine done today that still holds a drill skipped', async () => {
    const skipped = buildSession({ startedAt: '2026-11-20T08:00:00.000Z', routine: 'balance', baseline: 5, drills: [{ id: 'single-leg-stand', scores: [4] }, { id: 'single-leg-stand-foam-pad', skipped: true }] });
    await saveSessions(home, skipped);
    expect(await offeredFirst(later)).toBe('balance');
  });

  it('offers first again the rehab routine left part way today, to go on with', async () => {
    const earlier = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [3] }] });
    const partWay = buildSession({ startedAt: '2026-11-20T08:00:00.000Z', routine: 'rehab', status: 'stopped', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    await saveSessions(home, earlier, partWay);
    expect(await offeredFirst(later)).toBe('rehab');
  });
});
