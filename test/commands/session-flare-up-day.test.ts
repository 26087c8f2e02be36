// A session started on a day that already had a flare-up: the reminder to rest first, and what follows a yes or a no.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, saveSessions, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C } from '../helpers/scripted.js';
import { width } from '../../src/ui/width.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

/** A store where earlier sessions ran: the safety screen passed before the first, buckets as saved. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb session', () => {
  describe('on a day that already had a flare-up', () => {
    // St. John's, where the tests run, is 3½ hours behind UTC in November: 15:00 UTC is 11:30 there.
    const now = new Date('2026-11-20T15:00:00.000Z');
    const reminder =
      'Earlier today, at 09:12, Clamshells flared up. The advice after a flare-up is to take it easy for the rest of the day and leave your next session for another day.';
    // Begun at 09:10 local: bridges helped (4 → 3), then clamshells rose from 3 to 7, rated at 09:12.
    const morning = (status?: Session['status']) =>
      buildSession({ startedAt: '2026-11-20T12:40:00.000Z', routine: 'strength', baseline: 4, status, drills: [{ id: 'bridges', scores: [3] }, { id: 'clamshells', scores: [7] }] });
    const storeFile = () => readFileSync(join(home, 'store.json'), 'utf8');

    it('is said in itb session --help', async () => {
      const help = (await run(['session', '--help'], { home })).stdout.replace(/\s+/g, ' ');
      expect(help).toContain('a session started later the same day first reminds you to rest and asks whether to go on.');
    });

    it('reminds of it before anything is saved, however the session is started, and Enter alone rests, with nothing recorded', async () => {
      // A drill set aside three weeks ago is due for its re-test, so `itb session retest` has one to offer.
      const earlier = buildSession({ startedAt: '2026-10-30T12:00:00.000Z', routine: 'joint-chain', baseline: 4, drills: [{ id: 'lunge-knee-circles', scores: [4, 4] }] });
      await afterSessions(earlier, morning());
      const before = storeFile();
      for (const argv of [['session'], ['session', 'joint-chain', ...flags], ['session', 'rehab', ...flags], ['session', 'retest', ...flags], ['session', 'balance']]) {
        const result = await run(argv, { home, tty: true, now, answers: [false] });
        expect(result.code).toBe(0);
        expect(result.prompter.asked).toEqual([{ kind: 'confirm', message: 'Start a session today anyway?', default: false, answer: false }]);
        const shown = result.stdout.replace(/\s+/g, ' ');
        expect(shown).toContain(reminder);
        expect(shown).toContain('Resting today is a sound choice. Nothing new was recorded; what you did earlier today is kept. If the flare-up has not settled by tomorrow, or flare-ups keep coming, talk to your physical therapist.');
        expect(result.stdout.split('\n').every((line) => width(line) <= 80)).toBe(true);
        // Not even the side, symptom and movement of the flags are remembered.
        expect(storeFile()).toBe(before);
      }
      // Ctrl-C at the question: nothing recorded either.
      const stopped = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [CTRL_C] });
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toContain('Stopped before the session began; no new session was recorded.');
      expect(storeFile()).toBe(before);
    });

    it('runs the session as usual after a yes, saying to start gently and not suggesting another session today', async () => {
      await afterSessions(morning());
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [true, 3, 'done', 2, 'stop'] });
      expect(result.code).toBe(0);
      expect(result.prompter.remaining).toBe(0);
      expect(result.prompter.asked.map((asked) => asked.message.slice(0, 22))).toEqual(['Start a session today ', 'Rate your pain (0 = no', 'When you have done the', 'Rate your pain now (be', 'When you have done the']);
      // First among the things to keep in mind, before the test movement is done.
      expect(result.stdout).toMatch(/Keep in mind:\n {2}· After today's flare-up, start gently, with a smaller range, and stop at\n {4}once if your pain rises\.\n {2}· Grow tall/);
      expect(result.stdout.indexOf('start gently')).toBeLessThan(result.stdout.indexOf('Do your test movement'));
      expect(stored().sessions.at(-1)).toMatchObject({ routine: 'joint-chain', status: 'stopped', baseline: 3 });
      // The rehab routine is for another day, as after a flare-up in this session; the advice itself was given at the start.
      expect(result.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine, on another day\n/);
      expect(result.stdout).not.toContain('After a flare-up, take it easy');
      // Stopped part way, the routine is not suggested for later today either.
      expect(result.stdout).not.toContain('go on with the');
      expect(result.stdout).not.toContain('later today');
    });

    it('after a yes and Ctrl-C before any drill was got through, says to rest for the rest of the day and to start the routine again on another day', async () => {
      await afterSessions(morning());
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [true, 3, CTRL_C] });
      expect(result.code).toBe(130);
      const said = result.stderr.replace(/\s+/g, ' ');
      expect(said).toContain('Session interrupted. Kept: your baseline (3).');
      expect(said).toContain("After today's flare-up, take it easy for the rest of the day. To start this routine again on another day, run `itb session joint-chain`.");
      expect(said).not.toContain('To start this routine again, run');
      // The next day, with no flare-up on it, how to start again, as on any day.
      const tomorrow = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: new Date('2026-11-21T15:00:00.000Z'), answers: [3, CTRL_C] });
      expect(tomorrow.stderr.replace(/\s+/g, ' ')).toContain('To start this routine again, run `itb session joint-chain`.');
      expect(tomorrow.stderr).not.toContain('flare-up');
    });

    it('after a yes and Ctrl-C once a drill was got through, still says to rest and to start the routine again on another day', async () => {
      await afterSessions(morning());
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [true, 3, 'done', 2, CTRL_C] });
      expect(result.code).toBe(130);
      const said = result.stderr.replace(/\s+/g, ' ');
      expect(said).toContain('Session interrupted.');
      expect(said).toContain("After today's flare-up, take it easy for the rest of the day. To start this routine again on another day, run `itb session joint-chain`.");
      expect(said).not.toContain('later today');
    });

    it('counts a flare-up in a session interrupted earlier today, names each of several, and remembers one from the session just run', async () => {
      await afterSessions(morning('interrupted'));
      const interrupted = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [false] });
      expect(interrupted.stdout.replace(/\s+/g, ' ')).toContain(reminder);
      // A second flare-up this afternoon, in a session run here (13:30 local) and stopped at the question after it.
      const afternoon = new Date('2026-11-20T17:00:00.000Z');
      const flared = await run(['session', 'balance', ...flags], { home, tty: true, now: afternoon, answers: [true, 2, 'done', 5, true, false] });
      expect(flared.code).toBe(0);
      const evening = await run(['session'], { home, tty: true, now: new Date('2026-11-20T22:00:00.000Z'), answers: [false] });
      expect(evening.stdout.replace(/\s+/g, ' ')).toContain('Earlier today, Clamshells flared up at 09:12, and Single-leg stand at 13:30. The advice after a flare-up');
      expect(evening.stdout.replace(/\s+/g, ' ')).toContain('If the flare-ups have not settled by tomorrow, or flare-ups keep coming');
    });

    it('names the drill that flared up as the library names it now, and one it no longer has as it was named then', async () => {
      const renamed = morning();
      const gone = buildSession({ startedAt: '2026-11-20T13:30:00.000Z', routine: 'strength', baseline: 3, drills: [{ id: 'bridges', scores: [7] }] });
      // Named otherwise on the day (an older library); the bridges' drill since taken out of it.
      const asThen = (session: Session, id: string, name: string): Session => ({
        ...session,
        results: session.results.map((result) => (result.exerciseId === id ? { ...result, exerciseId: id === 'bridges' ? 'old-bridges' : id, name } : result)),
      });
      await afterSessions(asThen(renamed, 'clamshells', 'Clams (old name)'), asThen(gone, 'bridges', 'Floor bridges'));
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [false] });
      const shown = result.stdout.replace(/\s+/g, ' ');
      expect(shown).toContain('Earlier today, Clamshells flared up at 09:12, and Floor bridges at 10:01.');
      expect(shown).not.toContain('Clams (old name)');
    });

    it('names three flare-ups with a comma after each but the last, and a stored name shown safely', async () => {
      // Flared at 09:12, 10:01 and 10:31 local; the second drill no longer in the library, its
      // name as stored holding a control character.
      const gone = buildSession({ startedAt: '2026-11-20T13:30:00.000Z', routine: 'strength', baseline: 3, drills: [{ id: 'old-bridges', name: 'Floor\u0007 bridges', scores: [7] }] });
      const third = buildSession({ startedAt: '2026-11-20T14:00:00.000Z', routine: 'strength', baseline: 3, drills: [{ id: 'bridges', scores: [7] }] });
      await afterSessions(morning(), gone, third);
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [false] });
      expect(result.code).toBe(0);
      // Lines joined as they were wrapped: one space between words, none doubled.
      expect(result.stdout.split('\n').join(' ')).toContain(
        'Earlier today, Clamshells flared up at 09:12, Floor\\u0007 bridges at 10:01, and Bridges at 10:31. The advice after a flare-up',
      );
      expect(result.stdout).not.toContain('\u0007');
    });

    it('says the reminder bold in colour, and what follows a no in plain text', async () => {
      await afterSessions(morning());
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, env: { NO_COLOR: undefined, FORCE_COLOR: '1' }, answers: [false] });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('\x1b[1mEarlier today, at 09:12, Clamshells flared up.');
      expect(result.stdout).toMatch(/\nResting today is a sound choice\./);
    });

    it('does not count a flare-up yesterday evening, though it is the same day in UTC', async () => {
      // 22:30 local on the 19th.
      await afterSessions(buildSession({ startedAt: '2026-11-20T00:56:00.000Z', routine: 'strength', baseline: 4, drills: [{ id: 'bridges', scores: [3] }, { id: 'clamshells', scores: [7] }] }));
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'stop'] });
      expect(result.code).toBe(0);
      expect(result.prompter.asked[0]!.message).toMatch(/^Rate your pain/);
      expect(result.stdout).not.toContain('flare-up');
    });

    it('still says first that a session needs a terminal', async () => {
      await afterSessions(morning());
      const result = await run(['session'], { home, tty: false, now });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/needs a terminal/);
      expect(result.stdout).toBe('');
      expect(result.prompter.asked).toEqual([]);
    });
  });
});
