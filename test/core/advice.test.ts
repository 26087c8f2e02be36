import { describe, expect, it } from 'vitest';
import { adviceFor, adviceLog, flareUpsToday, persistentSymptoms, routineReadyAt, saysLoadingSpacing, withoutGoingOn } from '../../src/core/advice.js';
import type { Session } from '../../src/core/records.js';
import { Random, SEED } from '../fixtures/resilience.js';
import { buildSession, storeWith } from '../helpers/sessions.js';

// A Sunday morning in local time: the last day of a Monday-to-Sunday week.
const now = new Date('2026-03-01T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
const daysAgo = (days: number) => hoursAgo(days * 24);
const rated = (days: number, baseline: number) => buildSession({ startedAt: daysAgo(days), baseline, routine: 'mobility' });
const ids = (sessions: Session[]) => adviceFor(storeWith({ sessions }), now).map((advice) => advice.id);

describe('loading-spacing', () => {
  const loading = (hours: number) =>
    buildSession({ startedAt: hoursAgo(hours), baseline: 5, loading: true, drills: [{ id: 'clamshells', scores: [4] }] });

  it('asks for 48 hours between loading sessions and says when that is', () => {
    const [advice] = adviceFor(storeWith({ sessions: [loading(60), loading(20)] }), now);
    expect(advice).toMatchObject({ id: 'loading-spacing', readyAt: '2026-03-02T16:00:00.000Z' });
    expect(advice!.message).toContain('20 hours ago');
    expect(adviceFor(storeWith({ sessions: [loading(1.5)] }), now)[0]!.message).toContain('was 1 hour ago.');
    expect(adviceFor(storeWith({ sessions: [loading(0.5)] }), now)[0]!.message).toContain('was less than an hour ago.');
    expect(advice!.message).toContain('48 hours apart');
    expect(advice!.message).toMatch(/recover and adapt: your next one from 2026-03-02 \d\d:\d\d\. /);
  });

  it('names no kind of routine for the days in between, as the library may have none of it or have it all set aside', () => {
    const [advice] = adviceFor(storeWith({ sessions: [loading(20)] }), now);
    expect(advice!.message).toMatch(/Drills that are not strength work need no such wait\.$/);
    expect(advice!.message).not.toMatch(/mobility|stretching|balance/i);
  });

  it('says a strength routine left part way today can go on, until that part tried the three strength drills enough for a day', () => {
    const library = {
      exercises: [...['clamshells', 'bridges', 'hip-hikes'].map((id) => ({ id, loading: true })), { id: 'glute-stretch', loading: false }],
      routines: [{ id: 'strength' }],
    };
    const leftAfter = (drills: string[]) =>
      buildSession({ startedAt: hoursAgo(2), baseline: 6, loading: true, status: 'stopped', routine: 'strength', drills: drills.map((id, i) => ({ id, scores: [5 - i] })) });
    const goOn = /The strength routine you left part way today, for your left side, can go on later today/;
    expect(adviceFor(storeWith({ sessions: [leftAfter(['clamshells', 'bridges', 'glute-stretch'])] }), now, library)[0]!.message).toMatch(goOn);
    const enough = adviceFor(storeWith({ sessions: [leftAfter(['clamshells', 'bridges', 'hip-hikes'])] }), now, library)[0]!;
    expect(enough).toMatchObject({ id: 'loading-spacing' });
    expect(enough.message).not.toMatch(goOn);
    // Over two sessions of the same part-way run, the day's strength drills add up.
    const first = leftAfter(['clamshells', 'bridges']);
    const second = { ...leftAfter(['hip-hikes']), startedAt: hoursAgo(1) };
    expect(adviceFor(storeWith({ sessions: [first, second] }), now, library)[0]!.message).not.toMatch(goOn);
    // Nor for a routine the library no longer has: a session could not go on with it.
    const gone = adviceFor(storeWith({ sessions: [leftAfter(['clamshells'])] }), now, { exercises: library.exercises, routines: [{ id: 'mobility' }] })[0]!;
    expect(gone).toMatchObject({ id: 'loading-spacing' });
    expect(gone.message).not.toMatch(goOn);
  });

  it('says the built-in rehab and retest routines left part way today can go on, though no library file names them', () => {
    const library = { exercises: [{ id: 'clamshells', loading: true }], routines: [{ id: 'strength' }] };
    const leftPartWay = (routine: string) =>
      buildSession({ startedAt: hoursAgo(2), baseline: 6, loading: true, status: 'stopped', routine, drills: [{ id: 'clamshells', scores: [5] }] });
    for (const routine of ['rehab', 'retest']) {
      const [advice] = adviceFor(storeWith({ sessions: [leftPartWay(routine)] }), now, library);
      expect(advice).toMatchObject({ id: 'loading-spacing', goesOnToday: routine });
      expect(advice!.message).toContain(`The ${routine} routine you left part way today, for your left side, can go on later today`);
    }
  });

  it('drops the offer to go on with a routine left part way for one who starts it afresh, and keeps the rest of the advice', () => {
    const library = { exercises: [{ id: 'clamshells', loading: true }], routines: [{ id: 'strength' }] };
    const left = buildSession({ startedAt: hoursAgo(2), baseline: 6, loading: true, status: 'stopped', routine: 'strength', drills: [{ id: 'clamshells', scores: [5] }] });
    const [advice] = adviceFor(storeWith({ sessions: [left] }), now, library);
    const afresh = withoutGoingOn(advice!);
    expect(afresh.goesOnToday).toBeUndefined();
    expect(afresh.readyAt).toBe(advice!.readyAt);
    expect(afresh.message).toMatch(/^Your last strength \(loading\) session was 2 hours ago\. .*Drills that are not strength work need no such wait\.$/);
    expect(advice!.message.startsWith(afresh.message)).toBe(true);
    expect(afresh.message).not.toContain('part way');
    // Advice with no such offer is left as it is.
    const plain = adviceFor(storeWith({ sessions: [{ ...left, status: 'completed' }] }), now, library)[0]!;
    expect(withoutGoingOn(plain)).toBe(plain);
  });

  it('goes on from the part done on the painful side asked for, whatever was done on the other side today', () => {
    const library = { exercises: [{ id: 'clamshells', loading: true }], routines: [{ id: 'strength' }] };
    // The right side done to its end this morning, its strength drill skipped; the left side left part way since.
    const right = buildSession({ startedAt: hoursAgo(4), baseline: 5, side: 'right', routine: 'strength', drills: [{ id: 'clamshells', skipped: true }] });
    const left = buildSession({ startedAt: hoursAgo(2), baseline: 6, loading: true, status: 'stopped', side: 'left', routine: 'strength', drills: [{ id: 'clamshells', scores: [5] }] });
    const goesOn = (side: 'left' | 'right') => adviceFor(storeWith({ sessions: [right, left] }), now, library, side)[0]!.goesOnToday;
    expect(goesOn('left')).toBe('strength');
    expect(goesOn('right')).toBeUndefined();
    // Said with its side, for itb buckets and itb history, which do not know the next session's.
    expect(adviceFor(storeWith({ sessions: [right, left] }), now, library)[0]!.message).toContain(
      'The strength routine you left part way today, for your left side, can go on later today with its drills left',
    );
    const both = { ...left, side: 'both' as const };
    expect(adviceFor(storeWith({ sessions: [both] }), now, library)[0]!.message).toContain('part way today, for both sides, can go on');
  });

  it('is quiet once 48 hours have passed', () => {
    expect(ids([loading(48)])).toEqual([]);
    expect(ids([loading(47.9)])).toEqual(['loading-spacing']);
  });

  it('says the first whole minute after the 48 hours, and waits for it', () => {
    // Begun at 06:30:30 in St. John's: at 06:30:10 two days later, "from 06:30" would be said at 06:30.
    const begun = buildSession({ startedAt: '2026-03-01T10:00:30Z', baseline: 5, loading: true, drills: [{ id: 'clamshells', scores: [4] }] });
    const at = (iso: string) => adviceFor(storeWith({ sessions: [begun] }), new Date(iso));
    const [advice] = at('2026-03-03T10:00:10Z');
    expect(advice).toMatchObject({ id: 'loading-spacing', readyAt: '2026-03-03T10:01:00.000Z' });
    expect(advice!.message).toContain('47 hours ago');
    expect(advice!.message).toContain('your next one from 2026-03-03 06:31.');
    expect(at('2026-03-03T10:00:45Z').map((item) => item.id)).toEqual(['loading-spacing']);
    expect(at('2026-03-03T10:01:00Z')).toEqual([]);
  });

  it('ignores sessions without loading drills and loading sessions where nothing was tried', () => {
    const mobility = buildSession({ startedAt: hoursAgo(2), baseline: 5, drills: [{ id: 'glute-stretch', scores: [4] }] });
    const abandoned = buildSession({ startedAt: hoursAgo(1), baseline: 5, loading: true });
    expect(ids([mobility, abandoned])).toEqual([]);
  });

  it('finds the last loading session by its instant when start times carry another offset', () => {
    // 16:00 at +05:00 is 11:00 UTC, an hour ago; 11:30 UTC (half an hour ago) is the later one.
    const offset = buildSession({ startedAt: '2026-03-01T16:00:00+05:00', baseline: 5, loading: true, drills: [{ id: 'clamshells', scores: [4] }] });
    const [advice] = adviceFor(storeWith({ sessions: [loading(0.5), offset] }), now);
    expect(advice).toMatchObject({ id: 'loading-spacing', readyAt: '2026-03-03T11:30:00.000Z' });
    // A session that starts after now (a clock set wrong) does not count.
    const future = buildSession({ startedAt: '2026-03-01T18:00:00+05:00', baseline: 5, loading: true, drills: [{ id: 'clamshells', scores: [4] }] });
    expect(ids([future])).toEqual([]);
  });
});

describe('see-a-professional', () => {
  it('advises a clinician after three weeks of sessions with no meaningful fall', () => {
    const sessions = [rated(20, 6), rated(16, 6), rated(10, 6), rated(2, 5), rated(1, 5)];
    const advice = adviceFor(storeWith({ sessions }), now);
    expect(advice.map((a) => a.id)).toEqual(['see-a-professional']);
    expect(advice[0]!.message).toContain('physical therapist or doctor');
    expect(advice[0]!.message).toContain('3 weeks');
  });

  it('spans the weeks it names, for the dates a report gives: from a Monday to now, or to the end of last Sunday when this week has none', () => {
    // Now is Sunday 2026-03-01 in local time: Monday-to-Sunday weeks of whole local days, the newest from Monday 2026-02-23 to today.
    const thisWeek = persistentSymptoms(adviceLog([rated(20, 6), rated(16, 6), rated(10, 6), rated(2, 5)]), now)[0]!;
    expect(thisWeek).toMatchObject({ weeks: 3, toMs: now.getTime(), fromMs: new Date(2026, 1, 9).getTime() });
    const lastWeek = persistentSymptoms(adviceLog([rated(28, 6), rated(21, 6), rated(14, 6), rated(7, 6)]), now)[0]!;
    expect(lastWeek).toMatchObject({ weeks: 4, toMs: new Date(2026, 1, 23).getTime() - 1, fromMs: new Date(2026, 0, 26).getTime() });
  });

  it('compares the oldest week of a longer run with this week', () => {
    // Five weeks in a row; 7 -> 6 is a fall of 1 point (14%).
    expect(ids([rated(33, 7), rated(26, 7), rated(19, 7), rated(12, 6), rated(5, 6)])).toEqual(['see-a-professional']);
  });

  it('says so when the starting scores have gone up', () => {
    const [advice] = adviceFor(storeWith({ sessions: [rated(20, 3), rated(10, 5), rated(1, 8)] }), now);
    expect(advice!.message).toContain('its starting scores have gone up (about 3 in the first of those weeks, 8 in the latest)');
    const [flat] = adviceFor(storeWith({ sessions: [rated(20, 6), rated(10, 6), rated(1, 6)] }), now);
    expect(flat!.message).toContain('its starting scores have not come down much (about 6 in the first of those weeks, 6 in the latest)');
  });

  it('does not say the starting scores have gone up when the means it gives are the same', () => {
    // 30 / 7 = 4.29 in the oldest week, 13 / 3 = 4.33 in the latest: both "about 4.3".
    const oldest = [4, 4, 4, 4, 5, 5, 4].map((baseline, i) => rated(14 + i, baseline));
    const [advice] = adviceFor(storeWith({ sessions: [...oldest, rated(10, 4), rated(3, 4), rated(2, 4), rated(1, 5)] }), now);
    expect(advice!.message).toContain('its starting scores have not come down much (about 4.3 in the first of those weeks, 4.3 in the latest)');
  });

  it('counts the weeks up to last week for someone who has not tested yet this week', () => {
    // Once a week, exactly a week apart: this week's session has not happened yet.
    const [advice] = adviceFor(storeWith({ sessions: [rated(28, 6), rated(21, 6), rated(14, 6), rated(7, 6)] }), now);
    expect(advice).toMatchObject({ id: 'see-a-professional' });
    expect(advice!.message).toContain('in each of 4 weeks in a row');
    expect(advice!.message).toContain('(about 6 in the first of those weeks, 6 in the latest)');
    // Two weeks without a session end the run.
    expect(ids([rated(35, 6), rated(28, 6), rated(21, 6), rated(14, 6)])).toEqual([]);
  });

  it('keeps the weeks before a break once the symptom is rated again and has not come down, and says so', () => {
    // Stuck at 6 for four weeks up to Sunday 2026-02-08, then away: rated neither this week nor last, nothing says it is still there.
    const before = [rated(42, 6), rated(35, 6), rated(28, 6), rated(21, 6)];
    expect(ids(before)).toEqual([]);
    // Back today at 6: those weeks count again, named with the break.
    const [advice] = adviceFor(storeWith({ sessions: [...before, rated(0, 6)] }), now);
    expect(advice!.message).toContain(
      'You have rated your pain during single-leg squat in each of 4 weeks in a row up to 2026-02-08, then again from 2026-03-01 after a break, ' +
        'and its starting scores have not come down much (about 6 in the first of those weeks, 6 in your latest week).',
    );
    expect(advice!.persistent).toEqual([{ rated: 'pain during single-leg squat', side: 'left', weeks: 4, firstMean: 6, latestMean: 6 }]);
    // One week missed is a break too: the day the person comes back no lower is not the day the advice ends.
    expect(ids([rated(35, 6), rated(28, 6), rated(21, 6), rated(14, 6), rated(0, 6)])).toEqual(['see-a-professional']);
    // Back 2 points lower, it has eased; before the break, two weeks were too few.
    expect(ids([...before, rated(0, 4)])).toEqual([]);
    expect(ids([rated(28, 6), rated(21, 6), rated(0, 6)])).toEqual([]);
  });

  it('names the first day back after a break, and counts three weeks before it as enough', () => {
    // Three weeks up to 2026-02-08, then back on 2026-02-27 and again today, no lower.
    const sessions = [rated(35, 6), rated(28, 6), rated(21, 6), rated(2, 6), rated(0, 6)];
    const [advice] = adviceFor(storeWith({ sessions }), now);
    expect(advice!.message).toContain('in each of 3 weeks in a row up to 2026-02-08, then again from 2026-02-27 after a break');
    // In whatever order the store holds them.
    const [reversed] = adviceFor(storeWith({ sessions: [...sessions].reverse() }), now);
    expect(reversed!.message).toBe(advice!.message);
  });

  it('says nothing after only two weeks, however flat', () => {
    expect(ids([rated(10, 6), rated(8, 6), rated(3, 6), rated(1, 6)])).toEqual([]);
  });

  it('says nothing when the sessions all fall in one week', () => {
    expect(ids([rated(2, 6), rated(1, 6)])).toEqual([]);
  });

  it('says nothing when a week is missing from the run', () => {
    expect(ids([rated(20, 6), rated(3, 6)])).toEqual([]);
  });

  it('says nothing after a fall of 2 points', () => {
    expect(ids([rated(20, 8), rated(10, 7), rated(1, 6)])).toEqual([]);
  });

  it('compares only baselines of the same symptom and test movement', () => {
    const of = (days: number, baseline: number, symptom: 'pain' | 'tightness', movement: string) =>
      buildSession({ startedAt: daysAgo(days), baseline, symptom, movement, routine: 'mobility' });
    // Walking got better, then the person moved on to running: no advice from the new, harder movement.
    expect(ids([of(20, 6, 'pain', 'walking'), of(13, 3, 'pain', 'walking'), of(6, 1, 'pain', 'Walking'), of(2, 6, 'pain', 'running'), of(1, 6, 'pain', 'running')])).toEqual([]);
    // Pain while walking has stayed put for three weeks; low tightness scores in a lunge do not hide it.
    const stuck = [of(20, 7, 'pain', 'walking'), of(13, 7, 'pain', 'walking'), of(6, 7, 'pain', 'walking'), of(5, 1, 'tightness', 'lunge'), of(4, 1, 'tightness', 'lunge'), of(3, 1, 'tightness', 'lunge')];
    const [advice] = adviceFor(storeWith({ sessions: stuck }), now);
    expect(advice).toMatchObject({ id: 'see-a-professional' });
    expect(advice!.message).toContain('You have rated your pain during walking in each of 3 weeks in a row');
    expect(advice!.message).toContain('about 7 in the first of those weeks, 7 in the latest');
  });

  it('names the day its weeks end and what the latest session rated instead, once the person has moved on to another movement or symptom', () => {
    const of = (days: number, symptom: 'pain' | 'tightness', movement: string) => buildSession({ startedAt: daysAgo(days), baseline: 6, symptom, movement, routine: 'mobility' });
    const squats = [30, 23, 16, 9].map((days) => of(days, 'pain', 'single-leg squat'));
    const said = (...latest: Session[]) => adviceFor(storeWith({ sessions: [...squats, ...latest] }), now)[0]!.message;
    // Right after the switch, and a week on, when the squat's weeks run up to last week.
    for (const days of [8, 1]) {
      expect(said(of(days, 'pain', 'step-down'))).toContain(
        'You have rated your pain during single-leg squat in each of 4 weeks in a row up to 2026-02-20, and its starting scores have not come down much ' +
          '(about 6 in the first of those weeks, 6 in the latest). Your latest session rated pain during step-down, whose scores do not compare with these. Symptoms',
      );
    }
    expect(said(of(1, 'tightness', 'single-leg squat'))).toContain('up to 2026-02-20, and its starting scores have not come down much (about 6 in the first of those weeks, 6 in the latest). Your latest session rated tightness during single-leg squat, whose');
    // Still rating the squat, or rating nothing since: its weeks are the latest there are.
    for (const advice of [said(of(1, 'pain', 'Single-leg squat')), said()]) {
      expect(advice).toMatch(/You have rated your pain during single-leg squat in each of \d weeks in a row, and/);
      expect(advice).not.toContain('latest session');
    }
    // Two movements both stuck, rated by turns: neither is left behind.
    const steps = [29, 22, 15, 8].map((days) => of(days, 'pain', 'step-down'));
    const both = adviceFor(storeWith({ sessions: [...squats, ...steps] }), now)[0]!.message;
    expect(both).toContain('your pain during step-down, in each of 4 weeks (about 6');
    expect(both).not.toMatch(/up to|latest session/);
  });

  it('names the other side the latest session rated, one started this very moment, and not one dated after now', () => {
    const on = (days: number, side: 'left' | 'right', movement = 'single-leg squat') => buildSession({ startedAt: daysAgo(days), baseline: 6, side, movement, routine: 'mobility' });
    const right = [30, 23, 16, 9].map((days) => on(days, 'right'));
    // The left leg now, and a step-down on a clock set a day ahead.
    const [advice] = adviceFor(storeWith({ sessions: [...right, on(0, 'left'), on(-1, 'left', 'step-down')] }), now);
    expect(advice!.message).toContain(
      'You have rated your pain during single-leg squat (right side painful) in each of 4 weeks in a row up to 2026-02-20, and its starting scores have not come down much ' +
        '(about 6 in the first of those weeks, 6 in the latest). Your latest session rated pain during single-leg squat (left side painful), whose scores do not compare with these.',
    );
  });

  it('compares only baselines given for the same painful side, as the trends do, and names the side when there were several', () => {
    const on = (days: number, baseline: number, side: 'left' | 'right' | 'both') => buildSession({ startedAt: daysAgo(days), baseline, side, routine: 'mobility' });
    // The right leg has stayed at 7 for three weeks; the left one eased in the same weeks, and
    // its low scores do not hide the right one (mixed in, the weekly means would fall from 5.5 to 3).
    const right = [on(20, 7, 'right'), on(13, 7, 'right'), on(6, 7, 'right')];
    const left = [on(19, 4, 'left'), on(12, 2, 'left'), on(11, 2, 'left'), on(5, 1, 'left'), on(4, 1, 'left')];
    const [advice] = adviceFor(storeWith({ sessions: [...right, ...left] }), now);
    expect(advice).toMatchObject({ id: 'see-a-professional', side: 'right' });
    expect(advice!.message).toContain('You have rated your pain during single-leg squat (right side painful) in each of 3 weeks in a row');
    expect(advice!.message).toContain('(about 7 in the first of those weeks, 7 in the latest)');
    // Pain that moved from the right leg to the left is not one leg that kept hurting.
    expect(ids([on(27, 7, 'right'), on(20, 7, 'right'), on(13, 7, 'left'), on(6, 7, 'left')])).toEqual([]);
    // Nor is a side changed every week, however flat: neither side was rated 3 weeks in a row.
    expect(ids([34, 27, 20, 13, 6].map((days, i) => on(days, 7, i % 2 === 0 ? 'right' : 'left')))).toEqual([]);
    // Both sides at once is a side of its own, as in the trends.
    expect(ids([on(20, 7, 'right'), on(13, 7, 'both'), on(6, 7, 'both')])).toEqual([]);
    const [both] = adviceFor(storeWith({ sessions: [on(27, 2, 'right'), on(20, 7, 'both'), on(13, 7, 'both'), on(6, 7, 'both')] }), now);
    expect(both).toMatchObject({ id: 'see-a-professional', side: 'both' });
    expect(both!.message).toContain('your pain during single-leg squat (both sides painful) in each of 3 weeks');
    // One side throughout: nothing more is said, as the trends say nothing more.
    const [one] = adviceFor(storeWith({ sessions: [on(20, 7, 'left'), on(13, 7, 'left'), on(6, 7, 'left')] }), now);
    expect(one).toMatchObject({ id: 'see-a-professional', side: 'left' });
    expect(one!.message).toContain('You have rated your pain during single-leg squat in each of 3 weeks in a row');
  });

  it('names the side when scores were given for another side, even of another symptom, as the trends do', () => {
    const walking = [20, 13, 6].map((days) => buildSession({ startedAt: daysAgo(days), baseline: 6, movement: 'walking', side: 'left', routine: 'mobility' }));
    const lunge = buildSession({ startedAt: daysAgo(30), baseline: 2, symptom: 'tightness', movement: 'lunge', side: 'right', routine: 'mobility' });
    expect(adviceFor(storeWith({ sessions: [lunge, ...walking] }), now)[0]?.message).toContain('your pain during walking (left side painful) in each of 3 weeks');
  });

  it('names every thing that stayed put in one piece of advice, the higher latest mean first', () => {
    const on = (days: number, baseline: number, side: 'left' | 'right') => buildSession({ startedAt: daysAgo(days), baseline, side, routine: 'mobility' });
    // The right leg stuck at 7; the left one stuck at 1 and rated more lately: the right one is named first.
    const right = [20, 13, 6].map((days) => on(days, 7, 'right'));
    const left = [19, 12, 1].map((days) => on(days, 1, 'left'));
    const advice = adviceFor(storeWith({ sessions: [...right, ...left] }), now);
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatchObject({ id: 'see-a-professional', side: 'right' });
    expect(advice[0]!.message).toBe(
      'You have rated each of these in several weeks in a row, and their starting scores have not come down much: ' +
        'your pain during single-leg squat (right side painful), in each of 3 weeks (about 7 in the first of those weeks, 7 in the latest); ' +
        'your pain during single-leg squat (left side painful), in each of 3 weeks (about 1 in the first of those weeks, 1 in the latest). ' +
        'Symptoms that keep up over several weeks of consistent work deserve a look from a physical therapist or doctor, to rule out other causes and adjust your plan.',
    );
    expect(advice[0]!.persistent).toEqual([
      { rated: 'pain during single-leg squat', side: 'right', weeks: 3, firstMean: 7, latestMean: 7 },
      { rated: 'pain during single-leg squat', side: 'left', weeks: 3, firstMean: 1, latestMean: 1 },
    ]);
    // One that went up to 8 comes first, and says so.
    const rising = [19, 12, 1].map((days, i) => on(days, [3, 4, 8][i]!, 'left'));
    expect(adviceFor(storeWith({ sessions: [...right, ...rising] }), now)[0]!.message).toContain(
      'your pain during single-leg squat (left side painful), in each of 3 weeks, where they have gone up (about 3 in the first of those weeks, 8 in the latest); ' +
        'your pain during single-leg squat (right side painful), in each of 3 weeks (about 7 in the first of those weeks, 7 in the latest).',
    );
  });

  it('gives each thing that stayed put its own weeks and its own means, to 0.1 in the message and the JSON alike', () => {
    const on = (days: number, baseline: number, side: 'left' | 'right') => buildSession({ startedAt: daysAgo(days), baseline, side, routine: 'mobility' });
    // The right leg stuck at 7 for 4 weeks; the left one at about 1.5 for 3 (1.33 in its latest week).
    const right = [27, 20, 13, 6].map((days) => on(days, 7, 'right'));
    const left = [on(19, 2, 'left'), on(18.5, 1, 'left'), on(12, 1, 'left'), on(2, 2, 'left'), on(1.5, 1, 'left'), on(1, 1, 'left')];
    const [advice] = adviceFor(storeWith({ sessions: [...right, ...left] }), now);
    expect(advice!.message).toContain(
      'your pain during single-leg squat (right side painful), in each of 4 weeks (about 7 in the first of those weeks, 7 in the latest); ' +
        'your pain during single-leg squat (left side painful), in each of 3 weeks (about 1.5 in the first of those weeks, 1.3 in the latest). ',
    );
    expect(advice!.persistent).toEqual([
      { rated: 'pain during single-leg squat', side: 'right', weeks: 4, firstMean: 7, latestMean: 7 },
      { rated: 'pain during single-leg squat', side: 'left', weeks: 3, firstMean: 1.5, latestMean: 1.3 },
    ]);
  });

  it('names first what was rated most lately when the latest means are said alike', () => {
    const of = (days: number, symptom: 'pain' | 'tightness', movement: string) =>
      buildSession({ startedAt: daysAgo(days), baseline: 6, symptom, movement, routine: 'mobility' });
    const walking = (shift: number) => [20, 13, 6].map((days) => of(days - shift, 'pain', 'walking'));
    const lunge = (shift: number) => [19, 12, 5].map((days) => of(days - shift, 'tightness', 'lunge'));
    const named = (sessions: Session[]) => adviceFor(storeWith({ sessions }), now)[0]!.persistent!.map((found) => found.rated);
    expect(named([...walking(0), ...lunge(0)])).toEqual(['tightness during lunge', 'pain during walking']);
    expect(named([...walking(2), ...lunge(0)])).toEqual(['pain during walking', 'tightness during lunge']);
    // A latest week of twenty 7s and an 8 (7.05) is said as about 7, as walking's 7 is: walking, rated most lately, comes first.
    const lunge7 = [19, 12].map((days) => of(days, 'tightness', 'lunge')).map((session) => ({ ...session, baseline: 7 }));
    const lastWeek = Array.from({ length: 21 }, (_, i) => ({ ...of(6 - i / 10, 'tightness', 'lunge'), baseline: i === 0 ? 8 : 7 }));
    const walking7 = [20, 13, 3].map((days) => ({ ...of(days, 'pain', 'walking'), baseline: 7 }));
    expect(named([...walking7, ...lunge7, ...lastWeek])).toEqual(['pain during walking', 'tightness during lunge']);
  });

  it('names first what was rated most lately whatever order the log holds the sessions in', () => {
    const of = (days: number, symptom: 'pain' | 'tightness', movement: string) =>
      buildSession({ startedAt: daysAgo(days), baseline: 6, symptom, movement, routine: 'mobility' });
    // A clock set wrong for a while: the newest walking session is stored before two older ones.
    const walking = [2, 20, 13].map((days) => of(days, 'pain', 'walking'));
    const lunge = [19, 12, 5].map((days) => of(days, 'tightness', 'lunge'));
    expect(adviceFor(storeWith({ sessions: [...walking, ...lunge] }), now)[0]?.persistent?.[0]?.rated).toBe('pain during walking');
  });

  it('names the movement as it was typed last, read in a sentence: capitals kept but the first, spaces tidied', () => {
    const of = (days: number, movement: string) => buildSession({ startedAt: daysAgo(days), baseline: 6, movement, routine: 'mobility' });
    // The same movement typed three ways is one trend, named as the latest session typed it.
    const message = adviceFor(storeWith({ sessions: [of(20, 'walking to the IT band clinic'), of(13, 'Walking to the it band clinic'), of(6, '  Walking to the  IT band clinic ')] }), now)[0]?.message;
    expect(message).toContain('You have rated your pain during walking to the IT band clinic in each of 3 weeks in a row');
  });

  it('names the movement as the latest session typed it, whatever order the log holds the sessions in', () => {
    const of = (days: number, movement: string) => buildSession({ startedAt: daysAgo(days), baseline: 6, movement, routine: 'mobility' });
    // A clock set wrong for a while leaves sessions out of their order in the log.
    const sessions = [of(6, 'Walking uphill'), of(20, 'WALKING UPHILL'), of(13, 'walking UPHILL')];
    expect(adviceFor(storeWith({ sessions }), now)[0]?.message).toContain('You have rated your pain during walking uphill in each of 3 weeks');
  });

  it('advises on weeks stuck since an early fall: the fall before them does not hide them', () => {
    // Down from 9 to 6 in the first week, then six weeks in a row at 6.
    const stuck = [rated(48, 9), rated(41, 6), rated(34, 6), rated(27, 6), rated(20, 6), rated(13, 6), rated(6, 6)];
    const [advice] = adviceFor(storeWith({ sessions: stuck }), now);
    expect(advice).toMatchObject({ id: 'see-a-professional' });
    // The longest stretch that has stayed put is named, not the whole run with its early fall.
    expect(advice!.message).toContain('in each of 6 weeks in a row');
    expect(advice!.message).toContain('(about 6 in the first of those weeks, 6 in the latest)');
    // Still falling week by week, 2 points every three weeks: no advice.
    expect(ids([rated(48, 9), rated(41, 8), rated(34, 8), rated(27, 7), rated(20, 6), rated(13, 5), rated(6, 4)])).toEqual([]);
  });

  it('never hides the advice for a worse week before the run, over many made-up runs', () => {
    const random = new Random(SEED);
    for (let run = 0; run < 500; run++) {
      const weeks = Array.from({ length: random.int(3, 8) }, () => random.int(0, 10));
      const sessions = weeks.map((baseline, i) => rated(6 + 7 * (weeks.length - 1 - i), baseline));
      const advised = ids(sessions).includes('see-a-professional');
      // What the rule says for the latest 3 or more weeks, worked out here week by week.
      const latest = weeks.at(-1)!;
      const stuck = latest > 0 && weeks.slice(0, -2).some((first) => first - latest < 2 && first - latest < 0.3 * first);
      expect(advised, `weekly baselines ${weeks.join(', ')}`).toBe(stuck);
      // A week rated higher before the run makes it longer and never takes the advice away.
      const earlier = rated(6 + 7 * weeks.length, 10);
      if (advised) expect(ids([earlier, ...sessions]), `10, then ${weeks.join(', ')}`).toContain('see-a-professional');
    }
  });

  it('says nothing after a fall of 30% or more even when it is under 2 points', () => {
    // 5 -> 3.5 (this week's mean of 4 and 3) is a fall of 1.5 points but 30%.
    expect(ids([rated(20, 5), rated(10, 4), rated(2, 4), rated(1, 3)])).toEqual([]);
    expect(ids([rated(20, 5), rated(10, 4), rated(1, 4)])).toEqual(['see-a-professional']);
  });

  it('counts a session started at this very moment in this week', () => {
    const found = persistentSymptoms(adviceLog([rated(14, 6), rated(7, 6), rated(0, 6)]), now)[0];
    expect(found).toMatchObject({ weeks: 3, toMs: now.getTime(), fromMs: new Date(2026, 1, 9).getTime() });
  });

  it('puts a session late in the evening in the week of its own local day, not of the day in UTC', () => {
    // In St. John's (3½ hours behind UTC in February), at 00:30 on Sunday 2026-03-01: a session
    // just now, and two at 23:30 on the Sundays before, are one in each of 3 weeks. In UTC the
    // two late ones fall on Mondays, 6 and 13 days back: two weeks.
    const at = new Date('2026-03-01T04:00:00Z');
    const sundays = ['2026-03-01T03:45:00Z', '2026-02-23T03:00:00Z', '2026-02-16T03:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6, routine: 'mobility' }));
    expect(persistentSymptoms(adviceLog(sundays), at)[0]).toMatchObject({ weeks: 3, toMs: at.getTime(), fromMs: new Date(2026, 1, 9).getTime() });
  });

  it('leaves a session dated after now out of what was rated most lately', () => {
    const of = (days: number, symptom: 'pain' | 'tightness', movement: string) =>
      buildSession({ startedAt: daysAgo(days), baseline: 6, symptom, movement, routine: 'mobility' });
    const walking = [18, 11, 4].map((days) => of(days, 'pain', 'walking'));
    // A clock set a day ahead for one lunge session: as of now, walking was rated last.
    const lunge = [19, 12, 5, -1].map((days) => of(days, 'tightness', 'lunge'));
    expect(adviceFor(storeWith({ sessions: [...walking, ...lunge] }), now)[0]?.persistent?.[0]?.rated).toBe('pain during walking');
  });
});

describe('flare-ups earlier today', () => {
  // The tests run in St. John's, 3½ hours behind UTC in November: its 2026-11-20 runs from
  // 03:30 UTC that day to 03:30 UTC the next.
  const at = new Date('2026-11-20T15:00:00.000Z'); // 11:30 local
  const flared = (startedAt: string, status?: Session['status']) =>
    buildSession({ startedAt, baseline: 4, status, drills: [{ id: 'bridges', scores: [3] }, { id: 'clamshells', scores: [7] }] });

  it('names the drill and the moment of its rise, from a finished session', () => {
    // Started 09:10 local: bridges helped at 09:11, clamshells rose 3 → 7 at 09:12.
    expect(flareUpsToday([flared('2026-11-20T12:40:00.000Z')], at)).toEqual([{ exerciseId: 'clamshells', name: 'Clamshells', at: '2026-11-20T12:42:00.000Z' }]);
  });

  it('counts sessions stopped, interrupted or cut off by a crash as well', () => {
    for (const status of ['stopped', 'interrupted', 'in-progress'] as const) {
      expect(flareUpsToday([flared('2026-11-20T12:40:00.000Z', status)], at).map((flareUp) => flareUp.exerciseId)).toEqual(['clamshells']);
    }
  });

  it('leaves out a session with no flare-up, a drill set aside without one, and a flare-up yesterday evening', () => {
    const calm = buildSession({ startedAt: '2026-11-20T12:00:00.000Z', baseline: 4, drills: [{ id: 'bridges', scores: [4, 5] }] });
    expect(calm.results).toEqual([expect.objectContaining({ outcome: 'avoid', flare: false })]);
    // 22:30 local on the 19th: the same day as now in UTC, not in St. John's.
    const lastEvening = flared('2026-11-20T01:56:00.000Z');
    expect(flareUpsToday([calm, lastEvening], at)).toEqual([]);
  });

  it('goes by the local day of the flare-up itself, not of the session or of UTC', () => {
    // Begun at 23:58 local on the 19th: bridges decided at 00:00, clamshells rose at 00:01.
    const begunAt = (startedAt: string) => buildSession({ startedAt, baseline: 4, drills: [{ id: 'bridges', scores: [4, 4] }, { id: 'clamshells', scores: [7] }] });
    expect(flareUpsToday([begunAt('2026-11-20T03:28:00.000Z')], at)).toEqual([{ exerciseId: 'clamshells', name: 'Clamshells', at: '2026-11-20T03:31:00.000Z' }]);
    // Begun two minutes earlier, the rise comes at 23:59: yesterday's.
    expect(flareUpsToday([begunAt('2026-11-20T03:26:00.000Z')], at)).toEqual([]);
    // At 22:30 local the morning's flare-up is today's, though it is already tomorrow in UTC.
    expect(flareUpsToday([flared('2026-11-20T12:40:00.000Z')], new Date('2026-11-21T02:00:00.000Z'))).toHaveLength(1);
    // Past midnight local, it is yesterday's.
    expect(flareUpsToday([flared('2026-11-20T12:40:00.000Z')], new Date('2026-11-21T03:30:00.000Z'))).toEqual([]);
  });

  it('goes by the moment the rise was rated, when its result had to be dated after a decision dated ahead', () => {
    // Clamshells rose at 09:12 local; a decision on them dated a year ahead (a clock once set
    // ahead) had its result dated just after that one, so that it counts.
    const session = flared('2026-11-20T12:40:00.000Z');
    session.results[1]!.at = '2027-11-20T12:00:00.001Z';
    expect(flareUpsToday([session], at)).toEqual([{ exerciseId: 'clamshells', name: 'Clamshells', at: '2026-11-20T12:42:00.000Z' }]);
    expect(adviceFor(storeWith({ sessions: [session] }), at)[0]!.message).toMatch(/^A drill flared up today, at 09:12\./);
  });

  it('gives a flare-up on the retry the moment of the retry, not of the first try before it', () => {
    // Started 09:10 local: clamshells stayed at 4 on the first try at 09:11, rose to 8 on the retry at 09:12.
    const retried = buildSession({ startedAt: '2026-11-20T12:40:00.000Z', baseline: 4, drills: [{ id: 'clamshells', scores: [4, 8] }] });
    expect(flareUpsToday([retried], at)).toEqual([{ exerciseId: 'clamshells', name: 'Clamshells', at: '2026-11-20T12:42:00.000Z' }]);
    expect(adviceFor(storeWith({ sessions: [retried] }), at)[0]!.message).toMatch(/^A drill flared up today, at 09:12\./);
  });

  it('gives each of two flare-ups in one session the moment of its own rise', () => {
    // Started 09:10 local: hip hikes rose 2 → 6 at 09:11, clamshells 6 → 10 at 09:12.
    const twice = buildSession({ startedAt: '2026-11-20T12:40:00.000Z', baseline: 2, drills: [{ id: 'hip-hikes', scores: [6] }, { id: 'clamshells', scores: [10] }] });
    expect(flareUpsToday([twice], at).map((flareUp) => [flareUp.exerciseId, flareUp.at])).toEqual([
      ['hip-hikes', '2026-11-20T12:41:00.000Z'],
      ['clamshells', '2026-11-20T12:42:00.000Z'],
    ]);
    expect(adviceFor(storeWith({ sessions: [twice] }), at)[0]!.message).toMatch(/^A drill flared up today, at 09:12\./);
  });

  it('lists several oldest first, whatever order the log holds them in, and none recorded after now', () => {
    const afternoon = buildSession({ startedAt: '2026-11-20T14:00:00.000Z', baseline: 2, drills: [{ id: 'hip-hikes', scores: [6] }] });
    const morning = flared('2026-11-20T12:40:00.000Z');
    // A clock set wrong: a flare-up stored as later than now is not "earlier today".
    const later = buildSession({ startedAt: '2026-11-20T16:00:00.000Z', baseline: 2, drills: [{ id: 'side-lying-leg-raises', scores: [6] }] });
    expect(flareUpsToday([afternoon, later, morning], at).map((flareUp) => [flareUp.exerciseId, flareUp.at])).toEqual([
      ['clamshells', '2026-11-20T12:42:00.000Z'],
      ['hip-hikes', '2026-11-20T14:01:00.000Z'],
    ]);
  });
});

describe('rest-after-flare-up', () => {
  // 11:30 in St. John's on 2026-11-20, as above.
  const at = new Date('2026-11-20T15:00:00.000Z');
  const flaredAt = (startedAt: string) => buildSession({ startedAt, baseline: 2, drills: [{ id: 'hip-hikes', scores: [6] }] });
  const advised = (sessions: Session[], now = at) => adviceFor(storeWith({ sessions }), now).find((advice) => advice.id === 'rest-after-flare-up');

  it('comes first, with the time of the latest flare-up today and the advice a session gives after one', () => {
    // Rises rated at 09:31 and 09:11 local; a strength session 90 minutes ago gives its advice too.
    const sessions = [flaredAt('2026-11-20T12:40:00.000Z'), flaredAt('2026-11-20T13:00:00.000Z'), buildSession({ startedAt: '2026-11-20T13:30:00.000Z', routine: 'strength', loading: true, baseline: 3, drills: [{ id: 'bridges', scores: [2] }] })];
    const advice = adviceFor(storeWith({ sessions }), at);
    expect(advice.map((item) => item.id)).toEqual(['rest-after-flare-up', 'loading-spacing']);
    expect(advice[0]!.message).toBe(
      'A drill flared up today, at 09:31. After a flare-up, take it easy for the rest of the day and leave your next session for another day. ' +
        'If it has not settled by tomorrow, or flare-ups keep coming, talk to your physical therapist.',
    );
  });

  it('leaves out the offer to go on later today with a strength routine stopped by a flare-up', () => {
    const library = { exercises: ['clamshells', 'bridges'].map((id) => ({ id, loading: true })), routines: [{ id: 'strength' }, { id: 'joint-chain' }] };
    const flaredIn = buildSession({ startedAt: '2026-11-20T13:00:00.000Z', routine: 'strength', loading: true, status: 'stopped', baseline: 3, drills: [{ id: 'clamshells', scores: [2] }, { id: 'bridges', scores: [6] }] });
    const advice = adviceFor(storeWith({ sessions: [flaredIn] }), at, library);
    expect(advice.map((item) => item.id)).toEqual(['rest-after-flare-up', 'loading-spacing']);
    expect(advice[1]!.goesOnToday).toBeUndefined();
    expect(advice[1]!.message).not.toContain('part way');
    // A routine with no strength drills left part way today, and no flare-up: no advice at all.
    const gentle = buildSession({ startedAt: '2026-11-20T13:00:00.000Z', routine: 'joint-chain', status: 'stopped', baseline: 3, drills: [{ id: 'lateral-ankle-tilts', scores: [2] }] });
    expect(adviceFor(storeWith({ sessions: [gentle] }), at, library)).toEqual([]);
  });

  it('is for the local day of the flare-up alone, and not for one recorded after now', () => {
    expect(advised([flaredAt('2026-11-20T01:56:00.000Z')])).toBeUndefined(); // 22:30 local yesterday
    expect(advised([flaredAt('2026-11-20T12:40:00.000Z')], new Date('2026-11-21T03:30:00.000Z'))).toBeUndefined(); // past midnight
    expect(advised([flaredAt('2026-11-20T16:00:00.000Z')])).toBeUndefined(); // a clock set wrong
    expect(advised([buildSession({ startedAt: '2026-11-20T12:40:00.000Z', baseline: 4, drills: [{ id: 'bridges', scores: [4, 5] }] })])).toBeUndefined();
  });
});

describe('routineReadyAt', () => {
  const advice = adviceFor(storeWith({ sessions: [buildSession({ startedAt: hoursAgo(20), baseline: 5, loading: true, drills: [{ id: 'clamshells', scores: [4] }] })] }), now);

  it('waits out the 48 hours for a routine of strength drills alone, and for no other', () => {
    expect(routineReadyAt(advice, [true, true], now)).toEqual(new Date('2026-03-02T16:00:00.000Z'));
    expect(routineReadyAt(advice, [true, false], now)).toBeUndefined();
    // No drills named (a routine to choose): nothing says it is all strength work.
    expect(routineReadyAt(advice, [], now)).toBeUndefined();
    expect(routineReadyAt([], [true], now)).toBeUndefined();
  });
});

describe('saysLoadingSpacing: a library text that says the 48 hours in its own words', () => {
  it('finds "48 hours", "48-hour" and "48h" in any capitals, and not other numbers of hours', () => {
    expect(['Rest 48 hours between sessions.', 'A 48-hour break.', 'Wait 48H.', '48 hrs apart'].map(saysLoadingSpacing)).toEqual([true, true, true, true]);
    expect(['Rest 148 hours.', 'Hold 48 seconds.', 'Two or three drills a day.'].map(saysLoadingSpacing)).toEqual([false, false, false]);
  });

  it('finds "48 hr", and not a count of 48 of something starting with "h"', () => {
    expect(['Rest 48 hr between sessions.', '48 heel raises in all.', 'Do 48 hops.'].map(saysLoadingSpacing)).toEqual([true, false, false]);
  });
});
