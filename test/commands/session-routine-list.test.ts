// The routines a session offers: the rehab and re-test routines, routines whose drills are all set aside, and the library they come from.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectBuckets } from '../../src/core/projection.js';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, saveSessions, screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C } from '../helpers/scripted.js';
import { libraryFile } from '../helpers/libraries.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

/** A store where earlier sessions ran: the safety screen passed before the first, buckets as saved. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb session', () => {
  it('lists the re-test routine with how many drills are due, after the rehab routine', async () => {
    // Set aside three weeks ago, due now; bridges helped.
    const setAside = buildSession({ startedAt: '2026-10-30T12:00:00.000Z', routine: 'joint-chain', baseline: 4, drills: [{ id: 'lunge-knee-circles', scores: [4, 4] }, { id: 'bridges', scores: [3] }] });
    await afterSessions(setAside);
    const result = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-20T15:00:00.000Z'), answers: [CTRL_C] });
    expect(result.code).toBe(130);
    expect(result.prompter.asked[0]!.choiceNames!.slice(0, 2)).toEqual(['Your rehab routine (1 drill)', 'Re-test drills set aside earlier (1 due)']);
  });

  it('offers no routine first when the last one cannot run today', async () => {
    await afterSessions(buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'balance', baseline: 5 }));
    await setAsideBalance();
    const result = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), answers: ['mobility', 5, 'stop'] });
    expect(result.prompter.asked[0]).toMatchObject({ message: 'Which routine?', default: undefined });
  });

  it('offers the rehab and re-test routines when they have drills, and runs them', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({
      startedAt: '2026-11-01T09:00:00.000Z',
      routine: 'joint-chain',
      side: 'left',
      baseline: 6,
      drills: [
        { id: 'rehab-hip-circles', scores: [4] },
        { id: 'lateral-ankle-tilts', scores: [3] },
        { id: 'lunge-knee-circles', scores: [4, 5] },
      ],
    });
    await afterSessions(past);
    const result = await run(['session', ...flags], { home, tty: true, now, answers: ['rehab', 5, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    const routineQuestion = result.prompter.asked[0]!;
    expect(routineQuestion.choices?.slice(0, 2)).toEqual(['rehab', 'retest']);
    // Rehab runs in routine order: the ankle comes before the hip in the joint chain.
    expect(result.stdout).toMatch(/Exercise 1 of 2 · ankle\s+Lateral ankle tilts/);
    // With the cues of the routine its drills come from.
    expect(result.stdout).toMatch(/Your rehab routine · 2 drills\n.*\n\nKeep in mind:\n  · Grow tall[^]*Don't push into pain/);
    expect(stored().sessions[1]).toMatchObject({ routine: 'rehab', results: [expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', outcome: 'rehab' })] });
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Better: pain 5 → 4. Lateral ankle tilts stays in your rehab bucket.');
    // Helped again, the drill stays in the rehab bucket: no change to show.
    expect(result.stdout).not.toContain('Bucket changes');

    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [5, 'done', 3] });
    expect(retest.code).toBe(0);
    expect(retest.stdout).toMatch(/Forward 45° lunge knee circles/);
    // One drill due, named as one, with the symptom being rated.
    expect(retest.stdout).toMatch(/Keep in mind:\n  · This drill was set aside before\. Start gently, with a smaller range, and\n    stop at once if your pain rises\.[^]*Don't push into pain/);
    // Set aside without a flare-up: nothing more at the drill.
    expect(retest.stdout).not.toContain('back today for its re-test');
    expect(stored().buckets.find((b) => b.exerciseId === 'lunge-knee-circles')?.bucket).toBe('rehab');
  });

  /** Both drills of the balance routine set aside by hand the day before. */
  const setAsideBalance = () =>
    Store.open({ ITB_HOME: home }).update((data) => {
      for (const id of ['single-leg-stand', 'single-leg-stand-foam-pad']) data.moves.push({ exerciseId: id, bucket: 'avoid', at: '2026-11-19T08:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });

  it('refuses, before any question, a routine whose every drill is set aside for now', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    await setAsideBalance();
    const result = await run(['session', 'balance', ...flags], { home, tty: true, now, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/every drill of the Single-leg balance routine is set aside for now/);
    expect(result.stderr).toMatch(/itb buckets/);
    expect(result.prompter.asked).toEqual([]);
  });

  it('shows such a routine in the list greyed out, so it cannot be picked', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    await setAsideBalance();
    const result = await run(['session', ...flags], { home, tty: true, now, answers: [...screenClear, 'mobility', 5, 'stop'] });
    expect(result.code).toBe(0);
    const routines = result.prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    // Greyed out until the first of them is due for a re-test (14 days after the moves).
    expect(routines.disabled).toEqual({ balance: '(both drills are set aside; re-test from 2026-12-03)' });
    expect(routines.choiceNames).toContain('Single-leg balance');
    expect(routines.choiceNames).toContain('Mobility and stretching (8 drills)');
  });

  it('names the earliest re-test day of a routine set aside on different days, in its list and for the re-test routine', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.moves.push({ exerciseId: 'single-leg-stand', bucket: 'avoid', at: '2026-11-19T08:00:00.000Z' });
      data.moves.push({ exerciseId: 'single-leg-stand-foam-pad', bucket: 'avoid', at: '2026-11-17T08:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const result = await run(['session', ...flags], { home, tty: true, now, answers: [...screenClear, 'mobility', 5, 'stop'] });
    const routines = result.prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    expect(routines.disabled).toEqual({ balance: '(both drills are set aside; re-test from 2026-12-01)' });
    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [] });
    expect(retest.stderr).toContain('The first is due on 2026-12-01;');
  });

  it('says so when a built-in routine is empty, and when the first re-test comes', async () => {
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rehab bucket is empty/);
    const nothingAside = await run(['session', 'retest', ...flags], { home, tty: true, answers: [] });
    expect(nothingAside.stderr).toContain('error: no drill set aside for now is due for a re-test yet\nNothing is set aside for now.\n');
    await setAsideBalance();
    const notYet = await run(['session', 'retest', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), answers: [] });
    expect(notYet.code).toBe(2);
    expect(notYet.stderr).toContain('The first is due on 2026-12-03; `itb buckets` shows every re-test date.');
  });

  it('does not ask for a first session when the rehab bucket has emptied over weeks of them, and names the re-tests due', async () => {
    // Weeks of sessions: the ankle tilts helped, then were set aside when they no longer did.
    await afterSessions(
      buildSession({ startedAt: '2026-10-01T09:00:00.000Z', routine: 'joint-chain', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [3] }, { id: 'lunge-knee-circles', scores: [3, 3] }] }),
      buildSession({ startedAt: '2026-11-15T09:00:00.000Z', routine: 'rehab', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [5, 5] }] }),
    );
    const now = new Date('2026-11-20T10:00:00.000Z');
    const emptied = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(emptied.code).toBe(2);
    expect(emptied.stderr).not.toContain('first');
    expect(emptied.stderr.replace(/\s+/g, ' ')).toContain(
      // The sessions given keep the side, symptom and movement typed, which spare the setup questions.
      "error: your rehab bucket is empty now, so there is no rehab routine to run 1 drill set aside for now is due for a re-test: `itb session retest --side left --symptom pain --movement 'single-leg squat' --no-timer`. Or test other drills from a routine: `itb session joint-chain --side left --symptom pain --movement 'single-leg squat' --no-timer`.",
    );
    // Re-tested today and set aside again: nothing is due until the earliest re-test date.
    await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    const waiting = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(waiting.stderr.replace(/\s+/g, ' ')).toContain('Every drill in your buckets is set aside for now; `itb buckets` shows when each is due for a re-test.');
  });

  it('names a routine of the library in use, and says when the rehab drills are from another library', async () => {
    const good = libraryFile('good.yaml');
    const empty = await run(['--data', good, 'session', 'rehab', ...flags], { home, tty: true, answers: [] });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('error: your rehab bucket is empty, so there is no rehab routine yet\nRun a session with a routine first:');
    // The routine with the library it is in: the built-in one has no such routine.
    expect(empty.stderr.replace(/\s+/g, ' ')).toContain(`Run a session with a routine first: \`itb --data ${good} session clinic-plan --side left --symptom pain --movement 'single-leg squat' --no-timer\`.`);
    await Store.open({ ITB_HOME: home }).update((data) => {
      for (const id of ['clamshells', 'bridges']) data.moves.push({ exerciseId: id, bucket: 'rehab', at: '2026-11-19T08:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const elsewhere = await run(['--data', good, 'session', 'rehab', ...flags], { home, tty: true, answers: [] });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('error: the 2 drills in your rehab bucket are not in this exercise library\n');
    // Nor does a session with this library suggest the rehab routine next: it would refuse so.
    const session = await run(['--data', good, 'session', 'clinic-plan', ...flags], { home, tty: true, answers: [...screenClear, 5, 'skip', 'skip'] });
    expect(session.code).toBe(0);
    const next = session.stdout.slice(session.stdout.indexOf('\nNext:'));
    expect(next).toContain(`itb --data ${good} buckets`);
    expect(next).not.toContain('session rehab');
    // Drills set aside from the built-in library have no re-test date in this one, yet are set aside.
    await Store.open({ ITB_HOME: home }).update((data) => {
      for (const id of ['clamshells', 'bridges']) data.moves.push({ exerciseId: id, bucket: 'avoid', at: '2026-11-19T09:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const retest = await run(['--data', good, 'session', 'retest', ...flags], { home, tty: true, answers: [] });
    expect(retest.code).toBe(2);
    expect(retest.stderr).not.toContain('Nothing is set aside for now.');
    expect(retest.stderr.replace(/\s+/g, ' ')).toContain(
      'The 2 drills set aside for now are not in this exercise library. If you still want them re-tested, the library file that has them re-tests them (--data, or ITB_DATA).',
    );
  });

  it('says a library of drills without routines has no routine to run, rather than that its drills are set aside', async () => {
    const good = libraryFile('good.yaml');
    const drillsOnly = join(home, 'drills-only.yaml');
    writeFileSync(drillsOnly, readFileSync(good, 'utf8').replace(/^routines:[\s\S]*$/m, ''));
    // Before the safety questions, and without a terminal too: answering them would be for nothing.
    const result = await run(['--data', drillsOnly, 'session', ...flags], { home, tty: false, answers: [] });
    expect(result.code).toBe(2);
    expect(result.prompter.asked).toEqual([]);
    expect(result.stderr).not.toContain('set aside');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(
      'error: this exercise library has no routines, so a session has none to run Add one under "routines:" in the library file: ' +
        `an id, a name, a description and the ids of its exercises, in order. \`itb --data ${drillsOnly} exercises\` lists the drills it has.`,
    );
  });
});
