import { describe, expect, it } from 'vitest';
import { adviceLog } from '../../src/core/advice.js';
import type { Session } from '../../src/core/records.js';
import { leftPartWay, partWayStarts } from '../../src/core/resume.js';
import { buildSession } from '../helpers/sessions.js';

// 14:30 in St. John's (UTC−3:30, the zone the tests run in): its local day began at 03:30 UTC.
const now = new Date('2026-03-01T18:00:00Z');
const at = (utc: string) => `2026-03-01T${utc}:00.000Z`;
const passed = (found: ReturnType<typeof leftPartWay>) => [...(found?.passed.keys() ?? [])].sort();

describe('leftPartWay', () => {
  it('gives the drills an interrupted or stopped session of the routine got through today, scored to a verdict or skipped', () => {
    for (const status of ['interrupted', 'stopped', 'in-progress'] as const) {
      const session = buildSession({
        startedAt: at('14:00'),
        routine: 'strength',
        baseline: 6,
        status,
        drills: [{ id: 'clamshells', scores: [4] }, { id: 'side-plank', skipped: true }, { id: 'bridges', scores: [4, 4] }],
      });
      const found = leftPartWay([session], 'strength', now);
      expect(passed(found), status).toEqual(['bridges', 'clamshells', 'side-plank']);
      expect(found!.sessions).toEqual([session]);
      // Its end; one cut off by a crash has none yet: it was left at its last answer.
      expect(found!.leftAt, status).toBe(status === 'stopped' ? session.endedAt : session.results.at(-1)!.at);
    }
  });

  it('does not count a drill whose retry was still to come', () => {
    const session = buildSession({ startedAt: at('14:00'), baseline: 6, drills: [{ id: 'clamshells', scores: [3] }, { id: 'bridges', scores: [6], unfinished: true }] });
    expect(passed(leftPartWay([session], 'strength', now))).toEqual(['clamshells']);
  });

  it('gathers several sessions left part way today, back to the last that went through to the end', () => {
    const done = buildSession({ startedAt: at('04:00'), baseline: 6, drills: [{ id: 'monster-walks', scores: [4] }] });
    const first = buildSession({ startedAt: at('12:00'), baseline: 6, status: 'interrupted', drills: [{ id: 'clamshells', scores: [4] }] });
    const second = buildSession({ startedAt: at('15:00'), baseline: 5, status: 'stopped', drills: [{ id: 'bridges', scores: [3] }] });
    const found = leftPartWay([done, second, first], 'strength', now);
    expect(passed(found)).toEqual(['bridges', 'clamshells']);
    expect(found!.sessions.map((session) => session.startedAt)).toEqual([second.startedAt, first.startedAt]);
    // Named as when they were done, in that order; left at the last answer of the latest part.
    expect([...found!.passed.values()]).toEqual(['Clamshells', 'Bridges']);
    expect(found!.leftAt).toBe(second.endedAt);
    expect(found!.leftAt > second.startedAt).toBe(true);
  });

  it('finds nothing once the routine went through to the end after it was left', () => {
    const left = buildSession({ startedAt: at('12:00'), baseline: 6, status: 'interrupted', drills: [{ id: 'clamshells', scores: [4] }] });
    const done = buildSession({ startedAt: at('13:00'), baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    expect(leftPartWay([left, done], 'strength', now)).toBeUndefined();
  });

  it('looks at the routine asked for, at the local day of now only, and not at sessions dated after now', () => {
    const interrupted = (startedAt: string, routine = 'strength') =>
      buildSession({ startedAt, routine, baseline: 6, status: 'interrupted', drills: [{ id: 'clamshells', scores: [4] }] });
    expect(leftPartWay([interrupted(at('14:00'), 'mobility')], 'strength', now)).toBeUndefined();
    // 03:00 UTC is 23:30 yesterday in St. John's, though the same day in UTC.
    expect(leftPartWay([interrupted(at('03:00'))], 'strength', now)).toBeUndefined();
    expect(leftPartWay([interrupted(at('03:45'))], 'strength', now)).toBeDefined();
    expect(leftPartWay([interrupted(at('19:00'))], 'strength', now)).toBeUndefined();
  });

  it('finds nothing when the session left part way got through no drill', () => {
    const baselineOnly = buildSession({ startedAt: at('14:00'), baseline: 6, status: 'interrupted' });
    expect(leftPartWay([baselineOnly], 'strength', now)).toBeUndefined();
  });
});

describe('partWayStarts', () => {
  // What `itb buckets` and `itb history` go by when they say a routine can go on today: the same
  // sessions a session of that routine would go on from, found from the advice log alone.
  const startsOf = (sessions: Session[]) => {
    const routine = adviceLog(sessions).routines.find((log) => log.routine === 'strength')!;
    return partWayStarts(routine, now)?.startedMs.map((ms) => new Date(ms).toISOString());
  };
  const goesOnFrom = (sessions: Session[]) => leftPartWay(sessions, 'strength', now)?.sessions.map((session) => session.startedAt);

  it('finds the sessions left part way today that a session would go on from, and none where it would start afresh', () => {
    const done = buildSession({ startedAt: at('04:00'), baseline: 6, drills: [{ id: 'monster-walks', skipped: true }] });
    const left = buildSession({ startedAt: at('12:00'), baseline: 6, status: 'stopped', drills: [{ id: 'clamshells', scores: [4] }] });
    const doneSince = { ...done, id: 'done-since', startedAt: at('13:00'), endedAt: at('13:05') };
    const retryToCome = buildSession({ startedAt: at('15:00'), baseline: 6, status: 'stopped', drills: [{ id: 'bridges', scores: [6], unfinished: true }] });
    // Done to its end this morning, then left part way: it goes on from the part.
    expect(startsOf([done, left])).toEqual([left.startedAt]);
    // Left part way, then done to its end: it starts afresh.
    expect(startsOf([left, doneSince])).toBeUndefined();
    // Left before a drill was got through, its retry still to come: nothing to go on from.
    expect(startsOf([retryToCome])).toBeUndefined();
    // Left late yesterday evening (23:30 local), or dated after now by a clock set wrong: not today's part.
    const lastEvening = { ...left, id: 'last-evening', startedAt: at('03:00') };
    const ahead = { ...left, id: 'ahead', startedAt: at('19:00') };
    expect(startsOf([lastEvening])).toBeUndefined();
    expect(startsOf([ahead])).toBeUndefined();
    // Started in the very millisecond of now: not after it, so today's part all the same.
    const atNow = { ...left, id: 'at-now', startedAt: now.toISOString() };
    expect(startsOf([atNow])).toEqual([atNow.startedAt]);
    for (const sessions of [[done, left], [left, doneSince], [retryToCome], [done, left, retryToCome], [lastEvening], [ahead], [atNow]]) {
      expect(startsOf(sessions)).toEqual(goesOnFrom(sessions));
    }
  });
});
