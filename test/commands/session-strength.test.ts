// Strength drills in a session: the 48 hours between them, two or three of them a day, and which routine comes first meanwhile.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, noRedFlags, saveSessions, screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';
import { writeTwoRoutines } from '../helpers/two-routines.js';
import { width } from '../../src/ui/width.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

/** A store where earlier sessions ran: the safety screen passed before the first, buckets as saved. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb session', () => {
  it('does not offer first a routine of strength drills alone within 48 hours of the last strength session, where Enter twice would end it with nothing done', async () => {
    // Yesterday's strength session; the rehab routine holds clamshells alone.
    await afterSessions(buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'strength', loading: true, baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }));
    const tooSoon = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), answers: ['mobility', 5, 'stop'] });
    expect(tooSoon.code).toBe(0);
    // Nor the rehab routine listed first, which holds the strength drill alone: the list starts
    // at the first routine with other drills.
    expect(tooSoon.prompter.asked[0]!.choices![0]).toBe('rehab');
    expect(tooSoon.prompter.asked[0]).toMatchObject({ message: 'Which routine?', default: 'joint-chain' });
    // The strength routine is still there to choose.
    expect(tooSoon.prompter.asked[0]!.choices).toContain('strength');
    // A routine with gentler drills besides, or one begun once the 48 hours are up, is offered first.
    const mixed = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-20T11:00:00.000Z'), answers: ['joint-chain', 5, 'done', 4, 'stop'] });
    expect(mixed.code).toBe(0);
    const afterMixed = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-20T12:00:00.000Z'), answers: ['joint-chain', 5, 'stop'] });
    expect(afterMixed.prompter.asked[0]).toMatchObject({ message: 'Which routine?', default: 'joint-chain' });
    await afterSessions(buildSession({ startedAt: '2026-11-20T13:00:00.000Z', routine: 'strength', baseline: 5 }));
    const rested = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-21T10:00:00.000Z'), answers: ['strength', 5, 'stop'] });
    expect(rested.prompter.asked[0]).toMatchObject({ message: 'Which routine?', default: 'strength' });
  });

  it('within 48 hours of a strength session, offers first again a last routine with gentler drills besides, not one of strength drills alone', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // The rehab routine last: lateral ankle tilts from earlier, clamshells from yesterday's strength drill.
    const earlier = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    const rehab = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'rehab', loading: true, baseline: 4, drills: [{ id: 'clamshells', scores: [3] }] });
    await afterSessions(earlier, rehab);
    const mixed = await run(['session', ...flags], { home, tty: true, now, answers: [CTRL_C] });
    expect(mixed.prompter.asked[0]).toMatchObject({ message: 'Which routine?', default: 'rehab' });
  });

  it('within 48 hours of a strength session, does not offer first a last re-test routine whose drills due are strength drills alone', async () => {
    // Hip hikes and bridges set aside a month ago; yesterday's re-test of bridges helped.
    const setAside = buildSession({ startedAt: '2026-10-20T09:00:00.000Z', routine: 'strength', loading: true, baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }, { id: 'bridges', scores: [6, 6] }] });
    const retest = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'retest', loading: true, baseline: 5, drills: [{ id: 'bridges', scores: [4] }] });
    await afterSessions(setAside, retest);
    const result = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), answers: [CTRL_C] });
    expect(result.prompter.asked[0]!.choices!.slice(0, 2)).toEqual(['rehab', 'retest']);
    expect(result.prompter.asked[0]).toMatchObject({ message: 'Which routine?', default: 'joint-chain' });
  });

  it('says that two or three strength drills are enough before a fourth one, not before the third one\'s second try', async () => {
    // Isometric glute holds and bridges help; single-leg bridges helps on its second try; elevated bridges comes next.
    const answers: Answer[] = [...screenClear, 6, 'done', 5, 'done', 4, 'done', 4, 'done', 3, 'stop'];
    const result = await run(['session', 'strength', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(result.prompter.remaining).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    const enough = shown.indexOf('You have tried 3 strength drills this session');
    expect(enough).toBeGreaterThan(shown.indexOf('Second try: '));
    expect(shown.indexOf('Second try: ')).toBeGreaterThan(0);
  });

  it('says once, before a fourth strength drill, that two or three are enough for one day', async () => {
    // Isometric glute holds, bridges and single-leg bridges help; elevated bridges is skipped, then clamshells tried.
    const answers: Answer[] = [...screenClear, 6, 'done', 5, 'done', 4, 'done', 3, 'skip', 'done', 2, 'stop'];
    const result = await run(['session', 'strength', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const enough =
      'You have tried 3 strength drills this session, and two or three are enough for one day. Stopping here is a sound choice ("Stop the session here" below); the others can wait for your next strength session.';
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown.split(enough)).toHaveLength(2);
    // Before the fourth drill's card, after the third's verdict.
    expect(shown.indexOf(enough)).toBeGreaterThan(shown.indexOf('Single-leg bridges goes into your rehab bucket'));
    expect(shown.indexOf(enough)).toBeLessThan(shown.indexOf('Exercise 4 of'));
    expect(stored().sessions[0]!.results.map((r) => r.outcome)).toEqual(['rehab', 'rehab', 'rehab', 'skipped', 'rehab']);
  });

  it('before a fourth strength drill of the rehab routine, says to skip the strength drills left rather than stop, when gentler drills follow', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Four strength drills and a stretch helped: the rehab routine runs the stretch after them.
    const past = buildSession({
      startedAt: '2026-11-10T09:00:00.000Z',
      routine: 'strength',
      loading: true,
      baseline: 8,
      drills: ['isometric-glute-holds', 'bridges', 'single-leg-bridges', 'clamshells', 'hip-flexor-stretch'].map((id, i) => ({ id, scores: [7 - i] })),
    });
    await afterSessions(past);
    const answers: Answer[] = [6, 'done', 5, 'done', 4, 'done', 3, 'skip', 'done', 2];
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers });
    expect(result.code).toBe(0);
    expect(result.prompter.remaining).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain(
      'You have tried 3 strength drills this session, and two or three are enough for one day. Skipping the strength drills left ("Skip this drill" below) is a sound choice: ' +
        'the drills after them that are not strength work still suit today, and the strength drills can wait for your next strength session.',
    );
    expect(shown).not.toContain('Stopping here is a sound choice');
    expect(shown.indexOf('two or three are enough')).toBeLessThan(shown.indexOf('Exercise 4 of 5'));
    expect(stored().sessions.at(-1)!.results.map((r) => [r.exerciseId, r.outcome])).toEqual([
      ['isometric-glute-holds', 'rehab'],
      ['bridges', 'rehab'],
      ['single-leg-bridges', 'rehab'],
      ['clamshells', 'skipped'],
      ['hip-flexor-stretch', 'rehab'],
    ]);
  });

  it('warns when strength drills come less than 48 hours after the last ones, and lets the user choose', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const yesterday = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'strength', loading: true, baseline: 4, drills: [{ id: 'clamshells', scores: [3] }] });
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.sessions.push(yesterday);
      data.screenings.push({ at: '2026-11-19T08:00:00.000Z', answers: noRedFlags, proceeded: true });
    });
    const declined = await run(['session', 'strength', ...flags], { home, tty: true, now, answers: [false] });
    expect(declined.code).toBe(0);
    expect(declined.stdout).toMatch(/48 hours/);
    expect(declined.prompter.asked.map((a) => a.message)).toEqual(['Do the strength drills today anyway?']);
    // Enter alone keeps the 48 hours: strength work again so soon must be chosen.
    expect(declined.prompter.asked[0]).toMatchObject({ kind: 'confirm', default: false });
    expect(declined.stdout.replace(/\s+/g, ' ')).toContain('No new session was started; your earlier ones are kept as they were. A gentler routine suits today, such as joint-chain, hip-rotation or mobility: `itb session joint-chain`.');
    expect(stored().sessions).toHaveLength(1);

    const accepted = await run(['session', 'strength', ...flags], { home, tty: true, now, answers: [true, 5, 'stop'] });
    expect(accepted.code).toBe(0);
    expect(stored().sessions).toHaveLength(2);
    // A gentle routine on the same day is not warned about (its Next list says why the rehab
    // routine of clamshells alone waits).
    const gentle = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    expect(gentle.stdout.slice(0, gentle.stdout.indexOf('\nNext:'))).not.toMatch(/48 hours/);
  });

  it('within 48 hours of a strength session, suggests no kind of routine that the library of one strength routine lacks', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const library = join(home, 'strength-only.yaml');
    writeFileSync(
      library,
      [
        'version: 1',
        'exercises:',
        '  - id: wall-sit',
        '    name: Wall sit',
        '    region: knee',
        '    category: strength',
        '    steps: [Slide down a wall and hold.]',
        '    dose: { sets: 1, reps: 5 }',
        '    side: both',
        '    loading: true',
        'routines:',
        '  - id: legs',
        '    name: Legs',
        '    description: Strength alone.',
        '    exercises: [wall-sit]',
        '',
      ].join('\n'),
    );
    const yesterday = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'legs', loading: true, baseline: 4, drills: [{ id: 'wall-sit', scores: [3] }] });
    await afterSessions(yesterday);
    const result = await run(['--data', library, 'session', 'legs', ...flags], { home, tty: true, now, answers: [false] });
    expect(result.code).toBe(0);
    const said = result.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('your next one from 2026-11-21');
    expect(said).not.toMatch(/mobility|stretching|balance/i);
    // Declined, with nothing gentler in the library, set aside or not.
    expect(said).toContain('Rest today: your exercise library has no routine without strength drills.');
  });

  it('within 48 hours of a strength session, says to rest when every routine without strength drills has its drills set aside', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const library = join(home, 'two-routines.yaml');
    writeTwoRoutines(library, { strength: 'legs', gentle: 'easy' });
    // Yesterday the wall sit was tried, and the knee rolls did not help: set aside for now.
    const yesterday = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'legs', loading: true, baseline: 4, drills: [{ id: 'wall-sit', scores: [3] }, { id: 'knee-rolls', scores: [3, 3] }] });
    await afterSessions(yesterday);
    const result = await run(['--data', library, 'session', 'legs', ...flags], { home, tty: true, now, answers: [false] });
    expect(result.code).toBe(0);
    const said = result.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('No new session was started; your earlier ones are kept as they were. Rest today: every routine without strength drills has its drills set aside for now.');
    expect(said).not.toContain('itb session easy');
  });

  it('suggests the rehab routine for after the 48 hours when it holds only the strength drills just done', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const strength = await run(['session', 'strength', ...flags], { home, tty: true, now, answers: [...screenClear, 5, 'done', 4, 'stop'] });
    expect(strength.code).toBe(0);
    // Run now, the rehab routine would leave out its only drill and record nothing.
    expect(strength.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine, from 2026-11-22 06:30\n/);
    // Why it waits: "from" alone would read as a drill not due until then.
    const why = 'A time given above is when 48 hours have passed since your last strength session began: strength drills need that rest between sessions.';
    expect(strength.stdout.replace(/\s+/g, ' ')).toContain(why);
    // Broken between words within the terminal's 80 columns, as the Next list above it is.
    const from = strength.stdout.split('\n').findIndex((line) => line.includes('A time given above'));
    expect(strength.stdout.split('\n').slice(from, from + 3).map((line) => width(line) <= 80)).toEqual([true, true, true]);
    const tooSoon = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [false] });
    expect(tooSoon.stdout).toContain('No new session was started; your earlier ones are kept as they were.');
    // A gentle drill in the rehab routine leaves it something to offer today.
    const gentle = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'done', 4, 'stop'] });
    expect(gentle.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine\n/);
    expect(gentle.stdout).not.toContain('48 hours have passed');
  });

  it('after a flare-up, leaves a rehab routine of strength drills for another day even when their 48 hours end later today', async () => {
    // Clamshells helped in a strength session on Monday at 09:00, St. John's time: the rehab
    // routine holds it alone. On Wednesday at 08:00 a joint-chain drill flares up.
    await afterSessions(buildSession({ startedAt: '2026-03-02T12:30:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }));
    const flared = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: new Date('2026-03-04T11:30:00Z'), answers: [4, 'done', 7, true, false] });
    expect(flared.code).toBe(0);
    expect(flared.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine, on another day\n/);
    expect(flared.stdout).not.toContain('from 2026-03-04');
  });

  it('suggests the re-test routine for after the 48 hours when the drills due are strength drills just spaced', async () => {
    // Hip hikes were set aside four weeks ago; today's strength session starts its 48 hours.
    await afterSessions(buildSession({ startedAt: '2026-10-20T09:00:00.000Z', routine: 'strength', loading: true, baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }] }));
    const now = new Date('2026-11-20T10:00:00.000Z');
    const strength = await run(['session', 'strength', ...flags], { home, tty: true, now, answers: [5, 'done', 4, 'stop'] });
    expect(strength.code).toBe(0);
    // Run now, the re-test routine would leave out its only drill, as it would the rehab routine.
    expect(strength.stdout).toMatch(/\n {2}itb session retest\s+re-test 1 drill set aside for now, from 2026-11-22 06:30\n/);
    expect(strength.stdout.replace(/\s+/g, ' ')).toContain('A time given above is when 48 hours have passed since your last strength session began');
  });

  it('leaves out only the strength drills of a mixed routine when the user keeps the 48 hours', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Yesterday's strength session put clamshells in rehab, beside a gentle drill from earlier.
    const earlier = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    const yesterday = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'strength', loading: true, baseline: 4, drills: [{ id: 'clamshells', scores: [3] }] });
    await afterSessions(earlier, yesterday);
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [false, 5, 'done', 4] });
    expect(result.code).toBe(0);
    expect(result.prompter.asked[0]!.message).toBe('Do the strength drills today anyway? (No leaves them out today.)');
    expect(result.stdout).toMatch(/Your rehab routine · 1 drill\n/);
    expect(result.stdout).toContain('Left out today, for your next strength session from 2026-11-21 05:30:\n  · Clamshells');
    const today = stored().sessions.at(-1)!;
    expect(today.attempts.map((a) => a.exerciseId)).toEqual(['lateral-ankle-tilts']);
    expect(today.loading).toBe(false);
  });
});
