// The questions as plain lines, for a terminal that cannot move its cursor (TERM=dumb).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isPromptExit } from '../../src/ui/prompter.js';
import { createPlainPrompter } from '../../src/ui/plain-prompts.js';
import { onTerminal } from '../helpers/terminal.js';

/**
 * A prompter on streams: `type` sends lines as a person would, `shown` is all it wrote. `now`: its
 * clock; by default a second passes each time it is read, so no Enter is too soon after another.
 */
function terminal(now = steadyClock()) {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const prompter = createPlainPrompter(input, output, false, now);
  return { prompter, input, type: (...lines: string[]) => input.write(lines.map((line) => `${line}\n`).join('')), shown: () => shown };
}

/** A clock a second further on each time it is read. */
function steadyClock(): () => number {
  let ms = 0;
  return () => (ms += 1000);
}

/** Whether `promise` is still waiting once what is under way now has run. */
async function stillWaiting(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return !settled;
}

const routines = [
  { value: 'joint-chain', name: 'Joint chain', description: 'five gentle drills\nfrom the feet up' },
  { value: 'strength', name: 'Strength', disabled: 'every drill is set aside' },
  { value: 'mobility', name: 'Mobility' },
];

describe('questions as plain lines', () => {
  it('numbers a list, with descriptions and what cannot be chosen, and takes a typed number', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: routines });
    t.type('3');
    expect(await answer).toBe('mobility');
    expect(t.shown()).toBe(
      [
        'Which routine?',
        '  1. Joint chain',
        // Its lines as the list under the other prompts broke them, joined to fit these.
        '     five gentle drills from the feet up',
        '  2. Strength',
        '     (cannot be chosen now: every drill is set aside)',
        '  3. Mobility',
        'Type its number and press Enter (Enter alone: 1): Chosen: Mobility',
        '',
      ].join('\n'),
    );
    expect(t.shown()).not.toMatch(/\x1b/);
  });

  it('asks again after a number out of the list, a word, or a choice that cannot be chosen; Enter alone takes the default', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: routines, default: 'mobility' });
    t.type('7', 'five', '2', '');
    expect(await answer).toBe('mobility');
    // Said once, not "type a number from 1 to 3. Type its number and press Enter".
    expect(t.shown().replace(/\s+/g, ' ')).toContain('"7" is not in the list. Type a number from 1 to 3 and press Enter (Enter alone: 3): ');
    expect(t.shown()).toContain('"five" is not in the list');
    expect(t.shown()).toContain('Strength cannot be chosen now.');
    expect(t.shown()).toContain('(Enter alone: 3)');
  });

  it('says why a choice cannot be chosen in one pair of brackets, when the reason comes in its own', async () => {
    const t = terminal();
    const choices = [...routines, { value: 'balance', name: 'Single-leg balance', disabled: '(its drill is set aside until 2026-12-06)' }];
    const answer = t.prompter.select({ message: 'Which routine?', choices });
    t.type('1');
    await answer;
    expect(t.shown()).toContain('  4. Single-leg balance\n     (cannot be chosen now: its drill is set aside until 2026-12-06)\n');
  });

  it('asks before a choice that a number typed for something else could pick, unless typed by its name', async () => {
    const drillChoices = [
      { value: 'done', name: 'Done — rate my pain now' },
      { value: 'skip', name: 'Skip this drill (I cannot do it now)', confirm: 'Skip this drill?' },
      { value: 'stop', name: 'Stop the session here', confirm: 'Stop the session here?' },
    ];
    const t = terminal();
    const first = t.prompter.select({ message: 'When you have done the drill:', choices: drillChoices });
    t.type('3', '', 'n', '3', 'y');
    expect(await first).toBe('stop');
    expect(t.shown().replace(/\s+/g, ' ')).toContain('Stop the session here? Type y for yes or n for no: Enter alone is not an answer here. Stop the session here? Type y for yes or n for no: ');
    expect(t.shown()).toContain('When you have done the drill: Type its number and press Enter (Enter alone: 1): ');
    expect(t.shown().match(/Stop the session here\? /g)).toHaveLength(3);
    const second = t.prompter.select({ message: 'When you have done the drill:', choices: drillChoices });
    t.type('skip this drill');
    expect(await second).toBe('skip');
    const third = t.prompter.select({ message: 'When you have done the drill:', choices: drillChoices });
    t.type('sto');
    expect(await third).toBe('stop');
    expect(t.shown()).not.toContain('Skip this drill?');
    expect(t.shown().match(/Stop the session here\? /g)).toHaveLength(3);
  });

  it('takes the start of a name or id that starts no other choice, and not one that starts two, saying which it could be', async () => {
    const t = terminal();
    const choices = [
      { value: 'hip-rotation', name: 'Hip rotation (4 drills)' },
      { value: 'strength', name: 'Hip and glute strength (9 drills)' },
      { value: 'stretches', name: 'Stretches (5 drills)' },
    ];
    const answer = t.prompter.select({ message: 'Which routine?', choices });
    t.type('hip', 'str', 'st', 'rotation', 'hip r');
    expect(await answer).toBe('hip-rotation');
    expect(t.shown().replace(/\s+/g, ' ')).toContain('"hip" could be Hip rotation or Hip and glute strength. Type more of its name or a number from 1 to 3 and press Enter');
    expect(t.shown().replace(/\s+/g, ' ')).toContain('"str" could be Hip and glute strength or Stretches.');
    expect(t.shown().replace(/\s+/g, ' ')).toContain('"st" could be Hip and glute strength or Stretches.');
    // The start of a name, not a word inside it.
    expect(t.shown()).toContain('"rotation" is not in the list');
    const again = t.prompter.select({ message: 'Which routine?', choices });
    t.type('STRET');
    expect(await again).toBe('stretches');
  });

  it('takes a first letter at a drill\'s list when it starts one choice, and says which a shared one could be', async () => {
    const drillChoices = [
      { value: 'done', name: 'Done — rate my pain now' },
      { value: 'timer', name: 'Start a 30 s timer for the hold' },
      { value: 'skip', name: 'Skip this drill (I cannot do it now)', confirm: 'Skip this drill?' },
      { value: 'stop', name: 'Stop the session here', confirm: 'Stop the session here?' },
    ];
    const t = terminal();
    const first = t.prompter.select({ message: 'When you have done the drill:', choices: drillChoices });
    t.type('s', 'd');
    expect(await first).toBe('done');
    expect(t.shown().replace(/\s+/g, ' ')).toContain(
      '"s" could be Start a 30 s timer for the hold, Skip this drill or Stop the session here. Type more of its name or a number from 1 to 4 and press Enter',
    );
    const second = t.prompter.select({ message: 'When you have done the drill:', choices: drillChoices });
    t.type('sk');
    expect(await second).toBe('skip');
    // Typed by its start, not a number that may be a score: not asked about.
    expect(t.shown()).not.toContain('Skip this drill?');
  });

  it('says when a score is asked, after a number not in the list where a number is most likely a score', async () => {
    const drillChoices = [
      { value: 'done', name: 'Done — rate my pain now' },
      { value: 'skip', name: 'Skip this drill (I cannot do it now)', confirm: 'Skip this drill?' },
      { value: 'stop', name: 'Stop the session here', confirm: 'Stop the session here?' },
    ];
    const numberNotListed = 'Rate after the drill: choose Done first (1), then type your score.';
    const t = terminal();
    const answer = t.prompter.select({ message: 'When you have done the drill:', choices: drillChoices, numberNotListed });
    t.type('5');
    expect(await stillWaiting(answer)).toBe(true);
    expect(t.shown().replace(/\s+/g, ' ')).toContain(`"5" is not in the list. ${numberNotListed} Type a number from 1 to 3 and press Enter`);
    // A word is no score: not said of it.
    t.type('maybe');
    expect(await stillWaiting(answer)).toBe(true);
    expect(t.shown().replace(/\s+/g, ' ')).toContain('"maybe" is not in the list. Type a number from 1 to 3');
    t.type('1');
    expect(await answer).toBe('done');
  });

  it('stops no session for "st" at a drill without a timer, typed to start one as at a drill with it, naming both', async () => {
    const drillChoices = [
      { value: 'done', name: 'Done — rate my pain now' },
      { value: 'skip', name: 'Skip this drill (I cannot do it now)', confirm: 'Skip this drill?' },
      { value: 'stop', name: 'Stop the session here', confirm: 'Stop the session here?' },
    ];
    const t = terminal();
    const answer = t.prompter.select({ message: 'When you have done the drill:', choices: drillChoices, elsewhere: [{ value: 'timer', name: 'Start a timer (this drill has none)' }] });
    t.type('st');
    expect(await stillWaiting(answer)).toBe(true);
    expect(t.shown().replace(/\s+/g, ' ')).toContain(
      '"st" could be Stop the session here or Start a timer (this drill has none). Type more of its name or a number from 1 to 3 and press Enter',
    );
    t.type('stop');
    expect(await answer).toBe('stop');
  });

  it('names a timed hold by its number alone among the choices a start could be, as its set and side hold a comma', async () => {
    const t = terminal();
    const answer = t.prompter.select({
      message: 'When you have done the drill:',
      choices: [
        { value: 'timer', name: 'Start hold 1 of 4 · set 1, first side (30 s)' },
        { value: 'done', name: 'Done — rate my pain now' },
        { value: 'skip', name: 'Skip this drill (I cannot do it now)' },
        { value: 'stop', name: 'Stop the session here' },
      ],
    });
    t.type('s', 'd');
    expect(await answer).toBe('done');
    expect(t.shown().replace(/\s+/g, ' ')).toContain('"s" could be Start hold 1 of 4, Skip this drill or Stop the session here.');
  });

  it('takes a default that asks first on Enter alone without asking: nothing was typed to mistake', async () => {
    const legChoices = [
      { value: 'left', name: 'left leg', confirm: 'Test on your left leg?' },
      { value: 'right', name: 'right leg (last time)', confirm: 'Test on your right leg?' },
    ];
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which leg will you test on?', choices: legChoices, default: 'right' });
    t.type('');
    expect(await answer).toBe('right');
    expect(t.shown()).not.toContain('Test on your');
    // Its number, though, is asked about, and so is the other's.
    const again = t.prompter.select({ message: 'Which leg will you test on?', choices: legChoices, default: 'right' });
    t.type('1', 'n', '2', 'y');
    expect(await again).toBe('right');
    expect(t.shown().replace(/\s+/g, ' ')).toContain('Test on your left leg? Type y for yes or n for no:');
    expect(t.shown().replace(/\s+/g, ' ')).toContain('Test on your right leg? Type y for yes or n for no:');
  });

  it('takes a choice typed by its name, whatever its capitals', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: routines });
    t.type('joint CHAIN');
    expect(await answer).toBe('joint-chain');
  });

  it('takes a choice typed by its name with two spaces where it has one, as the arrow-key list does', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: [{ value: 'joint-chain', name: 'Joint chain, feet upward (5 drills)' }, { value: 'mobility', name: 'Mobility' }] });
    t.type('joint  chain,  feet upward');
    expect(await answer).toBe('joint-chain');
    expect(t.shown()).not.toContain('not in the list');
  });

  it('takes a choice typed by its name without what follows it in brackets, or by its id', async () => {
    const t = terminal();
    const choices = [
      { value: 'joint-chain', name: 'Joint chain, feet upward (5 drills)' },
      { value: 'strength', name: 'Hip and glute strength (9 drills)' },
      { value: 'skip', name: 'Skip this drill (I cannot do it now)' },
    ];
    const first = t.prompter.select({ message: 'Which routine?', choices });
    t.type('joint chain, feet upward');
    expect(await first).toBe('joint-chain');
    const second = t.prompter.select({ message: 'Which routine?', choices });
    t.type('Strength');
    expect(await second).toBe('strength');
    const third = t.prompter.select({ message: 'When you have done the drill:', choices });
    t.type('skip this drill');
    expect(await third).toBe('skip');
    expect(t.shown()).not.toContain('not in the list');
  });

  it('takes a choice typed with a space where its name has a hyphen, or a hyphen where it has a space', async () => {
    const t = terminal();
    const choices = [
      { value: 'balance', name: 'Single-leg balance (2 drills)' },
      { value: 'warm-up', name: 'Warm-up (3 drills)' },
    ];
    const first = t.prompter.select({ message: 'Which routine?', choices });
    t.type('warm up');
    expect(await first).toBe('warm-up');
    const second = t.prompter.select({ message: 'Which routine?', choices });
    t.type('single leg balance');
    expect(await second).toBe('balance');
    const third = t.prompter.select({ message: 'Which routine?', choices });
    t.type('Single-leg-balance');
    expect(await third).toBe('balance');
    expect(t.shown()).not.toContain('not in the list');
  });

  it('takes a choice typed as another word it is also known by, as a side by its first letter', async () => {
    const t = terminal();
    const sides = ['left', 'right', 'both'].map((value) => ({ value, name: value, also: [value[0]!, `${value} side`] }));
    const first = t.prompter.select({ message: 'Which side is painful?', choices: sides });
    t.type('B');
    expect(await first).toBe('both');
    const second = t.prompter.select({ message: 'Which side is painful?', choices: sides });
    t.type('left  side');
    expect(await second).toBe('left');
    expect(t.shown()).not.toContain('not in the list');
  });

  it('asks yes or no until it gets one, Enter alone meaning the default', async () => {
    const t = terminal();
    const first = t.prompter.confirm({ message: 'Numbness?', default: false });
    t.type('Maybe', 'Y');
    expect(await first).toBe(true);
    // What was wrong, and the question again in full, its "Type y for yes or n for no" said once.
    expect(t.shown().replace(/\s+/g, ' ')).toBe('Numbness? Type y for yes or n for no (Enter alone: no): "Maybe" was not understood. Numbness? Type y for yes or n for no (Enter alone: no): ');
    const second = t.prompter.confirm({ message: 'Go on?', default: false });
    t.type('');
    expect(await second).toBe(false);
  });

  it('says what to answer to a number typed at a yes/no question that has a word for one', async () => {
    const t = terminal();
    const answer = t.prompter.confirm({ message: 'Is 9 right?', default: true, numberTyped: 'Answer n to give another score, or y to keep 9.' });
    t.type('3', 'maybe', 'n');
    expect(await answer).toBe(false);
    expect(t.shown().replace(/\s+/g, ' ')).toBe(
      'Is 9 right? Type y for yes or n for no (Enter alone: yes): Answer n to give another score, or y to keep 9. Is 9 right? Type y for yes or n for no (Enter alone: yes): ' +
        '"maybe" was not understood. Is 9 right? Type y for yes or n for no (Enter alone: yes): ',
    );
    // Without such a word, a number is any other wrong answer.
    const plain = terminal();
    const goOn = plain.prompter.confirm({ message: 'Go on?', default: false });
    plain.type('3', 'n');
    expect(await goOn).toBe(false);
    expect(plain.shown().replace(/\s+/g, ' ')).toBe('Go on? Type y for yes or n for no (Enter alone: no): "3" was not understood. Go on? Type y for yes or n for no (Enter alone: no): ');
  });

  it('breaks a question and what follows it on its line between words, within the terminal', async () => {
    const t = terminal();
    const answer = t.prompter.confirm({ message: 'Do you have numbness, tingling or pins and needles in the leg or foot?', default: false });
    t.type('perhaps', 'n');
    expect(await answer).toBe(false);
    // Each line typed ends with Enter, so the second asking starts on a line of its own.
    expect(t.shown().split(/(?<=no\): )/)).toEqual([
      // "y for yes" whole on its line: "y" at a line's end would leave "for yes" without its key.
      'Do you have numbness, tingling or pins and needles in the leg or foot? Type\ny for yes or n for no (Enter alone: no): ',
      '"perhaps" was not understood. Do you have numbness, tingling or pins and needles\nin the leg or foot? Type y for yes or n for no (Enter alone: no): ',
    ]);
  });

  it('breaks a long choice between words, its later lines under its first, and gives the reason before the description', async () => {
    const t = terminal();
    const choices = [
      { value: 'long', name: 'Hip external rotation with extension, lying face down with a pillow under their hips (90/90 hip lift)' },
      { value: 'strength', name: 'Strength', description: 'Nine drills for the hips', disabled: 'every drill is set aside' },
    ];
    const answer = t.prompter.select({ message: 'Which drill?', choices });
    t.type('1');
    await answer;
    expect(t.shown().split('\n').slice(1, 6)).toEqual([
      '  1. Hip external rotation with extension, lying face down with a pillow under',
      '     their hips (90/90 hip lift)',
      '  2. Strength',
      '     (cannot be chosen now: every drill is set aside)',
      '     Nine drills for the hips',
    ]);
  });

  it('keeps "n for no" whole at the edge of the line: "for no" alone would read as no answer at all', async () => {
    const t = terminal();
    const answer = t.prompter.confirm({ message: 'Any recent fall, knock or other injury to the painful leg?' });
    t.type('n');
    expect(await answer).toBe(false);
    expect(t.shown()).toBe('Any recent fall, knock or other injury to the painful leg? Type y for yes or\nn for no: ');
  });

  it('fills a line of the terminal to its last column before it breaks a question', async () => {
    const t = terminal();
    const answer = t.prompter.input({ message: 'Rate the pain you feel in the single-leg squat right now, where 0 is none at all and 10 is the worst:' });
    t.type('3');
    expect(await answer).toBe('3');
    expect(t.shown()).toBe('Rate the pain you feel in the single-leg squat right now, where 0 is none at all\nand 10 is the worst: ');
  });

  it('takes a number, a name or a yes typed with spaces around it', async () => {
    const t = terminal();
    const first = t.prompter.select({ message: 'Which routine?', choices: routines });
    t.type(' 3 ');
    expect(await first).toBe('mobility');
    const second = t.prompter.select({ message: 'Which routine?', choices: routines });
    t.type('  joint chain ');
    expect(await second).toBe('joint-chain');
    const third = t.prompter.confirm({ message: 'Go on?' });
    t.type(' y ');
    expect(await third).toBe(true);
    expect(t.shown()).not.toContain('not in the list');
  });

  it('stops reading the terminal once a question is answered, so that the program can end', async () => {
    const t = terminal();
    const answer = t.prompter.input({ message: 'Rate:' });
    expect(t.input.isPaused()).toBe(false);
    t.type('4');
    expect(await answer).toBe('4');
    expect(t.input.isPaused()).toBe(true);
  });

  it('writes nothing when stopped between questions', async () => {
    const t = terminal();
    const answer = t.prompter.input({ message: 'Rate:' });
    t.type('4');
    await answer;
    t.prompter.stop();
    expect(t.shown()).toBe('Rate: ');
    expect(isPromptExit(await t.prompter.input({ message: 'Again:' }).catch((caught: unknown) => caught))).toBe(true);
  });

  it('asks for text again with the reason a wrong answer is refused', async () => {
    const t = terminal();
    const validate = (text: string) => (/^\d+$/.test(text.trim()) && Number(text) <= 10 ? true : `"${text}" is not a score from 0 to 10`);
    const answer = t.prompter.input({ message: 'Rate your pain (0 = none, 10 = worst):', validate });
    t.type('11', 'five', ' 6 ');
    expect(await answer).toBe(' 6 ');
    expect(t.shown()).toContain('"11" is not a score from 0 to 10\nRate your pain');
    expect(t.shown()).toContain('"five" is not a score from 0 to 10');
  });

  it('counts a hold down without redrawing, and Enter ends it early', async () => {
    const t = terminal();
    const hold = t.prompter.countdown(30, 'Hold 1 of 2');
    t.type('');
    expect(await hold).toBe('skipped');
    expect(t.shown()).toBe('⏱ Hold 1 of 2: 30 s, starting now. Press Enter to end it early.\n⏱ Hold 1 of 2: ended early\n');
  });

  it('says when the time is up, and a line typed after it answers the next question', async () => {
    const t = terminal();
    expect(await t.prompter.countdown(0.05, 'Hold 1')).toBe('finished');
    // With the terminal's bell, for someone holding a stretch with their eyes off the screen.
    expect(t.shown()).toContain('\u0007⏱ Hold 1: time is up');
    // Typed before the next question is asked, it waits for it.
    expect(t.input.isPaused()).toBe(true);
    t.type('5');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await t.prompter.input({ message: 'Rate:' })).toBe('5');
    const next = t.prompter.input({ message: 'Rate:' });
    t.type('4');
    expect(await next).toBe('4');
  });

  it('ends the question being asked, and every one after it, when stopped', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: routines });
    t.prompter.stop();
    expect(isPromptExit(await answer.catch((caught: unknown) => caught))).toBe(true);
    t.type('1');
    expect(isPromptExit(await t.prompter.input({ message: 'Rate:' }).catch((caught: unknown) => caught))).toBe(true);
    // The question left unanswered ends its line, so that what is said next ("Stopped.") starts
    // on one of its own; the one after it is not asked.
    expect(t.shown()).toMatch(/\(Enter alone: 1\): \n$/);
    expect(t.shown()).not.toContain('Rate:');
  });

  it('says a hold was stopped when it is, as the other prompts do, and starts none once stopped', async () => {
    const t = terminal();
    const hold = t.prompter.countdown(30, 'Hold 1 of 2');
    t.prompter.stop();
    expect(isPromptExit(await hold.catch((caught: unknown) => caught))).toBe(true);
    expect(t.shown()).toBe('⏱ Hold 1 of 2: 30 s, starting now. Press Enter to end it early.\n\n⏱ Hold 1 of 2: stopped\n');
    expect(isPromptExit(await t.prompter.countdown(30, 'Hold 2 of 2').catch((caught: unknown) => caught))).toBe(true);
    expect(t.shown()).not.toContain('Hold 2 of 2');
  });

  it('ends the question as Ctrl-C does when the input ends (Ctrl-D), and every question after it', async () => {
    const t = terminal();
    const answer = t.prompter.input({ message: 'Rate:' });
    t.input.end();
    const error = await answer.catch((caught: unknown) => caught);
    expect(isPromptExit(error)).toBe(true);
    expect(t.shown()).toBe('Rate: \n');
    expect(isPromptExit(await t.prompter.confirm({ message: 'Again?' }).catch((caught: unknown) => caught))).toBe(true);
  });


  it('takes yes and no typed in full, and Enter alone as yes when yes is the default', async () => {
    const t = terminal();
    const first = t.prompter.confirm({ message: 'Go on?' });
    t.type('Yes');
    expect(await first).toBe(true);
    const second = t.prompter.confirm({ message: 'Go on?' });
    t.type('no');
    expect(await second).toBe(false);
    const third = t.prompter.confirm({ message: 'Go on?', default: true });
    t.type('');
    expect(await third).toBe(true);
    expect(t.shown()).toContain('Go on? Type y for yes or n for no (Enter alone: yes): ');
  });

  it('takes Enter pressed twice for one press: the second is no answer to the question after it', async () => {
    let ms = 0;
    const t = terminal(() => ms);
    const score = t.prompter.input({ message: 'Rate your pain now:' });
    // The score and a second Enter, come in the same read.
    t.type('9', '');
    expect(await score).toBe('9');
    const sure = t.prompter.confirm({ message: 'Up 6 points, from 3 to 9: a flare-up. Is 9 right?', default: true });
    expect(await stillWaiting(sure)).toBe(true);
    // An Enter a tenth of a second after the question was written: too soon to have read it.
    ms += 100;
    t.type('');
    expect(await stillWaiting(sure)).toBe(true);
    // Once there was time to read the question, Enter alone answers it.
    ms += 1000;
    t.type('');
    expect(await sure).toBe(true);
    // As does a line with something typed, however quick.
    const again = t.prompter.confirm({ message: 'Go on with the session?', default: false });
    t.type('y');
    expect(await again).toBe(true);
    // A timed hold started with Enter is not ended by a second press.
    const hold = t.prompter.countdown(30, 'Hold 1 of 2');
    ms += 200;
    t.type('');
    expect(await stillWaiting(hold)).toBe(true);
    ms += 1000;
    t.type('');
    expect(await hold).toBe('skipped');
  });

  it('asks again at Enter alone when a yes/no question has no default', async () => {
    const t = terminal();
    const answer = t.prompter.confirm({ message: 'Go on anyway?' });
    t.type('', 'n');
    expect(await answer).toBe(false);
    // What was wrong, and the question again in full, its "Type y for yes or n for no" said once.
    expect(t.shown()).toBe('Go on anyway? Type y for yes or n for no: Enter alone is not an answer here. Go on anyway? Type y for yes or n for no: ');
  });

  it('offers the first choice that can be chosen for Enter alone, when the first cannot', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: [routines[1]!, routines[2]!] });
    t.type('');
    expect(await answer).toBe('mobility');
    expect(t.shown()).toContain('Type its number and press Enter (Enter alone: 2): Chosen: Mobility');
    expect(t.shown()).not.toContain('cannot be chosen now. Type');
  });

  it('offers the first choice for Enter alone when the default is not in the list', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: routines, default: 'gone' });
    t.type('');
    expect(await answer).toBe('joint-chain');
    expect(t.shown()).toContain('Type its number and press Enter (Enter alone: 1): Chosen: Joint chain');
  });

  it('takes a number typed in full-width digits, as a Japanese keyboard types them', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: routines });
    t.type('３');
    expect(await answer).toBe('mobility');
  });

  it('takes a number typed in the digits of an Arabic keyboard', async () => {
    const t = terminal();
    const answer = t.prompter.select({ message: 'Which routine?', choices: routines });
    // Refused, it would be asked again, and the 1 after it would pick the first routine.
    t.type('\u0663', '1');
    expect(await answer).toBe('mobility');
  });

  it('gives text questions their default at Enter alone or spaces alone, and says what it is', async () => {
    const t = terminal();
    const answer = t.prompter.input({ message: 'Which movement?', default: 'stairs' });
    t.type('   ');
    expect(await answer).toBe('stairs');
    expect(t.shown()).toBe('Which movement? (Enter alone: stairs) ');
  });

  it('breaks the line naming the choice made between words on a narrow terminal, its later lines under the name', async () => {
    await onTerminal(40, async () => {
      const t = terminal();
      const answer = t.prompter.select({ message: 'When you have done the drill:', choices: [{ value: 'skip', name: 'Skip this drill (I cannot do it now, my knee is too sore)' }] });
      t.type('1');
      expect(await answer).toBe('skip');
      // A note too long for the room under the name is broken between its words.
      expect(t.shown().slice(t.shown().indexOf('Chosen:'))).toBe('Chosen: Skip this drill (I cannot do it\n        now, my knee is too sore)\n');
    });
  });

  it('breaks the name of the choice made before its note in brackets, as the list does', async () => {
    await onTerminal(40, async () => {
      const t = terminal();
      const answer = t.prompter.select({ message: 'When you have done the drill:', choices: [{ value: 'skip', name: 'Skip this drill (I cannot do it now)' }] });
      t.type('1');
      expect(await answer).toBe('skip');
      expect(t.shown().split('\n').slice(1, 3)).toEqual(['  1. Skip this drill', '     (I cannot do it now)']);
      expect(t.shown().slice(t.shown().indexOf('Chosen:'))).toBe('Chosen: Skip this drill\n        (I cannot do it now)\n');
    });
  });

  it('keeps the lines of a hold within a narrow terminal, their later lines under the label', async () => {
    await onTerminal(40, async () => {
      const t = terminal();
      const hold = t.prompter.countdown(30, 'Hold 1 of 6 · set 1, first side');
      t.type('');
      expect(await hold).toBe('skipped');
      expect(t.shown()).toBe(
        [
          // "30 s" stays whole: its unit does not begin a line alone.
          '⏱ Hold 1 of 6 · set 1, first side:',
          '  30 s, starting now. Press Enter to',
          '  end it early.',
          '⏱ Hold 1 of 6 · set 1, first side:',
          '  ended early',
          '',
        ].join('\n'),
      );
    });
  });

  it('keeps a note in brackets in a question whole where it fits a line, on a narrow terminal', async () => {
    await onTerminal(40, async () => {
      const t = terminal();
      const answer = t.prompter.confirm({ message: 'Go on with the next drill? (Say no to stop here for today.)', default: false });
      t.type('n');
      expect(await answer).toBe(false);
      expect(t.shown()).toBe('Go on with the next drill?\n(Say no to stop here for today.) Type\ny for yes or n for no (Enter alone: no): ');
      const rated = t.prompter.input({ message: 'Rate your pain (0 = none, 10 = worst imaginable):' });
      t.type('4');
      expect(await rated).toBe('4');
      expect(t.shown()).toContain('no): Rate your pain\n(0 = none, 10 = worst imaginable): ');
    });
  });

  it('keeps the note in brackets of a list question whole where it fits a line, at 30 columns', async () => {
    await onTerminal(30, async () => {
      const t = terminal();
      const answer = t.prompter.select({ message: 'Which test movement? (The same one all session.)', choices: routines });
      t.type('1');
      expect(await answer).toBe('joint-chain');
      expect(t.shown()).toMatch(/^Which test movement\?\n\(The same one all session\.\)\n  1\. Joint chain\n/);
    });
  });

  it('asks a hold again after Ctrl-Z and fg with its later lines under the label too', async () => {
    const signals = ['SIGINT', 'SIGHUP', 'SIGTERM', 'SIGCONT'] as const;
    const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
    try {
      await onTerminal(40, async () => {
        const input = new PassThrough();
        const output = new PassThrough();
        let shown = '';
        output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
        const hold = createPlainPrompter(input, output, true).countdown(30, 'Hold 1 of 6 · set 1, first side');
        // Back with fg: the shell sends SIGCONT.
        process.emit('SIGCONT');
        input.write('\n');
        expect(await hold).toBe('skipped');
        expect(shown).toMatch(/\n\n⏱ Hold 1 of 6 · set 1, first side: \d+ s\n {2}left\. Press Enter to end it early\.\n/);
      });
    } finally {
      for (const signal of signals) for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
    }
  });

  it('says what a question is about when it asks it again after Ctrl-Z and fg, and only then', async () => {
    const signals = ['SIGINT', 'SIGHUP', 'SIGTERM', 'SIGCONT'] as const;
    const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let shown = '';
      output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
      const prompter = createPlainPrompter(input, output, true, steadyClock());
      const reminder = () => ['Exercise 2 of 5 · knee', 'Clamshells'];
      const choice = prompter.select({ message: 'When you have done the drill:', choices: [{ value: 'done', name: 'Done' }], reminder });
      expect(shown).not.toContain('Clamshells');
      // Back with fg: the shell sends SIGCONT.
      process.emit('SIGCONT');
      expect(shown).toContain('\nExercise 2 of 5 · knee\nClamshells\nWhen you have done the drill:\nType its number and press Enter');
      input.write('1\n');
      expect(await choice).toBe('done');
      const score = prompter.input({ message: 'Rate your pain now (before: 5):', reminder });
      process.emit('SIGCONT');
      input.write('4\n');
      expect(await score).toBe('4');
      expect(shown).toMatch(/\nExercise 2 of 5 · knee\nClamshells\nRate your pain now \(before: 5\): $/m);
      expect(shown.match(/Clamshells/g)).toHaveLength(2);
    } finally {
      for (const signal of signals) for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
    }
  });

  it('breaks a routine\'s name in the list before its note in brackets on a narrow terminal, not inside it', async () => {
    await onTerminal(40, async () => {
      const t = terminal();
      const answer = t.prompter.select({ message: 'Which routine?', choices: [{ value: 'retest', name: 'Re-test drills set aside earlier (2 due)' }] });
      t.type('1');
      await answer;
      expect(t.shown().split('\n').slice(1, 3)).toEqual(['  1. Re-test drills set aside earlier', '     (2 due)']);
    });
  });

  it('lets a description and the reason a choice cannot be chosen use the whole width under its name', async () => {
    await onTerminal(40, async () => {
      const t = terminal();
      const choices = [
        { value: 'joint-chain', name: 'Joint chain', description: 'Five gentle drills that work from the ankle up to the opposite shoulder blade' },
        { value: 'strength', name: 'Strength', disabled: 'every drill is set aside until 2026-12-06' },
      ];
      const answer = t.prompter.select({ message: 'Which routine?', choices });
      t.type('1');
      await answer;
      expect(t.shown().split('\n').slice(1, 7)).toEqual([
        '  1. Joint chain',
        '     Five gentle drills that work from',
        '     the ankle up to the opposite',
        '     shoulder blade',
        '  2. Strength',
        '     (cannot be chosen now: every drill',
      ]);
    });
  });
});
