// The 48 hours between strength sessions, said once in each way a session can begin: the
// reminder with the time they are up when an earlier strength session calls for the wait, else a
// point to keep in mind; never the routine's description besides.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSession, saveSessions, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome, type RunResult } from '../helpers/run.js';
import { writeTwoRoutines } from '../helpers/two-routines.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-11-20T10:00:00.000Z');
// Yesterday's strength session, 09:00 UTC: its 48 hours are up on 2026-11-21 at 05:30 in St. John's, the tests' time zone.
const yesterday = () => buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'strength', loading: true, baseline: 4, drills: [{ id: 'clamshells', scores: [3] }] });
// A stretch that helped earlier: beside yesterday's clamshells, the rehab routine mixes strength and other drills.
const stretch = () => buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'mobility', baseline: 6, drills: [{ id: 'hip-flexor-stretch', scores: [4] }] });
const readyAt = '2026-11-21 05:30';

/**
 * What the person reads before the baseline: the description of the routine chosen from the
 * list, if it was, and the words of the set-up and the session's beginning, one line.
 */
function beforeBaseline(result: RunResult): string {
  const list = result.prompter.asked.find((asked) => asked.message === 'Which routine?');
  const described = list ? (list.descriptions![list.choices!.indexOf(String(list.answer))] ?? '') : '';
  const said = result.stdout.slice(0, result.stdout.indexOf('Do your test movement'));
  return `${described}\n${said}`.replace(/\s+/g, ' ');
}

const times48 = (text: string) => text.match(/48 hours/g)?.length ?? 0;

describe('the 48 hours between strength sessions, said once as a session begins', () => {
  it('typed with the command, within the 48 hours: the reminder alone says them, with the time they are up', async () => {
    await saveSessions(home, yesterday());
    const result = await run(['session', 'strength', ...flags], { home, tty: true, now, answers: [true, 5, 'stop'] });
    expect(result.code).toBe(0);
    const said = beforeBaseline(result);
    expect(times48(said)).toBe(1);
    expect(said).toContain(`Space loading sessions about 48 hours apart so the tissues can recover and adapt: your next one from ${readyAt}.`);
  });

  it('chosen from the list, within the 48 hours: neither the list nor the beginning says them again after the reminder', async () => {
    await saveSessions(home, yesterday());
    const result = await run(['session', ...flags], { home, tty: true, now, answers: ['strength', true, 5, 'stop'] });
    expect(result.code).toBe(0);
    const said = beforeBaseline(result);
    expect(times48(said)).toBe(1);
    expect(said).toContain(`your next one from ${readyAt}`);
  });

  it('the rehab routine of strength and other drills, going on anyway: once, in the reminder', async () => {
    await saveSessions(home, stretch(), yesterday());
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [true, 5, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Your rehab routine · 2 drills\n/);
    expect(times48(beforeBaseline(result))).toBe(1);
  });

  it('the rehab routine of strength and other drills, leaving the strength drills out: the list of those left out names the time they are up', async () => {
    await saveSessions(home, stretch(), yesterday());
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [false, 5, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Your rehab routine · 1 drill\n/);
    expect(result.stdout).toContain(`Left out today, for your next strength session from ${readyAt}:\n  · Clamshells`);
    expect(times48(beforeBaseline(result))).toBe(1);
  });

  it('with no strength session in the last 48 hours: once, among the points to keep in mind', async () => {
    await saveSessions(home, buildSession({ startedAt: '2026-11-17T09:00:00.000Z', routine: 'strength', loading: true, baseline: 4, drills: [{ id: 'clamshells', scores: [3] }] }));
    const typed = await run(['session', 'strength', ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    const listed = await run(['session', ...flags], { home, tty: true, now, answers: ['strength', 5, 'stop'] });
    for (const result of [typed, listed]) {
      expect(result.code).toBe(0);
      const said = beforeBaseline(result);
      expect(times48(said)).toBe(1);
      expect(said).toContain('Keep in mind:');
      expect(said).toContain('· Leave about 48 hours between strength sessions, so the tissues can recover and adapt.');
    }
  });

  it('says nothing of them for a routine with no strength drills', async () => {
    await saveSessions(home, yesterday());
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    expect(times48(beforeBaseline(result))).toBe(0);
  });
});

describe('itb routines', () => {
  it('says the 48 hours once, for the routine with strength drills alone', async () => {
    const result = await run(['routines'], { home });
    expect(result.code).toBe(0);
    const blocks = result.stdout.split('\n\n').map((block) => block.replace(/\s+/g, ' '));
    const strength = blocks.filter((block) => block.startsWith('strength '));
    expect(strength).toHaveLength(1);
    expect(times48(strength[0]!)).toBe(1);
    expect(strength[0]).toContain('Leave about 48 hours between strength sessions, so the tissues can recover and adapt.');
    expect(blocks.filter((block) => !block.startsWith('strength ') && times48(block) > 0)).toEqual([]);
  });
});

describe('a library whose strength routine says the 48 hours in its own words', () => {
  const ownWords = 'A wall sit. Rest 48 hours before the next strength session.';
  const library = () => {
    const file = join(home, 'my-library.yaml');
    writeTwoRoutines(file, { strength: 'legs', gentle: 'easy', described: ownWords });
    return file;
  };

  it('itb routines gives its description alone, without the 48 hours said again', async () => {
    const result = await run(['routines', '--data', library()], { home });
    expect(result.code).toBe(0);
    const legs = result.stdout.split('\n\n').map((block) => block.replace(/\s+/g, ' ')).find((block) => block.startsWith('legs '));
    expect(legs).toContain(ownWords);
    expect(times48(legs!)).toBe(1);
  });

  it('a session typed with the command says them once, in the description, not again among the points to keep in mind', async () => {
    await saveSessions(home, buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'easy', baseline: 5, drills: [{ id: 'knee-rolls', scores: [4] }] }));
    const result = await run(['session', 'legs', '--data', library(), ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    const said = beforeBaseline(result);
    expect(said).toContain(ownWords);
    expect(times48(said)).toBe(1);
  });

  it('the rehab routine, which shows no routine\'s description, says them among the points to keep in mind', async () => {
    await saveSessions(home, buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'legs', loading: true, baseline: 5, drills: [{ id: 'wall-sit', scores: [3] }] }));
    const result = await run(['session', 'rehab', '--data', library(), ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    const said = beforeBaseline(result);
    expect(said).not.toContain(ownWords);
    expect(said).toContain('· Leave about 48 hours between strength sessions, so the tissues can recover and adapt.');
    expect(times48(said)).toBe(1);
  });
});
