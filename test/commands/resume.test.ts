// Going on with a routine left part way earlier the same day (a phone call, Ctrl-C, "Stop").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { buildSession, noRedFlags, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';

const screenClear: Answer[] = [false, false, false, false, false, false];
// 11:00 in St. John's (UTC−3:30, the zone the tests run in), then an hour later.
const morning = new Date('2026-11-20T14:30:00.000Z');
const later = new Date('2026-11-20T15:30:00.000Z');
const question = (at: string, after: string, left: number) =>
  `This routine was left part way today (at ${at}), after ${after}. Go on with the ${left} drills left? (Answer n to start again from its first drill.)`;

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();
const drillsOf = (result: { stdout: string }) => [...result.stdout.matchAll(/Exercise (\d) of (\d)/g)].map((m) => `${m[1]}/${m[2]}`);

describe('a routine left part way earlier today', () => {
  it('is said in itb session --help', async () => {
    const help = (await run(['session', '--help'], { home })).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Ctrl-C keeps what you have done so far, and the same routine started again that day offers to go on where you left it.');
  });

  it('is offered from where it was left, leaving out the drills then got through, and a no starts it again from its first drill', async () => {
    // The ankle tilts helped, the knee circles were skipped, then Ctrl-C at the hip circles.
    const left = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, 'skip', CTRL_C] });
    expect(left.code).toBe(130);

    const goingOn = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [true, 5, 'done', 3, 'stop'] });
    expect(goingOn.code).toBe(0);
    expect(goingOn.prompter.asked[0]).toMatchObject({ kind: 'confirm', default: true, message: question('11:00', 'Lateral ankle tilts and Forward 45° lunge knee circles (skipped)', 3) });
    expect(goingOn.stdout.replace(/\s+/g, ' ')).toContain('Joint chain, feet upward · 3 drills');
    expect(drillsOf(goingOn)).toEqual(['1/3', '2/3']);
    expect(stored().sessions.at(-1)!.results.map((r) => [r.exerciseId, r.outcome])).toEqual([['rehab-hip-circles', 'rehab']]);

    // Left part way twice: both parts count. A no runs the whole routine.
    const again = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [false, 5, 'stop'] });
    expect(again.prompter.asked[0]!.message).toBe(question('12:00', 'Lateral ankle tilts, Forward 45° lunge knee circles (skipped) and Rehab hip circles', 2));
    expect(drillsOf(again)).toEqual(['1/5']);
  });

  it('says which of the drills got through are set aside now, so that its counts add up with the routine list', async () => {
    // Of the mobility routine's eight drills, the first helped and the next two did not, twice: set aside.
    const left = await run(['session', 'mobility', ...flags], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, 'done', 4, 'done', 4, 'done', 4, 'done', 4, 'stop'] });
    expect(left.code).toBe(0);
    const again = await run(['session', ...flags], { home, tty: true, now: later, answers: ['mobility', true, 4, 'stop'] });
    // Six on offer, the two set aside besides them: one of the six got through, five left.
    const routines = again.prompter.asked[0]!;
    expect(routines.choiceNames![routines.choices!.indexOf('mobility')]).toBe('Mobility and stretching (6 drills, plus 2 set aside for now)');
    expect(again.prompter.asked[1]!.message).toBe(
      'This routine was left part way today (at 11:00), after Hip flexor stretch, Quadriceps stretch and Glute stretch (2 of them set aside now). ' +
        'Go on with the 5 drills left? (Answer n to start again from its first drill.)',
    );
  });

  it('goes on only from a part done on the same painful side, and asks the side first to know it', async () => {
    const on = (side: string) => ['--side', side, '--symptom', 'pain', '--movement', 'single-leg squat', '--no-timer'];
    // On the left: the ankle tilts helped, the knee circles were skipped, then a stop.
    await run(['session', 'joint-chain', ...on('left')], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, 'skip', 'stop'] });

    // The right side hurts now: the drills done on the left were not done on it, so the routine starts afresh.
    const right = await run(['session', 'joint-chain', ...on('right')], { home, tty: true, now: later, answers: [5, 'done', 3, 'stop'] });
    expect(right.prompter.asked[0]!.kind).toBe('input');
    expect(drillsOf(right)).toEqual(['1/5', '2/5']);
    expect(right.stdout).toContain('Side: your right side (the painful side)');
    // Left part way on the right, it has four drills left there, whatever was done on the left.
    expect(right.stdout).toMatch(/\n {2}itb session joint-chain {2,}go on with the 4 drills left, later today\n/);

    // Without --side the side is asked before going on is offered; back on the left, the left part goes on.
    const back = await run(['session', 'joint-chain', '--no-timer'], { home, tty: true, now: later, answers: ['left', true, 'pain', 'single-leg squat', 5, 'stop'] });
    expect(back.prompter.asked.slice(0, 2).map((asked) => asked.message)).toEqual(['Which side is painful?', question('11:00', 'Lateral ankle tilts and Forward 45° lunge knee circles (skipped)', 3)]);
    expect(back.prompter.asked[0]!.default).toBe('right');
    expect(drillsOf(back)).toEqual(['1/3']);
    expect(back.stdout).toContain('Side: your left side (the painful side)');
  });

  it('names a long drill cut short, and four drills or more by their number and the last of them', async () => {
    // Within a library's 71 characters, but each of them two columns wide: wider than a line of the question.
    const long = '前方45度ランジ膝回し、両手を腰に当てて小さくゆっくり回す、痛みのない範囲で左右交互に十回ずつ';
    const library = join(home, 'library.yaml');
    const builtIn = readFileSync(join(import.meta.dirname, '../../data/library.yaml'), 'utf8');
    writeFileSync(library, builtIn.replace('name: Forward 45° lunge knee circles\n', `name: ${long}\n`));
    const session = ['--data', library, 'session', 'joint-chain', ...flags];
    await run(session, { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, 'skip', CTRL_C] });
    const second = await run(session, { home, tty: true, now: later, answers: [true, 5, 'skip', 'skip', CTRL_C] });
    expect(second.prompter.asked[0]!.message).toBe(question('11:00', 'Lateral ankle tilts and 前方45度ランジ膝回し、両手を腰に当てて小さくゆっくり回す、痛… (skipped)', 3));
    const third = await run(session, { home, tty: true, now: later, answers: [CTRL_C] });
    expect(third.prompter.asked[0]!.message).toBe(question('12:00', '4 drills, the last of them Pelvis tucks and tilts (skipped)', 1).replace('the 1 drills', 'the one drill'));
  });

  it.each([
    // As wide as a line of the question allows (72 columns, with the full stop after it), or less: whole, its note in brackets too.
    ['Forward 45° lunge knee circles (hands on the hips, small and slow)', 'Forward 45° lunge knee circles (hands on the hips, small and slow)'],
    ['Forward 45° lunge knee circles (hands on the hips, small and slow turn)', 'Forward 45° lunge knee circles (hands on the hips, small and slow turn)'],
    // Wider than a line (a library's 71 characters at most, some of them two columns wide): its note goes first.
    ['Forward 45° lunge knee circles (hands on the hips, small and slow 回して)', 'Forward 45° lunge knee circles'],
    ['前方45度ランジ膝回し 両手を腰に当てて小さくゆっくり回す (痛みのない範囲で左右交互に十回ずつ)', '前方45度ランジ膝回し 両手を腰に当てて小さくゆっくり回す'],
  ])('names a drill %j in full when it fits a line of the question, and cuts only a wider one', async (name, shown) => {
    const library = join(home, 'library.yaml');
    const builtIn = readFileSync(join(import.meta.dirname, '../../data/library.yaml'), 'utf8');
    writeFileSync(library, builtIn.replace('name: Forward 45° lunge knee circles\n', `name: ${name}\n`));
    const session = ['--data', library, 'session', 'joint-chain', ...flags];
    await run(session, { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, 'done', 3, CTRL_C] });
    const goingOn = await run(session, { home, tty: true, now: later, answers: [CTRL_C] });
    expect(goingOn.prompter.asked[0]!.message).toBe(question('11:00', `Lateral ankle tilts and ${shown}`, 3));
  });

  it('names the drills got through as the library names them now, after a rename in the file', async () => {
    await run(['session', 'joint-chain', ...flags], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, 'done', 3, CTRL_C] });
    const library = join(home, 'library.yaml');
    const builtIn = readFileSync(join(import.meta.dirname, '../../data/library.yaml'), 'utf8');
    writeFileSync(library, builtIn.replace('name: Lateral ankle tilts\n', 'name: Ankle tilts to the side\n'));
    const goingOn = await run(['--data', library, 'session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [CTRL_C] });
    expect(goingOn.prompter.asked[0]!.message).toBe(question('11:00', 'Ankle tilts to the side and Forward 45° lunge knee circles', 3));
  });

  it('is suggested at the end of a session stopped part way, but not after a flare-up, which calls for rest', async () => {
    const stopped = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, 'stop'] });
    expect(stopped.stdout).toMatch(/\n {2}itb session joint-chain {2,}go on with the 4 drills left, later today\n/);
    // Gone on with and stopped again at its last drill: one left.
    const last = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [true, 4, 'done', 3, 'done', 2, 'done', 1, 'stop'] });
    expect(last.stdout).toMatch(/\n {2}itb session joint-chain {2,}go on with the one drill left, later today\n/);
    // Started afresh, the first drill flares up and the person stops there: no suggestion to go on today.
    const flared = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [false, 4, 'done', 8, true, false] });
    expect(flared.prompter.remaining).toBe(0);
    expect(flared.stdout).toMatch(/Lateral ankle tilts +4 → 8 +flare-up/);
    expect(flared.stdout).not.toContain('go on with the');
  });

  it('is not offered when the drills not got through are set aside now: the routine starts again', async () => {
    const left = await run(['session', 'balance', ...flags], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, 'stop'] });
    expect(left.code).toBe(0);
    // The drill left is set aside by hand before the routine is started again.
    expect((await run(['buckets', 'move', 'single-leg-stand-foam-pad', 'avoid', '--note', 'no pad at home'], { home, now: morning })).code).toBe(0);
    const again = await run(['session', 'balance', ...flags], { home, tty: true, now: later, answers: [5, 'stop'] });
    expect(again.code).toBe(0);
    expect(again.prompter.asked.some((asked) => asked.kind === 'confirm')).toBe(false);
    expect(drillsOf(again)).toEqual(['1/1']);
  });

  it('is not offered for another routine, nor once the routine went through to its end, nor on the next day', async () => {
    await run(['session', 'joint-chain', ...flags], { home, tty: true, now: morning, answers: [...screenClear, 6, 'done', 4, CTRL_C] });
    const other = await run(['session', 'hip-rotation', ...flags], { home, tty: true, now: later, answers: [5, 'stop'] });
    expect(other.prompter.asked.map((asked) => asked.kind)).toEqual(['input', 'select']);
    // Started afresh and done to its end, the routine is not left part way any more.
    const whole = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [false, 5, 'done', 4, 'done', 3, 'done', 2, 'done', 1, 'done', 0] });
    expect(whole.code).toBe(0);
    expect(stored().sessions.at(-1)!.status).toBe('completed');
    const after = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [5, 'stop'] });
    expect(after.prompter.asked.map((asked) => asked.kind)).toEqual(['input', 'select']);
    // Left part way again, then taken up the next day: a new day starts the routine afresh.
    await run(['session', 'joint-chain', ...flags], { home, tty: true, now: later, answers: [5, 'done', 4, CTRL_C] });
    const nextDay = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: new Date('2026-11-21T14:30:00.000Z'), answers: [5, 'stop'] });
    expect(drillsOf(nextDay)).toEqual(['1/5']);
    expect(nextDay.prompter.asked.some((asked) => asked.kind === 'confirm')).toBe(false);
  });

  it('counts the strength drills tried in the part done earlier: no 48-hour wait for them, and two or three a day in all', async () => {
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.screenings.push({ at: morning.toISOString(), answers: noRedFlags, proceeded: true });
    });
    // Two strength drills helped, then the session was stopped.
    const left = await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 5, 'done', 4, 'stop'] });
    expect(left.code).toBe(0);

    // Its summary says the routine can go on later today, with no 48-hour wait for it.
    expect(left.stdout).toMatch(/\n {2}itb session strength {2,}go on with the 7 drills left, later today\n/);
    const goingOn = await run(['session', 'strength', ...flags], { home, tty: true, now: later, answers: [true, 5, 'done', 4, 'stop'] });
    expect(goingOn.code).toBe(0);
    expect(goingOn.prompter.asked.map((asked) => asked.message)).not.toContain('Do the strength drills today anyway?');
    // No warning (the Next list may say why a routine of strength drills alone waits).
    expect(goingOn.stdout.slice(0, goingOn.stdout.indexOf('\nNext:'))).not.toMatch(/48 hours/);
    const shown = goingOn.stdout.replace(/\s+/g, ' ');
    // The third strength drill of the day is tried; before the fourth, enough is said.
    expect(shown).toContain('You have tried 3 strength drills today, and two or three are enough for one day.');
    expect(shown.indexOf('two or three are enough')).toBeGreaterThan(shown.indexOf('Single-leg bridges goes into your rehab bucket'));

    // Started afresh instead, the part done earlier is a strength session of its own: 48 hours apart.
    const afresh = await run(['session', 'strength', ...flags], { home, tty: true, now: later, answers: [false, false] });
    expect(afresh.prompter.asked.map((asked) => asked.message)).toEqual([question('12:00', 'Isometric glute holds (wall press), Bridges and Single-leg bridges', 6), 'Do the strength drills today anyway?']);
  });
});

describe('a strength routine left part way, in the advice of itb buckets and itb history', () => {
  const advice = async (command: string, now: Date) => (await run([command], { home, now })).stdout.replace(/\s+/g, ' ');
  const goOn = 'The strength routine you left part way today, for your left side, can go on later today with its drills left: that needs no such wait.';

  beforeEach(async () => {
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.screenings.push({ at: morning.toISOString(), answers: noRedFlags, proceeded: true });
    });
  });

  it('can go on later today, while other strength work waits its 48 hours', async () => {
    await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 5, 'stop'] });
    for (const command of ['buckets', 'history']) {
      const shown = await advice(command, later);
      expect(shown).toContain('Space loading sessions about 48 hours apart so the tissues can recover and adapt: your next one from 2026-11-22 11:00.');
      expect(shown).toContain(goOn);
      // On the next day, the part done is a strength session of its own, as a session then says.
      expect(await advice(command, new Date('2026-11-21T15:30:00.000Z'))).not.toContain('left part way');
    }
    // Gone on with to its end, nothing is left of it.
    await run(['session', 'strength', ...flags], { home, tty: true, now: later, answers: [true, 5, 'done', 4, ...Array<Answer>(7).fill('skip')] });
    expect(stored().sessions.at(-1)!.status).toBe('completed');
    expect(await advice('buckets', later)).not.toContain('left part way');
  });

  it('is not said once the part done tried the three strength drills enough for one day', async () => {
    const left = await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 5, 'done', 4, 'done', 3, 'stop'] });
    expect(left.stdout.replace(/\s+/g, ' ')).toContain('You have tried 3 strength drills this session, and two or three are enough for one day.');
    // The session's closing suggests no going on today; the advice agrees.
    expect(left.stdout).not.toContain('drills left, later today');
    for (const command of ['buckets', 'history']) {
      const shown = await advice(command, later);
      expect(shown).toContain('Space loading sessions about 48 hours apart so the tissues can recover and adapt: your next one from 2026-11-22 11:00.');
      expect(shown).not.toContain('left part way');
    }
    // Two strength drills only: the rest of the day's strength work can still follow.
    await Store.open({ ITB_HOME: home }).update((data) => {
      const session = data.sessions.at(-1)!;
      data.sessions[data.sessions.length - 1] = { ...session, attempts: session.attempts.slice(0, 2), results: session.results.slice(0, 2) };
    });
    expect(await advice('history', later)).toContain(goOn);
  });

  it('is not said at a session on another painful side, which starts the routine afresh', async () => {
    const on = (side: string) => ['--side', side, '--symptom', 'pain', '--movement', 'single-leg squat', '--no-timer'];
    await run(['session', 'strength', ...on('left')], { home, tty: true, now: morning, answers: [6, 'done', 5, 'stop'] });
    // On the right side the routine starts at its first drill: the part done on the left does not go on.
    const right = await run(['session', 'strength', ...on('right')], { home, tty: true, now: later, answers: [false, false] });
    expect(right.prompter.asked.map((asked) => asked.message)).toEqual(['Do the strength drills today anyway?']);
    const shown = right.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('Space loading sessions about 48 hours apart so the tissues can recover and adapt: your next one from 2026-11-22 11:00.');
    expect(shown).not.toContain('left part way');
    // Back on the left, it goes on with no wait, as the advice of itb buckets says.
    const left = await run(['session', 'strength', ...on('left')], { home, tty: true, now: later, answers: [true, 5, 'stop'] });
    expect(left.prompter.asked.map((asked) => asked.message)).not.toContain('Do the strength drills today anyway?');
    expect(await advice('buckets', later)).toContain(goOn);
  });

  it('is not said after a flare-up, which calls for rest', async () => {
    await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [3, 'done', 7, true, false] });
    const flared = await advice('buckets', later);
    expect(flared).toContain('A drill flared up today');
    expect(flared).not.toContain('left part way');
  });

  it('is not said when a strength session before it calls for the wait anyway', async () => {
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-11-19T14:30:00.000Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'bridges', scores: [5] }] }));
    });
    const left = await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [true, 6, 'done', 5, 'stop'] });
    expect(left.prompter.remaining).toBe(0);
    const shown = await advice('history', later);
    expect(shown).toContain('Space loading sessions about 48 hours apart');
    expect(shown).not.toContain('left part way');
  });
});

describe('a strength routine left part way, gone on with later', () => {
  beforeEach(async () => {
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.screenings.push({ at: morning.toISOString(), answers: noRedFlags, proceeded: true });
    });
  });

  it('counts a strength drill tried again after its unfinished first try once, not twice', async () => {
    // The glute holds helped; the bridges brought no change, and Ctrl-C came before their retry.
    const left = await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 4, 'done', 4, CTRL_C] });
    expect(left.code).toBe(130);
    // The bridges again from their first try, then the single-leg bridges: the third of the day.
    const goingOn = await run(['session', 'strength', ...flags], { home, tty: true, now: later, answers: [true, 5, 'done', 3, 'done', 2, 'stop'] });
    expect(goingOn.code).toBe(0);
    expect(goingOn.prompter.asked[0]!.message).toBe(question('11:00', 'Isometric glute holds (wall press)', 8));
    const shown = goingOn.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('You have tried 3 strength drills today, and two or three are enough for one day.');
    expect(shown.indexOf('two or three are enough')).toBeGreaterThan(shown.indexOf('Single-leg bridges goes into your rehab bucket'));
  });

  it('goes on without asking when every drill got through earlier is set aside now: no 48-hour wait for the rest', async () => {
    // The glute holds brought no change twice and were set aside; Ctrl-C at the bridges.
    const left = await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 6, 'done', 6, CTRL_C] });
    expect(left.code).toBe(130);
    expect(stored().sessions[0]!.results.map((r) => r.outcome)).toEqual(['avoid']);
    // Starting afresh would offer the same drills: nothing to ask, and the same day's strength work.
    const goingOn = await run(['session', 'strength', ...flags], { home, tty: true, now: later, answers: [5, 'done', 3, 'stop'] });
    expect(goingOn.code).toBe(0);
    expect(goingOn.prompter.asked.some((asked) => asked.kind === 'confirm')).toBe(false);
    // No warning (the Next list may say why a routine of strength drills alone waits).
    expect(goingOn.stdout.slice(0, goingOn.stdout.indexOf('\nNext:'))).not.toMatch(/48 hours/);
    expect(drillsOf(goingOn)).toEqual(['1/8', '2/8']);
  });

  it('before a fourth strength drill, counts the three of the part done earlier though all are set aside now', async () => {
    // Three strength drills brought no change twice and were set aside; Ctrl-C at the fourth.
    const flat: Answer[] = ['done', 6, 'done', 6];
    const left = await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, ...flat, ...flat, ...flat, CTRL_C] });
    expect(left.code).toBe(130);
    expect(stored().sessions[0]!.results.map((r) => r.outcome)).toEqual(['avoid', 'avoid', 'avoid']);
    const goingOn = await run(['session', 'strength', ...flags], { home, tty: true, now: later, answers: [5, 'stop'] });
    expect(goingOn.code).toBe(0);
    expect(goingOn.stdout.replace(/\s+/g, ' ')).toContain('You have tried 3 strength drills today, and two or three are enough for one day.');
  });

  /** The built-in library with the strength routine's first drills in another order: `order` for the first three. */
  const strengthStartingWith = (...order: string[]) => {
    const library = join(home, 'library.yaml');
    const builtIn = readFileSync(join(import.meta.dirname, '../../data/library.yaml'), 'utf8');
    const first = '    exercises:\n      - isometric-glute-holds\n      - bridges\n      - single-leg-bridges\n';
    expect(builtIn).toContain(first);
    writeFileSync(library, builtIn.replace(first, `    exercises:\n${order.map((id) => `      - ${id}\n`).join('')}`));
    return library;
  };
  const leftAfterThree: Answer[] = [6, 'done', 5, 'done', 4, 'done', 3, 'stop'];

  it('counts only the strength drills of the part done earlier: a gentle one tried then is not among the two or three', async () => {
    // Leg swings, then two strength drills: the strength drills left can still follow today.
    const library = strengthStartingWith('leg-swings', 'isometric-glute-holds', 'bridges', 'single-leg-bridges');
    const left = await run(['--data', library, 'session', 'strength', ...flags], { home, tty: true, now: morning, answers: leftAfterThree });
    expect(left.code).toBe(0);
    expect(left.stdout).toContain('go on with the 7 drills left, later today');
  });

  it('after three strength drills, still suggests going on with the gentle drills left among the strength ones', async () => {
    const library = strengthStartingWith('isometric-glute-holds', 'bridges', 'single-leg-bridges', 'leg-swings');
    const left = await run(['--data', library, 'session', 'strength', ...flags], { home, tty: true, now: morning, answers: leftAfterThree });
    expect(left.code).toBe(0);
    expect(left.stdout).toContain('go on with the 7 drills left, later today');
  });

  it('chosen from the list, is offered first there: the part done earlier calls for no 48-hour wait', async () => {
    await run(['session', 'strength', ...flags], { home, tty: true, now: morning, answers: [6, 'done', 4, 'stop'] });
    const goingOn = await run(['session', ...flags], { home, tty: true, now: later, answers: ['strength', true, 5, 'stop'] });
    expect(goingOn.prompter.asked[0]).toMatchObject({ message: 'Which routine?', default: 'strength' });
    expect(goingOn.prompter.asked[1]!.message).toBe(question('11:00', 'Isometric glute holds (wall press)', 8));
    // Another strength session before the part done earlier still calls for the wait.
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.sessions.unshift({ ...data.sessions[0]!, id: 'yesterday', startedAt: '2026-11-19T20:00:00.000Z', endedAt: '2026-11-19T20:30:00.000Z', status: 'completed' });
    });
    const rested = await run(['session', ...flags], { home, tty: true, now: later, answers: [CTRL_C] });
    expect(rested.prompter.asked[0]!.default).not.toBe('strength');
  });
});

