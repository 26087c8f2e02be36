// Going through the drills of a session: the scores asked and refused, the holds of a timed drill, a score that may be a flare-up.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/summary.js';
import { Store } from '../../src/store/store.js';
import { readSummaryFile } from '../../src/store/summary-file.js';
import { screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';
import { onTerminal } from '../helpers/terminal.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

describe('itb session', () => {
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

  it('names the symptom being rated in the choice that ends a drill', async () => {
    const result = await run(['session', 'balance', '--side', 'left', '--symptom', 'tightness', '--movement', 'walking', '--no-timer'], { home, tty: true, answers: [...screenClear, 4, 'stop'] });
    expect(result.code).toBe(0);
    const drill = result.prompter.asked.find((asked) => asked.message === 'When you have done the drill:')!;
    expect(drill.choiceNames).toContain('Done — rate my tightness now');
  });
});
