import { describe, expect, it } from 'vitest';
import { drawnFinal, evidenceBySide, localIsoTime, ratedWords, ratingsMix, scoreSeries, scoresWords, sessionsSince, sessionSummaries, sidesApart, trendsOf } from '../../src/core/history.js';
import { keptAside } from '../../src/core/kept-aside.js';
import type { PainfulSide } from '../../src/core/records.js';
import { sparkline, sparkTop } from '../../src/ui/sparkline.js';
import { buildSession } from '../helpers/sessions.js';

const older = buildSession({
  id: 'older',
  startedAt: '2026-01-01T10:00:00Z',
  routine: 'strength',
  baseline: 6,
  drills: [{ id: 'clamshells', scores: [4] }, { id: 'bridges', skipped: true }, { id: 'hip-hikes', scores: [5, 5] }],
});
const newer = buildSession({
  id: 'newer',
  startedAt: '2026-01-03T10:00:00Z',
  routine: 'joint-chain',
  symptom: 'tightness',
  movement: 'stairs',
  side: 'left',
  baseline: 5,
  drills: [{ id: 'lateral-ankle-tilts', scores: [3] }, { id: 'hip-cars', scores: [3], unfinished: true }],
});
const noBaseline = buildSession({ id: 'empty', startedAt: '2026-01-02T10:00:00Z', status: 'stopped' });

describe('sessionSummaries', () => {
  it('lists sessions newest first with counts and the final score', () => {
    expect(sessionSummaries([older, newer, noBaseline])).toEqual([
      {
        id: 'newer',
        startedAt: '2026-01-03T10:00:00Z',
        routine: 'joint-chain',
        symptom: 'tightness',
        movement: 'stairs',
        side: 'left',
        baseline: 5,
        final: 3, // the unfinished drill's attempt is the last score given
        attempts: 2,
        helped: 1,
        avoided: 0,
        flares: 0,
        skipped: 0,
        status: 'interrupted',
        interrupted: true,
        thresholds: { minImprovement: 1, flareRise: 3 },
      },
      expect.objectContaining({ id: 'empty', baseline: null, final: null, status: 'stopped', interrupted: false }),
      expect.objectContaining({ id: 'older', baseline: 6, final: 5, helped: 1, avoided: 1, skipped: 1, interrupted: false }),
    ]);
  });

  it('counts the drills set aside after a flare-up among those avoided', () => {
    const flared = buildSession({
      startedAt: '2026-01-05T10:00:00Z',
      baseline: 4,
      drills: [{ id: 'hip-hikes', scores: [7] }, { id: 'bridges', scores: [7, 7] }, { id: 'clamshells', scores: [10] }],
    });
    expect(sessionSummaries([flared])[0]).toMatchObject({ helped: 0, avoided: 3, flares: 2, final: 10 });
  });

  it('tells the drills a session kept aside, set aside already when it started, from those it set aside anew', () => {
    const first = buildSession({ id: 'first', startedAt: '2026-01-01T10:00:00Z', baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }, { id: 'bridges', scores: [5, 6] }, { id: 'clamshells', scores: [3] }] });
    // Hip hikes set aside again, bridges again after a flare-up, clamshells set aside anew: it had helped.
    const retest = buildSession({
      id: 'retest',
      startedAt: '2026-01-20T10:00:00Z',
      routine: 'retest',
      baseline: 5,
      drills: [{ id: 'hip-hikes', scores: [5, 5] }, { id: 'bridges', scores: [8] }, { id: 'clamshells', scores: [5, 5] }],
    });
    expect(keptAside([first, retest], [])).toEqual(new Map([['retest', { aside: 2, flares: 1 }]]));
    // Moved to rehab by hand in between: set aside anew. A move at the same instant as a result wins.
    const moved = { exerciseId: 'hip-hikes', bucket: 'rehab' as const, at: first.results[0]!.at };
    expect(keptAside([first, retest], [moved]).get('retest')).toEqual({ aside: 1, flares: 1 });
    // After a reset of the buckets every drill is set aside anew; a reset after the session changes nothing.
    expect(keptAside([first, retest], [], '2026-01-10T00:00:00.000Z').size).toBe(0);
    expect(keptAside([first, retest], [], '2026-02-01T00:00:00.000Z').get('retest')).toEqual({ aside: 2, flares: 1 });
    // A reset dated at the very instant of the latest decision (one dated ahead of the clock) clears that one too.
    const lastOfFirst = first.results.at(-1)!.at;
    expect(keptAside([first, retest], [{ exerciseId: 'hip-hikes', bucket: 'avoid', at: lastOfFirst }], lastOfFirst).size).toBe(0);
  });

  it('counts a drill set aside in the very instant its session started as set aside anew, not kept aside', () => {
    // Times kept to the whole minute: the session's own decision can share its start.
    const quick = buildSession({ id: 'quick', startedAt: '2026-01-01T10:00:00Z', baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }] });
    const sameInstant = { ...quick, results: quick.results.map((result) => ({ ...result, at: quick.startedAt })) };
    expect(keptAside([sameInstant], []).size).toBe(0);
  });

  it('counts a drill a session sets aside as set aside anew when a clock set back dates its result before the session began', () => {
    // Started at 10:00; the clock then went back an hour, so the result reads 09:02.
    const first = buildSession({ id: 'first', startedAt: '2026-01-01T10:00:00.000Z', baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }] });
    const setBack = { ...first, results: first.results.map((result) => ({ ...result, at: '2026-01-01T09:02:00.000Z' })) };
    expect(keptAside([setBack], []).size).toBe(0);
    // A re-test the next day still counts that decision as the one it found.
    const retest = buildSession({ id: 'retest', startedAt: '2026-01-02T10:00:00.000Z', baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }] });
    expect(keptAside([setBack, retest], [])).toEqual(new Map([['retest', { aside: 1, flares: 0 }]]));
    // Moved to rehab by hand before the set-back session: its own result does not hide the move.
    const moved = { exerciseId: 'hip-hikes', bucket: 'rehab' as const, at: '2026-01-01T08:00:00.000Z' };
    const earlier = buildSession({ id: 'earlier', startedAt: '2025-12-20T10:00:00.000Z', baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }] });
    expect(keptAside([earlier, setBack], [moved]).size).toBe(0);
  });

  it('uses the baseline as the final score when no drill was rated', () => {
    const onlyBaseline = buildSession({ startedAt: '2026-01-05T10:00:00Z', baseline: 7, drills: [{ id: 'bridges', skipped: true }] });
    expect(sessionSummaries([onlyBaseline])[0]).toMatchObject({ baseline: 7, final: 7, attempts: 0, skipped: 1 });
  });

  it('keeps a score of 0 as a score: a session that began at none, and one that brought the pain down to none', () => {
    const noneAtStart = buildSession({ id: 'none-at-start', startedAt: '2026-01-05T10:00:00Z', baseline: 0, drills: [{ id: 'bridges', skipped: true }] });
    const downToNone = buildSession({ id: 'down-to-none', startedAt: '2026-01-06T10:00:00Z', baseline: 3, drills: [{ id: 'clamshells', scores: [0] }] });
    const [down, none] = sessionSummaries([noneAtStart, downToNone]);
    expect(none).toMatchObject({ baseline: 0, final: 0 });
    expect(down).toMatchObject({ baseline: 3, final: 0 });
    expect([scoresWords(none!, '-'), scoresWords(down!, '-')]).toEqual(['0', '3 → 0']);
  });
});

describe('ratingsMix', () => {
  it('counts only sessions that decided a drill: one that skipped every drill or rated only a baseline mixes nothing', () => {
    const decided = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const retyped = buildSession({ startedAt: '2026-01-05T10:00:00Z', baseline: 6, movement: ' Single-leg  SQUAT ', drills: [{ id: 'bridges', scores: [5] }] });
    const skippedOnly = buildSession({ startedAt: '2026-01-02T10:00:00Z', symptom: 'tightness', movement: 'stairs', baseline: 3, drills: [{ id: 'bridges', skipped: true }] });
    const baselineOnly = buildSession({ startedAt: '2026-01-03T10:00:00Z', symptom: 'discomfort', baseline: 3, status: 'stopped' });
    expect(ratingsMix([decided, retyped, skippedOnly, baselineOnly])).toBe(false);
    const stairs = buildSession({ startedAt: '2026-01-04T10:00:00Z', movement: 'stairs', baseline: 5, drills: [{ id: 'bridges', scores: [4] }] });
    expect(ratingsMix([decided, stairs])).toBe(true);
  });

  it('counts a session whose drills were all set aside: its scores are in the evidence too', () => {
    const decided = buildSession({ startedAt: '2026-01-01T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const setAside = buildSession({ startedAt: '2026-01-04T10:00:00Z', movement: 'stairs', baseline: 5, drills: [{ id: 'bridges', scores: [5, 5] }, { id: 'hip-hikes', scores: [9] }] });
    expect(ratingsMix([decided, setAside])).toBe(true);
  });
});

describe('evidenceBySide', () => {
  it('tells sides apart by the sessions that decided a drill: a skip or a baseline on another side is no test there', () => {
    const left = buildSession({ startedAt: '2026-01-01T10:00:00Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const skippedRight = buildSession({ startedAt: '2026-01-02T10:00:00Z', side: 'right', baseline: 3, drills: [{ id: 'bridges', skipped: true }] });
    const baselineBoth = buildSession({ startedAt: '2026-01-03T10:00:00Z', side: 'both', baseline: 3, status: 'stopped' });
    expect(evidenceBySide([left, skippedRight, baselineBoth])).toBe(false);
    const flaredRight = buildSession({ startedAt: '2026-01-04T10:00:00Z', side: 'right', baseline: 4, drills: [{ id: 'monster-walks', scores: [7] }] });
    expect(evidenceBySide([left, flaredRight])).toBe(true);
  });
});

describe('ratedWords', () => {
  it('says what a score rated as a sentence says it, and "(not named)" for a test movement of spaces alone', () => {
    expect(ratedWords('pain', '  Single-leg   squat ')).toBe('pain during single-leg squat');
    expect(ratedWords('tightness', 'ITB walk')).toBe('tightness during ITB walk');
    // Valid in the store (written by hand, or by an older itb), but it names nothing.
    expect(ratedWords('pain', '   ')).toBe('pain during (not named)');
  });
});

describe('localIsoTime', () => {
  it('writes the clock the person saw with its offset, minutes of a half-hour zone included', () => {
    // The suite runs in St. John's: 3:30 behind UTC in winter, 2:30 in summer.
    expect(localIsoTime(new Date('2026-01-05T12:00:00Z'))).toBe('2026-01-05T08:30:00-03:30');
    expect(localIsoTime(new Date('2026-07-05T12:00:00Z'))).toBe('2026-07-05T09:30:00-02:30');
  });

  it('writes +00:00 for a clock on UTC and a plus sign east of it', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      expect(localIsoTime(new Date('2026-01-05T12:00:00Z'))).toBe('2026-01-05T12:00:00+00:00');
      process.env.TZ = 'Asia/Kolkata';
      expect(localIsoTime(new Date('2026-01-05T12:00:00Z'))).toBe('2026-01-05T17:30:00+05:30');
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('scoresWords', () => {
  it('goes from the baseline to the last score, the baseline alone when nothing was scored after it', () => {
    const scored = buildSession({ startedAt: '2026-01-05T10:00:00Z', baseline: 6, drills: [{ id: 'bridges', scores: [6, 6] }] });
    const onlyBaseline = buildSession({ startedAt: '2026-01-06T10:00:00Z', baseline: 7, drills: [{ id: 'bridges', skipped: true }] });
    // Newest first: the baseline-only session, then the scored one.
    const [baselineRow, scoredRow] = sessionSummaries([scored, onlyBaseline]);
    expect(scoresWords(scoredRow!, '–')).toBe('6 → 6'); // scored, and it did not change
    expect(scoresWords(baselineRow!, '–')).toBe('7');
    expect(scoresWords(sessionSummaries([noBaseline])[0]!, '—')).toBe('—');
  });
});

describe('sessionsSince', () => {
  it('puts a log stored out of order in the order the sessions started, leaving the log as it was', () => {
    const log = [newer, older, noBaseline];
    expect(sessionsSince(log).map((s) => s.id)).toEqual(['older', 'empty', 'newer']);
    expect(log.map((s) => s.id)).toEqual(['newer', 'older', 'empty']);
  });

  it('orders and filters start times written with another offset by their instant', () => {
    // 09:30 at +02:00 is 07:30 UTC, before the 08:00 UTC session; 23:30 at -05:00 is the next day.
    const early = buildSession({ id: 'early', startedAt: '2026-01-10T09:30:00+02:00' });
    const utc = buildSession({ id: 'utc', startedAt: '2026-01-10T08:00:00.000Z' });
    const late = buildSession({ id: 'late', startedAt: '2026-01-10T23:30:00-05:00' });
    expect(sessionsSince([utc, late, early]).map((s) => s.id)).toEqual(['early', 'utc', 'late']);
    expect(sessionsSince([utc, late, early], new Date('2026-01-10T07:45:00Z')).map((s) => s.id)).toEqual(['utc', 'late']);
    expect(sessionsSince([utc, late, early], new Date('2026-01-11T00:00:00Z')).map((s) => s.id)).toEqual(['late']);
    // A session started at the very instant asked for is one started since then.
    expect(sessionsSince([utc, late, early], new Date('2026-01-10T08:00:00Z')).map((s) => s.id)).toEqual(['utc', 'late']);
  });
});

describe('scoreSeries', () => {
  it('gives baseline and final per rated session, oldest first', () => {
    expect(scoreSeries([newer, noBaseline, older])).toEqual([
      { at: '2026-01-01T10:00:00Z', baseline: 6, final: 5, attempts: 3, symptom: 'pain', movement: 'single-leg squat', side: 'left' },
      { at: '2026-01-03T10:00:00Z', baseline: 5, final: 3, attempts: 2, symptom: 'tightness', movement: 'stairs', side: 'left' },
    ]);
  });

  it('draws no final score for a session where no drill was scored after the baseline', () => {
    // Stopped at its start: its final is the baseline, which drawn would read as drills that changed nothing.
    const stopped = buildSession({ id: 'stopped', startedAt: '2026-01-02T10:00:00Z', baseline: 7, status: 'stopped' });
    const [before, alone, after] = scoreSeries([older, stopped, newer]);
    expect(alone).toMatchObject({ baseline: 7, final: 7, attempts: 0 });
    expect([before, alone, after].map((point) => drawnFinal(point!))).toEqual([5, null, 3]);
  });
});

describe('trendsOf', () => {
  const point = (day: number, symptom: 'pain' | 'tightness', movement: string, side: PainfulSide = 'right') =>
    ({ at: `2026-01-0${day}T10:00:00Z`, baseline: day, final: day, attempts: 1, symptom, movement, side }) as const;

  it('groups the points by what they rated, the movement as typed on any day, the newest group first', () => {
    const points = [point(1, 'pain', 'Walking'), point(2, 'tightness', 'walking'), point(3, 'pain', 'stairs'), point(4, 'pain', ' walking '), point(5, 'pain', 'WALKING')];
    expect(trendsOf(points)).toEqual([
      { symptom: 'pain', movement: 'WALKING', side: 'right', points: [points[0], points[3], points[4]] },
      { symptom: 'pain', movement: 'stairs', side: 'right', points: [points[2]] },
      { symptom: 'tightness', movement: 'walking', side: 'right', points: [points[1]] },
    ]);
  });

  it('keeps the scores of each painful side apart, both sides at once a side of its own, the newest first', () => {
    // A right-leg squat on Monday and a left-leg one on Tuesday are two legs, not one getting worse.
    const points = [point(1, 'pain', 'squat', 'right'), point(2, 'pain', 'squat', 'left'), point(3, 'pain', 'squat', 'both'), point(4, 'pain', 'Squat', 'right')];
    expect(trendsOf(points)).toEqual([
      { symptom: 'pain', movement: 'Squat', side: 'right', points: [points[0], points[3]] },
      { symptom: 'pain', movement: 'squat', side: 'both', points: [points[2]] },
      { symptom: 'pain', movement: 'squat', side: 'left', points: [points[1]] },
    ]);
    expect(sidesApart(trendsOf(points))).toBe(true);
    expect(sidesApart(trendsOf([point(1, 'pain', 'squat', 'left'), point(2, 'pain', 'walking', 'left')]))).toBe(false);
  });

  it('puts first the trend of a new test movement the person has moved on to', () => {
    const points = [point(1, 'pain', 'walking'), point(2, 'pain', 'walking'), point(3, 'pain', 'running')];
    expect(trendsOf(points).map((trend) => [trend.movement, trend.points.length])).toEqual([['running', 1], ['walking', 2]]);
  });

  it('is one trend when every point rated the same, and none without points', () => {
    const points = [point(1, 'pain', 'lunge'), point(2, 'pain', 'lunge')];
    expect(trendsOf(points)).toEqual([{ symptom: 'pain', movement: 'lunge', side: 'right', points }]);
    expect(trendsOf([])).toEqual([]);
  });
});

describe('sparkline', () => {
  it('keeps the place of a missing value with a dot, so the bars after it stay in step', () => {
    expect(sparkline([6, null, 4], 7)).toBe('▇·▅');
  });

  it('maps 0 to the lowest bar and the maximum to the highest', () => {
    expect(sparkline([0, 10])).toBe('▁█');
    expect(sparkline([0, 1, 3, 4, 6, 7, 9, 10], 10)).toBe('▁▂▃▄▅▆▇█');
  });

  it('gives each score up to 7 a bar of its own, so that a fall of one point shows', () => {
    expect(sparkTop([3, 6, 5])).toBe(7);
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    // Higher scores raise the top: the series keeps one scale.
    expect(sparkTop([4, 9])).toBe(9);
    expect(sparkTop([12])).toBe(10);
  });

  it('clamps values outside the range', () => {
    expect(sparkline([-2, 12], 10)).toBe('▁█');
  });

  it('shows the latest points of a long series behind an ellipsis, within the width', () => {
    const line = sparkline([10, 10, 10, 0, 0, 0, 0], 10, 5);
    expect(line).toBe('…▁▁▁▁');
    expect([...line]).toHaveLength(5);
  });
});
