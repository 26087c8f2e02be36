// Days and weeks as a person counts them on the calendar, across the changes to and from summer
// time (Europe/Berlin: last Sunday of March and of October; America/New_York: second Sunday of
// March, first Sunday of November) and after a move to another time zone.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, noRedFlags } from '../helpers/sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

let zone: string | undefined;
beforeAll(() => void (zone = process.env.TZ));
afterAll(() => void (process.env.TZ = zone));
beforeEach(() => void (process.env.TZ = 'Europe/Berlin'));

const save = (...sessions: Session[]) =>
  Store.open({ ITB_HOME: home }).update((data) => {
    data.sessions.push(...sessions);
    data.screenings.push({ at: '2026-01-01T08:00:00.000Z', answers: noRedFlags, proceeded: true });
  });
const helped = (startedAt: string, baseline: number) => buildSession({ startedAt, baseline, drills: [{ id: 'clamshells', name: 'Clamshells', scores: [baseline - 1] }] });

describe('the advice to see a professional', () => {
  // Every Sunday at 10:00 with the same starting score; summer time begins on Sunday 2026-03-29,
  // 167 hours after the Sunday before.
  const sundays = ['2026-03-15T09:00:00Z', '2026-03-22T09:00:00Z', '2026-03-29T08:00:00Z'].map((at) => helped(at, 6));

  it('counts a week a Sunday whatever summer time did, in itb history and the report', async () => {
    await save(...sundays);
    // 10:30 on 2026-03-29, just after the third Sunday's session.
    const now = new Date('2026-03-29T08:30:00Z');
    const { stdout } = await run(['history'], { home, now });
    expect(stdout.replace(/\s+/g, ' ')).toContain('You have rated your pain during single-leg squat in each of 3 weeks in a row');
    const md = (await run(['export'], { home, now })).stdout;
    // Three weeks of 7 calendar days, the latest ending today.
    expect(md).toContain('was rated in each of 3 weeks in a row (7-day weeks, 2026-03-09 to 2026-03-29)');
  });
});
