// Days and weeks as a person counts them on the calendar, across the changes to and from summer
// time (Europe/Berlin: last Sunday of March and of October; America/New_York: second Sunday of
// March, first Sunday of November) and after a move to another time zone.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C } from '../helpers/scripted.js';
import { buildSession, noRedFlags, setUpFlags } from '../helpers/sessions.js';

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
const setAside = (startedAt: string) => buildSession({ startedAt, baseline: 6, drills: [{ id: 'hip-hikes', name: 'Hip hikes', scores: [6, 7] }] });
const helped = (startedAt: string, baseline: number) => buildSession({ startedAt, baseline, drills: [{ id: 'clamshells', name: 'Clamshells', scores: [baseline - 1] }] });
/** The routines a session offers first, stopped at that question. */
async function offered(now: string): Promise<string[]> {
  const { prompter } = await run(['session', ...setUpFlags], { home, now: new Date(now), tty: true, answers: [CTRL_C] });
  return prompter.asked[0]!.choices!;
}

describe('the re-test day', () => {
  it('is 14 calendar days on, in itb buckets and in the session alike, across the start of summer time', async () => {
    // Set aside at 23:30 on 2026-03-20 (22:30 UTC); summer time begins on 2026-03-29.
    await save(setAside('2026-03-20T22:30:00Z'));
    // 23:59 on 2026-04-02, in summer time.
    const before = await run(['buckets'], { home, now: new Date('2026-04-02T21:59:00Z') });
    expect(before.stdout).toContain('last +1 on 2026-03-20\n    re-test from 2026-04-03\n');
    expect(await offered('2026-04-02T21:59:00Z')).not.toContain('retest');
    // 00:01 on 2026-04-03: 13 days and 23 hours of real time since, but the 14th day.
    const after = await run(['buckets'], { home, now: new Date('2026-04-02T22:01:00Z') });
    expect(after.stdout).toContain('re-test due (since 2026-04-03)\n');
    expect((await offered('2026-04-02T22:01:00Z'))[0]).toBe('retest');
  });

  it('is 14 calendar days on across the end of summer time, and a later day for someone who has flown east', async () => {
    process.env.TZ = 'America/New_York';
    // Set aside at 00:30 on 2026-10-25 in New York; summer time ends there on 2026-11-01.
    await save(setAside('2026-10-25T04:30:00Z'));
    expect((await run(['buckets'], { home, now: new Date('2026-11-08T04:59:00Z') })).stdout).toContain('re-test from 2026-11-08\n');
    expect((await run(['buckets'], { home, now: new Date('2026-11-08T05:00:00Z') })).stdout).toContain('re-test due (since 2026-11-08)\n');
    expect((await offered('2026-11-08T05:00:00Z'))[0]).toBe('retest');
    // In Tokyo the drill was set aside on 2026-10-25 at 13:30: the same day, the same re-test day, of Tokyo's calendar.
    process.env.TZ = 'Asia/Tokyo';
    expect((await run(['buckets'], { home, now: new Date('2026-11-07T14:59:00Z') })).stdout).toContain('re-test from 2026-11-08\n');
    expect(await offered('2026-11-07T14:59:00Z')).not.toContain('retest');
    expect((await offered('2026-11-07T15:00:00Z'))[0]).toBe('retest');
  });
});

it('asks for 48 real hours between strength sessions across the start of summer time, and names the clock time they end', async () => {
  // A strength session at 10:00 on 2026-03-28, in winter time (09:00 UTC).
  await save(buildSession({ startedAt: '2026-03-28T09:00:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }));
  const { stdout } = await run(['history'], { home, now: new Date('2026-03-29T20:00:00Z') });
  // 48 hours on is 11:00 by the clocks, moved on an hour in between.
  expect(stdout.replace(/\s+/g, ' ')).toContain('was 35 hours ago. Space loading sessions about 48 hours apart so the tissues can recover and adapt: your next one from 2026-03-30 11:00.');
});

describe('sessions just before and just after midnight', () => {
  // 23:30 on 2026-03-28 and 00:30 on 2026-03-29, the night summer time begins in Berlin.
  const late = helped('2026-03-28T22:30:00Z', 6);
  const early = helped('2026-03-28T23:30:00Z', 5);

  it('fall on their local days in itb history --since and itb export --since and --until', async () => {
    await save(late, early);
    const now = new Date('2026-04-02T12:00:00Z');
    const history = await run(['history', '--since', '2026-03-29'], { home, now });
    expect(history.stdout).toMatch(/^2026-03-29 00:30 {2}strength/m);
    expect(history.stdout).not.toContain('2026-03-28 23:30');
    const md = (await run(['export', '--since', '2026-03-28', '--until', '2026-03-28'], { home, now })).stdout;
    expect(md).toContain('period: 2026-03-28 · dates and times in Europe/Berlin');
    expect(md).toMatch(/^\| 2026-03-28 23:30 \|/m);
    expect(md).not.toContain('2026-03-29 00:30');
    const csv = (await run(['export', '--format', 'csv', '--since', '2026-03-29'], { home, now })).stdout;
    // A header and the one attempt of the session after midnight.
    expect(csv.trim().split('\n')).toHaveLength(2);
    expect(csv).toContain(',2026-03-29T00:30:00+01:00,2026-03-29 00:30:00,');
  });

  it('move to the days of the time zone they are viewed in', async () => {
    await save(late, early);
    process.env.TZ = 'America/Los_Angeles';
    const now = new Date('2026-04-02T12:00:00Z');
    // 15:30 and 16:30 on 2026-03-28 in Los Angeles: neither is on 2026-03-29 there.
    expect((await run(['history', '--since', '2026-03-29'], { home, now })).stdout).toContain('No sessions since 2026-03-29.');
    const md = (await run(['export', '--since', '2026-03-28', '--until', '2026-03-28'], { home, now })).stdout;
    expect(md).toContain('period: 2026-03-28 · dates and times in America/Los_Angeles');
    expect(md).toMatch(/^\| 2026-03-28 15:30 \|[^\n]*\n\| 2026-03-28 16:30 \|/m);
  });
});

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
    // Three Monday-to-Sunday weeks, the latest ending now.
    expect(md).toContain('was rated in each of 3 weeks in a row (Monday-to-Sunday weeks, 2026-03-09 to 2026-03-29)');
  });
});

describe("the report chart's pauses", () => {
  // The chart's lines stop where more than four weeks passed between two scores.
  const lines = (html: string) => html.split('<svg ')[1]!.split('</svg>')[0]!.match(/<polyline /g)?.length ?? 0;
  const now = new Date('2026-11-02T12:00:00Z');

  it('count four weeks by the calendar: a Sunday four weeks on, across the end of summer time, is no pause', async () => {
    // Sundays at 10:00: on 2026-10-04 in summer time (08:00 UTC), on 2026-11-01 in winter time (09:00 UTC),
    // 28 days and 1 hour of real time apart.
    await save(helped('2026-10-04T08:00:00Z', 6), helped('2026-11-01T09:00:00Z', 5));
    const html = (await run(['export', '--format', 'html'], { home, now })).stdout;
    expect(html).not.toContain('A line stops');
    expect(lines(html)).toBe(2);
  });

  it('stop a line a minute past four weeks by the calendar', async () => {
    await save(helped('2026-10-04T08:00:00Z', 6), helped('2026-11-01T09:01:00Z', 5));
    const html = (await run(['export', '--format', 'html'], { home, now })).stdout;
    expect(html).toContain('A line stops where more than 4 weeks passed between two of its scores');
    expect(lines(html)).toBe(0);
  });
});
