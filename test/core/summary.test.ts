import { describe, expect, it } from 'vitest';
import { adviceFor, adviceFromLog } from '../../src/core/advice.js';
import { bucketView, viewBuckets } from '../../src/core/buckets.js';
import { summarize } from '../../src/core/summary.js';
import type { Library } from '../../src/library/schema.js';
import { drill } from '../helpers/drills.js';
import { buildSession, storeWith } from '../helpers/sessions.js';

const library: Library = {
  version: 1,
  exercises: [drill('clamshells', 'Clamshells'), drill('hip-hikes', 'Hip hikes'), drill('bridges', 'Bridges'), drill('leg-swings', 'Leg swings')],
  routines: [{ id: 'strength', name: 'Strength', description: 'Hip strength.', exercises: ['hip-hikes', 'clamshells', 'bridges'], cues: [] }],
  movements: [],
  cues: [],
};

/** A log with every kind of decision: help, a retry that failed, a flare, a skip, a drill gone from the library, a move, a reset. */
function richStore() {
  const day = (n: number) => new Date(Date.UTC(2026, 1, n, 9)).toISOString();
  const sessions = [
    buildSession({ startedAt: day(1), baseline: 6, loading: true, drills: [{ id: 'clamshells', scores: [4] }, { id: 'hip-hikes', scores: [6, 6] }] }),
    buildSession({ startedAt: day(9), baseline: 6, drills: [{ id: 'bridges', scores: [9] }, { id: 'old-drill', scores: [5] }] }),
    buildSession({ startedAt: day(16), baseline: 6, drills: [{ id: 'clamshells', scores: [6, 5] }, { id: 'leg-swings', skipped: true }] }),
    buildSession({ startedAt: day(24), baseline: 5, loading: true, drills: [{ id: 'hip-hikes', scores: [3] }] }),
  ];
  const moves = [{ exerciseId: 'bridges', bucket: 'rehab' as const, note: 'my therapist says so', at: day(20) }];
  return storeWith({ sessions, moves, bucketsResetAt: day(2), settings: { ...storeWith().settings, retestAfterDays: 10 } });
}

describe('summarize', () => {
  it('keeps, through JSON, everything the bucket view and the advice are made of', () => {
    const data = richStore();
    const kept = JSON.parse(JSON.stringify(summarize(data))) as ReturnType<typeof summarize>;
    for (const now of [new Date('2026-02-25T08:00:00Z'), new Date('2026-03-20T08:00:00Z')]) {
      expect(viewBuckets(kept.buckets, library, now)).toEqual(bucketView(data, library, now));
      expect(adviceFromLog(kept.advice, now, library)).toEqual(adviceFor(data, now, library));
    }
    // Spot checks, so that the comparison above is about something.
    const view = bucketView(data, library, new Date('2026-02-25T08:00:00Z'));
    expect(view.rehab.map((status) => status.exerciseId)).toEqual(['hip-hikes', 'clamshells', 'bridges', 'old-drill']);
    expect(view.rehab.find((status) => status.exerciseId === 'old-drill')).toMatchObject({ name: 'Old drill', inLibrary: false });
    expect(adviceFor(data, new Date('2026-02-25T08:00:00Z')).map((advice) => advice.id)).toEqual(['loading-spacing', 'see-a-professional']);
    expect(kept).toMatchObject({ sessionCount: 4, moveCount: 1 });
    // When the lists were last cleared, for the note under them.
    expect(kept.buckets.resetAt).toBe(data.bucketsResetAt);
  });

  it('is small: a few numbers per session, one entry per drill', () => {
    const data = richStore();
    const summary = summarize(data);
    const ms = (session: number) => Date.parse(data.sessions[session]!.startedAt);
    expect(summary.advice).toEqual({
      loadedMs: [ms(0), ms(3)],
      baselines: [{ rated: 'pain during single-leg squat', side: 'left', said: 'pain during single-leg squat', startedMs: [ms(0), ms(1), ms(2), ms(3)], scores: [6, 6, 6, 5] }],
      // Bridges rose 6 → 9: a flare-up, timed by the score that rose.
      flareUpsMs: [Date.parse(data.sessions[1]!.attempts[0]!.at)],
      routines: [{ routine: 'strength', side: 'left', startedMs: [ms(0), ms(1), ms(2), ms(3)], completed: [true, true, true, true], gotThrough: [2, 2, 2, 1], tried: [[], [], [], []] }],
    });
    expect(summary.buckets.observed.map(([id]) => id).sort()).toEqual(['bridges', 'clamshells', 'hip-hikes', 'leg-swings', 'old-drill']);
  });
});
