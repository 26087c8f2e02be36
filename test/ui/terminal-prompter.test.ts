// The questions as the real prompter asks them in a terminal: each is drawn by the real prompts
// (through @inquirer/testing's render, on 80 columns) with what the prompter gives them.
import { render } from '@inquirer/testing';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPromptExit } from '../../src/ui/prompter.js';
import { onTerminal } from '../helpers/terminal.js';

type Rendered = Awaited<ReturnType<typeof render>>;

const drawn = vi.hoisted(() => ({ screens: [] as Promise<unknown>[] }));

// Each question is drawn on a screen of its own rather than on the test's terminal.
vi.mock('@inquirer/prompts', async (actual) => {
  const real = await actual<typeof import('@inquirer/prompts')>();
  const { render: draw } = await import('@inquirer/testing');
  const onScreen =
    (prompt: (...args: never[]) => Promise<unknown>) =>
    (config: never): Promise<unknown> => {
      const rendered = draw(prompt as never, config);
      drawn.screens.push(rendered);
      return rendered.then((screen) => screen.answer);
    };
  return { ...real, select: onScreen(real.select), input: onScreen(real.input), confirm: onScreen(real.confirm) };
});
vi.mock('../../src/ui/list-prompt.js', async (actual) => {
  const real = await actual<typeof import('../../src/ui/list-prompt.js')>();
  const { render: draw } = await import('@inquirer/testing');
  return {
    ...real,
    listPrompt: (config: never): Promise<unknown> => {
      const rendered = draw(real.listPrompt as never, config);
      drawn.screens.push(rendered);
      return rendered.then((screen) => screen.answer);
    },
  };
});
// The terminal's signals and Ctrl-Z belong to a real terminal, not to the test's.
vi.mock('../../src/ui/stopping.js', () => ({
  whenTerminalGoes: () => new AbortController().signal,
  suspendable: () => undefined,
  askedAgainAfterPause: (stopped: AbortSignal) => (question: (context: { signal: AbortSignal }) => Promise<unknown>) => question({ signal: stopped }),
}));

const { createPrompter } = await import('../../src/ui/prompts.js');
const { countdown } = await import('../../src/ui/countdown.js');

/** The screen of the question asked last. */
async function lastScreen(): Promise<Rendered> {
  await vi.waitFor(() => expect(drawn.screens.length).toBeGreaterThan(0));
  return (await drawn.screens.at(-1)) as Rendered;
}

/** Presses Enter and waits for the screen to be drawn again. */
async function enter(screen: Rendered): Promise<void> {
  screen.events.keypress('enter');
  await screen.nextRender();
}

const widest = (text: string) => Math.max(...stripVTControlCharacters(text).split('\n').map((line) => line.length));

afterEach(() => {
  drawn.screens.length = 0;
});

describe('a list question in the terminal', () => {
  const longName = 'Hip external rotation with extension, lying face down with a pillow under the hips (90/90 hip lift)';
  const choices = [
    { value: 'first', name: 'Ankle rocks' },
    { value: 'long', name: longName },
    { value: 'aside', name: 'Clamshells', disabled: '(set aside until 2026-12-06 after it made the pain worse twice, re-test then)' },
    { value: 'stop', name: 'Stop the session here', confirm: 'Stop the session here?' },
  ];

  it('breaks a long choice between words, its later lines under its first, within 80 columns', async () => {
    const answer = createPrompter().select({ message: 'When you have done the drill:', choices });
    const screen = await lastScreen();
    const lines = screen.getScreen().split('\n');
    expect(widest(screen.getScreen())).toBeLessThan(80);
    const at = lines.findIndex((line) => line.includes('Hip external rotation'));
    expect(lines[at]).toMatch(/^  Hip external rotation with extension, lying face down with a pillow under the$/);
    expect(lines[at + 1]).toBe('  hips (90/90 hip lift)');
    // The reason a choice cannot be picked goes on after its name, broken between words too.
    expect(screen.getScreen()).toContain('Clamshells (set aside until 2026-12-06 after it made the pain worse twice,');
    await enter(screen);
    expect(await answer).toBe('first');
  });

  it('on a narrow terminal, breaks a routine\'s name before its note in brackets, in the list and once chosen', async () => {
    await onTerminal(40, async () => {
      const routines = [
        { value: 'retest', name: 'Re-test drills set aside earlier (2 due)' },
        { value: 'hip-rotation', name: 'Hip external rotation with extension (90/90 hip lift)' },
      ];
      const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
      const screen = await lastScreen();
      expect(screen.getScreen()).toContain('❯ Re-test drills set aside earlier\n  (2 due)\n  Hip external rotation with extension\n  (90/90 hip lift)');
      await enter(screen);
      expect(await answer).toBe('retest');
      expect(screen.getScreen()).toBe('✔ Which routine? \n  Re-test drills set aside earlier\n  (2 due)');
    });
  });

  it('on a narrow terminal, breaks the name of a routine that cannot be chosen before its note in brackets too', async () => {
    await onTerminal(40, async () => {
      const routines = [
        { value: 'clinic', name: 'Clinic plan' },
        { value: 'runners', name: 'Hip and knee drills for runners (hip lift)', disabled: '(both drills are set aside; re-test from 2026-12-06)' },
      ];
      const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
      const screen = await lastScreen();
      expect(screen.getScreen()).toContain('- Hip and knee drills for runners\n  (hip lift) (both drills are\n  set aside; re-test from 2026-12-06)');
      await enter(screen);
      expect(await answer).toBe('clinic');
    });
  });

  it('stays at the first choice at the arrow up, rather than going round to the last', async () => {
    const answer = createPrompter().select({ message: 'Which routine?', choices });
    const screen = await lastScreen();
    screen.events.keypress('up');
    await enter(screen);
    expect(await answer).toBe('first');
  });

  it('says in plain words that a choice cannot be chosen when Enter is pressed on it', async () => {
    const answer = createPrompter().select({ message: 'Which routine?', choices, default: 'long' });
    const screen = await lastScreen();
    screen.events.keypress('down');
    await enter(screen);
    expect(screen.getScreen()).toContain('> That one cannot be chosen now. Choose another with the arrow keys, then press\n  Enter.');
    expect(screen.getScreen()).not.toContain('disabled');
    screen.events.keypress('down');
    await enter(screen);
    expect(await answer).toBe('stop');
  });

  it('keeps the answer beside its question when it fits there, else under it', async () => {
    const short = createPrompter().select({ message: 'Which routine?', choices });
    const first = await lastScreen();
    await enter(first);
    expect(await short).toBe('first');
    expect(first.getScreen()).toBe('✔ Which routine? Ankle rocks');
    const long = createPrompter().select({ message: 'Which of the drills below did you find the hardest to do with your knee bent?', choices, default: 'long' });
    const second = await lastScreen();
    await enter(second);
    expect(await long).toBe('long');
    const lines = second.getScreen().split('\n');
    expect(lines[0]).toBe('✔ Which of the drills below did you find the hardest to do with your knee bent?');
    expect(lines.slice(1)).toEqual(['  Hip external rotation with extension, lying face down with a pillow under the', '  hips (90/90 hip lift)']);
  });

  it('breaks a long list question between words, leaving a column for the space before the answer', async () => {
    const message = 'Which of the drills below did you find the hardest to do with your knee bent today?';
    const answer = createPrompter().select({ message, choices });
    const screen = await lastScreen();
    expect(screen.getScreen().split('\n').slice(0, 2)).toEqual(['? Which of the drills below did you find the hardest to do with your knee bent', '  today?']);
    await enter(screen);
    expect(await answer).toBe('first');
  });

  it('puts an answer under its question once it would reach the last column of the line', async () => {
    // "✔ Which routine? " takes 17 columns: 62 more end at column 79, 63 at column 80.
    const fits = 'x'.repeat(62);
    const fills = 'y'.repeat(63);
    const both = [{ value: 'fits', name: fits }, { value: 'fills', name: fills }];
    const first = createPrompter().select({ message: 'Which routine?', choices: both });
    const beside = await lastScreen();
    await enter(beside);
    await first;
    expect(beside.getScreen()).toBe(`✔ Which routine? ${fits}`);
    const second = createPrompter().select({ message: 'Which routine?', choices: both, default: 'fills' });
    const under = await lastScreen();
    await enter(under);
    await second;
    expect(under.getScreen()).toBe(`✔ Which routine?\n  ${fills}`);
  });

  it('breaks a list question that would reach the last column, and keeps the answer beside its short last line', async () => {
    // Its first line would take 2 + 78 columns: "bent" goes to the next line.
    const message = 'Which of the drills below did you find the hardest to do, with your knees bent today?';
    const answer = createPrompter().select({ message, choices });
    const screen = await lastScreen();
    expect(screen.getScreen().split('\n').slice(0, 2)).toEqual(['? Which of the drills below did you find the hardest to do, with your knees', '  bent today?']);
    await enter(screen);
    expect(await answer).toBe('first');
    expect(screen.getScreen()).toBe('✔ Which of the drills below did you find the hardest to do, with your knees\n  bent today? Ankle rocks');
  });

  it('breaks a choice before it would run past the terminal, and an answer under its question a column sooner', async () => {
    // After the two-column pointer, 79 columns of name would run past an 80-column terminal;
    // 78 fill it, and under the question once answered they would reach its last column.
    const past = 'Hip external rotation with extension, lying face down with a pillow under their hips (90/90 hip lift)';
    const fills = 'Hip external rotation with extension, lying face down with a pillow under both hips (90/90 hip lift)';
    const long = [
      { value: 'past', name: past },
      { value: 'fills', name: fills },
      { value: 'aside', name: fills, disabled: '(set aside until 2026-12-06)' },
      { value: 'clamshells', name: 'Clamshells', disabled: '(set aside until 2026-12-06 after it made the pain worse twice in a row, re-test then)' },
    ];
    const answer = createPrompter().select({ message: 'Which drill was the hardest?', choices: long, default: 'fills' });
    const screen = await lastScreen();
    const lines = screen.getScreen().split('\n');
    expect(lines.slice(1, 7)).toEqual([
      '  Hip external rotation with extension, lying face down with a pillow under',
      '  their hips (90/90 hip lift)',
      '❯ Hip external rotation with extension, lying face down with a pillow under both',
      '  hips (90/90 hip lift)',
      // A choice that cannot be picked keeps a column more, for the space before its reason.
      '- Hip external rotation with extension, lying face down with a pillow under',
      '  both hips (90/90 hip lift) (set aside until 2026-12-06)',
    ]);
    expect(lines.slice(7, 9)).toEqual(['- Clamshells (set aside until 2026-12-06 after it made the pain worse twice in', '  a row, re-test then)']);
    await enter(screen);
    expect(await answer).toBe('fills');
    expect(screen.getScreen()).toBe('✔ Which drill was the hardest?\n  Hip external rotation with extension, lying face down with a pillow under\n  both hips (90/90 hip lift)');
  });

  it('goes on with the reason a choice cannot be picked right after a name in wide characters', async () => {
    const wide = [
      { value: 'first', name: 'Ankle rocks' },
      { value: 'wide', name: '足首の前後揺らし', disabled: '(set aside until 2026-12-06 after it made the pain worse twice in a row, re-test then)' },
    ];
    const answer = createPrompter().select({ message: 'Which routine?', choices: wide });
    const screen = await lastScreen();
    const lines = screen.getScreen().split('\n');
    const at = lines.findIndex((line) => line.includes('足首'));
    // The name takes 16 columns, not 8: the reason goes on with what fits after them.
    expect(lines[at]).toBe('- 足首の前後揺らし (set aside until 2026-12-06 after it made the pain worse');
    expect(lines[at + 1]).toBe('  twice in a row, re-test then)');
    await enter(screen);
    await answer;
  });
});

describe('a choice typed at a list in the terminal', () => {
  const routines = [
    { value: 'joint-chain', name: 'Joint chain, feet upward (5 drills)' },
    { value: 'single-leg', name: 'Single-leg balance (4 drills)' },
    { value: 'strength', name: 'Strength (4 drills)' },
    { value: 'runners', name: 'Hip and knee drills for runners (2 drills)', disabled: '(both drills are set aside; re-test from 2026-12-06)' },
  ];
  const drill = [
    { value: 'done', name: 'Done — rate my pain now' },
    { value: 'skip', name: 'Skip this drill (I cannot do it now)', confirm: 'Skip this drill?' },
    { value: 'stop', name: 'Stop the session here', confirm: 'Stop the session here?' },
  ];
  const numberTyped = 'Rate after the drill: choose Done first (arrow keys, then Enter), then type your score.';

  /** Types `text` at the list, and waits for the screen to be drawn again. */
  async function type(screen: Rendered, text: string): Promise<void> {
    screen.events.type(text);
    await screen.nextRender();
  }

  /** Whether `answer` has settled yet. */
  async function settled(answer: Promise<unknown>): Promise<boolean> {
    return Promise.race([answer.then(() => true), new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);
  }

  it('shows what is typed after the question, and at Enter picks the routine it names, not the highlighted one', async () => {
    const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
    const screen = await lastScreen();
    await type(screen, 'strength');
    expect(screen.getScreen().split('\n')[0]).toBe('? Which routine? strength');
    expect(screen.getScreen()).toContain('❯ Joint chain');
    await enter(screen);
    expect(await answer).toBe('strength');
    expect(screen.getScreen()).toBe('✔ Which routine? Strength (4 drills)');
  });

  it('takes a name without its note in brackets, in any case and with spaces around it, and a number', async () => {
    for (const [typed, picked] of [['  single-LEG   Balance ', 'single-leg'], ['Strength (4 drills)', 'strength'], ['2', 'single-leg']]) {
      const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
      const screen = await lastScreen();
      await type(screen, typed!);
      await enter(screen);
      expect(await answer).toBe(picked);
    }
  });

  it('keeps the list at text that names no choice, saying so and how to choose, and clears the text', async () => {
    const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
    const screen = await lastScreen();
    await type(screen, 'nonsense');
    await enter(screen);
    expect(await settled(answer)).toBe(false);
    const shown = screen.getScreen();
    expect(shown).toContain('> "nonsense" is not one of the choices. Choose with the arrow keys and Enter, or\n  type a choice\'s name or number, then Enter.');
    expect(shown.split('\n')[0]).toBe('? Which routine?');
    expect(shown).toContain('❯ Joint chain');
    // Enter alone now picks the highlighted routine.
    await enter(screen);
    expect(await answer).toBe('joint-chain');
  });

  it('keeps the list at a number past its end, or 0, saying it is not one of the choices', async () => {
    for (const typed of ['5', '0']) {
      const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
      const screen = await lastScreen();
      await type(screen, typed);
      await enter(screen);
      expect(await settled(answer)).toBe(false);
      expect(screen.getScreen()).toContain(`> "${typed}" is not one of the choices.`);
      await enter(screen);
      expect(await answer).toBe('joint-chain');
    }
  });

  it('takes the start of a name or id that starts no other choice, and not one that starts two, saying which it could be', async () => {
    for (const [typed, picked] of [['joint', 'joint-chain'], ['STR', 'strength'], ['single leg b', 'single-leg'], ['j', 'joint-chain']]) {
      const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
      const screen = await lastScreen();
      await type(screen, typed!);
      await enter(screen);
      expect(await answer).toBe(picked);
    }
    const hips = [
      { value: 'hip-rotation', name: 'Hip rotation (4 drills)' },
      { value: 'strength', name: 'Hip and glute strength (9 drills)' },
      { value: 'stretches', name: 'Stretches (5 drills)' },
    ];
    for (const [typed, said] of [
      ['hip', '"hip" could be Hip rotation or Hip and glute strength. Type more of its name or its number, or choose with the arrow keys, then Enter.'],
      ['str', '"str" could be Hip and glute strength or Stretches.'],
      ['st', '"st" could be Hip and glute strength or Stretches.'],
    ]) {
      const answer = createPrompter().select({ message: 'Which routine?', choices: hips });
      const screen = await lastScreen();
      await type(screen, typed!);
      await enter(screen);
      expect(await settled(answer)).toBe(false);
      expect(screen.getScreen().replace(/\s+/g, ' ')).toContain(said);
    }
  });

  it('takes a first letter at a drill\'s list as at the side\'s, and picks none where it starts more than one', async () => {
    const withTimer = [drill[0]!, { value: 'timer', name: 'Start a 30 s timer for the hold' }, ...drill.slice(1)];
    for (const [typed, picked] of [['d', 'done'], ['T', 'timer'], ['sk', 'skip'], ['sto', 'stop']]) {
      const answer = createPrompter().select({ message: 'When you have done the drill:', choices: withTimer, numberTyped });
      const screen = await lastScreen();
      await type(screen, typed!);
      await enter(screen);
      expect(await answer).toBe(picked);
    }
    const answer = createPrompter().select({ message: 'When you have done the drill:', choices: withTimer, numberTyped });
    const screen = await lastScreen();
    await type(screen, 's');
    await enter(screen);
    expect(await settled(answer)).toBe(false);
    expect(screen.getScreen().replace(/\s+/g, ' ')).toContain(
      '> "s" could be Start a 30 s timer for the hold, Skip this drill or Stop the session here. Type more of its name, or choose with the arrow keys, then Enter.',
    );
    await type(screen, 'st');
    await enter(screen);
    expect(await settled(answer)).toBe(false);
    expect(screen.getScreen()).toContain('> "st" could be Start a 30 s timer for the hold or Stop the session here.');
    await type(screen, 'd');
    await enter(screen);
    expect(await answer).toBe('done');
  });

  it('stops no session for "st" at a drill without a timer, typed to start one as at a drill with it, naming both', async () => {
    const elsewhere = [{ value: 'timer', name: 'Start a timer (this drill has none)' }];
    const answer = createPrompter().select({ message: 'When you have done the drill:', choices: drill, numberTyped, elsewhere });
    const screen = await lastScreen();
    await type(screen, 'st');
    await enter(screen);
    expect(await settled(answer)).toBe(false);
    expect(screen.getScreen().replace(/\s+/g, ' ')).toContain(
      '> "st" could be Stop the session here or Start a timer (this drill has none). Type more of its name, or choose with the arrow keys, then Enter.',
    );
    // Typed further, it stops the session.
    await type(screen, 'sto');
    await enter(screen);
    expect(await answer).toBe('stop');
  });

  it('names the first few choices a start could be, and counts the rest', async () => {
    const many = ['Side plank', 'Side-lying leg raise', 'Single-leg balance', 'Squat', 'Step-down'].map((name) => ({ value: name.toLowerCase(), name }));
    const answer = createPrompter().select({ message: 'Which routine?', choices: many });
    const screen = await lastScreen();
    await type(screen, 's');
    await enter(screen);
    expect(await settled(answer)).toBe(false);
    expect(screen.getScreen()).toContain('> "s" could be Side plank, Side-lying leg raise, Single-leg balance or 2 more.');
  });

  it('takes a choice typed as another word it is also known by, as the numbered lines do', async () => {
    const sides = ['left', 'right', 'both'].map((value) => ({ value, name: value, also: [value[0]!] }));
    const answer = createPrompter().select({ message: 'Which side is painful?', choices: sides });
    const screen = await lastScreen();
    await type(screen, 'r');
    await enter(screen);
    expect(await answer).toBe('right');
  });

  it('moves to a routine that cannot be chosen, typed by its name, and says so rather than picking it', async () => {
    const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
    const screen = await lastScreen();
    await type(screen, 'runners');
    await enter(screen);
    expect(await settled(answer)).toBe(false);
    expect(screen.getScreen()).toContain('❯ Hip and knee drills for runners');
    expect(screen.getScreen()).toContain('> That one cannot be chosen now.');
    screen.events.keypress('up');
    await enter(screen);
    expect(await answer).toBe('strength');
  });

  it('takes a number typed at the drill\'s list as no choice, saying it is rated after the drill, even one in the list', async () => {
    const answer = createPrompter().select({ message: 'When you have done the drill:', choices: drill, numberTyped });
    const screen = await lastScreen();
    // An Arabic keyboard's 3 too: a score all the same, not the third choice.
    for (const score of ['4', '3', '2', '\u0663']) {
      await type(screen, score);
      await enter(screen);
      expect(await settled(answer)).toBe(false);
      expect(screen.getScreen()).toContain('> Rate after the drill: choose Done first (arrow keys, then Enter), then type\n  your score.');
    }
    // A name still picks: typed, "stop" is not a score.
    await type(screen, 'stop');
    await enter(screen);
    expect(await answer).toBe('stop');
  });

  it('does not offer a number as a way to choose where a number is taken for a score', async () => {
    const answer = createPrompter().select({ message: 'When you have done the drill:', choices: drill, numberTyped });
    const screen = await lastScreen();
    await type(screen, 'later');
    await enter(screen);
    expect(await settled(answer)).toBe(false);
    expect(screen.getScreen()).toContain(`"later" is not one of the choices. Choose with the arrow keys and Enter, or\n  type a choice's name, then Enter.`);
  });

  it('edits what is typed with Backspace, clears it with Escape, Ctrl-U or an arrow, and then takes Enter alone', async () => {
    const answer = createPrompter().select({ message: 'Which routine?', choices: routines });
    const screen = await lastScreen();
    await type(screen, 'strengthh');
    screen.events.keypress('backspace');
    await screen.nextRender();
    expect(screen.getScreen().split('\n')[0]).toBe('? Which routine? strength');
    screen.events.keypress('escape');
    await screen.nextRender();
    expect(screen.getScreen().split('\n')[0]).toBe('? Which routine?');
    await type(screen, 'strength');
    screen.events.keypress({ name: 'u', ctrl: true });
    await screen.nextRender();
    expect(screen.getScreen().split('\n')[0]).toBe('? Which routine?');
    await type(screen, 'strength');
    screen.events.keypress('down');
    await screen.nextRender();
    expect(screen.getScreen().split('\n')[0]).toBe('? Which routine?');
    await enter(screen);
    expect(await answer).toBe('single-leg');
  });
});

describe('a question that takes typing, in the terminal', () => {
  const validate = (text: string) => (/^\s*\d+\s*$/.test(text) && Number(text) <= 10 ? true : `"${text}" is not a score. Type a whole number from 0 (none) to 10 (the worst you can imagine), then press Enter.`);

  it('breaks a long question and a refusal between words, clears the wrong answer, and shows the answer as it is to be kept', async () => {
    const message = 'Rate the pain you feel in the single-leg squat now, where 0 is none at all and 10 is the worst imaginable:';
    const answer = createPrompter().input({ message, validate, shown: (text) => text.trim() });
    const screen = await lastScreen();
    expect(screen.getScreen().split('\n')[0]).toBe('? Rate the pain you feel in the single-leg squat now, where 0 is none at all');
    screen.events.type('eleven');
    await enter(screen);
    const refused = screen.getScreen();
    expect(widest(refused)).toBeLessThan(80);
    expect(refused).toContain('> "eleven" is not a score. Type a whole number from 0 (none) to 10 (the worst\n  you can imagine), then press Enter.');
    // Cleared: the next answer is typed afresh, not after the wrong one.
    expect(refused).not.toMatch(/imaginable: eleven/);
    screen.events.type(' 7 ');
    await enter(screen);
    expect(await answer).toBe(' 7 ');
    expect(screen.getScreen()).toBe('✔ Rate the pain you feel in the single-leg squat now, where 0 is none at all\n  and 10 is the worst imaginable: 7');
  });
  it('breaks a question four columns short of the edge on its last line alone, and puts an answer under it where it would not fit beside it', async () => {
    // On one line, "physio:" would end it at column 2 + 75, leaving no room for a score typed after it.
    const short = createPrompter().input({ message: 'Which movement brings the pain on? Name it in a few words, as for your physio:' });
    const one = await lastScreen();
    expect(one.getScreen()).toBe('? Which movement brings the pain on? Name it in a few words, as for your\n  physio:');
    one.events.type('stairs');
    await enter(one);
    expect(await short).toBe('stairs');
    // 75 columns would fit a line alone, not with a score after them: "physio:" goes under, and
    // once answered, the answer beside it.
    const fits = createPrompter().input({ message: 'Which movement brings the pain on? Name it in a few words, as for a physio:' });
    const moved = await lastScreen();
    expect(moved.getScreen()).toBe('? Which movement brings the pain on? Name it in a few words, as for a\n  physio:');
    moved.events.type('stairs');
    await enter(moved);
    expect(await fits).toBe('stairs');
    expect(moved.getScreen()).toBe('✔ Which movement brings the pain on? Name it in a few words, as for a\n  physio: stairs');
    // A line before the last goes on to a column short of the edge, not four.
    const message = 'Which movement brings the pain on? Name it in a few words, as you would say to your physio:';
    const answer = createPrompter().input({ message });
    const screen = await lastScreen();
    expect(screen.getScreen()).toBe('? Which movement brings the pain on? Name it in a few words, as you would say\n  to your physio:');
    // Too long to go beside "to your physio:" in 80 columns.
    screen.events.type('Walking down the stairs at the station, or running downhill, at the weekend');
    await enter(screen);
    expect(await answer).toBe('Walking down the stairs at the station, or running downhill, at the weekend');
    expect(screen.getScreen()).toBe(
      '✔ Which movement brings the pain on? Name it in a few words, as you would say\n  to your physio:\n  Walking down the stairs at the station, or running downhill, at the weekend',
    );
  });

  it('gives the default at Enter alone', async () => {
    const answer = createPrompter().input({ message: 'Which movement?', default: 'stairs' });
    const screen = await lastScreen();
    expect(screen.getScreen()).toBe('? Which movement? (stairs)');
    await enter(screen);
    expect(await answer).toBe('stairs');
    expect(screen.getScreen()).toBe('✔ Which movement? stairs');
  });
});

describe('a yes/no question in the terminal', () => {
  it('without a default, takes no Enter alone, then yes or no typed in any case, and keeps the question without its hint', async () => {
    const answer = createPrompter().confirm({ message: 'Go on with a session anyway?' });
    const screen = await lastScreen();
    expect(screen.getScreen()).toBe('? Go on with a session anyway? (y/n)');
    await enter(screen);
    expect(screen.getScreen()).toContain('Type y for yes or n for no, then press Enter.');
    screen.events.type('YES');
    await enter(screen);
    expect(await answer).toBe(true);
    expect(screen.getScreen()).toBe('✔ Go on with a session anyway? Yes');
    for (const [typed, expected, shown] of [[' y', true, 'Yes'], [' no ', false, 'No']] as const) {
      const spaced = createPrompter().confirm({ message: 'Go on with a session anyway?' });
      const again = await lastScreen();
      again.events.type(typed);
      await enter(again);
      expect(await spaced, typed).toBe(expected);
      expect(again.getScreen()).toBe(`✔ Go on with a session anyway? ${shown}`);
    }
  });

  it('takes only y, yes, n or no, not a word that starts like one', async () => {
    const answer = createPrompter().confirm({ message: 'Go on with a session anyway?' });
    const screen = await lastScreen();
    for (const typed of ['nope', 'yeah', 'ok']) {
      screen.events.type(typed);
      await enter(screen);
      expect(screen.getScreen(), typed).toContain('> Type y for yes or n for no, then press Enter.');
    }
    screen.events.type('n');
    await enter(screen);
    expect(await answer).toBe(false);
  });

  it('once answered, moves the last words of a question under it where " Yes" would fill the line', async () => {
    const answer = createPrompter().confirm({ message: 'Start a session today anyway, even though a drill flared up earlier today?' });
    const screen = await lastScreen();
    screen.events.type('y');
    await enter(screen);
    expect(await answer).toBe(true);
    // " Yes" after "today?" on the line of the question would fill the 80th column.
    expect(screen.getScreen()).toBe('✔ Start a session today anyway, even though a drill flared up earlier\n  today? Yes');
  });

  it('without a default, breaks the question with its hint four columns short of the edge on its last line alone', async () => {
    const answer = createPrompter().confirm({ message: 'Do you have numbness, tingling or pins and needles in the leg or foot right now?' });
    const screen = await lastScreen();
    expect(screen.getScreen()).toBe('? Do you have numbness, tingling or pins and needles in the leg or foot right\n  now? (y/n)');
    screen.events.type('n');
    await enter(screen);
    expect(await answer).toBe(false);
  });

  it('breaks the reason it asks again between words on a narrow terminal', async () => {
    await onTerminal(40, async () => {
      const answer = createPrompter().confirm({ message: 'Go on?' });
      const screen = await lastScreen();
      await enter(screen);
      expect(screen.getScreen()).toContain('> Type y for yes or n for no, then press\n  Enter.');
      screen.events.type('y');
      await enter(screen);
      expect(await answer).toBe(true);
    });
  });

  it('on a narrow terminal, puts the later lines of a question under its first, and once answered keeps room for the answer on its last line', async () => {
    await onTerminal(40, async () => {
      const answer = createPrompter().confirm({ message: 'Do you have numbness, tingling or pins and needles in the leg or foot?' });
      const screen = await lastScreen();
      expect(screen.getScreen()).toBe('? Do you have numbness, tingling or\n  pins and needles in the leg or foot?\n  (y/n)');
      screen.events.type('n');
      await enter(screen);
      expect(await answer).toBe(false);
      // Without its hint, "foot?" and " No" would reach past the 40th column: "foot?" goes under.
      expect(screen.getScreen()).toBe('✔ Do you have numbness, tingling or\n  pins and needles in the leg or\n  foot? No');
    });
  });

  it('on a narrow terminal, keeps a note in brackets whole on a line of its own where it fits, asked and answered', async () => {
    await onTerminal(40, async () => {
      const answer = createPrompter().input({ message: 'Rate your pain (0 = none, 10 = worst imaginable):' });
      const screen = await lastScreen();
      expect(screen.getScreen()).toBe('? Rate your pain\n  (0 = none, 10 = worst imaginable):');
      screen.events.type('5');
      await enter(screen);
      expect(await answer).toBe('5');
      expect(screen.getScreen()).toBe('✔ Rate your pain\n  (0 = none, 10 = worst imaginable): 5');
    });
  });

  it('with a default, breaks a long question between words and leaves room for the hint on its last line alone', async () => {
    // A line before the last goes up to the edge, as any text does, not six columns short of it.
    const answer = createPrompter().confirm({ message: 'Do you have numbness, tingling or pins and needles in the leg or foot right now?', default: false });
    const screen = await lastScreen();
    expect(screen.getScreen()).toBe('? Do you have numbness, tingling or pins and needles in the leg or foot right\n  now? (y/N)');
    await enter(screen);
    expect(await answer).toBe(false);
  });

  it('with a default, clears a wrong answer so that the y or n typed next is read on its own', async () => {
    const answer = createPrompter().confirm({ message: 'Start a session today anyway?', default: false });
    const screen = await lastScreen();
    screen.events.type('maybe');
    await enter(screen);
    expect(screen.getScreen()).toBe('? Start a session today anyway? (y/N)\n> Type y for yes or n for no, then press Enter. Enter alone means no.');
    screen.events.type('y');
    await enter(screen);
    expect(await answer).toBe(true);
    expect(screen.getScreen()).toBe('✔ Start a session today anyway? Yes');
  });

  it('with a default, taken by Enter alone after a wrong answer, keeps no line saying what to type', async () => {
    for (const [fallback, said] of [[false, 'No'], [true, 'Yes']] as const) {
      const answer = createPrompter().confirm({ message: 'Do the strength drills today anyway?', default: fallback });
      const screen = await lastScreen();
      screen.events.type('5');
      await enter(screen);
      expect(screen.getScreen()).toContain('> Type y for yes or n for no, then press Enter.');
      await enter(screen);
      expect(await answer).toBe(fallback);
      expect(screen.getScreen()).toBe(`✔ Do the strength drills today anyway? ${said}`);
    }
  });

  it('taking Enter alone after a refused answer, keeps no line saying why that answer was refused', async () => {
    const message = 'Describe the test movement (Enter alone: back to the list):';
    const answer = createPrompter().input({ message, validate: (text) => text.trim() === '' || !/^\d+$/.test(text.trim()) || 'Your score is asked next.' });
    const screen = await lastScreen();
    screen.events.type('4');
    await enter(screen);
    expect(screen.getScreen()).toContain('> Your score is asked next.');
    await enter(screen);
    expect(await answer).toBe('');
    expect(screen.getScreen()).toBe(`✔ ${message}`);
  });

  it('says what to answer to a number typed where it has a word for one, and the usual words to other text', async () => {
    const typed = async (screen: Awaited<ReturnType<typeof lastScreen>>, text: string) => {
      screen.events.type(text);
      await enter(screen);
      return screen.getScreen();
    };
    const answer = createPrompter().confirm({ message: 'Is 9 right?', default: true, numberTyped: 'Answer n to give another score, or y to keep 9.' });
    const screen = await lastScreen();
    expect(await typed(screen, ' 3')).toBe('? Is 9 right? (Y/n)\n> Answer n to give another score, or y to keep 9.');
    expect(await typed(screen, 'three')).toBe('? Is 9 right? (Y/n)\n> Type y for yes or n for no, then press Enter. Enter alone means yes.');
    // Words with a number after them are no score typed at once.
    expect(await typed(screen, 'about 3')).toBe('? Is 9 right? (Y/n)\n> Type y for yes or n for no, then press Enter. Enter alone means yes.');
    await typed(screen, 'n');
    expect(await answer).toBe(false);
    // Without such a word, a number is any other wrong answer.
    const plain = createPrompter().confirm({ message: 'Go on?', default: false });
    const again = await lastScreen();
    expect(await typed(again, '3')).toBe('? Go on? (y/N)\n> Type y for yes or n for no, then press Enter. Enter alone means no.');
    await typed(again, 'n');
    expect(await plain).toBe(false);
  });

  it('with a default, gives it at Enter alone and takes y, yes, n or no typed', async () => {
    for (const [fallback, typed, expected] of [[true, '', true], [false, '', false], [false, ' YES ', true], [true, 'no', false]] as const) {
      const answer = createPrompter().confirm({ message: 'Go on?', default: fallback });
      const screen = await lastScreen();
      expect(screen.getScreen()).toBe(`? Go on? ${fallback ? '(Y/n)' : '(y/N)'}`);
      screen.events.type(typed);
      await enter(screen);
      expect(await answer, `${fallback} ${typed}`).toBe(expected);
      expect(screen.getScreen()).toBe(`✔ Go on? ${expected ? 'Yes' : 'No'}`);
    }
  });

  it('with a default, moves the last words of a question to a line of their own where " (y/N)" would not fit after them', async () => {
    // 74 columns fit a line after the mark, but not with the hint: "today?" goes under it.
    const answer = createPrompter().confirm({ message: 'Start a session today anyway, even though a drill flared up earlier today?', default: false });
    const screen = await lastScreen();
    expect(screen.getScreen()).toBe('? Start a session today anyway, even though a drill flared up earlier\n  today? (y/N)');
    await enter(screen);
    expect(await answer).toBe(false);
  });
});

describe('the countdown of a timed hold', () => {
  type Countdown = (config: { seconds: number; label: string }) => Promise<'finished' | 'skipped'>;

  it('shows a full bar, the seconds left and how to end it, then ends early at Enter', async () => {
    createPrompter();
    const screen = await render(countdown as Countdown, { seconds: 30, label: 'Hold 1 of 2' });
    expect(screen.getScreen()).toBe(`⏱ Hold 1 of 2: ${'■'.repeat(20)} 30 s left  (Enter to end early)`);
    screen.events.keypress('enter');
    expect(await screen.answer).toBe('skipped');
    expect(screen.getScreen()).toBe('⏱ Hold 1 of 2: ended early');
  });

  it('empties the bar only as the time runs out: a second gone of three leaves two thirds of it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      createPrompter();
      const screen = await render(countdown as Countdown, { seconds: 3, label: 'Hold 1' });
      vi.advanceTimersByTime(1000);
      await screen.nextRender();
      expect(screen.getScreen()).toBe(`⏱ Hold 1: ${'■'.repeat(14)}${'·'.repeat(6)} 2 s left  (Enter to end early)`);
      screen.events.keypress('enter');
      expect(await screen.answer).toBe('skipped');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shortens the bar on a narrower terminal, then puts how to end it under the bar, keeping a column spare', async () => {
    createPrompter();
    const shown = async (columns: number) =>
      onTerminal(columns, async () => {
        const screen = await render(countdown as Countdown, { seconds: 30, label: 'Hold 1 of 2' });
        const lines = screen.getScreen();
        screen.events.keypress('enter');
        await screen.answer;
        return lines;
      });
    // 57 of 58 columns: a bar of 10 is the shortest beside the help.
    expect(await shown(58)).toBe(`⏱ Hold 1 of 2: ${'■'.repeat(10)} 30 s left  (Enter to end early)`);
    expect(await shown(57)).toBe(`⏱ Hold 1 of 2: ${'■'.repeat(20)} 30 s left\n(Enter to end early)`);
    expect(await shown(45)).toBe(`⏱ Hold 1 of 2: ${'■'.repeat(19)} 30 s left\n(Enter to end early)`);
    // Too narrow for a bar of 5 beside the label: the label on a line of its own.
    expect(await shown(30)).toBe(`⏱ Hold 1 of 2:\n${'■'.repeat(19)} 30 s left\n(Enter to end early)`);
  });

  it('puts a label that says the set and side on lines of its own where a bar would not fit beside it, broken between words', async () => {
    createPrompter();
    const label = 'Hold 3 of 6 · set 2, first side';
    const shown = async (columns: number) =>
      onTerminal(columns, async () => {
        const screen = await render(countdown as Countdown, { seconds: 30, label });
        const lines = screen.getScreen();
        screen.events.keypress('enter');
        await screen.answer;
        return [lines, screen.getScreen()];
      });
    expect(await shown(80)).toEqual([`⏱ ${label}: ${'■'.repeat(12)} 30 s left  (Enter to end early)`, `⏱ ${label}: ended early`]);
    expect(await shown(50)).toEqual([`⏱ ${label}:\n${'■'.repeat(17)} 30 s left  (Enter to end early)`, `⏱ ${label}: ended early`]);
    // Its later lines two columns in, under its text, as the session's other broken lines.
    expect(await shown(30)).toEqual([`⏱ Hold 3 of 6 · set 2, first\n  side:\n${'■'.repeat(19)} 30 s left\n(Enter to end early)`, '⏱ Hold 3 of 6 · set 2, first\n  side: ended early']);
  });

  it('ends as Ctrl-C does when the prompter is stopped', async () => {
    // Drawn on the test's own output: kept off it.
    const written = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const prompter = createPrompter();
      const hold = prompter.countdown(30, 'Hold 1 of 2');
      prompter.stop();
      expect(isPromptExit(await hold.catch((caught: unknown) => caught))).toBe(true);
    } finally {
      written.mockRestore();
    }
  });

  it('rings the bell when the time runs out, for someone holding a stretch with their eyes off the screen', async () => {
    let shown = '';
    const written = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((shown += String(chunk)), true));
    try {
      expect(await createPrompter().countdown(0, 'Hold 2 of 2')).toBe('finished');
    } finally {
      written.mockRestore();
    }
    expect(shown).toContain('\u0007⏱ Hold 2 of 2: time is up\n');
  });

  it('says the time is up when it runs out', async () => {
    createPrompter();
    const screen = await render(countdown as Countdown, { seconds: 0, label: 'Hold 2 of 2' });
    expect(await screen.answer).toBe('finished');
    expect(screen.getScreen()).toBe('⏱ Hold 2 of 2: time is up');
  });
});
