// A pause in a trend is "more than 4 weeks" between two sessions, as a person counts weeks on the
// calendar: a weekly Sunday session four weeks after the last is no pause, whatever summer time
// did to the hours in between. The tests run in America/St_Johns (see vitest.config.ts): summer
// time there began on 2026-03-08 and ends on 2026-11-01.
import { describe, expect, it } from 'vitest';
import { pauseBetween, pausesBefore } from '../../src/core/pause.js';

const ms = (iso: string) => Date.parse(iso);

describe('pauseBetween', () => {
  it('finds no pause in exactly 4 weeks, and one in a minute more', () => {
    // Sunday 2026-06-07 10:00 and 2026-07-05 10:00, both in summer time (UTC-2:30).
    expect(pauseBetween(ms('2026-06-07T12:30:00Z'), ms('2026-07-05T12:30:00Z'))).toBe(false);
    expect(pauseBetween(ms('2026-06-07T12:30:00Z'), ms('2026-07-05T12:31:00Z'))).toBe(true);
  });

  it('finds no pause from one Sunday 10:00 to the one 4 weeks on across the end of summer time, 28 days and an hour apart', () => {
    // 2026-10-11 10:00 in summer time (12:30 UTC); 2026-11-08 10:00 in winter time (13:30 UTC).
    expect(pauseBetween(ms('2026-10-11T12:30:00Z'), ms('2026-11-08T13:30:00Z'))).toBe(false);
    // Half an hour later by the clock is more than 4 weeks.
    expect(pauseBetween(ms('2026-10-11T12:30:00Z'), ms('2026-11-08T14:00:00Z'))).toBe(true);
  });

  it('finds a pause across the start of summer time once the clock says more than 4 weeks, less than 28 days of real time', () => {
    // 2026-03-01 10:00 in winter time (13:30 UTC); 2026-03-29 10:30 in summer time (13:00 UTC):
    // 27 days, 23 hours and a half apart, 28 days and half an hour by the clock.
    expect(pauseBetween(ms('2026-03-01T13:30:00Z'), ms('2026-03-29T13:00:00Z'))).toBe(true);
    // 10:00 on the Sunday four weeks on is exactly 4 weeks by the clock.
    expect(pauseBetween(ms('2026-03-01T13:30:00Z'), ms('2026-03-29T12:30:00Z'))).toBe(false);
  });

  it('marks the session after each pause, not the first', () => {
    const points = ['2026-06-07T12:30:00Z', '2026-07-05T12:30:00Z', '2026-08-03T12:30:00Z', '2026-08-04T12:30:00Z'].map((at) => ({ at }));
    expect(pausesBefore(points)).toEqual([false, false, true, false]);
  });
});
