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

/** Every drill of the mobility, balance and warm-up routines, tried once without a change. */
const gentlerDrillsTried = () =>
  ['hip-flexor-stretch', 'quadriceps-stretch', 'glute-stretch', 'piriformis-stretch', 'lateral-thigh-foam-rolling', 'it-band-stretch', 'hip-internal-rotation-mobility', 'adductor-mobility', 'single-leg-stand', 'single-leg-stand-foam-pad', 'leg-swings', 'ankle-mobilisations', 'glute-activation'].map((id) => ({ id, scores: [5, 5] }));

describe('the routine offered first after a session', () => {
  it('after the joint chain done to its end, starts the same day at the routine with the drills the summary said to test', async () => {
    // Every drill of the joint chain lowers the score: all five go to the rehab bucket.
    const first = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 5, 'done', 4, 'done', 3, 'done', 2, 'done', 1] });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\n {2}itb session hip-rotation {2,}test 4 of 26 drills not tried yet\n/);
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

  it.each(['interrupted', 'stopped'] as const)('offers first again the rehab routine %s today before any drill got through, to start again as the session said', async (status) => {
    const earlier = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    const nothingDone = buildSession({ startedAt: '2026-11-20T08:00:00.000Z', routine: 'rehab', status, baseline: 5, drills: [] });
    await saveSessions(home, earlier, nothingDone);
    expect(await offeredFirst(later)).toBe('rehab');
  });
});

/** The Next lines of `itb buckets` at `now`, spaces run together. */
async function bucketsNext(now: Date): Promise<string> {
  return (await run(['buckets'], { home, now })).stdout.split('Next: ')[1]!.replace(/\s+/g, ' ').trim();
}

/** Every drill of the joint chain tested: three helped, two set aside. */
const jointChainDone = () =>
  buildSession({
    startedAt: '2026-11-19T09:00:00.000Z',
    routine: 'joint-chain',
    baseline: 6,
    drills: [
      { id: 'lateral-ankle-tilts', scores: [5] },
      { id: 'lunge-knee-circles', scores: [5, 5] },
      { id: 'rehab-hip-circles', scores: [4] },
      { id: 'pelvis-tucks-tilts', scores: [4, 4] },
      { id: 'opposite-scapular-camshafts', scores: [3] },
    ],
  });

describe('the routine named to test the drills not tried yet', () => {
  it('on another day after a routine whose drills are all tried, names the routine that holds untried ones, which the command runs', async () => {
    await saveSessions(home, jointChainDone());
    // Plain `itb session` offers the joint chain first again, with nothing untried in it.
    expect(await offeredFirst(nextDay)).toBe('joint-chain');
    const next = await bucketsNext(nextDay);
    expect(next).toBe('itb session rehab run your rehab routine itb session hip-rotation test 4 of 26 drills not tried yet');
    // The command as given runs the hip rotation, whose first drill is untested.
    const suggested = await run(['session', 'hip-rotation', ...flags], { home, tty: true, now: nextDay, answers: [CTRL_C] });
    expect(suggested.stdout).toContain('Hip rotation · 4 drills');
  });

  it('names the next routine in library order that holds untried drills, with how many it holds of all of them', async () => {
    // The joint chain and the hip rotation all tried: the strength routine is next, with 9 of the 22.
    const hips = buildSession({
      startedAt: '2026-11-19T10:00:00.000Z',
      routine: 'hip-rotation',
      baseline: 5,
      drills: ['hip-range-exploration', 'hip-external-rotation-extension', 'hip-internal-rotation', 'hip-cars'].map((id) => ({ id, scores: [5, 5] })),
    });
    await saveSessions(home, jointChainDone(), hips);
    expect(await bucketsNext(nextDay)).toContain('itb session strength test 9 of 22 drills not tried yet');
    // With one routine left to test, no count of all.
    const rest = buildSession({
      startedAt: '2026-11-19T11:00:00.000Z',
      routine: 'mobility',
      baseline: 5,
      drills: gentlerDrillsTried(),
    });
    await saveSessions(home, rest);
    expect(await bucketsNext(nextDay)).toContain('itb session strength test 9 drills not tried yet');
  });

  it('while the 48 hours of strength work run, names a routine with gentler untried drills; with none, the strength routine from the hour they end', async () => {
    const hips = buildSession({
      startedAt: '2026-11-19T10:00:00.000Z',
      routine: 'hip-rotation',
      baseline: 5,
      drills: ['hip-range-exploration', 'hip-external-rotation-extension', 'hip-internal-rotation', 'hip-cars'].map((id) => ({ id, scores: [5, 5] })),
    });
    // At 08:00 on the 21st, St. John's time, bridges helped in a strength session: the 48 hours run.
    const strength = buildSession({ startedAt: '2026-11-21T11:30:00.000Z', routine: 'strength', loading: true, baseline: 5, drills: [{ id: 'bridges', scores: [4] }] });
    await saveSessions(home, jointChainDone(), hips, strength);
    const at = new Date('2026-11-21T13:00:00.000Z');
    // The strength routine, first to hold untried drills, would leave them all out today: mobility instead.
    expect(await bucketsNext(at)).toContain('itb session mobility test 8 of 21 drills not tried yet');
    // Every gentler drill tried: the strength routine, from the hour its drills may be done.
    const gentle = buildSession({
      startedAt: '2026-11-21T12:00:00.000Z',
      routine: 'mobility',
      baseline: 5,
      drills: gentlerDrillsTried(),
    });
    await saveSessions(home, gentle);
    expect(await bucketsNext(at)).toContain('itb session strength test 8 drills not tried yet, from 2026-11-23 08:00');
  });

  it('after the rehab routine, names a routine of the library, not the rehab routine that plain itb session offers first', async () => {
    await saveSessions(home, jointChainDone());
    // The rehab routine on another day: its three drills help again.
    const rehab = await run(['session', 'rehab', ...flags], { home, tty: true, now: nextDay, answers: [6, 'done', 5, 'done', 4, 'done', 3] });
    expect(rehab.code).toBe(0);
    expect(rehab.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine\n {2}itb session hip-rotation {2,}test 4 of 26 drills not tried yet\n/);
    const dayAfter = new Date('2026-11-22T09:00:00.000Z');
    expect(await offeredFirst(dayAfter)).toBe('rehab');
    expect(await bucketsNext(dayAfter)).toContain('itb session hip-rotation test 4 of 26 drills not tried yet');
  });
});
