// What a session says at a drill of its bucket: set aside and back for its re-test, already in rehab, or tested on another side or symptom.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retestDueAt } from '../../src/core/buckets.js';
import { localDate } from '../../src/core/history.js';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, saveSessions, screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

/** A store where earlier sessions ran: the safety screen passed before the first, buckets as saved. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb session', () => {
  it('says when a drill set aside is offered again as the re-test setting has it', async () => {
    await run(['settings', 'retestAfterDays', '7'], { home });
    const now = new Date('2026-11-20T12:00:00.000Z');
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [...screenClear, 5, 'done', 5, 'done', 5, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(`It is not wrong for you forever: it will be offered again from ${localDate(retestDueAt(now.toISOString(), 7))}.`);
    expect(localDate(retestDueAt(now.toISOString(), 7))).toBe('2026-11-27');
  });

  it('says at a drill back for its re-test in an ordinary routine that it was set aside, after a flare-up too, and to start gently', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 3, drills: [{ id: 'lunge-knee-circles', scores: [3, 3] }, { id: 'rehab-hip-circles', scores: [7] }] });
    await afterSessions(past);
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    const card = (name: string) => shown.slice(shown.indexOf(name), shown.indexOf('Exercise', shown.indexOf(name)));
    expect(card('Forward 45° lunge knee circles')).toContain('Set aside earlier, back today for its re-test: start gently, with a smaller range, and stop at once if your pain rises.');
    expect(card('Rehab hip circles')).toContain('Set aside after a flare-up, back today for its re-test: start gently');
    expect(card('Lateral ankle tilts')).not.toContain('Set aside');
  });

  it('says where a drill skipped or left unfinished stays in plain words: untested, in the rehab bucket, or set aside', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // The ankle tilts helped, the knee circles did not and are back for their re-test; the rest are untested.
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [4, 4] }] });
    await afterSessions(past);
    // All three skipped, then the pelvis tucks do not help on their first try, and Ctrl-C comes before their retry.
    const skipped = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'skip', 'done', 5, CTRL_C] });
    expect(skipped.code).toBe(130);
    const said = skipped.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('Skipped Lateral ankle tilts. It stays in your rehab bucket.');
    // Set aside by a session, not by hand: skipped for want of a band or room, nothing more to say.
    expect(said).toContain('Skipped Forward 45° lunge knee circles. It stays set aside for now. Exercise 3');
    expect(said).toContain('Skipped Rehab hip circles. It stays untested.');
    expect(skipped.stdout + skipped.stderr).not.toContain('bucket stays as it was');
    expect(skipped.stderr.replace(/\s+/g, ' ')).toContain('The drill you had not finished stays untested.');
    // Started afresh, and stopped before the retry of a drill in the rehab bucket: the summary says it is still there.
    const stopped = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [false, 5, 'done', 5, 'stop'] });
    expect(stopped.stdout).toMatch(/ {2}Lateral ankle tilts +5 → 5 +unfinished: still in rehab\n/);
  });

  it('says once, at the first try of a drill back for its re-test, that it was set aside: its retry card does not repeat it', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 3, drills: [{ id: 'lunge-knee-circles', scores: [3, 3] }] });
    await afterSessions(past);
    // The knee circles do not help on their first try: the retry card comes, then the next drill's.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'done', 5, 'done', 5, 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('Set aside earlier, back today for its re-test: start gently');
    expect(shown.match(/Set aside earlier/g)).toHaveLength(1);
  });

  it('says at a drill in a bucket from a test on another painful side which side that was, in the re-test routine too', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // The right side hurt three weeks ago: the ankle tilts helped it, the knee circles did not.
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'right', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [4, 4] }] });
    await afterSessions(past);
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'stop'] });
    const shown = result.stdout.replace(/\s+/g, ' ');
    const card = (name: string) => shown.slice(shown.indexOf(name), shown.indexOf('Exercise', shown.indexOf(name)));
    const local = (iso: string) => localDate(new Date(iso));
    expect(card('Lateral ankle tilts')).toContain(
      `Already in your rehab bucket (it last helped on ${local(past.results[0]!.at)}), from a test when your right side hurt (today: your left side): test it again,`,
    );
    expect(card('Forward 45° lunge knee circles')).toContain('Set aside earlier, from a test when your right side hurt (today: your left side), back today for its re-test: start gently');
    // The re-test routine says at the drill only what its start does not: here, the side.
    const retest = await run(['session', 'retest', '--side', 'both', '--symptom', 'pain', '--movement', 'single-leg squat', '--no-timer'], { home, tty: true, now, answers: ['left', 5, 'stop'] });
    // With both sides painful the squat is on one leg, chosen, which that test did not name.
    expect(retest.stdout.replace(/\s+/g, ' ')).toContain(
      'Set aside earlier, from a test during single-leg squat when your right side hurt (today: during single-leg squat on the left leg, both sides), back today',
    );
    // On the same side as that test, nothing about sides is said.
    const same = await run(['session', 'retest', '--side', 'right', '--symptom', 'pain', '--movement', 'single-leg squat', '--no-timer'], { home, tty: true, now, answers: [5, 'stop'] });
    expect(same.stdout).not.toContain('from a test when');
  });

  it('says at a drill in a bucket from a test of another symptom or test movement which one that was, as it says a side', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Tightness during walking three weeks ago, on today's side: the ankle tilts helped, the knee circles did not.
    const past = buildSession({
      startedAt: '2026-11-01T09:00:00.000Z',
      routine: 'joint-chain',
      side: 'left',
      symptom: 'tightness',
      movement: 'Walking',
      baseline: 5,
      drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [4, 4] }],
    });
    await afterSessions(past);
    const local = (iso: string) => localDate(new Date(iso));
    const helped = `Already in your rehab bucket (it last helped on ${local(past.results[0]!.at)})`;
    // Each on a day of its own, so that none goes on from a routine left part way that day.
    let day = 0;
    const said = async (side: string, symptom: string, movement: string, routine = 'joint-chain') => {
      const on = new Date(now.getTime() + day++ * 86_400_000);
      const result = await run(['session', routine, '--side', side, '--symptom', symptom, '--movement', movement, '--no-timer'], { home, tty: true, now: on, answers: [5, 'skip', 'skip', 'stop'] });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout.replace(/\s+/g, ' ');
    };
    // Pain during a single-leg squat today: both differ.
    const both = await said('left', 'pain', 'single-leg squat');
    expect(both).toContain(`${helped}, from a test rating your tightness during walking (today: your pain during single-leg squat): test it again,`);
    expect(both).toContain('Set aside earlier, from a test rating your tightness during walking (today: your pain during single-leg squat), back today for its re-test');
    // Only the symptom differs, or only the movement: that one alone is named.
    expect(await said('left', 'pain', 'walking')).toContain(`${helped}, from a test rating your tightness (today: your pain): test it again,`);
    expect(await said('left', 'tightness', 'single-leg squat')).toContain(`${helped}, from a test during walking (today: during single-leg squat): test it again,`);
    // With the side too, each that differs.
    expect(await said('right', 'pain', 'walking')).toContain(`${helped}, from a test rating your tightness when your left side hurt (today: your pain, your right side): test it again,`);
    // The same test as today ("Walking" typed then, "walking " now): nothing about it is said.
    expect(await said('left', 'tightness', 'walking ')).not.toContain('from a test');
    // The rehab and re-test routines, made of such drills, say it too: only of those.
    expect(await said('left', 'pain', 'walking', 'rehab')).toContain(`${helped}, from a test rating your tightness (today: your pain): test it again`);
    expect(await said('left', 'pain', 'walking', 'retest')).toContain('Set aside earlier, from a test rating your tightness (today: your pain), back today for its re-test');
  });

  it('names no painful side at a drill moved by hand after a test on another side: the move was the person\'s choice, not that test', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // The right side hurt: the knee circles did not help, then went to the rehab bucket by hand.
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'right', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores: [5, 5] }] });
    await afterSessions(past);
    await run(['buckets', 'move', 'lunge-knee-circles', 'rehab'], { home, now: new Date('2026-11-12T09:00:00.000Z') });
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain(`Already in your rehab bucket, by your choice since ${localDate(new Date('2026-11-12T09:00:00.000Z'))}: test it again,`);
    expect(shown).not.toContain('from a test when');
  });

  it('says at a drill already in the rehab bucket since when, so that a long routine can be done a few new drills a day', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    await afterSessions(past);
    await run(['buckets', 'move', 'rehab-hip-circles', 'rehab'], { home, now: new Date('2026-11-12T09:00:00.000Z') });
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    const card = (name: string) => shown.slice(shown.indexOf(name), shown.indexOf('Exercise', shown.indexOf(name)));
    const local = (iso: string) => localDate(new Date(iso));
    expect(card('Lateral ankle tilts')).toContain(`Already in your rehab bucket (it last helped on ${local('2026-11-10T09:00:00.000Z')}): test it again, or skip it to get on to the drills you have not tested yet.`);
    expect(card('Rehab hip circles')).toContain(`Already in your rehab bucket, by your choice since ${local('2026-11-12T09:00:00.000Z')}:`);
    expect(card('Forward 45° lunge knee circles')).not.toContain('Already in');
    // Skipped to get on to the others, it stays there: the choice says so, not "I cannot do it now".
    const skipChoices = (asked: typeof result.prompter.asked) =>
      asked.filter((q) => q.message === 'When you have done the drill:').map((q) => q.choiceNames?.find((name) => name.startsWith('Skip')));
    const cannot = 'Skip this drill (I cannot do it now)';
    const stays = 'Skip this drill (it stays in your rehab bucket)';
    expect(skipChoices(result.prompter.asked)).toEqual([stays, cannot, stays, cannot]);
    // The rehab routine is made of them: nothing to say there.
    const rehab = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'skip', 'stop'] });
    expect(rehab.stdout).toContain('Lateral ankle tilts');
    expect(rehab.stdout).not.toContain('Already in');
    expect(skipChoices(rehab.prompter.asked)).toEqual([cannot, cannot]);
    // Unless a test when another side hurt put the drill there: what helped one side need not help the other.
    const otherSide = await run(['session', 'rehab', '--side', 'right', '--symptom', 'pain', '--movement', 'single-leg squat'], { home, tty: true, now, answers: [5, 'skip', 'stop'] });
    const said = otherSide.stdout.replace(/\s+/g, ' ');
    expect(said).toContain(`Already in your rehab bucket (it last helped on ${local('2026-11-10T09:00:00.000Z')}), from a test when your left side hurt (today: your right side): test it again to check it still helps, or skip it.`);
    // Moved there by hand, it was no test on either side.
    expect(said.match(/Already in/g)).toHaveLength(1);
    expect(skipChoices(otherSide.prompter.asked)).toEqual([cannot, cannot]);
  });

  it('says the note given with a move to rehab at the drill, in any routine and in the rehab routine too', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const moved = new Date('2026-11-12T09:00:00.000Z');
    await run(['buckets', 'move', 'rehab-hip-circles', 'rehab', '--note', 'PT: smaller circles'], { home, now: moved });
    const shown = async (routine: string, screen: Answer[] = []) => {
      const result = await run(['session', routine, ...flags], { home, tty: true, now, answers: [...screen, 5, 'skip', 'skip', 'stop'] });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout.replace(/\s+/g, ' ');
    };
    const words = `Already in your rehab bucket, by your choice since ${localDate(moved)} (your note: PT: smaller circles): test it again`;
    expect(await shown('joint-chain', screenClear)).toContain(words);
    // The rehab routine says nothing of a drill moved there without a note (see above): with one, it says it.
    expect(await shown('rehab')).toContain(words);
  });

  it('says a drill is already in the rehab bucket at its first try only, not again on its retry card', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    await afterSessions(past);
    // Tested again, the ankle tilts do not help on their first try, then do on their retry.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown.match(/Already in your rehab bucket/g)).toHaveLength(1);
  });

  it('does not tell a drill already in the rehab bucket to skip on to untested drills when none come after it', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Every drill of the warm-up tested: two helped, the one between them is back for its re-test.
    const past = buildSession({
      startedAt: '2026-11-01T09:00:00.000Z',
      routine: 'warm-up',
      baseline: 6,
      drills: [{ id: 'leg-swings', scores: [4] }, { id: 'ankle-mobilisations', scores: [4, 4] }, { id: 'glute-activation', scores: [3] }],
    });
    await afterSessions(past);
    const result = await run(['session', 'warm-up', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'skip'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    const card = (name: string) => shown.slice(shown.indexOf(name), shown.indexOf('When you have done', shown.indexOf(name)));
    expect(card('Leg swings')).toContain('Already in your rehab bucket (it last helped on');
    expect(card('Leg swings')).toContain(': test it again to check it still helps, or skip it.');
    expect(card('Glute activation')).toContain(': test it again to check it still helps, or skip it.');
    expect(shown).not.toContain('drills you have not tested yet');
  });

  it('does not count untested drills before a drill already in the rehab bucket as ones to skip on to', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Only the last drill of the joint chain tested, and it helped: the four before it, skipped today, stay untested.
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 6, drills: [{ id: 'opposite-scapular-camshafts', scores: [4] }] });
    await afterSessions(past);
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('Already in your rehab bucket (it last helped on');
    expect(shown).toContain(': test it again to check it still helps, or skip it.');
    expect(shown).not.toContain('drills you have not tested yet');
  });

  it('shows a re-test that clears a flare-up as a bucket change, even when the drill stays set aside', async () => {
    const flared = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 4, drills: [{ id: 'rehab-hip-circles', scores: [7] }] });
    await afterSessions(flared);
    const now = new Date('2026-11-20T10:00:00.000Z');
    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    // The re-test routine names the flare-up at the drill, beside what it says of them all.
    expect(retest.stdout.replace(/\s+/g, ' ')).toContain('Set aside after a flare-up, back today for its re-test: start gently');
    expect(retest.code).toBe(0);
    expect(retest.stdout).toContain('Bucket changes\n  Rehab hip circles: avoid for now (flare-up) → avoid for now\n');
  });

  it("shows a drill set aside by the person's choice, with its note, when it is back for its re-test", async () => {
    await afterSessions(buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', baseline: 4, drills: [{ id: 'lateral-ankle-tilts', scores: [2] }] }));
    const moved = await run(['buckets', 'move', 'lateral-ankle-tilts', 'avoid', '--note', 'therapist: hold off until clamshells are easy'], { home, now: new Date('2026-11-02T09:00:00.000Z') });
    expect(moved.code).toBe(0);
    const now = new Date('2026-11-20T10:00:00.000Z');
    for (const routine of ['retest', 'joint-chain']) {
      const result = await run(['session', routine, ...flags], { home, tty: true, now, answers: [5, 'skip', 'stop'] });
      expect(result.code).toBe(0);
      expect(result.stdout.replace(/\s+/g, ' ')).toContain(
        'Set aside by your choice on 2026-11-02 (your note: therapist: hold off until clamshells are easy), back today for its re-test: if your reason still holds, skip it; otherwise start gently',
      );
      // Skipping it keeps it set aside, as the note asks, not for want of a band or room.
      const drill = result.prompter.asked.find((asked) => asked.message === 'When you have done the drill:')!;
      expect(drill.choiceNames).toContain('Skip this drill (it stays set aside for now)');
      // Still due, it would be offered at every session: how to set it aside again is said.
      expect(result.stdout.replace(/\s+/g, ' ')).toContain(
        'Skipped Lateral ankle tilts. It stays set aside for now. It is still due, so sessions will offer it again; ' +
          'if your reason still holds, `itb buckets move lateral-ankle-tilts avoid` sets it aside again from today, with your note.',
      );
    }
    // Skipped: it stays where the person put it.
    expect(stored().buckets.find((b) => b.exerciseId === 'lateral-ankle-tilts')).toMatchObject({ bucket: 'avoid', source: 'manual' });
  });

  it('names a drill left out as set aside with its re-test date after a colon, so that a name ending in brackets reads well', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const earlier = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'hip-rotation', side: 'left', baseline: 4, drills: [{ id: 'hip-range-exploration', scores: [4, 4] }] });
    await afterSessions(earlier);
    const result = await run(['session', 'hip-rotation', ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    const due = localDate(retestDueAt(earlier.results[0]!.at, 14));
    expect(result.stdout).toContain(`Left out today, as set aside for now:\n  · Hip range exploration (knee drops): re-test from ${due}\n`);
  });

  it('says of a drill left out as set aside by a test while another side hurt which side that was', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const right = buildSession({
      startedAt: '2026-11-19T09:00:00.000Z',
      routine: 'joint-chain',
      side: 'right',
      baseline: 4,
      drills: [{ id: 'lunge-knee-circles', scores: [4, 4] }, { id: 'rehab-hip-circles', scores: [7] }],
    });
    await afterSessions(right);
    const due = (result: number) => localDate(retestDueAt(right.results[result]!.at, 14));
    // Today the left side hurts (the flags' side): neither drill has been tried with it.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(
      `Left out today, as set aside for now: · Forward 45° lunge knee circles: set aside when your right side hurt; re-test from ${due(0)} · Rehab hip circles: after a flare-up when your right side hurt; re-test from ${due(1)} `,
    );
    // With the right side painful again, as when they were set aside, there is nothing to add.
    const same = await run(['session', 'joint-chain', '--side', 'right', ...flags.slice(2)], { home, tty: true, now, answers: [5, 'stop'] });
    expect(same.stdout.replace(/\s+/g, ' ')).toContain(`· Forward 45° lunge knee circles: re-test from ${due(0)} · Rehab hip circles: after a flare-up; re-test from ${due(1)} `);
  });

  it('leaves drills set aside for now out of a routine until their re-test date, and says so', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const flared = buildSession({
      startedAt: '2026-11-19T09:00:00.000Z',
      routine: 'joint-chain',
      side: 'left',
      baseline: 4,
      drills: [{ id: 'lateral-ankle-tilts', scores: [3] }, { id: 'lunge-knee-circles', scores: [3, 3] }, { id: 'rehab-hip-circles', scores: [7] }],
    });
    await afterSessions(flared);
    const due = localDate(retestDueAt(flared.results[2]!.at, 14));
    const result = await run(['session', ...flags], { home, tty: true, now, answers: ['joint-chain', 5, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    const choices = result.prompter.asked[0]!.choiceNames!;
    expect(choices).toContain('Your rehab routine (1 drill)');
    expect(choices).toContain('Joint chain, feet upward (3 drills, plus 2 set aside for now)');
    expect(choices).toContain('Hip rotation (4 drills)');
    expect(result.stdout).toContain('Joint chain, feet upward · 3 drills');
    expect(result.stdout).toContain(`Left out today, as set aside for now:\n  · Forward 45° lunge knee circles: re-test from ${localDate(retestDueAt(flared.results[1]!.at, 14))}\n  · Rehab hip circles: after a flare-up; re-test from ${due}\n`);
    expect(result.stdout).not.toMatch(/Exercise \d of \d · (knee|hip)/);
    expect(stored().sessions[1]!.results.map((r) => r.exerciseId)).toEqual(['lateral-ankle-tilts']);

    // From the re-test date on, the routine offers them again.
    const later = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: new Date(`${due}T12:00:00`), answers: [5, 'skip', 'skip', 'skip', 'stop'] });
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('Joint chain, feet upward · 5 drills');
    expect(later.stdout).not.toContain('Left out today');
    expect(later.stdout).toMatch(/Exercise 3 of 5 · hip\s+Rehab hip circles/);
  });
});
