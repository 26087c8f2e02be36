import { describe, expect, it } from 'vitest';
import { adviceFor, adviceLog, persistentSymptoms } from '../../src/core/advice.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, saveSessions, storeWith } from '../helpers/sessions.js';

// Every other day from Monday 2026-08-17 to Saturday 2026-09-26 (six Monday-to-Sunday weeks),
// nothing in the week of Monday 2026-09-28, then every other day again from Wednesday 2026-10-07.
const day = (from: string, plus: number) => new Date(Date.parse(`${from}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
const before = Array.from({ length: 21 }, (_, i) => day('2026-08-17', 2 * i));
const after = Array.from({ length: 5 }, (_, i) => day('2026-10-07', 2 * i));
const sessions = [...before, ...after].map((on, i) => buildSession({ startedAt: `${on}T15:00:00.000Z`, baseline: 6 + (i % 2), routine: 'mobility' }));
const professional = (now: Date) => adviceFor(storeWith({ sessions }), now).find((advice) => advice.id === 'see-a-professional')?.message;

describe('the weeks of the see-a-professional advice', () => {
  it('are Monday-to-Sunday weeks, so the same scores give the same weeks and the same break whatever day you look', () => {
    expect(before.at(-1)).toBe('2026-09-26');
    // Wednesday, Thursday, Saturday, Tuesday, Wednesday and Friday after coming back, each in the evening.
    const days = ['2026-10-07', '2026-10-08', '2026-10-10', '2026-10-13', '2026-10-14', '2026-10-16'].map((on) => new Date(`${on}T22:00:00Z`));
    for (const now of days) {
      const found = persistentSymptoms(adviceLog(sessions), now);
      expect(found).toHaveLength(1);
      // From Monday 2026-08-17 to the end of Sunday 2026-09-27, the week of the last score before the break.
      expect(found[0]).toMatchObject({ weeks: 6, fromMs: new Date(2026, 7, 17).getTime(), toMs: new Date(2026, 8, 28).getTime() - 1 });
      expect(found[0]!.afterBreak).toEqual({ lastBeforeMs: Date.parse('2026-09-26T15:00:00.000Z'), firstAfterMs: Date.parse('2026-10-07T15:00:00.000Z') });
      expect(professional(now)).toContain('in each of 6 weeks in a row up to 2026-09-26, then again from 2026-10-07 after a break');
    }
  });

  it('read the same in itb history on each of those days', async () => {
    const { home, cleanup } = tempHome();
    try {
      await saveSessions(home, ...sessions);
      for (const on of ['2026-10-07', '2026-10-10', '2026-10-14']) {
        const { stdout } = await run(['history'], { home, now: new Date(`${on}T22:00:00Z`) });
        expect(stdout.replace(/\s+/g, ' ')).toContain('in each of 6 weeks in a row up to 2026-09-26, then again from 2026-10-07 after a break');
      }
    } finally {
      cleanup();
    }
  });

  it('count the weeks since a break as a run of their own once there are three of them, two weeks after the first', () => {
    // Monday 2026-10-19: the weeks of 2026-10-05, 2026-10-12 and 2026-10-19 are each rated, but
    // only 12 days from the first score back: still compared with the weeks before the break.
    const more = [...sessions, buildSession({ startedAt: '2026-10-19T15:00:00.000Z', baseline: 6, routine: 'mobility' })];
    const [stillBefore] = persistentSymptoms(adviceLog(more), new Date('2026-10-19T22:00:00Z'));
    expect(stillBefore).toMatchObject({ weeks: 6, afterBreak: { firstAfterMs: Date.parse('2026-10-07T15:00:00.000Z') } });
    // Wednesday 2026-10-21, 14 days after the first score back: a run of their own.
    const later = [...more, buildSession({ startedAt: '2026-10-21T15:00:00.000Z', baseline: 6, routine: 'mobility' })];
    const [found] = persistentSymptoms(adviceLog(later), new Date('2026-10-21T22:00:00Z'));
    expect(found).toMatchObject({ weeks: 3, fromMs: new Date(2026, 9, 5).getTime() });
    expect(found!.afterBreak).toBeUndefined();
  });

  it('rest once the symptom was rated neither this week nor last week, and only then', () => {
    // The last score: Thursday 2026-10-15. Sunday 2026-10-25 is still the week after it; Monday 2026-10-26 is not.
    expect(professional(new Date('2026-10-25T22:00:00Z'))).toContain('in each of 6 weeks in a row up to 2026-09-26');
    expect(professional(new Date('2026-10-26T12:00:00Z'))).toBeUndefined();
  });

  it('begin on Monday in the local calendar, not in UTC', () => {
    // 23:00 on Sunday in St John's is 01:30 or 02:30 on Monday in UTC: the score belongs to the Sunday's week.
    const sundays = ['2026-06-07', '2026-06-14', '2026-06-21'].map((on) => buildSession({ startedAt: `${on}T23:00:00.000Z`, baseline: 6, routine: 'mobility' }));
    const sundayNights = sundays.map((s) => ({ ...s, startedAt: new Date(new Date(s.startedAt).getTime() + 3 * 3_600_000).toISOString() }));
    const [found] = persistentSymptoms(adviceLog(sundayNights), new Date('2026-06-22T12:00:00Z'));
    expect(found).toMatchObject({ weeks: 3, fromMs: new Date(2026, 5, 1).getTime(), toMs: new Date(2026, 5, 22).getTime() - 1 });
  });
});

describe('three weeks in a row', () => {
  const on = (dates: string[]) => dates.map((date) => buildSession({ startedAt: `${date}T15:00:00.000Z`, baseline: 6, routine: 'mobility' }));

  it('need two weeks at least from the first score to the latest, not three calendar weeks touched in eight days', () => {
    // Sunday 2026-09-06, Wednesday 2026-09-09, Monday 2026-09-14: three Monday-to-Sunday weeks, eight days.
    const eightDays = on(['2026-09-06', '2026-09-09', '2026-09-14']);
    expect(persistentSymptoms(adviceLog(eightDays), new Date('2026-09-14T20:00:00Z'))).toEqual([]);
    // Sunday 2026-09-20 as well: a fourth week, and 14 days from the first score.
    const twoWeeks = [...eightDays, ...on(['2026-09-20'])];
    expect(persistentSymptoms(adviceLog(twoWeeks), new Date('2026-09-20T20:00:00Z'))).toMatchObject([{ weeks: 3 }]);
  });
});
