// Paths through a session as a person walks them, end to end, and what the closing screen
// suggests after each ending.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { noRedFlags, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';

// 11:00 in St. John's (UTC−3:30, the zone the tests run in), then an hour later.
const morning = new Date('2026-11-20T14:30:00.000Z');
const later = new Date('2026-11-20T15:30:00.000Z');

let home: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ home, cleanup } = tempHome());
  await Store.open({ ITB_HOME: home }).update((data) => {
    data.screenings.push({ at: morning.toISOString(), answers: noRedFlags, proceeded: true });
  });
});
afterEach(() => cleanup());

describe('the closing screen of a strength routine stopped part way', () => {
  it('does not suggest going on later today with strength drills alone once three were tried', async () => {
    // Three strength drills helped; before the fourth, the session says two or three are enough.
    const stopped = await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 5, 'done', 4, 'done', 3, 'stop'] });
    expect(stopped.code).toBe(0);
    const shown = stopped.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('two or three are enough for one day');
    expect(stopped.stdout).not.toContain('go on with the');
    expect(stopped.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine, from 2026-11-22 11:00\n/);
  });

  it('still suggests it after fewer strength drills', async () => {
    const two = await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 5, 'done', 4, 'stop'] });
    expect(two.stdout).toMatch(/\n {2}itb session strength {2,}go on with the 7 drills left, later today\n/);
  });

  it('still suggests it after three strength drills when a drill that is not strength work is left', async () => {
    // A rehab routine of three strength drills, then a stretch.
    for (const id of ['bridges', 'single-leg-bridges', 'clamshells', 'hip-flexor-stretch']) {
      expect((await run(['buckets', 'move', id, 'rehab'], { home, now: morning })).code).toBe(0);
    }
    const rehab = await run(['session', 'rehab', ...flags], { home, tty: true, now: later, answers: [5, 'done', 4, 'done', 3, 'done', 2, 'stop'] });
    expect(rehab.code).toBe(0);
    expect(rehab.stdout).toMatch(/\n {2}itb session rehab {2,}go on with the one drill left, later today/);
  });
});

describe('the closing screen of a built-in routine stopped part way', () => {
  it('lists `itb session rehab` once, as going on with the drills left', async () => {
    for (const id of ['lateral-ankle-tilts', 'pelvis-tucks-tilts', 'hip-flexor-stretch']) {
      expect((await run(['buckets', 'move', id, 'rehab'], { home, now: morning })).code).toBe(0);
    }
    const stopped = await run(['session', 'rehab', ...flags], { home, tty: true, now: morning, answers: [5, 'done', 4, 'stop'] });
    expect(stopped.code).toBe(0);
    const next = stopped.stdout.slice(stopped.stdout.indexOf('\nNext:'));
    expect(next.match(/itb session rehab/g)).toHaveLength(1);
    expect(next).toMatch(/\n {2}itb session rehab {2,}go on with the 2 drills left, later today\n/);
  });

  it('lists `itb session retest` once, as going on with the drills left', async () => {
    // Two drills set aside on the first, due for their re-test fifteen days on.
    await run(['session', 'joint-chain', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 6, 'done', 6, 'done', 6, 'done', 6, 'stop'] });
    const due = new Date('2026-12-05T14:30:00.000Z');
    const stopped = await run(['session', 'retest', ...flags], { home, tty: true, now: due, answers: [5, 'done', 4, 'stop'] });
    expect(stopped.code).toBe(0);
    const next = stopped.stdout.slice(stopped.stdout.indexOf('\nNext:'));
    expect(next.match(/itb session retest/g)).toHaveLength(1);
    expect(next).toMatch(/\n {2}itb session retest {2,}go on with the one drill left, later today\n/);
  });
});

describe('the closing screen of another routine after one left part way today', () => {
  it('offers a rehab routine of strength drills left part way today at once, as itb buckets does', async () => {
    for (const id of ['bridges', 'clamshells']) expect((await run(['buckets', 'move', id, 'rehab'], { home, now: morning })).code).toBe(0);
    const rehab = await run(['session', 'rehab', ...flags], { home, tty: true, now: morning, answers: [5, 'done', 4, 'stop'] });
    expect(rehab.stdout).toMatch(/\n {2}itb session rehab {2,}go on with the one drill left, later today\n/);
    // An hour later, a routine with no strength drills, every drill skipped.
    const other = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [5, 'skip', 'skip', 'skip', 'skip', 'skip'] });
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine\n/);
    expect((await run(['buckets'], { home, now: later })).stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine$/m);
  });
});

describe('going on with a routine left part way today', () => {
  it('does not list a drill set aside in the part done earlier as left out today', async () => {
    // The ankle tilts helped, the knee circles did not (twice), then the session was stopped.
    await run(['session', 'joint-chain', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 4, 'done', 4, 'done', 4, 'stop'] });
    const goingOn = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [true, 5, 'stop'] });
    expect(goingOn.code).toBe(0);
    expect(goingOn.stdout).toContain('Joint chain, feet upward · 3 drills');
    expect(goingOn.stdout).not.toContain('Left out today');
    // Started afresh instead, it is left out, as set aside for now.
    const afresh = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [false, 5, 'stop'] });
    expect(afresh.stdout.replace(/\s+/g, ' ')).toContain('Left out today, as set aside for now: · Forward 45° lunge knee circles: re-test from 2026-12-04');
  });

  it('started afresh instead, gives the 48-hour advice without offering to go on', async () => {
    await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 5, 'done', 4, 'stop'] });
    const afresh = await run(['session', 'strength', ...flags], { home, tty: true, now: later, answers: [false, false] });
    const shown = afresh.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('Your last strength (loading) session was 1 hour ago.');
    expect(shown).not.toContain('can go on later today');
    // The advice ends where it did before the offer to go on was added, word for word.
    expect(shown).toContain('your next one from 2026-11-22 11:00. Drills that are not strength work need no such wait. No new session was started; your earlier ones are kept as they were.');
    expect(afresh.prompter.asked.at(-1)).toMatchObject({ kind: 'confirm', message: 'Do the strength drills today anyway?' });
  });
});
