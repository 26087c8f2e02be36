// The first-run safety screen and the set-up questions: each answer kept as it is given, a yes told and stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { noRedFlags, screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

describe('itb session', () => {
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
});
