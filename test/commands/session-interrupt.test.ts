// A session ended by Ctrl-C or a crash: what is kept, how it is marked, and what is said of it.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, saveSessions, screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

/** A store where earlier sessions ran: the safety screen passed before the first, buckets as saved. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb session', () => {
  it('after Ctrl-C during the first drill, before any drill was got through, says how to start the routine again, as itb was started', async () => {
    const withTimer = flags.filter((flag) => flag !== '--no-timer');
    const mine = join(home, "Pat's library.yaml");
    copyFileSync(join(import.meta.dirname, '../../data/library.yaml'), mine);
    // The hip flexor stretch's first hold is timed, and Ctrl-C comes during it.
    const result = await run(['--data', mine, 'session', 'mobility', ...withTimer], { home, tty: true, answers: [...screenClear, 6, 'timer', CTRL_C] });
    expect(result.code).toBe(130);
    expect(result.prompter.asked.at(-1)).toMatchObject({ kind: 'countdown', message: 'Hold 1 of 4 · set 1, first side' });
    const said = result.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('Session interrupted. Kept: your baseline (6).');
    expect(said).toContain(`To start this routine again, run \`itb --data '${home}/Pat'\\''s library.yaml' session mobility\`.`);
    // A drill got through: how to go on instead, as before.
    const later = await run(['session', 'mobility', ...withTimer], { home, tty: true, answers: [false, 6, 'skip', CTRL_C] });
    expect(later.stderr.replace(/\s+/g, ' ')).toContain('To go on with the 7 drills left later today, run `itb session mobility`.');
    expect(later.stderr).not.toContain('To start this routine again');
  });

  it('keeps what was answered on Ctrl-C, marks the session interrupted, exits 130', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'done', 6, CTRL_C];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/Session interrupted/);
    expect(result.stderr).toMatch(/Lateral\s+ankle\s+tilts\s+→\s+rehab/);
    const [session] = stored().sessions;
    expect(session!.status).toBe('interrupted');
    expect(session!.attempts).toHaveLength(2); // the knee's first try is kept in the log...
    expect(stored().buckets.map((b) => b.exerciseId)).toEqual(['lateral-ankle-tilts']); // ...but decides nothing
  });

  it('saves every answer as it is given, before the next question is asked', async () => {
    // What the store holds each time a question comes: the attempts saved so far.
    const savedAttempts: number[] = [];
    const onAsk = () => savedAttempts.push(stored().sessions[0]?.attempts.length ?? -1);
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'done', 4, 'done', 5, 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk });
    expect(result.code).toBe(0);
    // The six screen questions and the baseline come before anything is saved (-1: no session).
    // Then, for each drill, "done?" and its score; each score is in the store by the next question.
    expect(savedAttempts).toEqual([-1, -1, -1, -1, -1, -1, -1, 0, 0, 1, 1, 2, 2, 3]);
  });

  it('marks a session a crash left in progress as interrupted when the next one starts', async () => {
    const crashed = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    await afterSessions({ ...crashed, status: 'in-progress' });
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    expect(stored().sessions.map((session) => session.status)).toEqual(['interrupted', 'stopped']);
    expect(stored().sessions[0]!.endedAt).toBe(crashed.results.at(-1)!.at);
  });

  it('gives the advice after a flare-up when Ctrl-C ends the session at the question that follows it, or later', async () => {
    const advice = 'After a flare-up, take it easy for the rest of the day and leave your next session for another day. If it has not settled by tomorrow, or flare-ups keep coming, talk to your physical therapist.';
    const day = (date: string) => new Date(`${date}T12:00:00.000Z`);
    const atQuestion = await run(['session', 'balance', ...flags], { home, tty: true, now: day('2026-11-20'), answers: [...screenClear, 2, 'done', 5, true, CTRL_C] });
    expect(atQuestion.code).toBe(130);
    expect(atQuestion.prompter.asked.at(-1)!.message).toMatch(/^Go on with the next drill\?/);
    // What was kept, then the advice, each broken between words for the terminal.
    const said = atQuestion.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('Session interrupted. Kept: your baseline (2) and 1 finished drill: Single-leg stand → avoid for now (flare-up).');
    expect(said.indexOf(advice)).toBeGreaterThan(said.indexOf('Session interrupted.'));
    expect(atQuestion.stderr.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(stored().sessions[0]).toMatchObject({ status: 'interrupted', results: [expect.objectContaining({ exerciseId: 'single-leg-stand', flare: true })] });

    // Gone on after the flare-up and stopped at the next drill: the advice still applies.
    const later = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: day('2026-11-22'), answers: [2, 'done', 6, true, true, CTRL_C] });
    expect(later.prompter.asked.at(-1)!.message).toBe('When you have done the drill:');
    expect(later.code).toBe(130);
    expect(later.stderr.replace(/\s+/g, ' ')).toContain(advice);
    // A day with a flare-up calls for rest, not for going on with the routine later.
    expect(atQuestion.stderr + later.stderr).not.toContain('To go on');
    // Without a flare-up in the session, none of it, and how to go on instead.
    const calm = await run(['session', 'mobility', ...flags], { home, now: day('2026-11-24'), tty: true, answers: [4, 'done', 3, CTRL_C] });
    expect(calm.code).toBe(130);
    expect(calm.stderr).toContain('Session interrupted.');
    expect(calm.stderr).not.toContain('After a flare-up');
    expect(calm.stderr.replace(/\s+/g, ' ')).toContain('To go on with the 7 drills left later today, run `itb session mobility`.');
  });

  it('records no new session when Ctrl-C comes before the first score, and keeps the one done earlier that day', async () => {
    await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'done', 4, 'stop'] });
    const before = stored().sessions;
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, CTRL_C] });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Stopped before the first score; no new session was recorded.');
    expect(stored().sessions).toEqual(before);
    expect(stored().buckets.map((b) => b.exerciseId)).toEqual(['lateral-ankle-tilts']);
  });

  it('keeps each setup answer as it is given: Ctrl-C at the next question still remembers it', async () => {
    await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'stop'] });
    // The side is answered, then Ctrl-C at the symptom.
    const atSymptom = await run(['session', 'joint-chain', '--no-timer'], { home, tty: true, answers: ['right', CTRL_C] });
    expect(atSymptom.code).toBe(130);
    expect(atSymptom.prompter.asked.map((asked) => asked.message)).toEqual(['Which side is painful?', 'What will you rate?']);
    expect(stored().settings).toMatchObject({ side: 'right', symptom: 'pain', movement: 'single-leg squat' });
    // Then the symptom is answered, and Ctrl-C at the movement.
    const atMovement = await run(['session', 'joint-chain', '--no-timer'], { home, tty: true, answers: ['right', 'tightness', CTRL_C] });
    expect(atMovement.code).toBe(130);
    expect(atMovement.prompter.asked[0]!.default).toBe('right');
    expect(stored().settings).toMatchObject({ side: 'right', symptom: 'tightness', movement: 'single-leg squat' });
    expect(stored().sessions).toHaveLength(1);
  });
});
