// The advice a session gives: a clinician's look after weeks of high scores, the record of a drill it sets aside, and scores too low or high to judge by.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, saveSessions, screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { type Answer } from '../helpers/scripted.js';
import { onTerminal } from '../helpers/terminal.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

/** A store where earlier sessions ran: the safety screen passed before the first, buckets as saved. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb session', () => {
  it('advises seeing a clinician at the start, after three flat weeks', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const flat = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6 }));
    await afterSessions(...flat);
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [6, 'stop'] });
    expect(result.code).toBe(0);
    const start = result.stdout.slice(0, result.stdout.indexOf('Mobility and stretching ·'));
    expect(start).toMatch(/physical\s+therapist\s+or\s+doctor/);
  });

  it('says again at the end, above what to run next, that scores kept up for weeks deserve a clinician\'s look', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const flat = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6, side: 'left' }));
    await afterSessions(...flat);
    // Today's drill lowers the score 6 → 4: the session reads as a good one.
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [6, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    const end = result.stdout.slice(result.stdout.indexOf('Session summary')).replace(/\s+/g, ' ');
    expect(end).toContain('pain during single-leg squat: 6 → 4');
    const advice = end.indexOf('You have rated your pain during single-leg squat in each of 3 weeks in a row');
    expect(advice).toBeGreaterThan(end.indexOf('6 → 4 (baseline → final)'));
    expect(end.indexOf('deserve a look from a physical therapist or doctor')).toBeGreaterThan(advice);
    expect(end.indexOf('Next:')).toBeGreaterThan(advice);
  });

  it('says it first at the end when today’s score is the one that makes three weeks, and not at the end once it has come down', async () => {
    // Monday 2026-02-09, Wednesday 2026-02-11, then Wednesday and Saturday of the week after: two
    // Monday-to-Sunday weeks before today, Monday 2026-02-23, two weeks after the first score.
    const flat = ['2026-02-09T15:00:00Z', '2026-02-11T15:00:00Z', '2026-02-18T15:00:00Z', '2026-02-21T15:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6 }));
    await afterSessions(...flat);
    const kept = 'You have rated your pain during single-leg squat in each of 3 weeks in a row';
    const first = await run(['session', 'mobility', ...flags], { home, tty: true, now: new Date('2026-02-23T15:00:00Z'), answers: [6, 'stop'] });
    const at = first.stdout.indexOf('Session summary');
    expect(first.stdout.slice(0, at)).not.toMatch(/physical\s+therapist\s+or\s+doctor/);
    expect(first.stdout.slice(at).replace(/\s+/g, ' ')).toContain(kept);
    // Wednesday, scored 2: said at the start, gone by the end (a mean of 4 this week, 2 below the first week's 6).
    const fell = await run(['session', 'mobility', ...flags], { home, tty: true, now: new Date('2026-02-25T15:00:00Z'), answers: [2, 'stop'] });
    const end = fell.stdout.indexOf('Session summary');
    expect(fell.stdout.slice(0, end).replace(/\s+/g, ' ')).toContain(kept);
    expect(fell.stdout.slice(end)).not.toMatch(/physical\s+therapist\s+or\s+doctor/);
  });

  it('says nothing of it at the end when no symptom kept up', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const falling = [['2026-02-10T09:00:00Z', 7], ['2026-02-18T09:00:00Z', 5], ['2026-02-28T09:00:00Z', 3]] as const;
    await afterSessions(...falling.map(([startedAt, baseline]) => buildSession({ startedAt, baseline, side: 'left' })));
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [3, 'done', 2, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout.slice(result.stdout.indexOf('Session summary'))).not.toContain('physical therapist or doctor');
  });

  it('says, when a session sets aside a drill put in rehab by hand, the move and its note, with the command that puts it back', async () => {
    const tried = buildSession({ startedAt: '2026-03-01T12:00:00Z', routine: 'joint-chain', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores: [5, 5] }] });
    await afterSessions(tried);
    const moved = await run(['buckets', 'move', 'lunge-knee-circles', 'rehab', '--note', 'physio: smaller circles, keep it'], { home, now: new Date('2026-03-02T12:00:00Z') });
    expect(moved.code).toBe(0);
    const now = new Date('2026-03-03T12:00:00Z');
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(result.code).toBe(0);
    const changes = result.stdout.slice(result.stdout.indexOf('Bucket changes'), result.stdout.indexOf('Next:'));
    expect(changes.replace(/\s+/g, ' ')).toContain(
      'Forward 45° lunge knee circles: rehab → avoid for now You had moved it to rehab by hand with the note "physio: smaller circles, keep it". To keep it there all the same, as your physical therapist may advise: itb buckets move lunge-knee-circles rehab',
    );
    // The command whole on a line of its own, to copy.
    expect(changes).toContain('\n      itb buckets move lunge-knee-circles rehab\n');
    // A drill the session moved out of a bucket it had put it in itself says nothing of the kind.
    const again = await run(['session', 'retest', ...flags], { home, tty: true, now: new Date('2026-03-20T12:00:00Z'), answers: [5, 'done', 4] });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('avoid for now → rehab');
    expect(again.stdout).not.toContain('by hand');
  });

  it('says, when a session sets aside a drill that helped in most of its earlier tests, how often it helped and when it comes back', async () => {
    const tested = (day: number, scores: number[]) =>
      buildSession({ startedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`, routine: 'joint-chain', side: 'left', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores }] });
    // 15 helped of 16, the latest of them helped: it is in rehab.
    await afterSessions(tested(1, [5, 5]), ...Array.from({ length: 15 }, (_, i) => tested(i + 2, [4])));
    const now = new Date('2026-03-03T12:00:00Z');
    const narrow = await onTerminal(40, () => run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] }));
    expect(narrow.code).toBe(0);
    const changes = narrow.stdout.slice(narrow.stdout.indexOf('Bucket changes'), narrow.stdout.indexOf('Next:'));
    // The advice to see a professional comes under it: the same score on the same side for weeks,
    // from Sunday 2026-02-01 (the week of Monday 2026-01-26) to Monday 2026-02-16, then a break.
    const [changed, advice] = changes.replace(/\s+/g, ' ').split(/(?=You have rated)/);
    expect(changed).toBe(
      'Bucket changes Forward 45° lunge knee circles rehab → avoid for now It helped in 15 of its 16 earlier tests: one bad day may be down to the day, not the drill. It comes back for a re-test on 2026-03-17. ',
    );
    expect(advice).toMatch(/^You have rated your pain during single-leg squat in each of 4 weeks in a row up to 2026-02-16, then again from 2026-03-03 after a break/);
    for (const line of narrow.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    // Its record now 15 of 17: set aside again at its re-test, it was set aside before that
    // session already, and nothing more is said.
    const again = await run(['session', 'retest', ...flags], { home, tty: true, now: new Date('2026-03-20T12:00:00Z'), answers: [5, 'done', 5, 'done', 5] });
    expect(again.stdout).not.toContain('earlier tests');
  });

  it('says the record of help from 3 tests, after a reset of the buckets, and above what a move by hand had decided', async () => {
    const tested = (day: number, scores: number[]) =>
      buildSession({ startedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`, routine: 'joint-chain', side: 'left', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores }] });
    const now = new Date('2026-03-03T12:00:00Z');
    const changesOf = (stdout: string) => stdout.slice(stdout.indexOf('Bucket changes'), stdout.indexOf('Next:')).replace(/\s+/g, ' ');
    // Helped 3 times of 3.
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]));
    const three = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(three.stdout)).toContain('rehab → avoid for now It helped in 3 of its 3 earlier tests: one bad day may be down to the day, not the drill.');
    // The buckets reset since: untested, its record still there.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]), tested(4, [4]));
    expect((await run(['buckets', 'reset', '--force'], { home, now: new Date('2026-03-02T12:00:00Z') })).code).toBe(0);
    const reset = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'done', 5, 'done', 5, 'stop'] });
    expect(changesOf(reset.stdout)).toContain('untested → avoid for now It helped in 4 of its 4 earlier tests: one bad day may be down to the day, not the drill. It comes back for a re-test on 2026-03-17.');
    // Set aside after helping 3 times, then put back in rehab by hand.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]), tested(4, [5, 5]));
    expect((await run(['buckets', 'move', 'lunge-knee-circles', 'rehab'], { home, now: new Date('2026-03-02T12:00:00Z') })).code).toBe(0);
    const moved = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(moved.stdout)).toMatch(/rehab → avoid for now It helped in 3 of its 4 earlier tests: one bad day may be down to the day, not the drill\. It comes back for a re-test on 2026-03-17\. You had moved it to rehab by hand/);
  });

  it('says, of a record of help from tests while another side hurt, that what helps one side need not help the other, not that it was a bad day', async () => {
    const tested = (day: number, side: Session['side']) =>
      buildSession({ startedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`, routine: 'joint-chain', side, baseline: 5, drills: [{ id: 'lunge-knee-circles', scores: [4] }] });
    const now = new Date('2026-03-03T12:00:00Z');
    const changesOf = (stdout: string) => stdout.slice(stdout.indexOf('Bucket changes'), stdout.indexOf('Next:')).replace(/\s+/g, ' ');
    // Helped 3 times of 3, all while the right side hurt; today the left does (the flags' side).
    await afterSessions(tested(1, 'right'), tested(2, 'right'), tested(3, 'right'));
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(result.stdout)).toContain(
      'rehab → avoid for now It helped in 3 of its 3 earlier tests, all when your right side hurt (today: your left side): what helps one side need not help the other. It comes back for a re-test on 2026-03-17.',
    );
    expect(result.stdout).not.toContain('bad day');
    // Tested while each of two other sides hurt, both are named.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, 'right'), tested(2, 'both'), tested(3, 'right'));
    const two = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(two.stdout)).toContain('all when your right side or both sides hurt (today: your left side)');
    // One of them on today's side: the record counts for today's side too, and one bad day may be the day's.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, 'right'), tested(2, 'left'), tested(3, 'right'));
    const mixed = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(mixed.stdout)).toContain('It helped in 3 of its 3 earlier tests: one bad day may be down to the day, not the drill.');
  });

  it('says nothing of a record of help that is thin or mixed, nor after a flare-up', async () => {
    const tested = (day: number, scores: number[]) =>
      buildSession({ startedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`, routine: 'joint-chain', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores }] });
    const setAside = async (answers: Answer[]) => {
      const result = await run(['session', 'rehab', ...flags], { home, tty: true, now: new Date('2026-03-03T12:00:00Z'), answers });
      expect(result.stdout).toContain('rehab → avoid for now');
      return result.stdout;
    };
    // Helped twice of twice: too few to go by.
    await afterSessions(tested(1, [4]), tested(2, [4]));
    expect(await setAside([5, 'done', 5, 'done', 5])).not.toContain('earlier tests');
    // Helped 3 times of 6: not most of them.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [5, 5]), tested(2, [5, 5]), tested(3, [5, 5]), tested(4, [4]), tested(5, [4]), tested(6, [4]));
    expect(await setAside([5, 'done', 5, 'done', 5])).not.toContain('earlier tests');
    // 3 of 3 and then a flare-up: a flare-up is not a day to shrug off.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]));
    expect(await setAside([5, 'done', 9, true, 'stop'])).not.toContain('earlier tests');
    // Helped 4 times of 5 and set aside with a flare-up: a re-test that does not help leaves it
    // set aside, as it was before the session.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]), tested(4, [4]), tested(5, [8]));
    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now: new Date('2026-03-03T12:00:00Z'), answers: [5, 'done', 5, 'done', 5] });
    expect(retest.stdout).toContain('avoid for now (flare-up) → avoid for now');
    expect(retest.stdout).not.toContain('earlier tests');
  });

  it('does not offer a drill put in rehab by hand back into it after it flared up, and says to ask the therapist first', async () => {
    const tried = buildSession({ startedAt: '2026-03-01T12:00:00Z', routine: 'joint-chain', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores: [5, 5] }] });
    await afterSessions(tried);
    await run(['buckets', 'move', 'lunge-knee-circles', 'rehab', '--note', 'physio: keep it'], { home, now: new Date('2026-03-02T12:00:00Z') });
    // 5 → 9: a flare-up at its first try.
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now: new Date('2026-03-03T12:00:00Z'), answers: [5, 'done', 9, true, 'stop'] });
    expect(result.code).toBe(0);
    const changes = result.stdout.slice(result.stdout.indexOf('Bucket changes'), result.stdout.indexOf('Next:')).replace(/\s+/g, ' ');
    expect(changes).toContain('You had moved it to rehab by hand with the note "physio: keep it". It flared up today: ask your physical therapist before you do it again.');
    expect(changes).not.toContain('buckets move');
  });

  it('names at the start every side that kept up, in one piece of advice, the higher scores first', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const on = (side: 'left' | 'right', baseline: number, hour: string) =>
      ['2026-02-10', '2026-02-18', '2026-02-28'].map((day) => buildSession({ startedAt: `${day}T${hour}:00:00Z`, baseline, side }));
    // The left leg stuck at 1 and rated later each day than the right leg stuck at 6.
    await afterSessions(...on('right', 6, '09'), ...on('left', 1, '10'));
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [6, 'stop'] });
    const start = result.stdout.slice(0, result.stdout.indexOf('Mobility and stretching ·')).replace(/\s+/g, ' ');
    expect(start).toContain('your pain during single-leg squat (right side painful), in each of 3 weeks (about 6 in the first of those weeks, 6 in the latest); your pain during single-leg squat (left side painful), in each of 3 weeks');
    expect(start.match(/physical therapist or doctor/g)).toHaveLength(1);
  });

  it('warns before a drill that a score too low to fall would set it aside, and says so once per drill', async () => {
    await run(['settings', 'minImprovement', '2'], { home });
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 1, 'done', 1, 'done', 1, 'stop'] });
    expect(result.code).toBe(0);
    const warning = 'Your pain is at 1, so no drill can lower it by the 2 points that count as helping: if you go on, each drill you finish is set aside for now.';
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain(warning);
    // At 1 the pain shows, only too little for the 2 points: the day to test again is named by them.
    expect(shown).toContain(`${warning} Better to stop here and test again on a day your pain is at 2 or more.`);
    expect(shown).not.toContain('a day your symptom shows');
    // In full before the first drill and before the second; before the first drill's retry,
    // judged against the same 1, a short reminder.
    expect(shown.split(warning)).toHaveLength(3);
    const retry = shown.slice(shown.indexOf('Second try: '), shown.indexOf('Exercise 2 of 5'));
    expect(retry).toContain('A reminder: from 1, your pain cannot fall by the 2 points that count as helping, so this try cannot show that the drill helps.');
    expect(retry).not.toContain(warning);
    expect(stored().buckets).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', bucket: 'avoid' })]);
    // At 0 with 1 point: one point, which counts.
    await run(['settings', 'minImprovement', '1'], { home });
    const atZero = await run(['session', 'balance', ...flags], { home, tty: true, answers: [0, 'stop'] });
    expect(atZero.stdout.replace(/\s+/g, ' ')).toContain(
      'Your pain is at 0, so no drill can lower it by the 1 point that counts as helping: if you go on, each drill you finish is set aside for now. Better to stop here and test again on a day your symptom shows.',
    );
  });

  it('does not warn at a score that can still fall by the points that count as helping', async () => {
    // From 1, a fall to 0 is the 1 point that counts.
    const atOne = await run(['session', 'balance', ...flags], { home, tty: true, answers: [...screenClear, 1, 'stop'] });
    expect(atOne.code).toBe(0);
    expect(atOne.stdout).not.toContain('so no drill can lower it');
    await run(['settings', 'minImprovement', '2'], { home });
    const atTwo = await run(['session', 'balance', ...flags], { home, tty: true, answers: [2, 'stop'] });
    expect(atTwo.stdout).not.toContain('so no drill can lower it');
  });

  it('warns before a drill that a score too high to rise by a flare-up leaves the person to watch for one', async () => {
    // 8 + 3 is past 10: no flare-up can show. The first drill falls to 7, from which one can.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 8, 'done', 7, 'done', 9, 'stop'] });
    expect(result.code).toBe(0);
    // What to do first, then why: it is the score, not the pain, that has no room to rise.
    const warning =
      'Your pain is at 8, which is high: resting today and testing again another day is a sound choice. ' +
      'If you go on, go very gently and stop at once if it hurts more. From 8, a flare-up (a rise of 3 points) would go past 10, so itb cannot spot one for you.';
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown.split(warning)).toHaveLength(2);
    expect(shown).not.toContain('Your pain is at 7');
    // With flare-ups set at 2 points, 9 is past the top and 8 is not.
    await run(['settings', 'flareRise', '2'], { home });
    const lower = await run(['session', 'balance', ...flags], { home, tty: true, answers: [8, 'stop'] });
    expect(lower.stdout.replace(/\s+/g, ' ')).not.toContain('would go past 10');
    const higher = await run(['session', 'balance', ...flags], { home, tty: true, answers: [9, 'done', 9, 'stop'] });
    const shownHigher = higher.stdout.replace(/\s+/g, ' ');
    expect(shownHigher).toContain('Your pain is at 9, which is high');
    expect(shownHigher).toContain('From 9, a flare-up (a rise of 2 points) would go past 10');
    // No change (9 → 9): the second try, judged against the same 9, gets a short reminder.
    expect(shownHigher.slice(shownHigher.indexOf('Second try: '))).toContain(
      'A reminder: go very gently and stop at once if it hurts more. From 9, a flare-up (a rise of 2 points) would go past 10, so itb cannot spot one for you.',
    );
  });
});
