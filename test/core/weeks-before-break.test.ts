import { describe, expect, it } from 'vitest';
import { adviceFor, adviceLog, persistentSymptoms } from '../../src/core/advice.js';
import { buildSession, storeWith } from '../helpers/sessions.js';

// Three weeks of sessions in spring, Monday 2026-05-25 to Saturday 2026-06-13, then four months
// away, then back on the same side in autumn, no lower.
const spring = [
  ['2026-05-25', 6],
  ['2026-05-27', 6],
  ['2026-05-29', 5],
  ['2026-06-01', 6],
  ['2026-06-03', 5],
  ['2026-06-06', 5],
  ['2026-06-10', 4],
  ['2026-06-13', 4],
] as const;
const autumn = [
  ['2026-10-19', 7],
  ['2026-10-21', 6],
  ['2026-10-23', 6],
  ['2026-10-25', 6],
] as const;
const sessions = [...spring, ...autumn].map(([day, baseline]) => buildSession({ startedAt: `${day}T15:00:00.000Z`, baseline, routine: 'mobility' }));

describe('the weeks before a break', () => {
  it('are the Monday-to-Sunday weeks of the scores before the break, so they read the same whichever day it is now', () => {
    // Sunday evening, Monday, Tuesday and Saturday after the last session: nothing new was rated.
    const days = ['2026-10-25T23:00:00Z', '2026-10-26T12:00:00Z', '2026-10-27T12:00:00Z', '2026-10-31T12:00:00Z'].map((at) => new Date(at));
    const found = days.map((now) => persistentSymptoms(adviceLog(sessions), now)[0]);
    for (const each of found) {
      // Monday 2026-05-25 to Sunday 2026-06-14: the first week holds the 6, 6 and 5 of its first three sessions.
      expect(each).toMatchObject({ weeks: 3, firstMean: 17 / 3, fromMs: new Date(2026, 4, 25).getTime(), toMs: new Date(2026, 5, 15).getTime() - 1 });
      expect(each!.afterBreak).toEqual({ lastBeforeMs: Date.parse('2026-06-13T15:00:00.000Z'), firstAfterMs: Date.parse('2026-10-19T15:00:00.000Z') });
    }
    const messages = days.map((now) => adviceFor(storeWith({ sessions }), now).find((advice) => advice.id === 'see-a-professional')!.message);
    for (const message of messages) {
      expect(message).toContain('in each of 3 weeks in a row up to 2026-06-13, then again from 2026-10-19 after a break');
      expect(message).toContain('(about 5.7 in the first of those weeks,');
    }
  });

  it('need three weeks of their own: a Monday, the Sunday after and the Saturday after that are two Monday-to-Sunday weeks, whatever day it is now', () => {
    // Monday 2026-06-01 and Sunday 2026-06-07 are in the same week; Saturday 2026-06-13 in the next.
    const short = ['2026-06-01', '2026-06-07', '2026-06-13'].map((day) => buildSession({ startedAt: `${day}T15:00:00.000Z`, baseline: 6, routine: 'mobility' }));
    const back = buildSession({ startedAt: '2026-10-19T15:00:00.000Z', baseline: 6, routine: 'mobility' });
    for (const now of ['2026-10-19T20:00:00Z', '2026-10-20T20:00:00Z', '2026-10-24T20:00:00Z']) {
      expect(persistentSymptoms(adviceLog([...short, back]), new Date(now))).toEqual([]);
    }
  });
});
