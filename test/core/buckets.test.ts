import { describe, expect, it } from 'vitest';
import { bucketView, builtInRoutine } from '../../src/core/buckets.js';
import { applySessionResults, datedToCount, projectBuckets } from '../../src/core/projection.js';
import { localDate } from '../../src/core/history.js';
import type { ManualMove, Session } from '../../src/core/records.js';
import type { Library } from '../../src/library/schema.js';
import { drill } from '../helpers/drills.js';
import { buildSession, lastResultAt, storeWith } from '../helpers/sessions.js';

// Library order differs from routine order on purpose: rehab must follow the routines.
const library: Library = {
  version: 1,
  exercises: [
    drill('bridges', 'Bridges'),
    drill('clamshells', 'Clamshells'),
    drill('hip-hikes', 'Hip hikes'),
    drill('monster-walks', 'Monster walks'),
    drill('leg-swings', 'Leg swings'),
    drill('zebra-walk', 'Zebra walk'),
  ],
  routines: [
    { id: 'strength', name: 'Strength', description: 'Hip strength.', exercises: ['hip-hikes', 'clamshells'], cues: [] },
    { id: 'more', name: 'More', description: 'More.', exercises: ['clamshells', 'bridges'], cues: [] },
  ],
  movements: [],
  cues: [],
};

const move = (exerciseId: string, bucket: 'rehab' | 'avoid', at: string, note?: string): ManualMove => ({
  exerciseId,
  bucket,
  at,
  ...(note ? { note } : {}),
});

describe('projectBuckets', () => {
  it('keeps the latest session decision per drill', () => {
    const first = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const second = buildSession({ startedAt: '2026-01-05T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 7] }] });
    // Stored out of order: time decides, not position in the log.
    const entries = projectBuckets([second, first], []);
    expect(entries).toEqual([
      { exerciseId: 'clamshells', bucket: 'avoid', decidedAt: lastResultAt(second), source: 'session', flare: false },
    ]);
  });

  it('lets a manual move win until a newer session result', () => {
    const tested = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] });
    const moved = move('clamshells', 'rehab', '2026-01-02T10:00:00Z', 'my therapist wants these');
    expect(projectBuckets([tested], [moved])).toEqual([
      { exerciseId: 'clamshells', bucket: 'rehab', decidedAt: moved.at, source: 'manual', flare: false, note: 'my therapist wants these' },
    ]);
    const retested = buildSession({ startedAt: '2026-01-03T10:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 6] }] });
    expect(projectBuckets([tested, retested], [moved])[0]).toMatchObject({ bucket: 'avoid', source: 'session' });
  });

  it('lets a manual move made at the same instant as a result win', () => {
    const tested = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const moved = move('clamshells', 'avoid', lastResultAt(tested));
    expect(projectBuckets([tested], [moved])[0]).toMatchObject({ bucket: 'avoid', source: 'manual' });
  });

  it('leaves buckets alone for skipped drills', () => {
    const helped = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'bridges', scores: [4] }] });
    const skipped = buildSession({ startedAt: '2026-01-02T10:00:00Z', baseline: 6, drills: [{ id: 'bridges', skipped: true }, { id: 'leg-swings', skipped: true }] });
    expect(projectBuckets([helped, skipped], [])).toEqual([
      { exerciseId: 'bridges', bucket: 'rehab', decidedAt: lastResultAt(helped), source: 'session', flare: false },
    ]);
  });

  it('puts a flare in avoid with the flag', () => {
    const flared = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 3, drills: [{ id: 'monster-walks', scores: [6] }] });
    expect(flared.results[0]).toMatchObject({ outcome: 'avoid', flare: true });
    expect(projectBuckets([flared], [])[0]).toMatchObject({ bucket: 'avoid', flare: true });
  });

  it('keeps the flare flag on a drill kept in avoid by hand, and drops it once moved out', () => {
    const flared = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 3, drills: [{ id: 'monster-walks', scores: [6] }] });
    const kept = move('monster-walks', 'avoid', '2026-01-02T10:00:00Z', 'still sore');
    expect(projectBuckets([flared], [kept])).toEqual([
      { exerciseId: 'monster-walks', bucket: 'avoid', decidedAt: kept.at, source: 'manual', flare: true, note: 'still sore' },
    ]);
    // Moved to rehab and back: a decision made since, with no flare behind it.
    const back = [move('monster-walks', 'rehab', '2026-01-03T10:00:00Z'), move('monster-walks', 'avoid', '2026-01-04T10:00:00Z')];
    expect(projectBuckets([flared], [kept, ...back])[0]).toMatchObject({ bucket: 'avoid', source: 'manual', flare: false });
    // A drill set aside without a flare stays without the flag.
    const plain = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] });
    expect(projectBuckets([plain], [move('clamshells', 'avoid', '2026-01-02T10:00:00Z')])[0]).toMatchObject({ flare: false });
  });

  it('ignores attempts of a drill that an interrupted session never finished', () => {
    const interrupted = buildSession({
      startedAt: '2026-01-01T10:00:00Z',
      baseline: 6,
      drills: [{ id: 'bridges', scores: [4] }, { id: 'clamshells', scores: [5], unfinished: true }],
    });
    expect(interrupted.status).toBe('interrupted');
    expect(projectBuckets([interrupted], []).map((entry) => entry.exerciseId)).toEqual(['bridges']);
  });

  it('ignores decisions at or before the reset marker', () => {
    const before = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'bridges', scores: [4] }] });
    const after = buildSession({ startedAt: '2026-01-10T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [5] }] });
    const moves = [move('hip-hikes', 'avoid', '2026-01-05T10:00:00Z')];
    expect(projectBuckets([before, after], moves, lastResultAt(before)).map((e) => e.exerciseId)).toEqual(['clamshells', 'hip-hikes']);
    expect(projectBuckets([before, after], moves, '2026-01-05T10:00:00Z').map((e) => e.exerciseId)).toEqual(['clamshells']);
  });
});

describe('projectBuckets with timestamps of other offsets', () => {
  it('decides by the instant, not by the text of the time', () => {
    // Written with another offset, these are 09:00 UTC and 11:00 UTC: the move comes after the test.
    const tested = buildSession({ startedAt: '2026-01-05T09:00:00.000Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const earlier = { ...tested, results: tested.results.map((result) => ({ ...result, at: '2026-01-05T10:00:00+01:00' })) };
    expect(projectBuckets([earlier], [move('clamshells', 'avoid', '2026-01-05T11:00:00.000Z')])[0]).toMatchObject({ source: 'manual' });
    const later = { ...tested, results: tested.results.map((result) => ({ ...result, at: '2026-01-05T12:30:00+01:00' })) };
    expect(projectBuckets([later], [move('clamshells', 'avoid', '2026-01-05T11:00:00.000Z')])[0]).toMatchObject({ source: 'session' });
  });

  it('lists entries by id in the same order as localeCompare, for any ids', () => {
    const ids = ['hip-hikes', 'Bridges', 'clamshells', 'hip-cars-2', 'hip-cars', 'élan', 'a-b', 'ab', '9-lives'];
    const moves = ids.map((id, index) => move(id, 'rehab', `2026-01-0${1 + (index % 9)}T10:00:00.000Z`));
    expect(projectBuckets([], moves).map((entry) => entry.exerciseId)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: T[]) => items[Math.floor(next() * items.length)]! };
}

describe('applySessionResults', () => {
  const drills = ['bridges', 'clamshells', 'hip-hikes', 'monster-walks', 'leg-swings'];

  it('equals projecting the whole log, result by result through a session, over many made-up logs', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const pick = random(seed);
      const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T10:00:00.000Z`;
      const plan = (n: number) => ({
        startedAt: day(n),
        baseline: pick.int(3, 8),
        drills: Array.from({ length: pick.int(1, 4) }, () => {
          const id = pick.pick(drills);
          return pick.int(0, 5) === 0 ? { id, skipped: true } : { id, scores: [pick.int(0, 10), pick.int(0, 10)] };
        }),
      });
      const log = Array.from({ length: pick.int(0, 5) }, (_, index) => buildSession(plan(1 + index * 2)));
      const whole = buildSession(plan(20));
      // Some moves are made at the very instant of a result (of the log or of the new session).
      const results = [...log, whole].flatMap((session) => session.results);
      const moves: ManualMove[] = Array.from({ length: pick.int(0, 3) }, () => {
        const at = results.length > 0 && pick.int(0, 1) === 0 ? pick.pick(results).at : day(pick.int(1, 28));
        return move(pick.pick(drills), pick.pick(['rehab', 'avoid'] as const), at);
      });
      // A reset sometimes falls in the middle of the new session (made from another terminal).
      const resetAt = [undefined, undefined, day(pick.int(1, 12)), whole.results[pick.int(0, whole.results.length - 1)]?.at][pick.int(0, 3)];

      // The session as it is saved after each of its results, starting with none.
      let stored = projectBuckets(log, moves, resetAt);
      for (let count = 0; count <= whole.results.length; count++) {
        const sofar: Session = { ...whole, results: whole.results.slice(0, count) };
        stored = applySessionResults(stored, sofar, resetAt);
        expect(stored, `seed ${seed}, ${count} results`).toEqual(projectBuckets([...log, sofar], moves, resetAt));
      }
    }
  });

  it('leaves the entries it is given as they were', () => {
    const tested = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const entries = Object.freeze(projectBuckets([tested], []));
    const retested = buildSession({ startedAt: '2026-01-03T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] });
    expect(applySessionResults(entries, retested)[0]).toMatchObject({ bucket: 'avoid' });
    expect(entries[0]).toMatchObject({ bucket: 'rehab' });
  });
});

describe('datedToCount', () => {
  // Clamshells went to rehab in a session recorded a year ahead; today's session flares on them.
  const ahead = buildSession({ startedAt: '2027-11-20T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
  const today = buildSession({
    startedAt: '2026-11-20T10:00:00Z',
    baseline: 4,
    drills: [{ id: 'bridges', scores: [3] }, { id: 'hip-hikes', skipped: true }, { id: 'clamshells', scores: [8] }],
  });
  const aheadAt = ahead.results[0]!.at;
  const justAfter = new Date(Date.parse(aheadAt) + 1).toISOString();

  it('dates a result just after the decision dated ahead of the clock that it replaces, so that it decides', () => {
    const entries = projectBuckets([ahead], []);
    expect(projectBuckets([ahead, today], []).find((e) => e.exerciseId === 'clamshells')).toMatchObject({ bucket: 'rehab' });
    const counted = datedToCount(entries, today, undefined);
    expect(counted.results.map((r) => r.at)).toEqual([today.results[0]!.at, today.results[1]!.at, justAfter]);
    // The scores keep the time they were given at; only the decision is dated to count.
    expect(counted.attempts).toEqual(today.attempts);
    expect(projectBuckets([ahead, counted], []).find((e) => e.exerciseId === 'clamshells')).toMatchObject({ bucket: 'avoid', flare: true });
    expect(applySessionResults(entries, counted)).toEqual(projectBuckets([ahead, counted], []));
    // The same from a move by hand dated ahead, which would win a tie.
    const moved = [move('clamshells', 'rehab', aheadAt)];
    const afterMove = datedToCount(projectBuckets([], moved), today, undefined);
    expect(projectBuckets([afterMove], moved)).toMatchObject([{ exerciseId: 'bridges' }, { exerciseId: 'clamshells', bucket: 'avoid', source: 'session' }]);
  });

  it('dates a result just after a reset dated ahead of the clock', () => {
    const resetAt = aheadAt;
    const counted = datedToCount(projectBuckets([ahead], [], resetAt), today, undefined, resetAt);
    expect(counted.results.filter((r) => r.outcome !== 'skipped').map((r) => r.at)).toEqual([justAfter, justAfter]);
    expect(projectBuckets([ahead, counted], [], resetAt).map((e) => [e.exerciseId, e.bucket])).toEqual([['bridges', 'rehab'], ['clamshells', 'avoid']]);
    // A skip decides nothing: it keeps the time it was given at.
    expect(counted.results[1]).toEqual(today.results[1]);
  });

  it('dates a result made in the very millisecond of the decision or reset it replaces just after it, so that it counts', () => {
    const bridgesAt = today.results[0]!.at;
    const oneAfter = new Date(Date.parse(bridgesAt) + 1).toISOString();
    const afterReset = datedToCount([], today, undefined, bridgesAt);
    expect(afterReset.results[0]!.at).toBe(oneAfter);
    expect(projectBuckets([afterReset], [], bridgesAt).map((e) => [e.exerciseId, e.bucket])).toEqual([['bridges', 'rehab'], ['clamshells', 'avoid']]);
    // A move by hand of the same instant would win the tie.
    const moved = [move('bridges', 'avoid', bridgesAt)];
    const afterMove = datedToCount(projectBuckets([], moved), today, undefined);
    expect(afterMove.results[0]!.at).toBe(oneAfter);
    expect(projectBuckets([afterMove], moved).find((e) => e.exerciseId === 'bridges')).toMatchObject({ bucket: 'rehab', source: 'session' });
  });

  it('shows a result dated ahead to count by the day it was tested, and its re-test from that day', () => {
    const moved = [move('clamshells', 'rehab', aheadAt)];
    const counted = datedToCount(projectBuckets([], moved), today, undefined);
    const view = bucketView(storeWith({ sessions: [counted], moves: moved }), library, new Date('2026-11-21T12:00:00Z'));
    const flaredAt = today.attempts.at(-1)!.at;
    expect(view.avoid.map((s) => [s.exerciseId, s.decidedAt, s.evidence.lastTestedAt])).toEqual([['clamshells', flaredAt, flaredAt]]);
    expect(localDate(new Date(view.avoid[0]!.retestDueAt!))).toBe('2026-12-04');
  });

  it('keeps the dates a session was saved with as it gains results, and changes nothing when the clock was right', () => {
    const entries = projectBuckets([ahead], []);
    const first: Session = { ...today, results: today.results.slice(0, 3) };
    const saved = datedToCount(entries, { ...today, results: [] }, undefined);
    const once = datedToCount(entries, first, saved);
    const twice = datedToCount(applySessionResults(entries, once), today, once);
    expect(twice.results.map((r) => r.at)).toEqual([...today.results.slice(0, 2).map((r) => r.at), justAfter]);
    const later = buildSession({ startedAt: '2027-12-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    expect(datedToCount(entries, later, undefined)).toBe(later);
  });
});

describe('bucketView', () => {
  it('lists rehab in routine order, then drills outside routines by name', () => {
    const session = buildSession({
      startedAt: '2026-01-01T10:00:00Z',
      baseline: 8,
      drills: [
        { id: 'bridges', scores: [7] },
        { id: 'zebra-walk', scores: [6] },
        { id: 'clamshells', scores: [5] },
        { id: 'leg-swings', scores: [4] },
        { id: 'hip-hikes', scores: [3] },
      ],
    });
    const view = bucketView(storeWith({ sessions: [session] }), library, new Date('2026-01-02T00:00:00Z'));
    expect(view.rehab.map((s) => s.exerciseId)).toEqual(['hip-hikes', 'clamshells', 'bridges', 'leg-swings', 'zebra-walk']);
    expect(view.untested.map((s) => s.exerciseId)).toEqual(['monster-walks']);
  });

  it('starts rehab and re-test with the warm-up drills, wherever their routine comes, then the rest in routine order', () => {
    // As the shipped library has it: the warm-up routine listed after the strength one.
    const warmUp = (id: string, name: string) => ({ ...drill(id, name), category: 'warm-up' as const, loading: false });
    const { exercises, routines } = library;
    const warmUpLast: Library = Object.assign({}, library, {
      exercises: [...exercises.filter((exercise) => exercise.id !== 'leg-swings'), warmUp('leg-swings', 'Leg swings'), warmUp('glute-activation', 'Glute activation')],
      routines: [...routines, { id: 'warm-up', name: 'Warm-up', description: 'Warm up.', exercises: ['leg-swings', 'glute-activation'], cues: [] }],
    });
    const session = buildSession({
      startedAt: '2026-01-01T10:00:00Z',
      baseline: 8,
      drills: [
        { id: 'bridges', scores: [7] },
        { id: 'glute-activation', scores: [6] },
        { id: 'hip-hikes', scores: [5] },
        { id: 'leg-swings', scores: [4] },
      ],
    });
    const view = bucketView(storeWith({ sessions: [session] }), warmUpLast, new Date('2026-01-02T00:00:00Z'));
    expect(view.rehab.map((s) => s.exerciseId)).toEqual(['leg-swings', 'glute-activation', 'hip-hikes', 'bridges']);
    expect(builtInRoutine('rehab', view, warmUpLast)).toEqual(['leg-swings', 'glute-activation', 'hip-hikes', 'bridges']);
    const aside = storeWith({ moves: [move('bridges', 'avoid', '2026-01-01T10:00:00Z'), move('glute-activation', 'avoid', '2026-01-02T10:00:00Z')] });
    expect(builtInRoutine('retest', bucketView(aside, warmUpLast, new Date('2026-01-20T12:00:00Z')), warmUpLast)).toEqual(['glute-activation', 'bridges']);
  });

  it('lists rehab drills outside routines by their names, not their ids', () => {
    const base = library;
    const withWallSit: Library = { ...base, exercises: [...base.exercises, drill('a-wall-sit', 'Wall sit')] };
    const session = buildSession({
      startedAt: '2026-01-01T10:00:00Z',
      baseline: 8,
      drills: [{ id: 'zebra-walk', scores: [7] }, { id: 'a-wall-sit', scores: [6] }, { id: 'leg-swings', scores: [5] }],
    });
    const view = bucketView(storeWith({ sessions: [session] }), withWallSit, new Date('2026-01-02T00:00:00Z'));
    expect(view.rehab.map((s) => s.name)).toEqual(['Leg swings', 'Wall sit', 'Zebra walk']);
  });

  it('counts evidence: tests, helps (and those only on the retry), mean, last change, flares', () => {
    const sessions = [
      // helped at once: 6 -> 4 = -2
      buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
      // retry helped: 5 -> 5, then 3; change = 3 - 5 = -2
      buildSession({ startedAt: '2026-01-02T10:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 3] }] }),
      // skipped: no test
      buildSession({ startedAt: '2026-01-03T10:00:00Z', baseline: 5, drills: [{ id: 'clamshells', skipped: true }] }),
      // not helped after the retry: 4 -> 5, then 6 (rise of 2, no flare); change = +2
      buildSession({ startedAt: '2026-01-04T10:00:00Z', baseline: 4, drills: [{ id: 'clamshells', scores: [5, 6] }] }),
      // interrupted before the result: no test
      buildSession({ startedAt: '2026-01-05T10:00:00Z', baseline: 4, drills: [{ id: 'clamshells', scores: [4], unfinished: true }] }),
      // helped again: 5 -> 4 = -1, the newest test
      buildSession({ startedAt: '2026-01-06T10:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }),
    ];
    const view = bucketView(storeWith({ sessions }), library, new Date('2026-01-07T00:00:00Z'));
    expect(view.rehab[0]!.evidence).toEqual({
      tested: 4,
      helped: 3,
      helpedOnRetry: 1, // the second session: the first try did not help
      meanChange: -0.8, // (-2 - 2 + 2 - 1) / 4 = -0.75
      lastChange: -1,
      lastTestedAt: lastResultAt(sessions[5]!),
      flares: 0,
      lastFlareAt: null,
      lastFlareSide: null,
      tooLowToShowHelp: 0,
      lastCouldNotShow: null,
      lastFallNeeded: null,
      sides: [{ side: 'left', tested: 4, helped: 3, meanChange: -0.8 }],
      lastSide: 'left',
      lastSymptom: 'pain',
      lastMovement: 'single-leg squat',
      partlyTimed: 0,
      lastHolds: [],
    });
  });

  it('counts a retry\'s change from its first try when a clock set back between them dates the retry before the first try', () => {
    // 5 -> 5, then 3 on the retry: helped, change -2. The clock went back an hour before the retry.
    const session = buildSession({ startedAt: '2026-01-02T10:00:00.000Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 3] }] });
    session.attempts[0]!.holds = { timed: 1, of: 3 };
    session.attempts[1] = { ...session.attempts[1]!, at: '2026-01-02T09:02:00.000Z' };
    session.results[0] = { ...session.results[0]!, at: '2026-01-02T09:02:00.000Z' };
    const { evidence } = bucketView(storeWith({ sessions: [session] }), library, new Date('2026-01-03T00:00:00Z')).rehab[0]!;
    expect(evidence).toMatchObject({ tested: 1, helped: 1, helpedOnRetry: 1, meanChange: -2, lastChange: -2, partlyTimed: 1, lastHolds: [{ attempt: 1, timed: 1, of: 3 }] });
    expect(evidence.sides).toEqual([{ side: 'left', tested: 1, helped: 1, meanChange: -2 }]);
  });

  it('keeps each drill\'s change its own when a clock set back during a session dates a later drill before an earlier one', () => {
    // Hip hikes 6 -> 4 at 10:01 helped (-2); the clock then went back an hour: clamshells 4 -> 5, then 5, set aside (+1).
    const session = buildSession({ startedAt: '2026-01-02T10:00:00.000Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [4] }, { id: 'clamshells', scores: [5, 5] }] });
    session.attempts[1] = { ...session.attempts[1]!, at: '2026-01-02T09:02:00.000Z' };
    session.attempts[2] = { ...session.attempts[2]!, at: '2026-01-02T09:03:00.000Z' };
    session.results[1] = { ...session.results[1]!, at: '2026-01-02T09:03:00.000Z' };
    const view = bucketView(storeWith({ sessions: [session] }), library, new Date('2026-01-03T00:00:00Z'));
    expect(view.rehab[0]!.evidence).toMatchObject({ tested: 1, meanChange: -2, lastChange: -2, lastTestedAt: '2026-01-02T10:01:00.000Z' });
    expect(view.avoid[0]!.evidence).toMatchObject({ tested: 1, meanChange: 1, lastChange: 1, lastTestedAt: '2026-01-02T09:03:00.000Z' });
  });

  it('gives what the newest test rated, the symptom and the test movement as typed, whatever session came last in the log', () => {
    const sessions = [
      buildSession({ startedAt: '2026-01-01T10:00:00Z', symptom: 'pain', movement: 'single-leg squat', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
      buildSession({ startedAt: '2026-01-03T10:00:00Z', symptom: 'tightness', movement: 'Walking  fast', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
      // Started later, but it only skipped the drill: no test.
      buildSession({ startedAt: '2026-01-04T10:00:00Z', symptom: 'discomfort', movement: 'step-down', baseline: 6, drills: [{ id: 'clamshells', skipped: true }] }),
      // Kept before the newest in the log, tested earlier.
      buildSession({ startedAt: '2026-01-02T10:00:00Z', symptom: 'discomfort', movement: 'stairs', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
    ];
    const { evidence } = bucketView(storeWith({ sessions }), library, new Date('2026-01-05T00:00:00Z')).rehab[0]!;
    expect(evidence).toMatchObject({ lastSymptom: 'tightness', lastMovement: 'Walking  fast' });
    expect(bucketView(storeWith({ sessions: [] }), library, new Date('2026-01-05T00:00:00Z')).untested.find((s) => s.exerciseId === 'clamshells')!.evidence).toMatchObject({ lastSymptom: null, lastMovement: null });
  });

  it('counts the tests done after timing only some holds, and gives those of the last test with their try', () => {
    const sessions = [
      buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
      buildSession({ startedAt: '2026-01-02T10:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 5] }] }),
      // Left part way: no test, so its holds count for none.
      buildSession({ startedAt: '2026-01-03T10:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5], unfinished: true }] }),
    ];
    sessions[0]!.attempts[0]!.holds = { timed: 1, of: 3 };
    sessions[1]!.attempts[1]!.holds = { timed: 2, of: 6 };
    sessions[2]!.attempts[0]!.holds = { timed: 1, of: 6 };
    const { evidence } = bucketView(storeWith({ sessions }), library, new Date('2026-01-04T00:00:00Z')).avoid[0]!;
    expect(evidence).toMatchObject({ tested: 2, partlyTimed: 2, lastHolds: [{ attempt: 2, timed: 2, of: 6 }] });
  });

  it('counts the tests of each painful side apart, with the mean change of each: a drill that helped the left may not help the right', () => {
    const sessions = [
      buildSession({ startedAt: '2026-01-01T10:00:00Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
      buildSession({ startedAt: '2026-01-20T10:00:00Z', side: 'right', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] }),
      buildSession({ startedAt: '2026-02-10T10:00:00Z', side: 'both', baseline: 6, drills: [{ id: 'clamshells', scores: [5] }] }),
      buildSession({ startedAt: '2026-02-12T10:00:00Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 7] }] }),
    ];
    const { evidence } = bucketView(storeWith({ sessions }), library, new Date('2026-02-13T00:00:00Z')).avoid[0]!;
    expect(evidence).toMatchObject({ tested: 4, helped: 2, lastSide: 'left' });
    // Left, right, both, whatever order they came in; the left's mean is of its own -2 and +1.
    expect(evidence.sides).toEqual([
      { side: 'left', tested: 2, helped: 1, meanChange: -0.5 },
      { side: 'right', tested: 1, helped: 0, meanChange: 0 },
      { side: 'both', tested: 1, helped: 1, meanChange: -1 },
    ]);
    expect(evidence.meanChange).toBe(-0.5);
  });

  it('counts the tests that started too low to show help, and says what the last test could not show', () => {
    const sessions = [
      // 3 -> 1 with minImprovement 2: helped.
      buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 3, minImprovement: 2, drills: [{ id: 'clamshells', scores: [1] }] }),
      // From 1 with minImprovement 2 no score helps: set aside whatever it did.
      buildSession({ startedAt: '2026-01-02T10:00:00Z', baseline: 1, minImprovement: 2, drills: [{ id: 'clamshells', scores: [0, 0] }] }),
      // From 0 with minImprovement 1: the same.
      buildSession({ startedAt: '2026-01-03T10:00:00Z', baseline: 0, drills: [{ id: 'clamshells', scores: [0, 1] }] }),
      // From 0, a flare-up shows all the same: counted as a flare, not as too low.
      buildSession({ startedAt: '2026-01-04T10:00:00Z', baseline: 0, drills: [{ id: 'monster-walks', scores: [3] }] }),
    ];
    const at = new Date('2026-01-05T00:00:00Z');
    const view = bucketView(storeWith({ sessions }), library, at);
    const clamshells = view.avoid.find((status) => status.exerciseId === 'clamshells')!;
    expect(clamshells.evidence).toMatchObject({ tested: 3, helped: 1, tooLowToShowHelp: 2, lastCouldNotShow: { what: 'help', from: 0, points: 1 } });
    const walks = view.avoid.find((status) => status.exerciseId === 'monster-walks')!;
    expect(walks.evidence).toMatchObject({ flares: 1, tooLowToShowHelp: 0, lastCouldNotShow: null });
    // Tested again from 5 and set aside: the last test could show help, the earlier ones still count.
    const retested = buildSession({ startedAt: '2026-01-06T10:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 5] }] });
    const later = bucketView(storeWith({ sessions: [...sessions, retested] }), library, at).avoid.find((status) => status.exerciseId === 'clamshells')!;
    expect(later.evidence).toMatchObject({ tested: 4, tooLowToShowHelp: 2, lastCouldNotShow: null });
  });

  it('counts a test from exactly minImprovement as one that could show help', () => {
    // From 2 with minImprovement 2, a fall to 0 would have helped: set aside as a drill that did not.
    const session = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 2, minImprovement: 2, drills: [{ id: 'clamshells', scores: [2, 1] }] });
    const { evidence } = bucketView(storeWith({ sessions: [session] }), library, new Date('2026-01-02T00:00:00Z')).avoid[0]!;
    expect(evidence).toMatchObject({ tested: 1, helped: 0, tooLowToShowHelp: 0, lastCouldNotShow: null });
  });

  it('keeps the fall a test set aside fell short of, when it fell by less than its session counted as helping', () => {
    const at = new Date('2026-01-09T00:00:00Z');
    const evidenceOf = (...sessions: Session[]) => {
      const view = bucketView(storeWith({ sessions }), library, at);
      return [...view.rehab, ...view.avoid].find((status) => status.exerciseId === 'clamshells')!.evidence;
    };
    // From 5 where 2 points count: 4 on the first try, 4 on the retry, a fall of 1 set aside.
    const short = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 5, minImprovement: 2, drills: [{ id: 'clamshells', scores: [4, 4] }] });
    expect(evidenceOf(short)).toMatchObject({ helped: 0, lastChange: -1, lastFallNeeded: 2, lastCouldNotShow: null });
    // No fall at all, a fall that counted, a flare-up, a start too low to show help: none of them.
    const still = buildSession({ startedAt: '2026-01-02T10:00:00Z', baseline: 5, minImprovement: 2, drills: [{ id: 'clamshells', scores: [5, 5] }] });
    expect(evidenceOf(short, still)).toMatchObject({ lastChange: 0, lastFallNeeded: null });
    const helped = buildSession({ startedAt: '2026-01-03T10:00:00Z', baseline: 5, minImprovement: 2, drills: [{ id: 'clamshells', scores: [3] }] });
    expect(evidenceOf(short, helped)).toMatchObject({ helped: 1, lastChange: -2, lastFallNeeded: null });
    const flared = buildSession({ startedAt: '2026-01-04T10:00:00Z', baseline: 5, minImprovement: 2, drills: [{ id: 'clamshells', scores: [8] }] });
    expect(evidenceOf(short, flared)).toMatchObject({ flares: 1, lastFallNeeded: null });
    const low = buildSession({ startedAt: '2026-01-05T10:00:00Z', baseline: 1, minImprovement: 2, drills: [{ id: 'clamshells', scores: [0, 0] }] });
    expect(evidenceOf(short, low)).toMatchObject({ lastChange: -1, lastFallNeeded: null, lastCouldNotShow: { what: 'help', from: 1, points: 2 } });
    // The newest test's session says how much counted: 3 points there.
    const three = buildSession({ startedAt: '2026-01-06T10:00:00Z', baseline: 6, minImprovement: 3, drills: [{ id: 'clamshells', scores: [5, 4] }] });
    expect(evidenceOf(short, still, three)).toMatchObject({ lastChange: -2, lastFallNeeded: 3 });
  });

  it('takes the last change and name from the later of two tests of the same instant, as the bucket does', () => {
    // The same session saved twice with other scores (imported from two computers, say).
    const sessions = [
      buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'old-drill', name: 'Old name', scores: [6, 4] }] }),
      buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'old-drill', name: 'New name', scores: [7, 7] }] }),
    ];
    const view = bucketView(storeWith({ sessions }), library, new Date('2026-01-02T00:00:00Z'));
    expect(view.rehab).toEqual([]);
    expect(view.avoid.map((s) => [s.name, s.evidence.lastChange, s.evidence.tested])).toEqual([['New name', 1, 2]]);
  });

  it('says when the last test rose to 10 by less than a flare-up, which then could not show', () => {
    // From 8 with flareRise 3: 8 -> 10 and 8 -> 10 is no flare-up, only because the scale ends.
    const topped = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 8, drills: [{ id: 'clamshells', scores: [10, 10] }] });
    // From 8 to 9: the rise of 1 is what it is, not cut short by the top of the scale.
    const rose = buildSession({ startedAt: '2026-01-01T11:00:00Z', baseline: 8, drills: [{ id: 'bridges', scores: [9, 9] }] });
    // The first try reached the top, the retry not: the first try could not show a flare-up all the same.
    const firstTopped = buildSession({ startedAt: '2026-01-01T12:00:00Z', baseline: 8, drills: [{ id: 'hip-hikes', scores: [10, 9] }] });
    const view = bucketView(storeWith({ sessions: [topped, rose, firstTopped] }), library, new Date('2026-01-02T00:00:00Z'));
    const byId = (id: string) => view.avoid.find((status) => status.exerciseId === id)!.evidence;
    expect(byId('clamshells')).toMatchObject({ flares: 0, tooLowToShowHelp: 0, lastCouldNotShow: { what: 'flare-up', from: 8, points: 3 } });
    expect(byId('bridges').lastCouldNotShow).toBeNull();
    expect(byId('hip-hikes').lastCouldNotShow).toEqual({ what: 'flare-up', from: 8, points: 3 });
  });

  it('says a flare-up could not show when only the retry reached the top of the scale', () => {
    // From 8 with flareRise 3: 8 -> 9 did not help, the retry 8 -> 10 is no flare-up only because the scale ends.
    const session = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 8, drills: [{ id: 'clamshells', scores: [9, 10] }] });
    const { evidence } = bucketView(storeWith({ sessions: [session] }), library, new Date('2026-01-02T00:00:00Z')).avoid[0]!;
    expect(evidence).toMatchObject({ flares: 0, lastCouldNotShow: { what: 'flare-up', from: 8, points: 3 } });
  });

  it('says nothing could not show for a drill that helped on the retry after a first try at the top', () => {
    // 8 -> 10 did not help (no flare-up, the scale ends), the retry 8 -> 6 helped: it showed what it did.
    const session = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 8, drills: [{ id: 'clamshells', scores: [10, 6] }] });
    const [status] = bucketView(storeWith({ sessions: [session] }), library, new Date('2026-01-02T00:00:00Z')).rehab;
    expect(status!.evidence).toMatchObject({ helped: 1, helpedOnRetry: 1, lastCouldNotShow: null });
  });

  it('measures a flare on the retry from the original before', () => {
    // 5 -> 5 (not improved), retry 5 -> 8 (flare, +3 from the original before)
    const session = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 5, drills: [{ id: 'monster-walks', scores: [5, 8] }] });
    const [status] = bucketView(storeWith({ sessions: [session] }), library, new Date('2026-01-02T00:00:00Z')).avoid;
    expect(status).toMatchObject({ flare: true, evidence: { tested: 1, helped: 0, lastChange: 3, flares: 1 } });
  });

  it('keeps when the newest flare-up was, at the score that rose, whatever came after it', () => {
    const sessions = [
      buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 5, drills: [{ id: 'monster-walks', scores: [8] }] }),
      // A flare on the retry: its time is that of the retry's score.
      buildSession({ startedAt: '2026-01-10T10:00:00Z', baseline: 5, drills: [{ id: 'monster-walks', scores: [5, 8] }] }),
      // Tested since without a flare-up: the last flare-up stays the one before.
      buildSession({ startedAt: '2026-01-20T10:00:00Z', baseline: 5, drills: [{ id: 'monster-walks', scores: [3] }] }),
      buildSession({ startedAt: '2026-01-20T11:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }),
    ];
    const view = bucketView(storeWith({ sessions }), library, new Date('2026-01-21T00:00:00Z'));
    const byId = (id: string) => view.rehab.find((status) => status.exerciseId === id)!.evidence;
    expect(byId('monster-walks')).toMatchObject({ flares: 2, lastFlareAt: '2026-01-10T10:02:00.000Z' });
    expect(byId('clamshells').lastFlareAt).toBeNull();
    // The older flare-up later in the log (imported, say) does not hide the newer one.
    const reordered = bucketView(storeWith({ sessions: [sessions[1]!, sessions[0]!] }), library, new Date('2026-01-21T00:00:00Z')).avoid[0]!;
    expect(reordered.evidence.lastFlareAt).toBe('2026-01-10T10:02:00.000Z');
  });

  it('is due for re-test from the start of the day it shows, 14 days after the day of the decision, not a millisecond before', () => {
    // Set aside late in the evening, local time: due from the first moment of the 14th day after.
    const decided = new Date(2026, 0, 1, 22, 30);
    const data = storeWith({ moves: [move('clamshells', 'avoid', decided.toISOString())] });
    const dayStart = new Date(2026, 0, 15);
    const atBoundary = bucketView(data, library, dayStart).avoid[0]!;
    expect(atBoundary.retestDueAt).toBe(dayStart.toISOString());
    expect(localDate(new Date(atBoundary.retestDueAt!))).toBe('2026-01-15');
    expect(atBoundary.retestDue).toBe(true);
    const justBefore = bucketView(data, library, new Date(dayStart.getTime() - 1)).avoid[0]!;
    expect(justBefore.retestDue).toBe(false);
  });

  it('follows the retestAfterDays setting', () => {
    const decided = new Date(2026, 0, 1, 10, 0);
    const data = storeWith({ moves: [move('clamshells', 'avoid', decided.toISOString())] });
    data.settings.retestAfterDays = 3;
    expect(bucketView(data, library, new Date(2026, 0, 4, 0, 0)).avoid[0]!.retestDue).toBe(true);
    expect(bucketView(data, library, new Date(2026, 0, 3, 23, 59)).avoid[0]!.retestDue).toBe(false);
  });

  it('lists due re-tests first, then by date, and offers only due drills for the retest routine', () => {
    const data = storeWith({
      moves: [
        move('bridges', 'avoid', '2026-01-10T10:00:00Z'),
        move('clamshells', 'avoid', '2026-01-02T10:00:00Z'),
        move('hip-hikes', 'avoid', '2026-01-01T10:00:00Z'),
        move('monster-walks', 'avoid', '2026-01-09T10:00:00Z'),
      ],
    });
    const now = new Date('2026-01-16T12:00:00Z');
    const view = bucketView(data, library, now);
    expect(view.avoid.map((s) => [s.exerciseId, s.retestDue])).toEqual([
      ['hip-hikes', true],
      ['clamshells', true],
      ['monster-walks', false],
      ['bridges', false],
    ]);
    expect(builtInRoutine('retest', view, library)).toEqual(['hip-hikes', 'clamshells']);
  });

  it('lists drills set aside on the same day, so due the same day, in the order they were set aside', () => {
    const data = storeWith({
      moves: [move('monster-walks', 'avoid', new Date(2026, 0, 2, 9).toISOString()), move('bridges', 'avoid', new Date(2026, 0, 2, 18).toISOString())],
    });
    const view = bucketView(data, library, new Date(2026, 0, 5));
    expect(view.avoid.map((s) => s.retestDueAt)).toEqual([new Date(2026, 0, 16).toISOString(), new Date(2026, 0, 16).toISOString()]);
    expect(view.avoid.map((s) => s.exerciseId)).toEqual(['monster-walks', 'bridges']);
  });

  it('runs a re-test session in routine order, whichever drill has waited longest', () => {
    const data = storeWith({ moves: [move('bridges', 'avoid', '2026-01-01T10:00:00Z'), move('clamshells', 'avoid', '2026-01-02T10:00:00Z'), move('hip-hikes', 'avoid', '2026-01-03T10:00:00Z')] });
    const view = bucketView(data, library, new Date('2026-01-20T12:00:00Z'));
    expect(view.avoid.map((s) => s.exerciseId)).toEqual(['bridges', 'clamshells', 'hip-hikes']);
    expect(builtInRoutine('retest', view, library)).toEqual(['hip-hikes', 'clamshells', 'bridges']);
  });

  it('still shows a drill removed from the library, by its last name, but leaves it out of routines', () => {
    const session = buildSession({
      startedAt: '2026-01-01T10:00:00Z',
      baseline: 6,
      drills: [
        { id: 'old-drill', name: 'Old drill', scores: [4] },
        { id: 'clamshells', scores: [3] },
      ],
    });
    const data = storeWith({ sessions: [session], moves: [move('gone', 'avoid', '2026-01-02T10:00:00Z')] });
    const view = bucketView(data, library, new Date('2026-01-03T00:00:00Z'));
    expect(view.rehab.map((s) => [s.exerciseId, s.name, s.inLibrary])).toEqual([
      ['clamshells', 'Clamshells', true],
      ['old-drill', 'Old drill', false],
    ]);
    expect(view.avoid.map((s) => [s.exerciseId, s.name, s.inLibrary])).toEqual([['gone', 'gone', false]]);
    expect(builtInRoutine('rehab', view, library)).toEqual(['clamshells']);
    // Nor is it offered for a re-test, however long ago it was set aside.
    const later = bucketView(data, library, new Date('2027-01-03T00:00:00Z'));
    expect(later.avoid.map((s) => [s.exerciseId, s.retestDue, s.retestDueAt])).toEqual([['gone', false, undefined]]);
    expect(builtInRoutine('retest', later, library)).toEqual([]);
  });

  it('shows a drill by the name the library gives it now, not the one it was tested under', () => {
    const session = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', name: 'Clam shells (old)', scores: [4] }] });
    const view = bucketView(storeWith({ sessions: [session] }), library, new Date('2026-01-02T00:00:00Z'));
    expect(view.rehab.map((s) => [s.exerciseId, s.name])).toEqual([['clamshells', 'Clamshells']]);
  });

  it('lists a drill set aside that is no longer in the library after those with a re-test day', () => {
    const data = storeWith({
      moves: [move('gone', 'avoid', '2026-01-01T10:00:00Z'), move('bridges', 'avoid', '2026-01-10T10:00:00Z'), move('clamshells', 'avoid', '2026-01-02T10:00:00Z')],
    });
    const view = bucketView(data, library, new Date('2026-01-20T12:00:00Z'));
    expect(view.avoid.map((s) => [s.exerciseId, s.retestDue])).toEqual([
      ['clamshells', true],
      ['bridges', false],
      ['gone', false],
    ]);
    expect(builtInRoutine('retest', view, library)).toEqual(['clamshells']);
  });

  it('makes every drill untested again after a reset, keeping the evidence', () => {
    const session = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'bridges', scores: [4] }] });
    const data = storeWith({ sessions: [session], bucketsResetAt: '2026-01-02T00:00:00Z' });
    const view = bucketView(data, library, new Date('2026-01-03T00:00:00Z'));
    expect(view.rehab).toEqual([]);
    expect(view.untested.find((s) => s.exerciseId === 'bridges')).toMatchObject({ bucket: 'untested', evidence: { tested: 1, helped: 1 } });
  });

  it('shows the note given with a move by hand beside the drill', () => {
    const data = storeWith({ moves: [move('clamshells', 'avoid', '2026-01-01T10:00:00Z', 'my therapist says to rest it'), move('bridges', 'rehab', '2026-01-01T10:05:00Z', 'easy on the knee')] });
    const view = bucketView(data, library, new Date('2026-01-03T00:00:00Z'));
    expect(view.avoid.map((s) => [s.exerciseId, s.note])).toEqual([['clamshells', 'my therapist says to rest it']]);
    expect(view.rehab.map((s) => [s.exerciseId, s.note])).toEqual([['bridges', 'easy on the knee']]);
  });
});
