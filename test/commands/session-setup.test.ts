// Setting a session up before its first drill: the advice shown first, the questions asked and
// their defaults, and what the flags answer for them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, saveSessions, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { writeTwoRoutines } from '../helpers/two-routines.js';
import { libraryFile } from '../helpers/libraries.js';
import { CTRL_C } from '../helpers/scripted.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

/** A store where earlier sessions ran: the safety screen passed before the first. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

const colour = { NO_COLOR: undefined, FORCE_COLOR: '1' };

describe('the advice before the first question', () => {
  it('says to see a clinician bold in colour, each of its lines', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const flat = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6 }));
    await afterSessions(...flat);
    const result = await run(['session', 'mobility', ...flags], { home, tty: true, now, env: colour, answers: [6, 'stop'] });
    expect(result.code).toBe(0);
    const start = result.stdout.slice(0, result.stdout.indexOf('Mobility and stretching'));
    const lines = start.split('\n').filter((line) => /[a-z]{2}/.test(line));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^\x1b\[1m.*\x1b\[22m$/);
  });
});

describe('the 48 hours between strength sessions', () => {
  it('says the advice bold in colour, each of its lines, before asking', async () => {
    const yesterday = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'strength', loading: true, baseline: 4, drills: [{ id: 'clamshells', scores: [3] }] });
    await afterSessions(yesterday);
    const result = await run(['session', 'strength', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), env: colour, answers: [false] });
    expect(result.code).toBe(0);
    const advice = result.stdout.slice(0, result.stdout.indexOf('No new session was started'));
    const lines = advice.split('\n').filter((line) => /[a-z]{2}/.test(line));
    expect(lines.join(' ')).toContain('48 hours');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^\x1b\[1m.*\x1b\[22m$/);
  });
  it('names the one gentler routine of a library alone, when the strength drills are left for later', async () => {
    const library = join(home, 'two-routines.yaml');
    writeTwoRoutines(library, { strength: 'legs', gentle: 'loosen' });
    const yesterday = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'legs', loading: true, baseline: 4, drills: [{ id: 'wall-sit', scores: [3] }] });
    await afterSessions(yesterday);
    const result = await run(['--data', library, 'session', 'legs', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), answers: [false] });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(/No new session was started; your earlier ones are kept as they were\. A gentler routine suits today, such as loosen: `itb --data \S+ session loosen`\./);
  });

  it('names first the gentler routines with drills not tested yet, not one whose every drill was tested', async () => {
    const jointChain = ['lateral-ankle-tilts', 'lunge-knee-circles', 'rehab-hip-circles', 'pelvis-tucks-tilts', 'opposite-scapular-camshafts'];
    const tested = buildSession({ startedAt: '2026-11-18T09:00:00.000Z', routine: 'joint-chain', baseline: 6, drills: jointChain.map((id) => ({ id, scores: [5, 4] })) });
    const yesterday = buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'strength', loading: true, baseline: 4, drills: [{ id: 'clamshells', scores: [3] }] });
    await afterSessions(tested, yesterday);
    const result = await run(['session', 'strength', ...flags], { home, tty: true, now: new Date('2026-11-20T10:00:00.000Z'), answers: [false] });
    expect(result.code).toBe(0);
    const offer = result.stdout.replace(/\s+/g, ' ').match(/A gentler routine suits today, such as ([^:]+): `itb session ([a-z-]+)`\./);
    expect(offer?.[1]).toBe('hip-rotation, mobility or balance');
    expect(offer?.[2]).toBe('hip-rotation');
  });
});

describe('--movement', () => {
  const answers = [5, 'stop'];
  const setUp = ['--side', 'left', '--symptom', 'pain', '--no-timer'];

  it('records a movement in your own words without the spaces around it, and remembers it so', async () => {
    await afterSessions();
    const result = await run(['session', 'balance', ...setUp, '--movement', '  hopping on the spot  '], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const data = await Store.open({ ITB_HOME: home }).read();
    expect(data.sessions[0]!.movement).toBe('hopping on the spot');
    expect(data.settings.movement).toBe('hopping on the spot');
  });

  it('takes a library movement by its id with spaces around it or in capitals, and records it by its name', async () => {
    await afterSessions();
    for (const typed of [' single-leg-squat ', 'Single-Leg-Squat']) {
      const result = await run(['session', 'balance', ...setUp, '--movement', typed], { home, tty: true, answers });
      expect(result.code).toBe(0);
    }
    const data = await Store.open({ ITB_HOME: home }).read();
    expect(data.sessions.map((session) => session.movement)).toEqual(['single-leg squat', 'single-leg squat']);
  });
});

describe('--movement given as a number', () => {
  const setUp = ['--side', 'left', '--symptom', 'pain', '--no-timer'];
  const hint =
    'Your score is asked in the session, once the movement is chosen. Give the movement in words, such as `itb session --movement "stairs, two at a time"`, ' +
    'or by its id (`itb routines` lists them); or leave --movement out to choose it from the list.';

  it('refuses it before any question, as the question refuses one typed, and saves nothing', async () => {
    await afterSessions();
    const before = readFileSync(join(home, 'store.json'), 'utf8');
    for (const [typed, what] of [['4', 'a number'], [' 4/10 ', 'a score'], ['\uff17', 'a number'], ['6.5', 'a number']] as const) {
      const result = await run(['session', 'balance', ...setUp, '--movement', typed], { home, tty: true, answers: [5, 'stop'] });
      expect(result.code, typed).toBe(2);
      expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toBe(`error: --movement "${typed.trim()}" is ${what}, not a test movement ${hint} `);
      expect(result.prompter.asked).toEqual([]);
    }
    expect(readFileSync(join(home, 'store.json'), 'utf8')).toBe(before);
  });

  it('names a routine mistyped first, and keeps the --data given in the commands it suggests', async () => {
    await afterSessions();
    const routine = await run(['session', 'balanse', ...setUp, '--movement', '4'], { home, tty: true });
    expect(routine.stderr).toMatch(/^error: there is no routine "balanse"/);
    const file = libraryFile('good.yaml');
    const other = await run(['--data', file, 'session', ...setUp, '--movement', '4'], { home, tty: true });
    expect(other.code).toBe(2);
    expect(other.stderr.replace(/\s*\n\s*/g, ' ')).toContain(`(\`itb --data ${file} routines\` lists them)`);
  });

  it('takes --symptom as its first letter, as itb settings does, and refuses a letter that names none', async () => {
    await afterSessions();
    for (const symptom of ['t', 'D', 'p']) {
      const result = await run(['session', 'balance', '--side', 'left', '--symptom', symptom, '--movement', 'walking', '--no-timer'], { home, tty: true, answers: [4, 'stop'] });
      expect(result.code, result.stderr).toBe(0);
    }
    expect((await Store.open({ ITB_HOME: home }).read()).sessions.map((session) => session.symptom)).toEqual(['tightness', 'discomfort', 'pain']);
    const refused = await run(['session', 'balance', '--side', 'left', '--symptom', 'x'], { home, tty: true });
    expect(refused).toMatchObject({ code: 2, stderr: 'error: "x" is not a valid symptom: use pain, tightness or discomfort\n' });
  });

  it('takes a movement in words that holds a number, and a number the library has as a movement id', async () => {
    await afterSessions();
    expect((await run(['session', 'balance', ...setUp, '--movement', '2 flights of stairs'], { home, tty: true, answers: [5, 'stop'] })).code).toBe(0);
    const file = join(home, 'numbered.yaml');
    writeFileSync(file, readFileSync(libraryFile('good.yaml'), 'utf8').replace('  - id: step-down\n', '  - id: "3"\n'));
    const numbered = await run(['--data', file, 'session', 'clinic-plan', ...setUp, '--movement', '3'], { home, tty: true, answers: [5, 'stop'] });
    expect(numbered.code, numbered.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: home }).read().sessions.map((session) => session.movement)).toEqual(['2 flights of stairs', 'step-down']);
  });
});

describe('the test movement question', () => {
  it('offers a long movement of last time cut short, so that it stays on one line of 80 columns', async () => {
    const long = `stepping down from a stair ${'slowly and with care '.repeat(6)}`.trim();
    await afterSessions();
    await Store.open({ ITB_HOME: home }).update((data) => void (data.settings.movement = long));
    const result = await run(['session', 'balance', '--side', 'left', '--symptom', 'pain'], { home, tty: true, answers: [long, 4, 'stop'] });
    expect(result.code).toBe(0);
    const name = result.prompter.asked[0]!.choiceNames![0]!;
    expect(name).toMatch(/^stepping down from a stair slowly .*… \(last time\)$/);
    expect(name.length).toBeLessThanOrEqual(76);
  });

  it('refuses a number typed as the movement in your own words, saying the score is asked next', async () => {
    await afterSessions();
    const answers = ['\u0000other', '4', ' 7 / 10 ', '6.5', '\u0664', 'stairs down', 4, 'stop'];
    const result = await run(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--no-timer'], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const refused = result.prompter.asked.filter((asked) => asked.message.startsWith('refused:')).map((asked) => asked.message);
    expect(refused).toEqual(Array(4).fill('refused: Your score is asked next. Describe the movement in words first, such as "stairs, two at a time".'));
    const data = await Store.open({ ITB_HOME: home }).read();
    expect(data.sessions[0]!.movement).toBe('stairs down');
  });

  it('goes back to the list on Enter alone at the movement in your own words, asking nothing else again and keeping one session', async () => {
    await afterSessions();
    const answers = ['left', 'pain', '\u0000other', '', 'single-leg squat', 4, 'stop'];
    const result = await run(['session', 'balance', '--no-timer'], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const asked = result.prompter.asked.filter((q) => q.kind !== 'countdown').map((q) => [q.message.replace(/ \(.*$/s, ''), q.answer, q.shown]);
    expect(asked.slice(0, 6)).toEqual([
      ['Which side is painful?', 'left', undefined],
      ['What will you rate?', 'pain', undefined],
      ['Which test movement?', '\u0000other', undefined],
      ['Describe the test movement', '', 'back to the list'],
      ['Which test movement?', 'single-leg squat', undefined],
      [expect.stringMatching(/^Rate your pain/), 4, expect.anything()],
    ]);
    expect(result.prompter.asked[3]!.message).toBe('Describe the test movement (Enter alone: back to the list):');
    const data = await Store.open({ ITB_HOME: home }).read();
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]).toMatchObject({ side: 'left', symptom: 'pain', movement: 'single-leg squat' });
    expect(data.settings).toMatchObject({ side: 'left', symptom: 'pain', movement: 'single-leg squat' });
  });

  it('takes --side as its first letter or with "side", as itb settings does, and refuses a letter that names none', async () => {
    await afterSessions();
    for (const side of ['b', 'L', 'right side']) {
      const result = await run(['session', 'balance', '--side', side, '--symptom', 'pain', '--movement', 'walking', '--no-timer'], { home, tty: true, answers: [4, 'stop'] });
      expect(result.code, result.stderr).toBe(0);
    }
    expect((await Store.open({ ITB_HOME: home }).read()).sessions.map((session) => session.side)).toEqual(['both', 'left', 'right']);
    const refused = await run(['session', 'balance', '--side', 'x', '--symptom', 'pain'], { home, tty: true });
    expect(refused).toMatchObject({ code: 2, stderr: 'error: "x" is not a valid side: use left, right or both\n' });
  });

  it('takes a movement in words that holds a number', async () => {
    await afterSessions();
    const result = await run(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--no-timer'], { home, tty: true, answers: ['\u0000other', '2 flights of stairs', 4, 'stop'] });
    expect(result.code).toBe(0);
    expect((await Store.open({ ITB_HOME: home }).read()).settings.movement).toBe('2 flights of stairs');
  });
});

describe('the leg of a test movement done on one leg', () => {
  const legQuestion = 'Which leg will you test on?';
  const stored = () => Store.open({ ITB_HOME: home }).read();

  it('asks which leg with both sides painful, records it with the movement, and offers the movement alone first next time', async () => {
    await afterSessions();
    const result = await run(['session', 'balance', '--side', 'both', '--symptom', 'pain', '--no-timer'], { home, tty: true, answers: ['step-down', 'left', 4, 'stop'] });
    expect(result.code, result.stderr).toBe(0);
    const leg = result.prompter.asked[1]!;
    expect(leg).toMatchObject({ kind: 'select', message: legQuestion, choices: ['left', 'right'], choiceNames: ['left leg', 'right leg'], default: undefined });
    expect(result.stdout.replace(/\s*\n\s*/g, ' ')).toContain('Both sides are painful: do the test movement on the leg that hurts more, and on the same leg every session, so that the scores compare.');
    expect(result.stdout).toContain('Do your test movement (step-down on the left leg) now.');
    expect(result.stdout).toContain('Your left leg: the one you test on while both sides hurt.');
    // How to do it still comes with it: the library's instructions for the step-down.
    expect(result.stdout).toContain('Stand on the bottom stair');
    const data = await stored();
    expect(data.sessions[0]).toMatchObject({ side: 'both', movement: 'step-down on the left leg', baseline: 4 });
    expect(data.settings.movement).toBe('step-down');

    const next = await run(['session', 'balance', '--symptom', 'pain', '--no-timer'], { home, tty: true, answers: ['both', 'step-down', 'left', 5, 'stop'] });
    expect(next.code, next.stderr).toBe(0);
    const movement = next.prompter.asked.find((asked) => asked.message.startsWith('Which test movement?'))!;
    expect(movement.default).toBe('step-down');
    expect(movement.choiceNames!.filter((name) => name.includes('last time'))).toEqual([]);
    const again = next.prompter.asked.find((asked) => asked.message === legQuestion)!;
    expect(again).toMatchObject({ default: 'left', choiceNames: ['left leg (last time)', 'right leg'] });
    expect((await stored()).sessions.map((session) => session.movement)).toEqual(['step-down on the left leg', 'step-down on the left leg']);
  });

  it('keeps a number typed at the leg list, most likely an early score, from picking a leg unasked', async () => {
    await afterSessions();
    const result = await run(['session', 'balance', '--side', 'both', '--symptom', 'pain', '--no-timer'], { home, tty: true, answers: ['step-down', 'right', 4, 'stop'] });
    expect(result.code, result.stderr).toBe(0);
    const leg = result.prompter.asked.find((asked) => asked.message === legQuestion)!;
    // In a plain terminal's numbered list, a score of 1 or 2 would pick a leg: each asks first.
    expect(leg.confirms).toEqual(['Test on your left leg?', 'Test on your right leg?']);
    // In the arrow-key list it picks none, and says the score comes next.
    expect(leg.numberTyped).toBe('Rate once the leg is chosen: choose it with the arrow keys (or type left or right), then Enter; your score is asked next.');
    // In the numbered list, a number not in it says so too.
    expect(leg.numberNotListed).toBe('Your score is asked once the leg is chosen.');
    const movement = result.prompter.asked.find((asked) => asked.message.startsWith('Which test movement?'))!;
    expect(movement.numberNotListed).toBe('Your score is asked once the movement is chosen.');
    expect((await stored()).sessions[0]).toMatchObject({ movement: 'step-down on the right leg', baseline: 4 });
  });

  it('keeps a number typed at "What will you rate?", most likely an early score, from picking what is rated', async () => {
    await afterSessions();
    const result = await run(['session', 'balance', '--side', 'left', '--movement', 'walking', '--no-timer'], { home, tty: true, answers: ['pain', 4, 'stop'] });
    expect(result.code, result.stderr).toBe(0);
    const symptom = result.prompter.asked.find((asked) => asked.message === 'What will you rate?')!;
    // In the arrow-key list it picks none, and says when the score is asked.
    expect(symptom.numberTyped).toBe(
      'Your score is asked once the test movement is chosen. Choose what you will rate with the arrow keys (or type pain, tightness or discomfort), then Enter.',
    );
    expect(symptom.numberNotListed).toBe('Your score is asked once the test movement is chosen.');
  });

  it('says so when the leg is not the one of last time, chosen or named, and not when it is', async () => {
    await afterSessions();
    const session = (answers: (string | number)[], movement: string[] = []) =>
      run(['session', 'balance', '--side', 'both', '--symptom', 'pain', ...movement, '--no-timer'], { home, tty: true, answers: [...answers, 'stop'] });
    const first = await session(['step-down', 'left', 4]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain('Last time');
    const same = await session(['step-down', 'left', 4]);
    expect(same.stdout).toContain('Your left leg: the one you test on while both sides hurt.\n');
    const other = await session(['step-down', 'right', 5]);
    expect(other.stdout.replace(/\s*\n\s*/g, ' ')).toContain("Your right leg: the one you test on while both sides hurt. Last time it was your left leg: each leg's scores have a trend of their own.");
    // Named with --movement, the leg of last time is now the right one.
    const named = await session([3], ['--movement', 'step-down on the left leg']);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout.replace(/\s*\n\s*/g, ' ')).toContain('Last time it was your right leg');
    // Another movement's leg is not this one's: the single-leg squat has no last time yet.
    const squat = await session(['single-leg squat', 'right', 3]);
    expect(squat.code, squat.stderr).toBe(0);
    expect(squat.stdout).not.toContain('Last time');
    expect((await stored()).sessions.map((s) => s.movement)).toEqual(['step-down on the left leg', 'step-down on the left leg', 'step-down on the right leg', 'step-down on the left leg', 'single-leg squat on the right leg']);
  });

  it('takes the leg named with --movement, by the library\'s words for the movement, without asking', async () => {
    await afterSessions();
    const result = await run(['session', 'balance', '--side', 'both', '--symptom', 'pain', '--movement', 'Single-Leg Squat on my RIGHT leg', '--no-timer'], { home, tty: true, answers: [3, 'stop'] });
    expect(result.code, result.stderr).toBe(0);
    expect(result.prompter.asked.map((asked) => asked.message)).not.toContain(legQuestion);
    expect(result.stdout).not.toContain('Both sides are painful');
    expect(result.stdout).toContain('Your right leg: the one you test on');
    const data = await stored();
    expect(data.sessions[0]!.movement).toBe('single-leg squat on the right leg');
    expect(data.settings.movement).toBe('single-leg squat');
    // Typed in capitals without a leg, it is asked, and recorded as the library names it.
    const typed = await run(['session', 'balance', '--side', 'both', '--symptom', 'pain', '--movement', 'STEP-DOWN', '--no-timer'], { home, tty: true, answers: ['right', 3, 'stop'] });
    expect(typed.code, typed.stderr).toBe(0);
    expect((await stored()).sessions[1]!.movement).toBe('step-down on the right leg');
  });

  it('asks no leg with one side painful: the painful one, named or not, goes unrecorded; the other, named, is recorded and pointed out', async () => {
    await afterSessions();
    const result = await run(['session', 'balance', '--side', 'right', '--symptom', 'pain', '--movement', 'forward-lunge', '--no-timer'], { home, tty: true, answers: [3, 'stop'] });
    expect(result.code, result.stderr).toBe(0);
    expect(result.prompter.asked[0]!.message).toMatch(/^Rate your pain/);
    expect(result.stdout).toContain('Your right leg: the painful one.');
    expect((await stored()).sessions[0]!.movement).toBe('forward lunge');
    // The painful leg named is the same test: recorded without it, in the movement's one trend.
    const same = await run(['session', 'balance', '--side', 'right', '--symptom', 'pain', '--movement', 'Forward Lunge on my RIGHT leg', '--no-timer'], { home, tty: true, answers: [3, 'stop'] });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('Your right leg: the painful one.');
    // The other leg named is another test: recorded with the leg, and pointed out.
    const other = await run(['session', 'balance', '--side', 'right', '--symptom', 'pain', '--movement', 'forward lunge on the LEFT leg', '--no-timer'], { home, tty: true, answers: [3, 'stop'] });
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout.replace(/\s*\n\s*/g, ' ')).toContain('Your left leg, as named, though your right side is the painful one: the movement is meant for the leg that hurts.');
    expect(other.prompter.asked.map((asked) => asked.message)).not.toContain(legQuestion);
    expect((await stored()).sessions.map((session) => session.movement)).toEqual(['forward lunge', 'forward lunge', 'forward lunge on the left leg']);
  });

  it('asks no leg for a movement on both legs, nor for one in your own words', async () => {
    await afterSessions();
    for (const movement of ['walking', 'hopping on one leg']) {
      const result = await run(['session', 'balance', '--side', 'both', '--symptom', 'pain', '--movement', movement, '--no-timer'], { home, tty: true, answers: [3, 'stop'] });
      expect(result.code, result.stderr).toBe(0);
      expect(result.prompter.asked[0]!.message, movement).toMatch(/^Rate your pain/);
      expect(result.stdout).not.toMatch(/Your (left|right) leg:/);
      // A library movement still comes with how to do it, the same way every time.
      if (movement === 'walking') expect(result.stdout.replace(/\s+/g, ' ')).toContain('Walk at your usual, comfortable pace over the same distance each time');
    }
    expect((await stored()).sessions.map((session) => session.movement)).toEqual(['walking', 'hopping on one leg']);
  });

  it('keeps what was answered before the leg question when the session is stopped there', async () => {
    await afterSessions();
    const result = await run(['session', 'balance', '--side', 'both', '--symptom', 'pain', '--no-timer'], { home, tty: true, answers: ['step-down', CTRL_C] });
    expect(result.code).toBe(130);
    expect(result.prompter.asked.at(-1)!.message).toBe(legQuestion);
    const data = await stored();
    expect(data.sessions).toEqual([]);
    expect(data.settings).toMatchObject({ side: 'both', symptom: 'pain', movement: 'step-down' });
  });
});

describe('itb session --help', () => {
  it('says a session needs a terminal, and shows flags that skip the setup questions, which do', async () => {
    const help = (await run(['session', '--help'])).stdout;
    expect(help.replace(/\s+/g, ' ')).toContain('Needs a terminal.');
    const example = /\$ itb (session [^\n]*--side[^\n]*)\n\s+your rehab drills, no setup questions\n/.exec(help);
    expect(example).not.toBeNull();
    const argv = [...example![1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((word) => word[1] ?? word[2]!);
    expect(argv).toEqual(expect.arrayContaining(['--side', '--symptom', '--movement']));
    await afterSessions();
    expect((await run(['buckets', 'move', 'clamshells', 'rehab'], { home })).code).toBe(0);
    const result = await run([...argv, '--no-timer'], { home, tty: true, answers: [5, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.prompter.asked[0]!.message).toMatch(/^Rate your pain/);
  });
});
