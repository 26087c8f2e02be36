// The Prompter for a terminal that cannot move its cursor (TERM=dumb: the shell inside Emacs, a
// screen reader's console): each question is written once, on lines of its own, a list is
// numbered, and an answer is a line typed and ended with Enter. Nothing is redrawn, so nothing
// appears twice or as raw codes, and nothing needs the arrow keys, which such terminals keep.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { sameEnterMs } from './enter-twice.js';
import { type Prompter, timeUpBell } from './prompter.js';
import { hangingName } from './table.js';
import { hanging, wrap } from './wrap.js';
import { couldBe, plainText, typedANumber, typedChoice } from './typed-choice.js';

/** Ends a question the way the other prompter's do (see isPromptExit). */
function ending(name: 'ExitPromptError' | 'AbortPromptError', why: string): Error {
  const error = new Error(why);
  error.name = name;
  return error;
}

/**
 * A line of a timed hold, broken as the session's other marked lines ("✓ Better: ..."): its later
 * lines under its label, not at the left edge, where they would read as lines of their own. A
 * column spare, as in the other prompts: some terminals draw the stopwatch two columns wide.
 */
function held(text: string): string {
  return `${hanging('⏱ ', text, 79).join('\n')}\n`;
}

/**
 * `input` and `output`: the terminal. With `signals`, Ctrl-C (SIGINT in a terminal that reads
 * lines) and a closed window or polite kill (SIGHUP, SIGTERM) end the question being asked, or
 * the next one, as Ctrl-C does in the other prompter, so a session saves what was answered.
 * `now`: the clock, in milliseconds.
 */
export function createPlainPrompter(input: Readable = process.stdin, output: Writable = process.stdout, signals = true, now = () => performance.now()): Prompter {
  const typed: string[] = [];
  let waiting: { resolve: (line: string) => void; reject: (error: Error) => void; again: () => string } | undefined;
  let ended: Error | undefined;
  // When the last line came, or the question written since. An empty line within sameEnterMs of
  // it is Enter pressed twice, as in the other prompter: no answer, or it would take the next
  // question's default unread (the painful side, yes to a flare-up, a hold ended as it starts).
  // Read only once that question is written, a line typed while an answer was saved comes then.
  let lastEnter: number | undefined;
  const lines = createInterface({ input, terminal: false });
  // Read only while a question waits, so that the program can end once the last one is answered.
  // Not once the input has ended: from Node 24 on, pausing a closed readline throws.
  let inputEnded = false;
  const pause = () => {
    if (!inputEnded) lines.pause();
  };
  pause();
  lines.on('line', (line) => {
    const at = now();
    const again = line.trim() === '' && lastEnter !== undefined && at - lastEnter < sameEnterMs;
    lastEnter = at;
    if (again) return;
    if (waiting === undefined) typed.push(line);
    else waiting.resolve(line);
  });
  const end = (error: Error) => {
    ended ??= error;
    // The question stays unanswered on its line: what is said next starts on a line of its own.
    if (waiting !== undefined) output.write('\n');
    waiting?.reject(ended);
  };
  // Ctrl-D on an empty line, or the terminal gone: as Ctrl-C, not a question left unanswered.
  lines.on('close', () => {
    inputEnded = true;
    end(ending('AbortPromptError', 'the input ended'));
  });
  if (signals) {
    process.on('SIGINT', () => end(ending('ExitPromptError', 'Ctrl-C')));
    for (const signal of ['SIGHUP', 'SIGTERM'] as const) process.on(signal, () => end(ending('AbortPromptError', signal)));
    // Back with fg after Ctrl-Z, under the lines the shell wrote: the question waiting, asked
    // again after what it is about.
    process.on('SIGCONT', () => waiting && output.write(`\n${fitted(waiting.again())}`));
  }

  const write = (text: string) => output.write(text.endsWith(' ') || text.endsWith('\n') ? text : `${text}\n`);
  // Broken between words at the terminal's edge, its own line breaks and the indent of each of
  // its lines kept: a question and what follows it on its line ("Type y for yes...") would
  // otherwise run past the edge, and a hold's later lines lose their place under its label. A
  // note in brackets that fits a line stays whole ("(0 = none, 10 = worst imaginable):").
  const fitted = (text: string) =>
    text
      .split('\n')
      .map((part) => wrap(part, 80, /^ */.exec(part)![0], 'all').join('\n'))
      .join('\n') + (text.endsWith(' ') ? ' ' : '');
  /**
   * The next line typed, after `prompt`; rejects when the session is to stop. `again`: the
   * question after a pause, after what it is about (`reminder`: the drill, its card perhaps gone
   * off the screen, or out of a screen reader's mind, during the pause).
   */
  const line = (prompt: string, again = () => prompt, reminder?: () => string[]): Promise<string> => {
    // Once stopped, a question is not asked at all, as under the other prompts.
    if (ended) return Promise.reject(ended);
    write(fitted(prompt));
    if (lastEnter !== undefined) lastEnter = now();
    const early = typed.shift();
    if (early !== undefined) return Promise.resolve(early);
    return new Promise<string>((resolve, reject) => {
      const done = () => {
        waiting = undefined;
        pause();
      };
      const said = () => [...(reminder?.() ?? []), again()].join('\n');
      waiting = { resolve: (text) => (done(), resolve(text)), reject: (error) => (done(), reject(error)), again: said };
      lines.resume();
    });
  };
  const question = (message: string) => wrap(message, 80, '', 'all').join('\n');

  const confirm: Prompter['confirm'] = async ({ message, default: fallback, numberTyped, reminder }) => {
    const ask = `${message} Type y for yes or n for no${fallback === undefined ? '' : ` (Enter alone: ${fallback ? 'yes' : 'no'})`}: `;
    for (let prompt = ask; ; ) {
      const said = plainText(await line(prompt, undefined, reminder));
      const typedText = said.toLowerCase();
      if (typedText === '' && fallback !== undefined) return fallback;
      if (['y', 'yes'].includes(typedText)) return true;
      if (['n', 'no'].includes(typedText)) return false;
      // What went wrong, then the question again in full (a screen reader reads the new line
      // alone), its "Type y for yes or n for no" said there once rather than before it too.
      const why = typedText === '' ? 'Enter alone is not an answer here.' : numberTyped !== undefined && typedANumber(said) ? numberTyped : `"${said}" was not understood.`;
      prompt = `${why} ${ask}`;
    }
  };

  return {
    async select({ message, choices, default: fallback, numberNotListed, elsewhere, reminder }) {
      const first = choices.findIndex((choice) => choice.disabled === undefined);
      const preset = fallback === undefined ? first : Math.max(0, choices.findIndex((choice) => choice.value === fallback));
      const listed = choices.flatMap((choice, i) => {
        const number = `${String(i + 1).padStart(3)}. `;
        // A routine's or a drill's name, broken as everywhere: never inside its note in brackets.
        const name = hangingName(number, choice.name);
        // A reason given in brackets of its own, as the other prompts show it after the name, loses them here.
        const reason = choice.disabled?.replace(/^\((.*)\)$/s, '$1');
        // Under the name, as far as the terminal's edge: the indent counts in wrap's columns.
        const why = reason === undefined ? [] : wrap(`(cannot be chosen now: ${reason})`, 80, ' '.repeat(number.length));
        const about = choice.description === undefined ? [] : wrap(choice.description.replace(/\s*\n\s*/g, ' '), 80, ' '.repeat(number.length));
        return [...name, ...why, ...about];
      });
      write(`${question(message)}\n${listed.join('\n')}\n`);
      const enter = `and press Enter (Enter alone: ${preset + 1}): `;
      const ask = `Type its number ${enter}`;
      for (let prompt = ask; ; ) {
        const typedText = plainText(await line(prompt, () => `${message}\n${prompt}`, reminder));
        const index = typedText === '' ? preset : typedChoice(choices, typedText, elsewhere);
        const chosen = choices[index];
        const several = chosen === undefined ? couldBe(choices, typedText, elsewhere) : undefined;
        if (several !== undefined) prompt = `"${typedText}" could be ${several}. Type more of its name or a number from 1 to ${choices.length} ${enter}`;
        else if (chosen === undefined) prompt = `"${typedText}" is not in the list.${numberNotListed !== undefined && typedANumber(typedText) ? ` ${numberNotListed}` : ''} Type a number from 1 to ${choices.length} ${enter}`;
        else if (chosen.disabled !== undefined) prompt = `${chosen.name} cannot be chosen now. ${ask}`;
        // Picked by its number, which may have been typed for something else (a score): asked
        // first. Enter alone takes the default, as the line says, with nothing typed to mistake.
        else if (chosen.confirm !== undefined && /^\d+$/.test(typedText) && !(await confirm({ message: chosen.confirm }))) prompt = `${question(message)} ${ask}`;
        else {
          // Its later lines under the name, as in the list, never inside its note in brackets.
          write(`${hangingName('Chosen: ', chosen.name).join('\n')}\n`);
          return chosen.value;
        }
      }
    },
    confirm,
    async input({ message, default: fallback, validate, reminder }) {
      const ask = `${message}${fallback === undefined ? '' : ` (Enter alone: ${fallback})`} `;
      for (let prompt = ask; ; ) {
        const typedText = await line(prompt, undefined, reminder);
        const answer = typedText.trim() === '' && fallback !== undefined ? fallback : typedText;
        const verdict = validate ? validate(answer) : true;
        if (verdict === true) return answer;
        prompt = `${wrap(verdict, 80).join('\n')}\n${ask}`;
      }
    },
    async countdown(seconds, label, reminder) {
      let timer: NodeJS.Timeout | undefined;
      // Counted a second at a time, as the other prompter's countdown: a pause with Ctrl-Z, or a
      // computer asleep, takes nothing off the hold. A deadline on the clock would end it at fg,
      // or say the seconds left after a pause as if it had run on through it.
      let left = Math.ceil(seconds);
      const leftLine = () => held(`${label}: ${Math.max(1, left)} s left. Press Enter to end it early.`);
      const timeUp = new Promise<'finished'>((resolve) => {
        const tick = (ms: number) => (timer = setTimeout(() => (--left <= 0 ? resolve('finished') : tick(1000)), ms));
        tick(Math.min(1000, seconds * 1000));
      });
      // Once stopped, a hold is not started at all, so there is none to say was stopped.
      const started = ended === undefined;
      try {
        const how = await Promise.race([timeUp, line(held(`${label}: ${seconds} s, starting now. Press Enter to end it early.`), leftLine, reminder).then(() => 'skipped' as const)]);
        write(`${how === 'finished' ? timeUpBell : ''}${held(`${label}: ${how === 'finished' ? 'time is up' : 'ended early'}`)}`);
        return how;
      } catch (error) {
        // Stopped with Ctrl-C (or the window closed): said as the other prompts say it, under the
        // "^C" the terminal shows, rather than the hold left as if it still ran.
        if (started) write(held(`${label}: stopped`));
        throw error;
      } finally {
        clearTimeout(timer);
        if (waiting !== undefined) {
          // The time ran out first: its wait for Enter ends, and a line typed from now on answers the next question.
          waiting = undefined;
          pause();
        }
      }
    },
    stop: () => end(ending('AbortPromptError', 'stopped')),
  };
}
