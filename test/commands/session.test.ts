import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retestDueAt } from '../../src/core/buckets.js';
import { projectBuckets } from '../../src/core/projection.js';
import { localDate } from '../../src/core/history.js';
import type { Session } from '../../src/core/records.js';
import { summarize } from '../../src/core/summary.js';
import { Store } from '../../src/store/store.js';
import { readSummaryFile } from '../../src/store/summary-file.js';
import { buildSession, noRedFlags, saveSessions, setUpFlags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { commandsIn } from '../helpers/command-lines.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';
import { onTerminal } from '../helpers/terminal.js';
import { writeOutsideRoutines } from '../helpers/outside-routines.js';
import { writeTwoRoutines } from '../helpers/two-routines.js';
import { width } from '../../src/ui/width.js';
import { libraryFile } from '../helpers/libraries.js';

// The red-flag screen of a first run, all answered no.
const screenClear: Answer[] = [false, false, false, false, false, false];
const flags = setUpFlags;

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

/** A store where earlier sessions ran: the safety screen passed before the first, buckets as saved. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb session', () => {
  it('needs a terminal, and names what works without one', async () => {
    const result = await run(['session'], { home, tty: false });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal/);
    expect(result.stderr).toMatch(/itb buckets.*itb history.*itb export/);
    expect(result.prompter.asked).toEqual([]);
    // A terminal at one end only will not do either: `itb session | tee log`, or input from a file.
    for (const half of [{ stdinTTY: true, stdoutTTY: false }, { stdinTTY: false, stdoutTTY: true }]) {
      const refused = await run(['session'], { home, ...half });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/needs a terminal/);
      expect(refused.prompter.asked).toEqual([]);
    }
    // A mistyped routine is named first: the terminal would not help it.
    const mistyped = await run(['session', 'joint-chian'], { home, tty: false });
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('there is no routine "joint-chian"');
    expect(mistyped.stderr).toContain('Did you mean joint-chain?');
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it("answers a routine's name, quoted or typed as several words, with its id and the command that runs it, before any question", async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    for (const argv of [['session', 'Joint chain, feet upward'], ['session', 'joint', 'chain'], ['session', 'joint', 'chain,', 'feet', 'upward']]) {
      const result = await run(argv, { home, tty: true, answers: [] });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(said(result.stderr)).toBe(`error: there is no routine "${argv.slice(1).join(' ')}" "Joint chain, feet upward" has the id joint-chain: \`itb session joint-chain\` runs it.`);
      expect(result.prompter.asked).toEqual([]);
    }
    // The setup answers typed are kept: the session meant asks none of them again.
    const typed = await run(['session', 'Joint chain, feet upward', '--side', 'left', '--movement', 'step down', '--no-timer'], { home, tty: true, answers: [] });
    expect(said(typed.stderr)).toContain(`has the id joint-chain: \`itb session joint-chain --side left --movement 'step down' --no-timer\` runs it.`);
    // A word too many after an id: the routine is that id, with the command that runs it.
    const extra = await run(['session', 'strength', 'today'], { home, tty: true, answers: [] });
    expect(extra.code).toBe(2);
    expect(said(extra.stderr)).toBe(
      'error: there is no routine "strength today" The routine is strength, and the words after it are not part of the command: `itb session strength` runs it.',
    );
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it('says to quote a test movement of several words when its later words were taken for a routine', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    // The whole command to copy, with the rest typed: the routine, the side.
    const alone = await run(['session', '--side', 'l', '--movement', 'walking', 'downhill'], { home, tty: true, answers: [] });
    expect(alone.code).toBe(2);
    expect(said(alone.stderr)).toBe(
      'error: there is no routine "downhill" `itb routines` lists them. If "downhill" belongs to the test movement, put the movement in quotes: `itb session --side left --movement \'walking downhill\'`.',
    );
    const afterRoutine = await run(['session', 'joint-chain', '--movement', 'walking', 'down', 'hill'], { home, tty: true, answers: [] });
    expect(said(afterRoutine.stderr)).toContain('If "down hill" belongs to the test movement, put the movement in quotes: `itb session joint-chain --movement \'walking down hill\'`.');
    // A routine's name in several words beside a movement is a routine's name, said as before.
    const named = await run(['session', 'joint', 'chain', '--movement', 'walking'], { home, tty: true, answers: [] });
    expect(said(named.stderr)).not.toContain('test movement');
    expect([alone, afterRoutine, named].map((result) => result.prompter.asked.length)).toEqual([0, 0, 0]);
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it('runs the joint chain and sorts the drills into buckets', async () => {
    const answers: Answer[] = [
      ...screenClear,
      6, // baseline
      'done', 4, // ankle tilts: better → rehab
      'done', 4, 'done', 5, // knee circles: same, then worse on the retry → avoid
      'done', 8, true, false, // hip circles: a flare (5 → 8), the score meant, then stop
    ];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(result.prompter.remaining).toBe(0);
    const data = stored();
    expect(data.screenings).toHaveLength(1);
    expect(data.screenings[0]!.proceeded).toBe(true);
    const [session] = data.sessions;
    expect(session).toMatchObject({ routine: 'joint-chain', side: 'left', symptom: 'pain', movement: 'single-leg squat', baseline: 6, status: 'stopped' });
    expect(session!.results.map((r) => [r.exerciseId, r.outcome, r.flare])).toEqual([
      ['lateral-ankle-tilts', 'rehab', false],
      ['lunge-knee-circles', 'avoid', false],
      ['rehab-hip-circles', 'avoid', true],
    ]);
    expect(data.buckets.map((b) => [b.exerciseId, b.bucket])).toEqual(
      expect.arrayContaining([['lateral-ankle-tilts', 'rehab'], ['lunge-knee-circles', 'avoid'], ['rehab-hip-circles', 'avoid']]),
    );
    expect(data.settings).toMatchObject({ side: 'left', symptom: 'pain', movement: 'single-leg squat' });
    // Its summary for `itb buckets`, written once the closing was shown, is that of the store as saved.
    expect(readSummaryFile(join(home, 'store.json'))).toEqual(JSON.parse(JSON.stringify(summarize(data))));
    expect(result.stdout).toMatch(/Exercise 1 of 5 · ankle/);
    expect(result.stdout).toMatch(/Session summary/);
    // The retry is judged against the score from before the first try, and asked so.
    expect(result.prompter.asked.filter((asked) => asked.kind === 'input').map((asked) => asked.message)).toEqual([
      'Rate your pain (0 = none, 10 = worst imaginable):',
      'Rate your pain now (before: 6):',
      'Rate your pain now (before: 4):',
      'Rate your pain now (before the first try: 4):',
      'Rate your pain now (before: 5):',
    ]);
    expect(result.stdout).toMatch(/6 → 8/);
    // The last bucket change, a blank line, then why the session ended early.
    expect(result.stdout).toMatch(/Rehab hip circles: untested → avoid for now \(flare-up\)\n\nYou stopped the session early; what you finished is saved\.\n/);
    // After a flare-up, what to do for the rest of the day, and no other session today.
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(
      ' After a flare-up, take it easy for the rest of the day and leave your next session for another day. If it has not settled by tomorrow, or flare-ups keep coming, talk to your physical therapist. ',
    );
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    expect(next).toMatch(/ {2}itb buckets {2,}what helps and what to avoid for now\n/);
    expect(next).toMatch(/ {2}itb session rehab {2,}your rehab routine, on another day\n/);
    expect(next).toMatch(/ {2}itb export -o report\.html {2,}a report for your physical therapist\n$/);
  });

  it('does not ask to go on after a flare on the last drill', async () => {
    const answers: Answer[] = [...screenClear, 3, 'skip', 'done', 7, true];
    const result = await run(['session', 'balance', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(result.prompter.remaining).toBe(0);
    expect(result.prompter.asked.map((a) => a.message)).not.toContain(expect.stringMatching(/Go on/));
    expect(stored().sessions[0]).toMatchObject({ status: 'completed', results: [expect.anything(), expect.objectContaining({ outcome: 'avoid', flare: true })] });
  });

  it('asks about a score that would be a flare-up before judging it, and takes no for a number typed wrong', async () => {
    // Ankle tilts 4 → 6 (up 2: no flare-up, not asked about), 4 again on the retry; knee circles
    // 4 → 7 typed for 4 → 3, taken back; hip circles 3 → 3, then 6 on the retry, a flare-up
    // against the 3 before the first try, meant; then stop.
    const answers: Answer[] = [...screenClear, 4, 'done', 6, 'done', 4, 'done', 7, false, 3, 'done', 3, 'done', 6, true, false];
    const asked: string[] = [];
    const result = await run(['session', 'joint-chain', ...flags], {
      home,
      tty: true,
      answers,
      // What is saved while the question is asked: nothing of the score it asks about.
      onAsk: (question) => {
        if (question.kind === 'confirm' && question.message.startsWith('Up')) asked.push(`${question.message} ${question.default} ${stored().sessions[0]!.attempts.length}`);
      },
    });
    expect(result.code).toBe(0);
    expect(result.prompter.remaining).toBe(0);
    expect(asked).toEqual(['Up 3 points, from 4 to 7: a flare-up. Is 7 right? true 2', 'Up 3 points, from 3 to 6: a flare-up. Is 6 right? true 4']);
    // The score meant, typed at the question instead of n, is told what to answer.
    expect(result.prompter.asked.find((question) => question.message.startsWith('Up 3 points, from 4 to 7'))!.numberTyped).toBe('Answer n to give another score, or y to keep 7.');
    // The knee's score asked again, with the same before; the 7 taken back is nowhere.
    const rates = result.prompter.asked.filter((question) => question.kind === 'input').map((question) => `${question.message} ${question.answer}`);
    expect(rates.slice(3, 5)).toEqual(['Rate your pain now (before: 4): 7', 'Rate your pain now (before: 4): 3']);
    const [session] = stored().sessions;
    expect(session!.attempts.map((a) => [a.exerciseId, a.before, a.after, a.verdict])).toEqual([
      ['lateral-ankle-tilts', 4, 6, 'not-improved'],
      ['lateral-ankle-tilts', 4, 4, 'not-improved'],
      ['lunge-knee-circles', 4, 3, 'improved'],
      ['rehab-hip-circles', 3, 3, 'not-improved'],
      ['rehab-hip-circles', 3, 6, 'flare'],
    ]);
  });

  it('keeps nothing of a score asked about as a flare-up when Ctrl-C ends the session there', async () => {
    const result = await run(['session', 'balance', ...flags], { home, tty: true, answers: [...screenClear, 3, 'done', 8, CTRL_C] });
    expect(result.code).toBe(130);
    expect(result.prompter.asked.at(-1)).toMatchObject({ kind: 'confirm', message: 'Up 5 points, from 3 to 8: a flare-up. Is 8 right?' });
    expect(stored().sessions[0]).toMatchObject({ status: 'interrupted', baseline: 3, attempts: [], results: [] });
    expect(result.stderr).not.toContain('After a flare-up');
  });

  it('counts the holds of a timed drill: its sets on each side', async () => {
    const answers: Answer[] = [...screenClear, 3, ...Array(7).fill('timer'), 'done', 1, 'stop'];
    const withTimer = flags.filter((flag) => flag !== '--no-timer');
    const result = await run(['session', 'balance', ...withTimer], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(result.prompter.remaining).toBe(0);
    // Single-leg stand: 3 sets on each side, a set being a hold on one side then the other, as
    // its steps say ("Switch legs and repeat"). A seventh timer is counted without a total.
    const labels = result.prompter.asked.filter((asked) => asked.kind === 'countdown').map((asked) => asked.message);
    expect(labels).toEqual([
      'Hold 1 of 6 · set 1, first side',
      'Hold 2 of 6 · set 1, second side',
      'Hold 3 of 6 · set 2, first side',
      'Hold 4 of 6 · set 2, second side',
      'Hold 5 of 6 · set 3, first side',
      'Hold 6 of 6 · set 3, second side',
      'Hold 7',
    ]);
  });

  it('names the timer a drill without one lacks, for a start typed there that a drill with one takes for it ("st")', async () => {
    const withTimer = flags.filter((flag) => flag !== '--no-timer');
    const drillLists = (result: Awaited<ReturnType<typeof run>>) => result.prompter.asked.filter((asked) => asked.message === 'When you have done the drill:');
    // Lateral ankle tilts has no hold to time.
    const untimed = await run(['session', 'joint-chain', ...withTimer], { home, tty: true, answers: [...screenClear, 3, 'stop'] });
    expect(drillLists(untimed)[0]).toMatchObject({ choices: ['done', 'skip', 'stop'], elsewhere: ['Start a timer (this drill has none)'] });
    // Single-leg stand has one: the list offers it, so nothing is named beside the list.
    const timed = await run(['session', 'balance', ...withTimer], { home, tty: true, answers: [false, 3, 'stop'] });
    expect(drillLists(timed)[0]!.choices).toContain('timer');
    expect(drillLists(timed)[0]!.elsewhere).toBeUndefined();
    // With the timer turned off, the same drill says why.
    const off = await run(['session', 'balance', ...flags], { home, tty: true, answers: [false, 3, 'stop'] });
    expect(drillLists(off)[0]!.elsewhere).toEqual(['Start a timer (timers are off this session)']);
  });

  it('says, in a plain terminal, to choose Done by its number before a score typed at a drill\'s list', async () => {
    const withTimer = flags.filter((flag) => flag !== '--no-timer');
    const said = (result: Awaited<ReturnType<typeof run>>) => result.prompter.asked.filter((asked) => asked.message === 'When you have done the drill:').map((asked) => asked.numberNotListed);
    // Done first without a timer, second while the timer's next hold comes first.
    const untimed = await run(['session', 'balance', ...flags], { home, tty: true, answers: [...screenClear, 3, 'stop'] });
    expect(said(untimed)).toEqual(['Rate after the drill: choose Done first (1), then type your score.']);
    const timed = await run(['session', 'balance', ...withTimer], { home, tty: true, answers: [false, 3, 'stop'] });
    expect(said(timed)).toEqual(['Rate after the drill: choose Done first (2), then type your score.']);
  });

  it('says so when a drill is done after only some of its holds were timed, and keeps how many with the score for the report', async () => {
    const withTimer = flags.filter((flag) => flag !== '--no-timer');
    const note = 'You timed 2 of the 6 holds. If that is all you did, your score is for those 2, not the full dose.';
    const partWay = await run(['session', 'balance', ...withTimer], { home, tty: true, answers: [...screenClear, 3, 'timer', 'timer', 'done', 1, 'stop'] });
    expect(partWay.code).toBe(0);
    const shown = partWay.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain(`${note} itb keeps that with your score, and your therapist's report says so: 2 of 6 holds timed.`);
    // Said before the score is asked for, once.
    expect(shown.indexOf(note)).toBeLessThan(shown.indexOf('again, the same way as before'));
    expect(shown.split(note)).toHaveLength(2);
    // The score is kept as given, and judged as any other, with the holds timed of the dose's.
    expect(stored().sessions[0]!.attempts).toEqual([expect.objectContaining({ before: 3, after: 1, verdict: 'improved', holds: { timed: 2, of: 6 } })]);
    // The summary at the end says it again, under the drill's row.
    const summary = partWay.stdout.slice(partWay.stdout.indexOf('Session summary'));
    expect(summary).toMatch(/helped → rehab\n\n {2}[^\n]+: 2 of 6 holds timed on the first try\.\n/);
    // One hold timed of six: said of that one. (Each run after the first starts the routine afresh.)
    const one = await run(['session', 'balance', ...withTimer], { home, tty: true, answers: [false, 3, 'timer', 'done', 1, 'stop'] });
    expect(one.stdout.replace(/\s+/g, ' ')).toContain('You timed 1 of the 6 holds. If that is all you did, your score is for that one, not the full dose.');
    // Nothing to say with every hold timed, or with none (the timer is there to help, not needed).
    const all = await run(['session', 'balance', ...withTimer], { home, tty: true, answers: [false, 3, ...Array(6).fill('timer'), 'done', 1, 'stop'] });
    const none = await run(['session', 'balance', ...withTimer], { home, tty: true, answers: [false, 3, 'done', 1, 'stop'] });
    for (const result of [all, none]) {
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain('You timed');
      expect(result.stdout).not.toContain('holds timed');
    }
    // Kept only when fewer than all were timed: a dose timed in full, or done without the timer, has no count.
    const attempts = stored().sessions.map((session) => session.attempts[0]);
    expect(attempts.map((attempt) => attempt?.holds)).toEqual([{ timed: 2, of: 6 }, { timed: 1, of: 6 }, undefined, undefined]);
    expect(attempts.slice(2).every((attempt) => attempt !== undefined && !('holds' in attempt))).toBe(true);
  });

  it('counts a hold on the painful side twice when both sides are painful, as the drill is done on each in turn', async () => {
    const withTimer = flags.filter((flag) => flag !== '--no-timer');
    const bothSides = withTimer.map((flag) => (flag === 'left' ? 'both' : flag));
    // A therapist's library: one 45 s hold (no sets given), on the painful side only.
    const library = join(home, 'hold.yaml');
    writeFileSync(
      library,
      [
        'version: 1',
        'exercises:',
        '  - id: side-plank',
        '    name: Side plank',
        '    region: hip',
        '    category: strength',
        '    steps: [Hold a side plank on the painful side.]',
        '    dose: { holdSeconds: 45 }',
        '    side: painful',
        '    loading: false',
        '  - id: arm-hold',
        '    name: Arm hold',
        '    region: hip',
        '    category: mobility',
        '    steps: [Hold the arm of the side that does not hurt overhead.]',
        '    dose: { sets: 1, holdSeconds: 30 }',
        '    side: opposite',
        '    loading: false',
        '  - id: lunge-hold',
        '    name: Lunge hold',
        '    region: hip',
        '    category: mobility',
        '    steps: [Hold a lunge with the painful leg in front.]',
        '    dose: { sets: 2, holdSeconds: 30 }',
        '    side: painful',
        '    loading: false',
        '  - id: both-hold',
        '    name: Both hold',
        '    region: hip',
        '    category: mobility',
        '    steps: [Hold a squat on both legs.]',
        '    dose: { sets: 1, holdSeconds: 30 }',
        '    side: both',
        '    loading: false',
        'routines:',
        '  - id: plank',
        '    name: Plank',
        '    description: One hold.',
        '    exercises: [side-plank]',
        '  - id: arms',
        '    name: Arms',
        '    description: One hold on the other side, one on both legs at once.',
        '    exercises: [arm-hold, both-hold]',
        '  - id: lunge',
        '    name: Lunge',
        '    description: Two sets of one hold on the painful side.',
        '    exercises: [lunge-hold]',
        '',
      ].join('\n'),
    );
    const answers: Answer[] = [...screenClear, 3, 'timer', 'timer', 'done', 2];
    const result = await run(['--data', library, 'session', 'plank', ...bothSides], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(result.prompter.remaining).toBe(0);
    const labels = result.prompter.asked.filter((asked) => asked.kind === 'countdown').map((asked) => asked.message);
    expect(labels).toEqual(['Hold 1 of 2 · first side', 'Hold 2 of 2 · second side']);
    // After the first side, Enter starts the second rather than ending the drill.
    const drill = result.prompter.asked.filter((asked) => asked.message === 'When you have done the drill:');
    expect(drill.map((asked) => asked.default)).toEqual(['timer', 'timer', 'done']);
    // On one painful side, one hold.
    const oneSide = await run(['--data', library, 'session', 'plank', ...withTimer], { home, tty: true, answers: [3, 'timer', 'done', 2] });
    expect(oneSide.prompter.asked.filter((asked) => asked.kind === 'countdown').map((asked) => asked.message)).toEqual(['Hold 1 of 1']);
    // A single hold (no sets given is one set) is offered as the drill's timer, then as one more.
    const plank = oneSide.prompter.asked.filter((asked) => asked.message === 'When you have done the drill:');
    expect(plank.map((asked) => asked.choiceNames![asked.choices!.indexOf('timer')])).toEqual(['Start a 45 s timer for the hold', 'Start another 45 s hold']);
    // A drill on the side opposite the painful one is done on each side too; one on both legs at once, once.
    const arms = await run(['--data', library, 'session', 'arms', ...bothSides], { home, tty: true, answers: [3, 'timer', 'timer', 'done', 2, 'timer', 'done', 1] });
    expect(arms.code).toBe(0);
    expect(arms.prompter.asked.filter((asked) => asked.kind === 'countdown').map((asked) => asked.message)).toEqual(['Hold 1 of 2 · first side', 'Hold 2 of 2 · second side', 'Hold 1 of 1']);
    // Its card says so, rather than "both sides", which reads as the dose on each in turn.
    expect(arms.stdout).toContain('Side: both sides at once');
    // Sets of a one-sided drill on both painful sides: the whole dose on one side, then on the other.
    const countdowns = (result: Awaited<ReturnType<typeof run>>) => result.prompter.asked.filter((asked) => asked.kind === 'countdown').map((asked) => asked.message);
    const lunge = await run(['--data', library, 'session', 'lunge', ...bothSides], { home, tty: true, answers: [3, 'timer', 'timer', 'timer', 'timer', 'done', 1] });
    expect(lunge.code).toBe(0);
    expect(countdowns(lunge)).toEqual(['Hold 1 of 4 · set 1, first side', 'Hold 2 of 4 · set 2, first side', 'Hold 3 of 4 · set 1, second side', 'Hold 4 of 4 · set 2, second side']);
    // On one painful side, its sets alone, with no side to say: "timer" fits, but not on a terminal of 30 columns.
    const timerName = (result: Awaited<ReturnType<typeof run>>) => result.prompter.asked.find((asked) => asked.message === 'When you have done the drill:')!.choiceNames![0];
    const oneSideSets = await run(['--data', library, 'session', 'lunge', ...withTimer], { home, tty: true, answers: [3, 'timer', 'timer', 'done', 1] });
    expect(countdowns(oneSideSets)).toEqual(['Hold 1 of 2', 'Hold 2 of 2']);
    expect(timerName(oneSideSets)).toBe('Start hold 1 of 2 (30 s timer)');
    const narrow = await onTerminal(30, () => run(['--data', library, 'session', 'lunge', ...withTimer], { home, tty: true, answers: [3, 'stop'] }));
    expect(timerName(narrow)).toBe('Start hold 1 of 2 (30 s)');
    // On one of 32, the pointer and the whole label just fit: it is kept whole.
    const justFits = await onTerminal(32, () => run(['--data', library, 'session', 'lunge', ...withTimer], { home, tty: true, answers: [3, 'stop'] }));
    expect(timerName(justFits)).toBe('Start hold 1 of 2 (30 s timer)');
  });

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

  it('offers the next hold first while holds remain, then Done, so that Enter out of habit does the right thing', async () => {
    const answers: Answer[] = [...screenClear, 3, ...Array(7).fill('timer'), 'done', 1, 'stop'];
    const withTimer = flags.filter((flag) => flag !== '--no-timer');
    const result = await run(['session', 'balance', ...withTimer], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const drill = result.prompter.asked.filter((asked) => asked.message === 'When you have done the drill:');
    // Eight times for the single-leg stand (seven timers, then done), then once for the foam pad.
    expect(drill).toHaveLength(9);
    const [stand, pad] = [drill.slice(0, 8), drill[8]!];
    // Enter alone gives the first choice: the next hold until all six are done, then Done.
    expect(stand.map((asked) => asked.default)).toEqual([...Array(6).fill('timer'), 'done', 'done']);
    expect(stand.map((asked) => asked.choices![0])).toEqual([...Array(6).fill('timer'), 'done', 'done']);
    const timerNames = stand.map((asked) => asked.choiceNames![asked.choices!.indexOf('timer')]);
    expect(timerNames).toEqual([
      // Each says which set and side it is, as its countdown does.
      'Start hold 1 of 6 · set 1, first side (30 s)',
      'Start hold 2 of 6 · set 1, second side (30 s)',
      'Start hold 3 of 6 · set 2, first side (30 s)',
      'Start hold 4 of 6 · set 2, second side (30 s)',
      'Start hold 5 of 6 · set 3, first side (30 s)',
      'Start hold 6 of 6 · set 3, second side (30 s)',
      'Start another 30 s hold',
      'Start another 30 s hold',
    ]);
    // Each choice, repeated after the question once answered, fits a line of 80 columns.
    for (const asked of drill) for (const name of asked.choiceNames!) expect(`✔ ${asked.message} ${name}`.length).toBeLessThanOrEqual(80);
    expect(pad.default).toBe('timer');
    // On a terminal of 30 columns, its set and side are kept all the same, the list breaking the line.
    const narrow = await onTerminal(30, () => run(['session', 'balance', ...withTimer], { home, tty: true, answers: [false, 3, 'timer', 'stop'] }));
    expect(narrow.code).toBe(0);
    const narrowNames = narrow.prompter.asked.filter((asked) => asked.message === 'When you have done the drill:').flatMap((asked) => asked.choiceNames!);
    expect(narrowNames).toContain('Start hold 1 of 6 · set 1, first side (30 s)');
    expect(narrowNames).toContain('Start hold 2 of 6 · set 1, second side (30 s)');
    // Without the timer, Done comes first.
    const untimed = await run(['session', 'balance', ...flags], { home, tty: true, answers: [false, 3, 'stop'] });
    expect(untimed.prompter.asked[2]).toMatchObject({ message: 'When you have done the drill:', default: 'done', choices: ['done', 'skip', 'stop'] });
  });

  it('shows how to do a test movement from the library when the baseline is asked, and asks for the same way each re-test', async () => {
    const answers: Answer[] = [...screenClear, 5, 'done', 4, 'stop'];
    const library = await run(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'step-down', '--no-timer'], { home, tty: true, answers });
    expect(library.code).toBe(0);
    const shown = library.stdout.replace(/\s+/g, ' ');
    // Named by its id, recorded by its name; in the library's words, shown before the first drill, so before the baseline is asked.
    const how = 'Do your test movement (step-down) now. Stand on the bottom stair or a low step on the leg that hurts';
    expect(shown).toContain(how);
    expect(shown.indexOf('Use the same step each time, do 5 slow reps, then rate your symptom.')).toBeLessThan(shown.indexOf('Exercise 1 of 5'));
    expect(shown).toContain('Do your test movement (step-down) again, the same way as before.');
    // Once: the re-test asks for the same way without repeating the whole of it.
    expect(shown.split('Stand on the bottom stair')).toHaveLength(2);
    // A movement in the user's own words has no instructions to show.
    const own = await run(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'hopping on the spot', '--no-timer'], { home, tty: true, answers: [false, 5, 'stop'] });
    expect(own.code).toBe(0);
    expect(own.stdout).toMatch(/Do your test movement \(hopping on the spot\) now\.\n\nExercise 1 of 5/);
    // A library movement typed by its id is the one picked from the list: the same name, so the same trend.
    const byId = await run(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'single-leg-squat', '--no-timer'], { home, tty: true, answers: [false, 5, 'stop'] });
    // As it reads in a sentence: "pain during single-leg squat".
    expect(byId.stdout).toContain('Do your test movement (single-leg squat) now.');
    expect(byId.stdout).toContain('pain during single-leg squat: 5 (baseline');
    expect(JSON.parse(readFileSync(join(home, 'store.json'), 'utf8')).sessions.at(-1).movement).toBe('single-leg squat');
    // Its id typed in capitals is the same movement.
    const capitals = await run(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'Step-Down', '--no-timer'], { home, tty: true, answers: [false, 5, 'stop'] });
    expect(capitals.stdout).toContain('Do your test movement (step-down) now.');
    expect(capitals.stdout).toContain('Stand on the bottom stair');
    expect(JSON.parse(readFileSync(join(home, 'store.json'), 'utf8')).sessions.at(-1).movement).toBe('step-down');
  });

  it('fits its own text to a terminal of 50 columns, broken between words', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'done', 4, 'done', 4, 'done', 8, true, true, 'skip'];
    const result = await onTerminal(50, () =>
      run(['session', 'hip-rotation', '--side', 'left', '--symptom', 'pain', '--movement', 'Step-down', '--no-timer'], { home, tty: true, answers }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => width(line) > 50)).toEqual([]);
    // With no mark before it, the skip says so with no indent under one.
    expect(result.stdout).toContain('\nSkipped Hip CARs (controlled articular rotations).\nIt stays untested.\n');
    // Every name whole, each drill on lines of its own.
    const summary = result.stdout.slice(result.stdout.indexOf('Session summary'), result.stdout.indexOf('\n  pain during'));
    expect(summary).not.toContain('…');
    expect(summary).toContain('\n  Hip range exploration (knee drops)\n    pain 6 → 4 · helped → rehab\n');
    // Together too long for a line, the scores and the result take one each.
    expect(summary).toContain('\n  Hip external rotation with extension\n    (90/90 hip lift)\n    pain 4 → 4, then 4 → 4\n    no help → avoid for now\n');
    expect(summary).toContain('\n  Hip CARs (controlled articular rotations)\n    skipped\n');
    // A bucket change too long for its line goes under the drill's name, further in, so that no
    // part of it reads as another drill.
    const changes = result.stdout.slice(result.stdout.indexOf('Bucket changes'), result.stdout.indexOf('\nNext:'));
    expect(changes).toContain(
      'Bucket changes\n  Hip range exploration (knee drops)\n    untested → rehab\n  Hip external rotation with extension\n    (90/90 hip lift)\n    untested → avoid for now\n' +
        '  Seated hip internal rotation\n    untested → avoid for now (flare-up)\n',
    );
    // What to run next: each command with what it is for under it.
    expect(result.stdout).toMatch(/\nNext:\n {2}itb buckets\n {4}what helps and what to avoid for now\n/);
  });

  it('at 40 columns, indents the further lines of a long name under its first, so that none reads as another drill', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'done', 4, 'done', 4, 'done', 8, true, true, 'skip'];
    const result = await onTerminal(40, () =>
      run(['session', 'hip-rotation', '--side', 'left', '--symptom', 'pain', '--movement', 'Step-down', '--no-timer'], { home, tty: true, answers }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => width(line) > 40)).toEqual([]);
    const summary = result.stdout.slice(result.stdout.indexOf('Session summary'), result.stdout.indexOf('\n  pain during'));
    // A drill's name starts at two spaces, and at two spaces only its first line does.
    const names = summary.split('\n').filter((line) => /^ {2}\S/.test(line));
    expect(names).toEqual([
      '  Hip range exploration (knee drops)',
      '  Hip external rotation with extension',
      '  Seated hip internal rotation',
      '  Hip CARs',
    ]);
    expect(summary).toContain('\n  Hip external rotation with extension\n    (90/90 hip lift)\n    pain 4 → 4, then 4 → 4\n    no help → avoid for now\n');
    expect(summary).toContain('\n  Hip CARs\n    (controlled articular rotations)\n    skipped\n');
    const changes = result.stdout.slice(result.stdout.indexOf('Bucket changes'), result.stdout.indexOf('\nNext:'));
    expect(changes.split('\n').filter((line) => /^ {2}\S/.test(line))).toEqual(['  Hip range exploration (knee drops)', '  Hip external rotation with extension', '  Seated hip internal rotation']);
    expect(changes).toContain('\n  Hip external rotation with extension\n    (90/90 hip lift)\n    untested → avoid for now\n');
  });

  it('keeps the summary and what to run next in columns when they fit', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'done', 4, 'skip', 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n  Exercise                        Before → after  Result\n  Lateral ankle tilts             6 → 4           helped → rehab\n');
    expect(result.stdout).toContain('\n  Forward 45° lunge knee circles  —               skipped\n');
    expect(result.stdout).toMatch(/\nNext:\n {2}itb buckets {16}what helps and what to avoid for now\n/);
  });

  it('suggests what to run next as itb was started: through npx, and with the library file given', async () => {
    // A library of one's own (here the built-in one, copied) in a file whose name the shell would split.
    const mine = join(home, "Pat's library.yaml");
    copyFileSync(join(import.meta.dirname, '../../data/library.yaml'), mine);
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'stop'];
    const result = await run(['--data', mine, 'session', 'joint-chain', ...flags], { home, tty: true, answers, env: { npm_lifecycle_event: 'npx' } });
    expect(result.code).toBe(0);
    const itb = `npx itb --data '${home}/Pat'\\''s library.yaml'`;
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    // Those too long for the line go on after the shell's "\\".
    expect(commandsIn(next.split('\n'), (line) => /^ {2}\S/.test(line))).toEqual([
      `${itb} buckets`,
      `${itb} session joint-chain`,
      `${itb} session rehab`,
      // The drills not tried yet, with the next routine that holds some: the joint chain is to go on with.
      `${itb} session hip-rotation`,
      `${itb} export -o report.html`,
    ]);
    // Refused before any question, a routine of the built-in library is suggested with the same start.
    const empty = tempHome();
    try {
      const nothing = await run(['session', 'rehab', ...flags], { home: empty.home, tty: true, answers: [], env: { npm_lifecycle_event: 'npx' } });
      expect(nothing.stderr.replace(/\s+/g, ' ')).toContain("Run a session with a routine first: `npx itb session joint-chain --side left --symptom pain --movement 'single-leg squat' --no-timer`.");
    } finally {
      empty.cleanup();
    }
  });

  it('breaks a command to run next that is too long for a narrow terminal after the shell\'s "\\", so that it still runs when copied', async () => {
    // A library of one's own, on a phone's 60 columns: every command too long for a line.
    const mine = join(home, 'pt-library-2026.yaml');
    copyFileSync(join(import.meta.dirname, '../../data/library.yaml'), mine);
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'stop'];
    const result = await onTerminal(60, () => run(['--data', mine, 'session', 'joint-chain', ...flags], { home, tty: true, answers }));
    expect(result.code).toBe(0);
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n') + 7).split('\n');
    expect(next.filter((line) => width(line) > 60)).toEqual([]);
    // Each command starts two spaces in, goes on six in after a line ending in " \\", and its
    // --data stays with the file name after it.
    expect(commandsIn(next, (line) => /^ {2}\S/.test(line))).toEqual([`itb --data ${mine} buckets`, `itb --data ${mine} session joint-chain`, `itb --data ${mine} session rehab`, `itb --data ${mine} session hip-rotation`, `itb --data ${mine} export -o report.html`]);
    expect(next.filter((line) => line.endsWith(' \\')).length).toBeGreaterThanOrEqual(5);
    expect(next.some((line) => / --data$/.test(line.replace(/ \\$/, '')))).toBe(false);
  });

  it('names the actual side for the opposite-side drill', async () => {
    const answers: Answer[] = [...screenClear, 5, 'skip', 'skip', 'skip', 'skip', 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Opposite scapular camshafts[\s\S]*your right side \(opposite the pain\)/);
  });

  it('refuses 11 and "five" as scores, says why, and asks again', async () => {
    const answers: Answer[] = [...screenClear, '11', 'five', '3', 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const refusals = result.prompter.asked.filter((a) => a.message.startsWith('refused')).map((a) => a.message);
    expect(refusals).toEqual([expect.stringMatching(/11 is outside the scale/), expect.stringMatching(/"five" is not a number/)]);
    expect(stored().sessions[0]!.baseline).toBe(3);
  });

  it('asks for just the number when a score is typed as "5/10", and shows " 7 " and "+3" as the numbers they are read as', async () => {
    const answers: Answer[] = [...screenClear, '5/10', ' 7 ', 'done', '+3', 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const refusals = result.prompter.asked.filter((a) => a.message.startsWith('refused')).map((a) => a.message);
    expect(refusals).toEqual(['refused: Type just the number, like 5: the scale is always out of 10.']);
    const scores = result.prompter.asked.filter((a) => a.kind === 'input' && !a.message.startsWith('refused') && a.answer !== '5/10');
    expect(scores.map((a) => [a.answer, a.shown])).toEqual([
      [' 7 ', '7'],
      ['+3', '3'],
    ]);
    expect(stored().sessions[0]).toMatchObject({ baseline: 7, attempts: [expect.objectContaining({ before: 7, after: 3 })] });
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

  it('advises seeing a clinician at the start, after three flat weeks', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const flat = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6 }));
    await afterSessions(...flat);
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [6, 'stop'] });
    expect(result.code).toBe(0);
    const start = result.stdout.slice(0, result.stdout.indexOf('Mobility and stretching ·'));
    expect(start).toMatch(/physical\s+therapist\s+or\s+doctor/);
  });

  it('says again at the end, above what to run next, that scores kept up for weeks deserve a clinician\'s look', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const flat = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6, side: 'left' }));
    await afterSessions(...flat);
    // Today's drill lowers the score 6 → 4: the session reads as a good one.
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [6, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    const end = result.stdout.slice(result.stdout.indexOf('Session summary')).replace(/\s+/g, ' ');
    expect(end).toContain('pain during single-leg squat: 6 → 4');
    const advice = end.indexOf('You have rated your pain during single-leg squat in each of 3 weeks in a row');
    expect(advice).toBeGreaterThan(end.indexOf('6 → 4 (baseline → final)'));
    expect(end.indexOf('deserve a look from a physical therapist or doctor')).toBeGreaterThan(advice);
    expect(end.indexOf('Next:')).toBeGreaterThan(advice);
  });

  it('says nothing of it at the end when no symptom kept up', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const falling = [['2026-02-10T09:00:00Z', 7], ['2026-02-18T09:00:00Z', 5], ['2026-02-28T09:00:00Z', 3]] as const;
    await afterSessions(...falling.map(([startedAt, baseline]) => buildSession({ startedAt, baseline, side: 'left' })));
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [3, 'done', 2, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout.slice(result.stdout.indexOf('Session summary'))).not.toContain('physical therapist or doctor');
  });

  it('says, when a session sets aside a drill put in rehab by hand, the move and its note, with the command that puts it back', async () => {
    const tried = buildSession({ startedAt: '2026-03-01T12:00:00Z', routine: 'joint-chain', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores: [5, 5] }] });
    await afterSessions(tried);
    const moved = await run(['buckets', 'move', 'lunge-knee-circles', 'rehab', '--note', 'physio: smaller circles, keep it'], { home, now: new Date('2026-03-02T12:00:00Z') });
    expect(moved.code).toBe(0);
    const now = new Date('2026-03-03T12:00:00Z');
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(result.code).toBe(0);
    const changes = result.stdout.slice(result.stdout.indexOf('Bucket changes'), result.stdout.indexOf('Next:'));
    expect(changes.replace(/\s+/g, ' ')).toContain(
      'Forward 45° lunge knee circles: rehab → avoid for now You had moved it to rehab by hand with the note "physio: smaller circles, keep it". To keep it there all the same, as your physical therapist may advise: itb buckets move lunge-knee-circles rehab',
    );
    // The command whole on a line of its own, to copy.
    expect(changes).toContain('\n      itb buckets move lunge-knee-circles rehab\n');
    // A drill the session moved out of a bucket it had put it in itself says nothing of the kind.
    const again = await run(['session', 'retest', ...flags], { home, tty: true, now: new Date('2026-03-20T12:00:00Z'), answers: [5, 'done', 4] });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('avoid for now → rehab');
    expect(again.stdout).not.toContain('by hand');
  });

  it('says, when a session sets aside a drill that helped in most of its earlier tests, how often it helped and when it comes back', async () => {
    const tested = (day: number, scores: number[]) =>
      buildSession({ startedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`, routine: 'joint-chain', side: 'left', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores }] });
    // 15 helped of 16, the latest of them helped: it is in rehab.
    await afterSessions(tested(1, [5, 5]), ...Array.from({ length: 15 }, (_, i) => tested(i + 2, [4])));
    const now = new Date('2026-03-03T12:00:00Z');
    const narrow = await onTerminal(40, () => run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] }));
    expect(narrow.code).toBe(0);
    const changes = narrow.stdout.slice(narrow.stdout.indexOf('Bucket changes'), narrow.stdout.indexOf('Next:'));
    // The advice to see a professional comes under it: the same score on the same side for weeks.
    const [changed, advice] = changes.replace(/\s+/g, ' ').split(/(?=You have rated)/);
    expect(changed).toBe(
      'Bucket changes Forward 45° lunge knee circles rehab → avoid for now It helped in 15 of its 16 earlier tests: one bad day may be down to the day, not the drill. It comes back for a re-test on 2026-03-17. ',
    );
    expect(advice).toMatch(/^You have rated your pain during single-leg squat in each of 3 weeks/);
    for (const line of narrow.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    // Its record now 15 of 17: set aside again at its re-test, it was set aside before that
    // session already, and nothing more is said.
    const again = await run(['session', 'retest', ...flags], { home, tty: true, now: new Date('2026-03-20T12:00:00Z'), answers: [5, 'done', 5, 'done', 5] });
    expect(again.stdout).not.toContain('earlier tests');
  });

  it('says the record of help from 3 tests, after a reset of the buckets, and above what a move by hand had decided', async () => {
    const tested = (day: number, scores: number[]) =>
      buildSession({ startedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`, routine: 'joint-chain', side: 'left', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores }] });
    const now = new Date('2026-03-03T12:00:00Z');
    const changesOf = (stdout: string) => stdout.slice(stdout.indexOf('Bucket changes'), stdout.indexOf('Next:')).replace(/\s+/g, ' ');
    // Helped 3 times of 3.
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]));
    const three = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(three.stdout)).toContain('rehab → avoid for now It helped in 3 of its 3 earlier tests: one bad day may be down to the day, not the drill.');
    // The buckets reset since: untested, its record still there.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]), tested(4, [4]));
    expect((await run(['buckets', 'reset', '--force'], { home, now: new Date('2026-03-02T12:00:00Z') })).code).toBe(0);
    const reset = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'done', 5, 'done', 5, 'stop'] });
    expect(changesOf(reset.stdout)).toContain('untested → avoid for now It helped in 4 of its 4 earlier tests: one bad day may be down to the day, not the drill. It comes back for a re-test on 2026-03-17.');
    // Set aside after helping 3 times, then put back in rehab by hand.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]), tested(4, [5, 5]));
    expect((await run(['buckets', 'move', 'lunge-knee-circles', 'rehab'], { home, now: new Date('2026-03-02T12:00:00Z') })).code).toBe(0);
    const moved = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(moved.stdout)).toMatch(/rehab → avoid for now It helped in 3 of its 4 earlier tests: one bad day may be down to the day, not the drill\. It comes back for a re-test on 2026-03-17\. You had moved it to rehab by hand/);
  });

  it('says, of a record of help from tests while another side hurt, that what helps one side need not help the other, not that it was a bad day', async () => {
    const tested = (day: number, side: Session['side']) =>
      buildSession({ startedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`, routine: 'joint-chain', side, baseline: 5, drills: [{ id: 'lunge-knee-circles', scores: [4] }] });
    const now = new Date('2026-03-03T12:00:00Z');
    const changesOf = (stdout: string) => stdout.slice(stdout.indexOf('Bucket changes'), stdout.indexOf('Next:')).replace(/\s+/g, ' ');
    // Helped 3 times of 3, all while the right side hurt; today the left does (the flags' side).
    await afterSessions(tested(1, 'right'), tested(2, 'right'), tested(3, 'right'));
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(result.stdout)).toContain(
      'rehab → avoid for now It helped in 3 of its 3 earlier tests, all when your right side hurt (today: your left side): what helps one side need not help the other. It comes back for a re-test on 2026-03-17.',
    );
    expect(result.stdout).not.toContain('bad day');
    // Tested while each of two other sides hurt, both are named.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, 'right'), tested(2, 'both'), tested(3, 'right'));
    const two = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(two.stdout)).toContain('all when your right side or both sides hurt (today: your left side)');
    // One of them on today's side: the record counts for today's side too, and one bad day may be the day's.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, 'right'), tested(2, 'left'), tested(3, 'right'));
    const mixed = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    expect(changesOf(mixed.stdout)).toContain('It helped in 3 of its 3 earlier tests: one bad day may be down to the day, not the drill.');
  });

  it('says nothing of a record of help that is thin or mixed, nor after a flare-up', async () => {
    const tested = (day: number, scores: number[]) =>
      buildSession({ startedAt: `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`, routine: 'joint-chain', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores }] });
    const setAside = async (answers: Answer[]) => {
      const result = await run(['session', 'rehab', ...flags], { home, tty: true, now: new Date('2026-03-03T12:00:00Z'), answers });
      expect(result.stdout).toContain('rehab → avoid for now');
      return result.stdout;
    };
    // Helped twice of twice: too few to go by.
    await afterSessions(tested(1, [4]), tested(2, [4]));
    expect(await setAside([5, 'done', 5, 'done', 5])).not.toContain('earlier tests');
    // Helped 3 times of 6: not most of them.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [5, 5]), tested(2, [5, 5]), tested(3, [5, 5]), tested(4, [4]), tested(5, [4]), tested(6, [4]));
    expect(await setAside([5, 'done', 5, 'done', 5])).not.toContain('earlier tests');
    // 3 of 3 and then a flare-up: a flare-up is not a day to shrug off.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]));
    expect(await setAside([5, 'done', 9, true, 'stop'])).not.toContain('earlier tests');
    // Helped 4 times of 5 and set aside with a flare-up: a re-test that does not help leaves it
    // set aside, as it was before the session.
    cleanup();
    ({ home, cleanup } = tempHome());
    await afterSessions(tested(1, [4]), tested(2, [4]), tested(3, [4]), tested(4, [4]), tested(5, [8]));
    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now: new Date('2026-03-03T12:00:00Z'), answers: [5, 'done', 5, 'done', 5] });
    expect(retest.stdout).toContain('avoid for now (flare-up) → avoid for now');
    expect(retest.stdout).not.toContain('earlier tests');
  });

  it('does not offer a drill put in rehab by hand back into it after it flared up, and says to ask the therapist first', async () => {
    const tried = buildSession({ startedAt: '2026-03-01T12:00:00Z', routine: 'joint-chain', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores: [5, 5] }] });
    await afterSessions(tried);
    await run(['buckets', 'move', 'lunge-knee-circles', 'rehab', '--note', 'physio: keep it'], { home, now: new Date('2026-03-02T12:00:00Z') });
    // 5 → 9: a flare-up at its first try.
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, now: new Date('2026-03-03T12:00:00Z'), answers: [5, 'done', 9, true, 'stop'] });
    expect(result.code).toBe(0);
    const changes = result.stdout.slice(result.stdout.indexOf('Bucket changes'), result.stdout.indexOf('Next:')).replace(/\s+/g, ' ');
    expect(changes).toContain('You had moved it to rehab by hand with the note "physio: keep it". It flared up today: ask your physical therapist before you do it again.');
    expect(changes).not.toContain('buckets move');
  });

  it('names at the start every side that kept up, in one piece of advice, the higher scores first', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const on = (side: 'left' | 'right', baseline: number, hour: string) =>
      ['2026-02-10', '2026-02-18', '2026-02-28'].map((day) => buildSession({ startedAt: `${day}T${hour}:00:00Z`, baseline, side }));
    // The left leg stuck at 1 and rated later each day than the right leg stuck at 6.
    await afterSessions(...on('right', 6, '09'), ...on('left', 1, '10'));
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [6, 'stop'] });
    const start = result.stdout.slice(0, result.stdout.indexOf('Mobility and stretching ·')).replace(/\s+/g, ' ');
    expect(start).toContain('your pain during single-leg squat (right side painful), in each of 3 weeks (about 6 in the first of those weeks, 6 in the latest); your pain during single-leg squat (left side painful), in each of 3 weeks');
    expect(start.match(/physical therapist or doctor/g)).toHaveLength(1);
  });

  it('marks a session a crash left in progress as interrupted when the next one starts', async () => {
    const crashed = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    await afterSessions({ ...crashed, status: 'in-progress' });
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    expect(stored().sessions.map((session) => session.status)).toEqual(['interrupted', 'stopped']);
    expect(stored().sessions[0]!.endedAt).toBe(crashed.results.at(-1)!.at);
  });

  it('warns before a drill that a score too low to fall would set it aside, and says so once per drill', async () => {
    await run(['settings', 'minImprovement', '2'], { home });
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 1, 'done', 1, 'done', 1, 'stop'] });
    expect(result.code).toBe(0);
    const warning = 'Your pain is at 1, so no drill can lower it by the 2 points that count as helping: if you go on, each drill you finish is set aside for now.';
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain(warning);
    // At 1 the pain shows, only too little for the 2 points: the day to test again is named by them.
    expect(shown).toContain(`${warning} Better to stop here and test again on a day your pain is at 2 or more.`);
    expect(shown).not.toContain('a day your symptom shows');
    // In full before the first drill and before the second; before the first drill's retry,
    // judged against the same 1, a short reminder.
    expect(shown.split(warning)).toHaveLength(3);
    const retry = shown.slice(shown.indexOf('Second try: '), shown.indexOf('Exercise 2 of 5'));
    expect(retry).toContain('A reminder: from 1, your pain cannot fall by the 2 points that count as helping, so this try cannot show that the drill helps.');
    expect(retry).not.toContain(warning);
    expect(stored().buckets).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', bucket: 'avoid' })]);
    // At 0 with 1 point: one point, which counts.
    await run(['settings', 'minImprovement', '1'], { home });
    const atZero = await run(['session', 'balance', ...flags], { home, tty: true, answers: [0, 'stop'] });
    expect(atZero.stdout.replace(/\s+/g, ' ')).toContain(
      'Your pain is at 0, so no drill can lower it by the 1 point that counts as helping: if you go on, each drill you finish is set aside for now. Better to stop here and test again on a day your symptom shows.',
    );
  });

  it('does not warn at a score that can still fall by the points that count as helping', async () => {
    // From 1, a fall to 0 is the 1 point that counts.
    const atOne = await run(['session', 'balance', ...flags], { home, tty: true, answers: [...screenClear, 1, 'stop'] });
    expect(atOne.code).toBe(0);
    expect(atOne.stdout).not.toContain('so no drill can lower it');
    await run(['settings', 'minImprovement', '2'], { home });
    const atTwo = await run(['session', 'balance', ...flags], { home, tty: true, answers: [2, 'stop'] });
    expect(atTwo.stdout).not.toContain('so no drill can lower it');
  });

  it('warns before a drill that a score too high to rise by a flare-up leaves the person to watch for one', async () => {
    // 8 + 3 is past 10: no flare-up can show. The first drill falls to 7, from which one can.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 8, 'done', 7, 'done', 9, 'stop'] });
    expect(result.code).toBe(0);
    // What to do first, then why: it is the score, not the pain, that has no room to rise.
    const warning =
      'Your pain is at 8, which is high: resting today and testing again another day is a sound choice. ' +
      'If you go on, go very gently and stop at once if it hurts more. From 8, a flare-up (a rise of 3 points) would go past 10, so itb cannot spot one for you.';
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown.split(warning)).toHaveLength(2);
    expect(shown).not.toContain('Your pain is at 7');
    // With flare-ups set at 2 points, 9 is past the top and 8 is not.
    await run(['settings', 'flareRise', '2'], { home });
    const lower = await run(['session', 'balance', ...flags], { home, tty: true, answers: [8, 'stop'] });
    expect(lower.stdout.replace(/\s+/g, ' ')).not.toContain('would go past 10');
    const higher = await run(['session', 'balance', ...flags], { home, tty: true, answers: [9, 'done', 9, 'stop'] });
    const shownHigher = higher.stdout.replace(/\s+/g, ' ');
    expect(shownHigher).toContain('Your pain is at 9, which is high');
    expect(shownHigher).toContain('From 9, a flare-up (a rise of 2 points) would go past 10');
    // No change (9 → 9): the second try, judged against the same 9, gets a short reminder.
    expect(shownHigher.slice(shownHigher.indexOf('Second try: '))).toContain(
      'A reminder: go very gently and stop at once if it hurts more. From 9, a flare-up (a rise of 2 points) would go past 10, so itb cannot spot one for you.',
    );
  });

  it('shows in the summary a drill stopped before its retry, with its score, still untested', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'done', 4, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ {2}Lateral ankle tilts +6 → 4 +helped → rehab\n {2}Forward 45° lunge knee circles +4 → 4 +unfinished: still untested\n/);
    expect(stored().buckets.map((b) => b.exerciseId)).toEqual(['lateral-ankle-tilts']);
  });

  it('after a flare-up, says stopping is a sound choice when a next drill could follow, and leaves Enter to stop', async () => {
    const answers: Answer[] = [...screenClear, 2, 'done', 5, true, true, 'done', 8, true];
    const result = await run(['session', 'balance', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const [first, last] = result.stdout.split('That is a flare-up').slice(1);
    expect(first!.replace(/\s+/g, ' ')).toContain('Stopping here for today is a sound choice.');
    expect(last).not.toContain('Stopping here');
    expect(result.stdout).not.toContain('before you go on');
    expect(result.prompter.asked.find((asked) => asked.message.startsWith('Go on'))).toMatchObject({ kind: 'confirm', default: false });
  });

  it('stopped at its first drill, says the baseline alone is saved, with no final score beside it', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 5, 'stop'] });
    expect(result.code).toBe(0);
    const said = result.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('Session summary No drill was finished. pain during single-leg squat: 5 (baseline; no drill was scored after it) ');
    expect(said).toContain(' You stopped the session before scoring a drill; your baseline is saved. ');
    expect(said).not.toContain('5 → 5');
    expect(stored().sessions).toEqual([expect.objectContaining({ status: 'stopped', baseline: 5, attempts: [] })]);
  });

  it('suggests no session for the rest of a day with a flare-up, and the rehab routine after a day without', async () => {
    const calm = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'done', 4, 'stop'] });
    expect(calm.code).toBe(0);
    expect(calm.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine\n/);
    expect(calm.stdout).not.toContain('After a flare-up');
    const flared = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, 4, 'done', 3, 'done', 6, true, false] });
    expect(flared.code).toBe(0);
    expect(flared.stdout).not.toMatch(/\n {2}itb session rehab {2,}your rehab routine\n/);
    expect(flared.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine, on another day\n/);
  });

  it('after a flare-up rated just before midnight, still leaves the next session for another day when the summary comes after it', async () => {
    // 23:50 local time (America/St_Johns, 3 h 30 behind UTC in November); the answer after the flare-up comes at 00:05.
    let clock = new Date('2026-11-21T03:20:00.000Z');
    const onAsk = (asked: { message: string }) => {
      if (asked.message.startsWith('Go on with the next drill')) clock = new Date('2026-11-21T03:35:00.000Z');
    };
    const answers: Answer[] = [...screenClear, 4, 'done', 3, 'done', 6, true, false];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: () => clock, onAsk, answers });
    expect(result.code).toBe(0);
    expect(stored().sessions[0]!.results.at(-1)).toMatchObject({ exerciseId: 'lunge-knee-circles', flare: true });
    expect(result.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine, on another day\n/);
  });

  it('says when a drill set aside is offered again as the re-test setting has it', async () => {
    await run(['settings', 'retestAfterDays', '7'], { home });
    const now = new Date('2026-11-20T12:00:00.000Z');
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [...screenClear, 5, 'done', 5, 'done', 5, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(`It is not wrong for you forever: it will be offered again from ${localDate(retestDueAt(now.toISOString(), 7))}.`);
    expect(localDate(retestDueAt(now.toISOString(), 7))).toBe('2026-11-27');
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

  it('says that no new session was recorded broken between words on a terminal of 50 columns', async () => {
    // At the first safety question, before anything was answered.
    const atFirstQuestion = await onTerminal(50, () => run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [CTRL_C] }));
    expect(atFirstQuestion.code).toBe(130);
    expect(atFirstQuestion.stderr).toBe('\nStopped before the session began; no new session\nwas recorded.\n');
    const beforeScore = await onTerminal(50, () => run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, CTRL_C] }));
    expect(beforeScore.code).toBe(130);
    expect(beforeScore.stderr).toBe('\nStopped before the first score; no new session\nwas recorded.\n');
  });

  it('asks the screen once; a yes needs an explicit go-ahead and is stored', async () => {
    const declined = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [true, false, false, false, false, false, false] });
    expect(declined.code).toBe(0);
    expect(declined.prompter.remaining).toBe(0);
    // Each safety question needs a y or an n (Enter alone answers none), so every answer kept for
    // the therapist was given; going on after a yes defaults to no.
    expect(declined.prompter.asked.map((asked) => asked.default)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, false]);
    expect(declined.prompter.asked.at(-1)!.message).toMatch(/Go on .*anyway/);
    // What was answered yes is named, in the words of the question as it was asked.
    expect(declined.stdout).toContain(
      'You answered yes to:\n  · Any recent fall, knock or other injury to the painful leg?\nThat is a reason to see a doctor or physical therapist before doing these\nexercises, to rule out something that needs other care.\n',
    );
    // The last word, wrapped between words like every other.
    expect(declined.stdout).toMatch(/Your answers are saved\. Please get checked first; itb will ask these questions\nagain next time\.\n$/);
    expect(stored().screenings).toEqual([expect.objectContaining({ proceeded: false, answers: expect.objectContaining({ 'recent-injury': true }) })]);
    expect(stored().sessions).toEqual([]);
    // Not cleared: asked again, and this time the user goes on.
    const again = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [true, false, false, false, false, false, true, 5, 'stop'] });
    expect(again.code).toBe(0);
    expect(again.prompter.remaining).toBe(0);
    expect(again.prompter.asked.slice(0, 7).map((asked) => asked.kind)).toEqual(Array(7).fill('confirm'));
    expect(again.prompter.asked[7]!.message).toMatch(/Rate your pain/);
    const third = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [5, 'stop'] });
    expect(third.code).toBe(0);
    expect(third.prompter.asked[0]!.message).toMatch(/Rate your pain/);
  });

  it('does not tell a person who goes on after a yes to get checked first and expect the questions again', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, true, false, false, false, false, true, 5, 'stop'] });
    expect(result.code).toBe(0);
    // As asked ("clearly swollen"), not as the therapist's report names it ("Marked swelling").
    expect(result.stdout).toContain('You answered yes to:\n  · Is the knee or thigh clearly swollen?\nThat is a reason');
    expect(result.stdout).not.toMatch(/marked swelling/i);
    expect(result.stdout).not.toContain('Please get checked first');
    expect(result.stdout).not.toContain('ask these questions again');
    expect(stored().screenings).toEqual([expect.objectContaining({ proceeded: true, answers: expect.objectContaining({ swelling: true }) })]);
  });

  it('names two safety answers given yes, each question on its own line', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [true, false, false, true, false, false, false] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'You answered yes to:\n  · Any recent fall, knock or other injury to the painful leg?\n  · Do you have numbness, tingling or pins and needles in the leg or foot?\nThese are reasons',
    );
  });

  it('names every safety answer given yes', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, false, true, true, false, true, false] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'You answered yes to:',
        '  · Does the knee lock, catch or give way under you?',
        '  · Do you have numbness, tingling or pins and needles in the leg or foot?',
        '  · Does the pain wake you at night, or stay strong while you rest?',
        'These are reasons to see a doctor or physical therapist',
      ].join('\n'),
    );
    expect(result.stdout).not.toMatch(/swollen|fever/i);
  });

  it('keeps a yes to the safety questions even when the person stops at the next question', async () => {
    // Stopped at "Go on anyway?": the yes is saved, as not gone on.
    const stopped = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, false, true, false, false, false, CTRL_C] });
    expect(stopped.code).toBe(130);
    // Said as at any other safety question: not "no new session was recorded" alone.
    expect(stopped.stderr.replace(/\s+/g, ' ')).toContain('Stopped during the safety questions. The answers you gave are saved; itb will ask them all again next time.');
    // Apart from the question it ends, on a line of its own.
    expect(stopped.stderr).toMatch(/^\nStopped during the safety questions\./);
    expect(stored().screenings).toEqual([expect.objectContaining({ proceeded: false, answers: expect.objectContaining({ 'locking-or-giving-way': true }) })]);
    const report = await run(['export'], { home });
    expect(report.stdout).toContain('**Knee locking or giving way** | advised to see a clinician first; did not go on');
    // Going on after a yes marks that same screen as gone on, not a second one.
    const onward = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, false, true, false, false, false, true, 5, 'stop'] });
    expect(onward.code).toBe(0);
    expect(stored().screenings.map((screening) => screening.proceeded)).toEqual([false, true]);
  });

  it('saves each safety answer as it is given, so a yes survives a stop part way through', async () => {
    const stopped = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, true, CTRL_C] });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr.replace(/\s+/g, ' ')).toContain('Stopped during the safety questions. The answers you gave are saved');
    // Broken between words, to fit the terminal.
    expect(stopped.stderr.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(stored().screenings).toEqual([{ at: expect.any(String), answers: { 'recent-injury': false, swelling: true }, proceeded: false }]);
    const report = await run(['export'], { home });
    expect(report.stdout).toContain('| **Marked swelling** | stopped after 2 of 6 questions; did not go on |');
    // Not a screen that lets the person go on: asked again in full, then kept as a second one.
    const again = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 5, 'stop'] });
    expect(again.code).toBe(0);
    expect(again.prompter.asked.slice(0, 6).map((asked) => asked.kind)).toEqual(Array(6).fill('confirm'));
    expect(stored().screenings.map((screening) => [Object.keys(screening.answers).length, screening.proceeded])).toEqual([
      [2, false],
      [6, true],
    ]);
  });

  it('does not let a screen stopped after answers of no count as passed: every question comes again', async () => {
    const stopped = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, false, CTRL_C] });
    expect(stopped.code).toBe(130);
    expect(stored().screenings).toEqual([{ at: expect.any(String), answers: { 'recent-injury': false, swelling: false }, proceeded: false }]);
    const again = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 5, 'stop'] });
    expect(again.code).toBe(0);
    expect(again.prompter.asked.slice(0, 6).map((asked) => asked.kind)).toEqual(Array(6).fill('confirm'));
    expect(stored().screenings.map((screening) => screening.proceeded)).toEqual([false, true]);
  });

  it('shows the first-run note that this is self-care support, not a diagnosis', async () => {
    const first = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 5, 'stop'] });
    expect(first.stdout.replace(/\s+/g, ' ')).toContain('It supports self-care; it does not diagnose anything and does not replace a physical therapist or doctor.');
    const next = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [5, 'stop'] });
    expect(next.stdout).not.toContain('does not diagnose');
  });

  it('asks about each warning sign of the safety screen in turn, under a heading bold in colour', async () => {
    const first = await run(['session', 'joint-chain', ...flags], { home, tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' }, answers: [...screenClear, 5, 'stop'] });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('\x1b[1mBefore you start\x1b[22m');
    expect(first.prompter.asked.slice(0, 6).map((asked) => asked.message)).toEqual([
      'Any recent fall, knock or other injury to the painful leg?',
      'Is the knee or thigh clearly swollen?',
      'Does the knee lock, catch or give way under you?',
      'Do you have numbness, tingling or pins and needles in the leg or foot?',
      'Do you have a fever or feel generally unwell?',
      'Does the pain wake you at night, or stay strong while you rest?',
    ]);
  });

  it('asks the setup questions without flags and remembers the answers as defaults', async () => {
    const answers: Answer[] = [...screenClear, 'balance', 'right', 'tightness', 'walking', 4, 'stop'];
    const result = await run(['session'], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(stored().settings).toMatchObject({ side: 'right', symptom: 'tightness' });
    // Listed as the library names it, recorded as it reads in a sentence.
    expect(result.prompter.asked.find((asked) => asked.message.startsWith('Which test movement?'))!.choiceNames).toContain('Walking');
    expect(stored().sessions[0]).toMatchObject({ routine: 'balance', side: 'right', symptom: 'tightness', movement: 'walking' });
    expect(result.stdout).toContain('tightness during walking: 4 (baseline');
    // Next time each answer is offered first, the routine too.
    const next = await run(['session'], { home, tty: true, answers: ['balance', 'right', 'tightness', 'walking', 4, 'stop'] });
    expect(next.prompter.asked.slice(0, 4).map((asked) => asked.default)).toEqual(['balance', 'right', 'tightness', 'walking']);
  });

  it('lists the re-test routine with how many drills are due, after the rehab routine', async () => {
    // Set aside three weeks ago, due now; bridges helped.
    const setAside = buildSession({ startedAt: '2026-10-30T12:00:00.000Z', routine: 'joint-chain', baseline: 4, drills: [{ id: 'lunge-knee-circles', scores: [4, 4] }, { id: 'bridges', scores: [3] }] });
    await afterSessions(setAside);
    const result = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-20T15:00:00.000Z'), answers: [CTRL_C] });
    expect(result.code).toBe(130);
    expect(result.prompter.asked[0]!.choiceNames!.slice(0, 2)).toEqual(['Your rehab routine (1 drill)', 'Re-test drills set aside earlier (1 due)']);
  });

  it('offers no routine first when the last one cannot run today', async () => {
    await afterSessions(buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'balance', baseline: 5 }));
    await setAsideBalance();
    const result = await run(['session', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), answers: ['mobility', 5, 'stop'] });
    expect(result.prompter.asked[0]).toMatchObject({ message: 'Which routine?', default: undefined });
  });

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

  it('offers the movement of last time once, however it was typed, and its own words as typed', async () => {
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.settings.movement = 'step-down';
      data.screenings.push({ at: '2026-11-01T08:00:00.000Z', answers: noRedFlags, proceeded: true });
    });
    const typedLikeLibrary = await run(['session', 'balance', '--side', 'left', '--symptom', 'pain'], { home, tty: true, answers: ['step-down', 4, 'stop'] });
    const choices = typedLikeLibrary.prompter.asked[0]!.choiceNames!;
    expect(choices.filter((name) => /step-down/i.test(name))).toEqual(['Step-down']);
    await Store.open({ ITB_HOME: home }).update((data) => void (data.settings.movement = 'hopping on the spot'));
    const own = await run(['session', 'balance', '--side', 'left', '--symptom', 'pain'], { home, tty: true, answers: ['hopping on the spot', 4, 'stop'] });
    expect(own.prompter.asked[0]!.choiceNames![0]).toBe('hopping on the spot (last time)');
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

  it('puts what to run next a command to a line on a terminal of 60 columns, where its columns do not fit', async () => {
    const result = await onTerminal(60, () => run(['session', 'balance', ...flags], { home, tty: true, answers: [...screenClear, 3, 'stop'] }));
    expect(result.code).toBe(0);
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    expect(next.split('\n').filter((line) => width(line) > 60)).toEqual([]);
    expect(next).toContain('\n  itb export -o report.html\n    a report for your physical therapist\n');
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

  it('says at a drill back for its re-test in an ordinary routine that it was set aside, after a flare-up too, and to start gently', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 3, drills: [{ id: 'lunge-knee-circles', scores: [3, 3] }, { id: 'rehab-hip-circles', scores: [7] }] });
    await afterSessions(past);
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    const card = (name: string) => shown.slice(shown.indexOf(name), shown.indexOf('Exercise', shown.indexOf(name)));
    expect(card('Forward 45° lunge knee circles')).toContain('Set aside earlier, back today for its re-test: start gently, with a smaller range, and stop at once if your pain rises.');
    expect(card('Rehab hip circles')).toContain('Set aside after a flare-up, back today for its re-test: start gently');
    expect(card('Lateral ankle tilts')).not.toContain('Set aside');
  });

  it('says where a drill skipped or left unfinished stays in plain words: untested, in the rehab bucket, or set aside', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // The ankle tilts helped, the knee circles did not and are back for their re-test; the rest are untested.
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [4, 4] }] });
    await afterSessions(past);
    // All three skipped, then the pelvis tucks do not help on their first try, and Ctrl-C comes before their retry.
    const skipped = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'skip', 'done', 5, CTRL_C] });
    expect(skipped.code).toBe(130);
    const said = skipped.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('Skipped Lateral ankle tilts. It stays in your rehab bucket.');
    // Set aside by a session, not by hand: skipped for want of a band or room, nothing more to say.
    expect(said).toContain('Skipped Forward 45° lunge knee circles. It stays set aside for now. Exercise 3');
    expect(said).toContain('Skipped Rehab hip circles. It stays untested.');
    expect(skipped.stdout + skipped.stderr).not.toContain('bucket stays as it was');
    expect(skipped.stderr.replace(/\s+/g, ' ')).toContain('The drill you had not finished stays untested.');
    // Started afresh, and stopped before the retry of a drill in the rehab bucket: the summary says it is still there.
    const stopped = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [false, 5, 'done', 5, 'stop'] });
    expect(stopped.stdout).toMatch(/ {2}Lateral ankle tilts +5 → 5 +unfinished: still in rehab\n/);
  });

  it('says once, at the first try of a drill back for its re-test, that it was set aside: its retry card does not repeat it', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 3, drills: [{ id: 'lunge-knee-circles', scores: [3, 3] }] });
    await afterSessions(past);
    // The knee circles do not help on their first try: the retry card comes, then the next drill's.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'done', 5, 'done', 5, 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('Set aside earlier, back today for its re-test: start gently');
    expect(shown.match(/Set aside earlier/g)).toHaveLength(1);
  });

  it('says at a drill in a bucket from a test on another painful side which side that was, in the re-test routine too', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // The right side hurt three weeks ago: the ankle tilts helped it, the knee circles did not.
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'right', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [4, 4] }] });
    await afterSessions(past);
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'stop'] });
    const shown = result.stdout.replace(/\s+/g, ' ');
    const card = (name: string) => shown.slice(shown.indexOf(name), shown.indexOf('Exercise', shown.indexOf(name)));
    const local = (iso: string) => localDate(new Date(iso));
    expect(card('Lateral ankle tilts')).toContain(
      `Already in your rehab bucket (it last helped on ${local(past.results[0]!.at)}), from a test when your right side hurt (today: your left side): test it again,`,
    );
    expect(card('Forward 45° lunge knee circles')).toContain('Set aside earlier, from a test when your right side hurt (today: your left side), back today for its re-test: start gently');
    // The re-test routine says at the drill only what its start does not: here, the side.
    const retest = await run(['session', 'retest', '--side', 'both', '--symptom', 'pain', '--movement', 'single-leg squat', '--no-timer'], { home, tty: true, now, answers: ['left', 5, 'stop'] });
    // With both sides painful the squat is on one leg, chosen, which that test did not name.
    expect(retest.stdout.replace(/\s+/g, ' ')).toContain(
      'Set aside earlier, from a test during single-leg squat when your right side hurt (today: during single-leg squat on the left leg, both sides), back today',
    );
    // On the same side as that test, nothing about sides is said.
    const same = await run(['session', 'retest', '--side', 'right', '--symptom', 'pain', '--movement', 'single-leg squat', '--no-timer'], { home, tty: true, now, answers: [5, 'stop'] });
    expect(same.stdout).not.toContain('from a test when');
  });

  it('says at a drill in a bucket from a test of another symptom or test movement which one that was, as it says a side', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Tightness during walking three weeks ago, on today's side: the ankle tilts helped, the knee circles did not.
    const past = buildSession({
      startedAt: '2026-11-01T09:00:00.000Z',
      routine: 'joint-chain',
      side: 'left',
      symptom: 'tightness',
      movement: 'Walking',
      baseline: 5,
      drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [4, 4] }],
    });
    await afterSessions(past);
    const local = (iso: string) => localDate(new Date(iso));
    const helped = `Already in your rehab bucket (it last helped on ${local(past.results[0]!.at)})`;
    // Each on a day of its own, so that none goes on from a routine left part way that day.
    let day = 0;
    const said = async (side: string, symptom: string, movement: string, routine = 'joint-chain') => {
      const on = new Date(now.getTime() + day++ * 86_400_000);
      const result = await run(['session', routine, '--side', side, '--symptom', symptom, '--movement', movement, '--no-timer'], { home, tty: true, now: on, answers: [5, 'skip', 'skip', 'stop'] });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout.replace(/\s+/g, ' ');
    };
    // Pain during a single-leg squat today: both differ.
    const both = await said('left', 'pain', 'single-leg squat');
    expect(both).toContain(`${helped}, from a test rating your tightness during walking (today: your pain during single-leg squat): test it again,`);
    expect(both).toContain('Set aside earlier, from a test rating your tightness during walking (today: your pain during single-leg squat), back today for its re-test');
    // Only the symptom differs, or only the movement: that one alone is named.
    expect(await said('left', 'pain', 'walking')).toContain(`${helped}, from a test rating your tightness (today: your pain): test it again,`);
    expect(await said('left', 'tightness', 'single-leg squat')).toContain(`${helped}, from a test during walking (today: during single-leg squat): test it again,`);
    // With the side too, each that differs.
    expect(await said('right', 'pain', 'walking')).toContain(`${helped}, from a test rating your tightness when your left side hurt (today: your pain, your right side): test it again,`);
    // The same test as today ("Walking" typed then, "walking " now): nothing about it is said.
    expect(await said('left', 'tightness', 'walking ')).not.toContain('from a test');
    // The rehab and re-test routines, made of such drills, say it too: only of those.
    expect(await said('left', 'pain', 'walking', 'rehab')).toContain(`${helped}, from a test rating your tightness (today: your pain): test it again`);
    expect(await said('left', 'pain', 'walking', 'retest')).toContain('Set aside earlier, from a test rating your tightness (today: your pain), back today for its re-test');
  });

  it('names no painful side at a drill moved by hand after a test on another side: the move was the person\'s choice, not that test', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // The right side hurt: the knee circles did not help, then went to the rehab bucket by hand.
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'right', baseline: 5, drills: [{ id: 'lunge-knee-circles', scores: [5, 5] }] });
    await afterSessions(past);
    await run(['buckets', 'move', 'lunge-knee-circles', 'rehab'], { home, now: new Date('2026-11-12T09:00:00.000Z') });
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain(`Already in your rehab bucket, by your choice since ${localDate(new Date('2026-11-12T09:00:00.000Z'))}: test it again,`);
    expect(shown).not.toContain('from a test when');
  });

  it('suggests testing the drills not tried yet at the end, beside the rehab routine, as itb buckets does', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Neither balance drill helps: nothing in the rehab bucket, nothing due for a re-test.
    const result = await run(['session', 'balance', ...flags], { home, tty: true, now, answers: [...screenClear, 5, 'done', 5, 'done', 5, 'done', 5, 'done', 5] });
    expect(result.code).toBe(0);
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    // The joint chain, first in the library, holds 5 of them: the command runs it.
    expect(next).toMatch(/\n {2}itb session joint-chain {2,}test 5 of 29 drills not tried yet\n/);
    expect(next).not.toContain('session rehab');
    expect((await run(['buckets'], { home, now })).stdout).toMatch(/itb session joint-chain {2}test 5 of 29 drills not tried yet/);
    // After a flare-up, for another day.
    const flared = await run(['session', 'warm-up', ...flags], { home, tty: true, now, answers: [3, 'done', 7, true, false] });
    expect(flared.code).toBe(0);
    expect(flared.stdout).toMatch(/\n {2}itb session joint-chain {2,}test 5 of 28 drills not tried yet, on another day\n/);
    // Once a drill helps, the rehab routine comes first, the drills not tried yet after it.
    const helped = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [true, 5, 'done', 4, 'stop'] });
    expect(helped.code).toBe(0);
    const after = helped.stdout.slice(helped.stdout.indexOf('\nNext:\n'));
    expect(after).toMatch(/\n {2}itb session rehab {2,}your rehab routine, on another day\n {2}itb session joint-chain {2,}test 5 of 27 drills not tried yet, on another day\n/);
    // Once the lists are cleared, the drills tried before are untested again, but not "not tried yet".
    expect((await run(['buckets', 'reset', '--force'], { home, now })).code).toBe(0);
    const cleared = await run(['session', 'balance', ...flags], { home, tty: true, now, answers: [true, 5, 'done', 5, 'done', 5, 'done', 5, 'done', 5] });
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/\n {2}itb session joint-chain {2,}test 5 of 29 untested drills, on another day\n/);
  });

  it('suggests the re-test routine at the end while drills are due for it, as itb buckets does', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', baseline: 3, drills: [{ id: 'lunge-knee-circles', scores: [3, 3] }, { id: 'rehab-hip-circles', scores: [7] }] });
    await afterSessions(past);
    // Both come up in the joint chain today and are skipped: still due.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'done', 4, 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}itb session retest {2,}re-test 2 drills set aside for now\n/);
    expect((await run(['buckets'], { home, now })).stdout).toMatch(/itb session retest {2,}re-test 2 drills set aside for now/);
    // Once re-tested, none is due: nothing to suggest.
    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [5, 'done', 3, 'done', 1] });
    expect(retest.code).toBe(0);
    // Said once at its start, of both drills, under the routine's title.
    expect(retest.stdout).toContain('Re-test · 2 drills');
    expect(retest.stdout).toMatch(/Keep in mind:\n {2}· These drills were set aside before\. Start gently, with a smaller range,/);
    expect(retest.stdout).not.toContain('session retest ');
  });

  it('gives the first re-test date at the end when every drill of the routines is set aside, as itb buckets does', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const good = libraryFile('good.yaml');
    const own = ['--data', good, 'session', 'clinic-plan', '--side', 'left', '--symptom', 'pain', '--movement', 'step-down'];
    // Neither drill of the only routine helps, even on the retry: nothing is left to run until a re-test.
    const result = await run(own, { home, tty: true, now, answers: [...screenClear, 5, 'done', 5, 'done', 5, 'done', 5, 'done', 5] });
    expect(result.code).toBe(0);
    const due = localDate(retestDueAt(stored().sessions[0]!.results[0]!.at, 14));
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    expect(next).toMatch(new RegExp(`\\n {2}itb --data \\S+ session retest\\s+the first re-test is due on ${due}\\n`));
    expect((await run(['--data', good, 'buckets'], { home, now })).stdout).toContain(`the first re-test is due on ${due}`);
  });

  it('gives the first re-test date at the end on the local day it starts, with a drill that no routine holds left untried', async () => {
    // 23:00 on 20 November in Auckland (UTC+13): set aside today there, due from 4 December there, which starts on 3 December in UTC.
    const now = new Date('2026-11-20T10:00:00.000Z');
    const library = writeOutsideRoutines(join(home, 'library.yaml'));
    const own = ['--data', library, 'session', 'clinic-plan', '--side', 'left', '--symptom', 'pain', '--movement', 'step-down'];
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      const result = await run(own, { home, tty: true, now, answers: [...screenClear, 5, 'done', 5, 'done', 5, 'done', 5, 'done', 5] });
      expect(result.code).toBe(0);
      const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
      // Side steps, in no routine, is not offered as a drill to test: no session would run it.
      expect(next).not.toContain('not tried yet');
      expect(next).toMatch(/\n {2}itb --data \S+ session retest\s+the first re-test is due on 2026-12-04\n/);
    } finally {
      process.env.TZ = zone;
    }
  });

  it('says at a drill already in the rehab bucket since when, so that a long routine can be done a few new drills a day', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    await afterSessions(past);
    await run(['buckets', 'move', 'rehab-hip-circles', 'rehab'], { home, now: new Date('2026-11-12T09:00:00.000Z') });
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    const card = (name: string) => shown.slice(shown.indexOf(name), shown.indexOf('Exercise', shown.indexOf(name)));
    const local = (iso: string) => localDate(new Date(iso));
    expect(card('Lateral ankle tilts')).toContain(`Already in your rehab bucket (it last helped on ${local('2026-11-10T09:00:00.000Z')}): test it again, or skip it to get on to the drills you have not tested yet.`);
    expect(card('Rehab hip circles')).toContain(`Already in your rehab bucket, by your choice since ${local('2026-11-12T09:00:00.000Z')}:`);
    expect(card('Forward 45° lunge knee circles')).not.toContain('Already in');
    // Skipped to get on to the others, it stays there: the choice says so, not "I cannot do it now".
    const skipChoices = (asked: typeof result.prompter.asked) =>
      asked.filter((q) => q.message === 'When you have done the drill:').map((q) => q.choiceNames?.find((name) => name.startsWith('Skip')));
    const cannot = 'Skip this drill (I cannot do it now)';
    const stays = 'Skip this drill (it stays in your rehab bucket)';
    expect(skipChoices(result.prompter.asked)).toEqual([stays, cannot, stays, cannot]);
    // The rehab routine is made of them: nothing to say there.
    const rehab = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, 'skip', 'stop'] });
    expect(rehab.stdout).toContain('Lateral ankle tilts');
    expect(rehab.stdout).not.toContain('Already in');
    expect(skipChoices(rehab.prompter.asked)).toEqual([cannot, cannot]);
    // Unless a test when another side hurt put the drill there: what helped one side need not help the other.
    const otherSide = await run(['session', 'rehab', '--side', 'right', '--symptom', 'pain', '--movement', 'single-leg squat'], { home, tty: true, now, answers: [5, 'skip', 'stop'] });
    const said = otherSide.stdout.replace(/\s+/g, ' ');
    expect(said).toContain(`Already in your rehab bucket (it last helped on ${local('2026-11-10T09:00:00.000Z')}), from a test when your left side hurt (today: your right side): test it again to check it still helps, or skip it.`);
    // Moved there by hand, it was no test on either side.
    expect(said.match(/Already in/g)).toHaveLength(1);
    expect(skipChoices(otherSide.prompter.asked)).toEqual([cannot, cannot]);
  });

  it('says the note given with a move to rehab at the drill, in any routine and in the rehab routine too', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const moved = new Date('2026-11-12T09:00:00.000Z');
    await run(['buckets', 'move', 'rehab-hip-circles', 'rehab', '--note', 'PT: smaller circles'], { home, now: moved });
    const shown = async (routine: string, screen: Answer[] = []) => {
      const result = await run(['session', routine, ...flags], { home, tty: true, now, answers: [...screen, 5, 'skip', 'skip', 'stop'] });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout.replace(/\s+/g, ' ');
    };
    const words = `Already in your rehab bucket, by your choice since ${localDate(moved)} (your note: PT: smaller circles): test it again`;
    expect(await shown('joint-chain', screenClear)).toContain(words);
    // The rehab routine says nothing of a drill moved there without a note (see above): with one, it says it.
    expect(await shown('rehab')).toContain(words);
  });

  it('says a drill is already in the rehab bucket at its first try only, not again on its retry card', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] });
    await afterSessions(past);
    // Tested again, the ankle tilts do not help on their first try, then do on their retry.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown.match(/Already in your rehab bucket/g)).toHaveLength(1);
  });

  it('does not tell a drill already in the rehab bucket to skip on to untested drills when none come after it', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Every drill of the warm-up tested: two helped, the one between them is back for its re-test.
    const past = buildSession({
      startedAt: '2026-11-01T09:00:00.000Z',
      routine: 'warm-up',
      baseline: 6,
      drills: [{ id: 'leg-swings', scores: [4] }, { id: 'ankle-mobilisations', scores: [4, 4] }, { id: 'glute-activation', scores: [3] }],
    });
    await afterSessions(past);
    const result = await run(['session', 'warm-up', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'skip'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    const card = (name: string) => shown.slice(shown.indexOf(name), shown.indexOf('When you have done', shown.indexOf(name)));
    expect(card('Leg swings')).toContain('Already in your rehab bucket (it last helped on');
    expect(card('Leg swings')).toContain(': test it again to check it still helps, or skip it.');
    expect(card('Glute activation')).toContain(': test it again to check it still helps, or skip it.');
    expect(shown).not.toContain('drills you have not tested yet');
  });

  it('does not count untested drills before a drill already in the rehab bucket as ones to skip on to', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Only the last drill of the joint chain tested, and it helped: the four before it, skipped today, stay untested.
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 6, drills: [{ id: 'opposite-scapular-camshafts', scores: [4] }] });
    await afterSessions(past);
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'skip', 'skip', 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    const shown = result.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('Already in your rehab bucket (it last helped on');
    expect(shown).toContain(': test it again to check it still helps, or skip it.');
    expect(shown).not.toContain('drills you have not tested yet');
  });

  it('offers the rehab and re-test routines when they have drills, and runs them', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({
      startedAt: '2026-11-01T09:00:00.000Z',
      routine: 'joint-chain',
      side: 'left',
      baseline: 6,
      drills: [
        { id: 'rehab-hip-circles', scores: [4] },
        { id: 'lateral-ankle-tilts', scores: [3] },
        { id: 'lunge-knee-circles', scores: [4, 5] },
      ],
    });
    await afterSessions(past);
    const result = await run(['session', ...flags], { home, tty: true, now, answers: ['rehab', 5, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    const routineQuestion = result.prompter.asked[0]!;
    expect(routineQuestion.choices?.slice(0, 2)).toEqual(['rehab', 'retest']);
    // Rehab runs in routine order: the ankle comes before the hip in the joint chain.
    expect(result.stdout).toMatch(/Exercise 1 of 2 · ankle\s+Lateral ankle tilts/);
    // With the cues of the routine its drills come from.
    expect(result.stdout).toMatch(/Your rehab routine · 2 drills\n.*\n\nKeep in mind:\n  · Grow tall[^]*Don't push into pain/);
    expect(stored().sessions[1]).toMatchObject({ routine: 'rehab', results: [expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', outcome: 'rehab' })] });
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Better: pain 5 → 4. Lateral ankle tilts stays in your rehab bucket.');
    // Helped again, the drill stays in the rehab bucket: no change to show.
    expect(result.stdout).not.toContain('Bucket changes');

    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [5, 'done', 3] });
    expect(retest.code).toBe(0);
    expect(retest.stdout).toMatch(/Forward 45° lunge knee circles/);
    // One drill due, named as one, with the symptom being rated.
    expect(retest.stdout).toMatch(/Keep in mind:\n  · This drill was set aside before\. Start gently, with a smaller range, and\n    stop at once if your pain rises\.[^]*Don't push into pain/);
    // Set aside without a flare-up: nothing more at the drill.
    expect(retest.stdout).not.toContain('back today for its re-test');
    expect(stored().buckets.find((b) => b.exerciseId === 'lunge-knee-circles')?.bucket).toBe('rehab');
  });

  it('shows a re-test that clears a flare-up as a bucket change, even when the drill stays set aside', async () => {
    const flared = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', side: 'left', baseline: 4, drills: [{ id: 'rehab-hip-circles', scores: [7] }] });
    await afterSessions(flared);
    const now = new Date('2026-11-20T10:00:00.000Z');
    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    // The re-test routine names the flare-up at the drill, beside what it says of them all.
    expect(retest.stdout.replace(/\s+/g, ' ')).toContain('Set aside after a flare-up, back today for its re-test: start gently');
    expect(retest.code).toBe(0);
    expect(retest.stdout).toContain('Bucket changes\n  Rehab hip circles: avoid for now (flare-up) → avoid for now\n');
  });

  it("shows a drill set aside by the person's choice, with its note, when it is back for its re-test", async () => {
    await afterSessions(buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', baseline: 4, drills: [{ id: 'lateral-ankle-tilts', scores: [2] }] }));
    const moved = await run(['buckets', 'move', 'lateral-ankle-tilts', 'avoid', '--note', 'therapist: hold off until clamshells are easy'], { home, now: new Date('2026-11-02T09:00:00.000Z') });
    expect(moved.code).toBe(0);
    const now = new Date('2026-11-20T10:00:00.000Z');
    for (const routine of ['retest', 'joint-chain']) {
      const result = await run(['session', routine, ...flags], { home, tty: true, now, answers: [5, 'skip', 'stop'] });
      expect(result.code).toBe(0);
      expect(result.stdout.replace(/\s+/g, ' ')).toContain(
        'Set aside by your choice on 2026-11-02 (your note: therapist: hold off until clamshells are easy), back today for its re-test: if your reason still holds, skip it; otherwise start gently',
      );
      // Skipping it keeps it set aside, as the note asks, not for want of a band or room.
      const drill = result.prompter.asked.find((asked) => asked.message === 'When you have done the drill:')!;
      expect(drill.choiceNames).toContain('Skip this drill (it stays set aside for now)');
      // Still due, it would be offered at every session: how to set it aside again is said.
      expect(result.stdout.replace(/\s+/g, ' ')).toContain(
        'Skipped Lateral ankle tilts. It stays set aside for now. It is still due, so sessions will offer it again; ' +
          'if your reason still holds, `itb buckets move lateral-ankle-tilts avoid` sets it aside again from today, with your note.',
      );
    }
    // Skipped: it stays where the person put it.
    expect(stored().buckets.find((b) => b.exerciseId === 'lateral-ankle-tilts')).toMatchObject({ bucket: 'avoid', source: 'manual' });
  });

  it('names a drill left out as set aside with its re-test date after a colon, so that a name ending in brackets reads well', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const earlier = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'hip-rotation', side: 'left', baseline: 4, drills: [{ id: 'hip-range-exploration', scores: [4, 4] }] });
    await afterSessions(earlier);
    const result = await run(['session', 'hip-rotation', ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    const due = localDate(retestDueAt(earlier.results[0]!.at, 14));
    expect(result.stdout).toContain(`Left out today, as set aside for now:\n  · Hip range exploration (knee drops): re-test from ${due}\n`);
  });

  it('says of a drill left out as set aside by a test while another side hurt which side that was', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const right = buildSession({
      startedAt: '2026-11-19T09:00:00.000Z',
      routine: 'joint-chain',
      side: 'right',
      baseline: 4,
      drills: [{ id: 'lunge-knee-circles', scores: [4, 4] }, { id: 'rehab-hip-circles', scores: [7] }],
    });
    await afterSessions(right);
    const due = (result: number) => localDate(retestDueAt(right.results[result]!.at, 14));
    // Today the left side hurts (the flags' side): neither drill has been tried with it.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(
      `Left out today, as set aside for now: · Forward 45° lunge knee circles: set aside when your right side hurt; re-test from ${due(0)} · Rehab hip circles: after a flare-up when your right side hurt; re-test from ${due(1)} `,
    );
    // With the right side painful again, as when they were set aside, there is nothing to add.
    const same = await run(['session', 'joint-chain', '--side', 'right', ...flags.slice(2)], { home, tty: true, now, answers: [5, 'stop'] });
    expect(same.stdout.replace(/\s+/g, ' ')).toContain(`· Forward 45° lunge knee circles: re-test from ${due(0)} · Rehab hip circles: after a flare-up; re-test from ${due(1)} `);
  });

  it('leaves drills set aside for now out of a routine until their re-test date, and says so', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const flared = buildSession({
      startedAt: '2026-11-19T09:00:00.000Z',
      routine: 'joint-chain',
      side: 'left',
      baseline: 4,
      drills: [{ id: 'lateral-ankle-tilts', scores: [3] }, { id: 'lunge-knee-circles', scores: [3, 3] }, { id: 'rehab-hip-circles', scores: [7] }],
    });
    await afterSessions(flared);
    const due = localDate(retestDueAt(flared.results[2]!.at, 14));
    const result = await run(['session', ...flags], { home, tty: true, now, answers: ['joint-chain', 5, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    const choices = result.prompter.asked[0]!.choiceNames!;
    expect(choices).toContain('Your rehab routine (1 drill)');
    expect(choices).toContain('Joint chain, feet upward (3 drills, plus 2 set aside for now)');
    expect(choices).toContain('Hip rotation (4 drills)');
    expect(result.stdout).toContain('Joint chain, feet upward · 3 drills');
    expect(result.stdout).toContain(`Left out today, as set aside for now:\n  · Forward 45° lunge knee circles: re-test from ${localDate(retestDueAt(flared.results[1]!.at, 14))}\n  · Rehab hip circles: after a flare-up; re-test from ${due}\n`);
    expect(result.stdout).not.toMatch(/Exercise \d of \d · (knee|hip)/);
    expect(stored().sessions[1]!.results.map((r) => r.exerciseId)).toEqual(['lateral-ankle-tilts']);

    // From the re-test date on, the routine offers them again.
    const later = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: new Date(`${due}T12:00:00`), answers: [5, 'skip', 'skip', 'skip', 'stop'] });
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('Joint chain, feet upward · 5 drills');
    expect(later.stdout).not.toContain('Left out today');
    expect(later.stdout).toMatch(/Exercise 3 of 5 · hip\s+Rehab hip circles/);
  });

  /** Both drills of the balance routine set aside by hand the day before. */
  const setAsideBalance = () =>
    Store.open({ ITB_HOME: home }).update((data) => {
      for (const id of ['single-leg-stand', 'single-leg-stand-foam-pad']) data.moves.push({ exerciseId: id, bucket: 'avoid', at: '2026-11-19T08:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });

  it('refuses, before any question, a routine whose every drill is set aside for now', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    await setAsideBalance();
    const result = await run(['session', 'balance', ...flags], { home, tty: true, now, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/every drill of the Single-leg balance routine is set aside for now/);
    expect(result.stderr).toMatch(/itb buckets/);
    expect(result.prompter.asked).toEqual([]);
  });

  it('shows such a routine in the list greyed out, so it cannot be picked', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    await setAsideBalance();
    const result = await run(['session', ...flags], { home, tty: true, now, answers: [...screenClear, 'mobility', 5, 'stop'] });
    expect(result.code).toBe(0);
    const routines = result.prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    // Greyed out until the first of them is due for a re-test (14 days after the moves).
    expect(routines.disabled).toEqual({ balance: '(both drills are set aside; re-test from 2026-12-03)' });
    expect(routines.choiceNames).toContain('Single-leg balance');
    expect(routines.choiceNames).toContain('Mobility and stretching (8 drills)');
  });

  it('names the earliest re-test day of a routine set aside on different days, in its list and for the re-test routine', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.moves.push({ exerciseId: 'single-leg-stand', bucket: 'avoid', at: '2026-11-19T08:00:00.000Z' });
      data.moves.push({ exerciseId: 'single-leg-stand-foam-pad', bucket: 'avoid', at: '2026-11-17T08:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const result = await run(['session', ...flags], { home, tty: true, now, answers: [...screenClear, 'mobility', 5, 'stop'] });
    const routines = result.prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    expect(routines.disabled).toEqual({ balance: '(both drills are set aside; re-test from 2026-12-01)' });
    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [] });
    expect(retest.stderr).toContain('The first is due on 2026-12-01;');
  });

  it('says so when a built-in routine is empty, and when the first re-test comes', async () => {
    const result = await run(['session', 'rehab', ...flags], { home, tty: true, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rehab bucket is empty/);
    const nothingAside = await run(['session', 'retest', ...flags], { home, tty: true, answers: [] });
    expect(nothingAside.stderr).toContain('error: no drill set aside for now is due for a re-test yet\nNothing is set aside for now.\n');
    await setAsideBalance();
    const notYet = await run(['session', 'retest', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), answers: [] });
    expect(notYet.code).toBe(2);
    expect(notYet.stderr).toContain('The first is due on 2026-12-03; `itb buckets` shows every re-test date.');
  });

  it('does not ask for a first session when the rehab bucket has emptied over weeks of them, and names the re-tests due', async () => {
    // Weeks of sessions: the ankle tilts helped, then were set aside when they no longer did.
    await afterSessions(
      buildSession({ startedAt: '2026-10-01T09:00:00.000Z', routine: 'joint-chain', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [3] }, { id: 'lunge-knee-circles', scores: [3, 3] }] }),
      buildSession({ startedAt: '2026-11-15T09:00:00.000Z', routine: 'rehab', baseline: 5, drills: [{ id: 'lateral-ankle-tilts', scores: [5, 5] }] }),
    );
    const now = new Date('2026-11-20T10:00:00.000Z');
    const emptied = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(emptied.code).toBe(2);
    expect(emptied.stderr).not.toContain('first');
    expect(emptied.stderr.replace(/\s+/g, ' ')).toContain(
      // The sessions given keep the side, symptom and movement typed, which spare the setup questions.
      "error: your rehab bucket is empty now, so there is no rehab routine to run 1 drill set aside for now is due for a re-test: `itb session retest --side left --symptom pain --movement 'single-leg squat' --no-timer`. Or test other drills from a routine: `itb session joint-chain --side left --symptom pain --movement 'single-leg squat' --no-timer`.",
    );
    // Re-tested today and set aside again: nothing is due until the earliest re-test date.
    await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [5, 'done', 5, 'done', 5] });
    const waiting = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(waiting.stderr.replace(/\s+/g, ' ')).toContain('Every drill in your buckets is set aside for now; `itb buckets` shows when each is due for a re-test.');
  });

  it('names a routine of the library in use, and says when the rehab drills are from another library', async () => {
    const good = libraryFile('good.yaml');
    const empty = await run(['--data', good, 'session', 'rehab', ...flags], { home, tty: true, answers: [] });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('error: your rehab bucket is empty, so there is no rehab routine yet\nRun a session with a routine first:');
    // The routine with the library it is in: the built-in one has no such routine.
    expect(empty.stderr.replace(/\s+/g, ' ')).toContain(`Run a session with a routine first: \`itb --data ${good} session clinic-plan --side left --symptom pain --movement 'single-leg squat' --no-timer\`.`);
    await Store.open({ ITB_HOME: home }).update((data) => {
      for (const id of ['clamshells', 'bridges']) data.moves.push({ exerciseId: id, bucket: 'rehab', at: '2026-11-19T08:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const elsewhere = await run(['--data', good, 'session', 'rehab', ...flags], { home, tty: true, answers: [] });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('error: the 2 drills in your rehab bucket are not in this exercise library\n');
    // Nor does a session with this library suggest the rehab routine next: it would refuse so.
    const session = await run(['--data', good, 'session', 'clinic-plan', ...flags], { home, tty: true, answers: [...screenClear, 5, 'skip', 'skip'] });
    expect(session.code).toBe(0);
    const next = session.stdout.slice(session.stdout.indexOf('\nNext:'));
    expect(next).toContain(`itb --data ${good} buckets`);
    expect(next).not.toContain('session rehab');
    // Drills set aside from the built-in library have no re-test date in this one, yet are set aside.
    await Store.open({ ITB_HOME: home }).update((data) => {
      for (const id of ['clamshells', 'bridges']) data.moves.push({ exerciseId: id, bucket: 'avoid', at: '2026-11-19T09:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const retest = await run(['--data', good, 'session', 'retest', ...flags], { home, tty: true, answers: [] });
    expect(retest.code).toBe(2);
    expect(retest.stderr).not.toContain('Nothing is set aside for now.');
    expect(retest.stderr.replace(/\s+/g, ' ')).toContain(
      'The 2 drills set aside for now are not in this exercise library. If you still want them re-tested, the library file that has them re-tests them (--data, or ITB_DATA).',
    );
  });

  it('says a library of drills without routines has no routine to run, rather than that its drills are set aside', async () => {
    const good = libraryFile('good.yaml');
    const drillsOnly = join(home, 'drills-only.yaml');
    writeFileSync(drillsOnly, readFileSync(good, 'utf8').replace(/^routines:[\s\S]*$/m, ''));
    // Before the safety questions, and without a terminal too: answering them would be for nothing.
    const result = await run(['--data', drillsOnly, 'session', ...flags], { home, tty: false, answers: [] });
    expect(result.code).toBe(2);
    expect(result.prompter.asked).toEqual([]);
    expect(result.stderr).not.toContain('set aside');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(
      'error: this exercise library has no routines, so a session has none to run Add one under "routines:" in the library file: ' +
        `an id, a name, a description and the ids of its exercises, in order. \`itb --data ${drillsOnly} exercises\` lists the drills it has.`,
    );
  });

  it('rejects an unknown routine with suggestions, before asking anything', async () => {
    const result = await run(['session', 'joint-chian', ...flags], { home, tty: true, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no routine "joint-chian"/);
    expect(result.stderr).toMatch(/joint-chain/);
  });

  it('names the symptom being rated in the choice that ends a drill', async () => {
    const result = await run(['session', 'balance', '--side', 'left', '--symptom', 'tightness', '--movement', 'walking', '--no-timer'], { home, tty: true, answers: [...screenClear, 4, 'stop'] });
    expect(result.code).toBe(0);
    const drill = result.prompter.asked.find((asked) => asked.message === 'When you have done the drill:')!;
    expect(drill.choiceNames).toContain('Done — rate my tightness now');
  });

  it('takes --side and --symptom in any case, as itb settings does', async () => {
    const typed = ['--side', 'Left', '--symptom', ' TIGHTNESS', '--movement', 'walking', '--no-timer'];
    const result = await run(['session', 'joint-chain', ...typed], { home, tty: true, answers: [...screenClear, 5, 'stop'] });
    expect(result.code).toBe(0);
    expect(stored().sessions[0]).toMatchObject({ side: 'left', symptom: 'tightness', baseline: 5 });
  });

  it('rejects a bad flag value with exit 2', async () => {
    const result = await run(['session', '--side', 'middle'], { home, tty: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/middle/);
  });

  it('leaves a corrupt store untouched and says which file', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(home, 'store.json');
    writeFileSync(file, '{"schemaVersion": 1, "sessions": [');
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 1, "sessions": [');
    expect(result.prompter.asked).toEqual([]);
  });

  it('says, with exit 2 and before any question, that a store made read-only cannot be saved to, and leaves it as it was', async () => {
    const file = join(home, 'store.json');
    const refused = async (argv: string[]) => {
      chmodSync(file, 0o400);
      const before = readFileSync(file);
      try {
        const result = await run(argv, { home, tty: true, answers: [...screenClear] });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`error: the itb store ${file} is read-only\n`);
        expect(result.prompter.asked).toEqual([]);
        expect(readFileSync(file).equals(before)).toBe(true);
      } finally {
        chmodSync(file, 0o600);
      }
    };
    // Before the safety questions of the first session,
    await Store.open({ ITB_HOME: home }).update((data) => void (data.settings.side = 'left'));
    await refused(['session', 'joint-chain', ...flags]);
    // and before the set-up questions of a later one.
    await Store.open({ ITB_HOME: home }).update((data) => void data.screenings.push({ at: '2026-11-01T08:00:00.000Z', answers: noRedFlags, proceeded: true }));
    await refused(['session']);
  });

  it('says, with exit 2 and before any question, that the store cannot be locked for a session in a folder it may not write to', async () => {
    await Store.open({ ITB_HOME: home }).update(() => undefined);
    const file = join(home, 'store.json');
    // As a folder made read-only (chmod 555) answers anyone but root, who runs these tests.
    const refusal = Object.assign(new Error(`EACCES: permission denied, mkdir '${join(home, 'session.lock')}'`), { code: 'EACCES' });
    const lock = vi.spyOn(lockfile, 'lock').mockRejectedValueOnce(refusal);
    try {
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear] });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`the itb store ${file} cannot be locked for a session (permission denied)`);
      expect(result.stderr).not.toMatch(/unexpected/);
      expect(result.prompter.asked).toEqual([]);
    } finally {
      lock.mockRestore();
    }
  });
});
