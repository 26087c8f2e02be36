// The real Prompter: @inquirer/prompts in the terminal. The only module that imports them.
import './style-text.js';
import { input } from '@inquirer/prompts';
import { styleText } from 'node:util';
import { countdown, holdLine } from './countdown.js';
import { enterTwiceTakenOnce } from './enter-twice.js';
import { escapeClears } from './escape-clears.js';
import { escapeThenKeyApart } from './escape-then-key.js';
import { descriptionLines, listLines, listPrompt } from './list-prompt.js';
import { type Prompter, timeUpBell } from './prompter.js';
import { askedAgainAfterPause, suspendable, whenTerminalGoes } from './stopping.js';
import { tabAsSpace } from './tab-as-space.js';
import { width } from './width.js';
import { wrap } from './wrap.js';
import { answered, described, fitted, fittedChoice, fittedDisabled, reason } from './prompt-fit.js';
import { couldBe, plainText, typedANumber, typedChoice } from './typed-choice.js';

// A wrong answer is cleared so the person types the next one afresh, not after their mistake.
const clearOnError = { validationFailureMode: 'clear' as const };
// Enter on a choice that cannot be picked (a routine whose drills are all set aside), in plain
// words rather than the prompts' "This option is disabled and cannot be selected."
const notChosen = 'That one cannot be chosen now. Choose another with the arrow keys, then press Enter.';
/**
 * Enter after text that names no choice: the list stays, rather than taking the highlighted
 * choice for it. A long text is shortened, so that the note keeps to its two lines. `byNumber`:
 * whether a number picks a choice there (not where a number is taken for a score, numberTyped).
 * `several`: the choices the text is the start of, when it starts more than one.
 */
function noMatch(text: string, byNumber: boolean, several: string | undefined): string {
  const said = plainText(text);
  let shown = said;
  if (width(said) > 20) {
    shown = '';
    for (const character of said) {
      if (width(shown + character) > 19) break;
      shown += character;
    }
    shown += '…';
  }
  if (several) return `"${shown}" could be ${several}. Type more of its name${byNumber ? ' or its number' : ''}, or choose with the arrow keys, then Enter.`;
  return `"${shown}" is not one of the choices. Choose with the arrow keys and Enter, or type a choice's name${byNumber ? ' or number' : ''}, then Enter.`;
}
/** A note under the list, after the prompts' "> ", broken between words: its later lines under its first. */
const noteShown = (note: string) => wrap(note, 78).join('\n  ');

export function createPrompter(): Prompter {
  const stopping = new AbortController();
  const ended = AbortSignal.any([whenTerminalGoes(), stopping.signal]);
  suspendable();
  escapeClears();
  escapeThenKeyApart();
  tabAsSpace();
  const questionPut = enterTwiceTakenOnce();
  const askedAgain = askedAgainAfterPause(ended);
  // Asked again after a pause, under the shell's lines, a question says first what it is about
  // (`reminder`), as the lines above it may have gone off the screen.
  const asked = <T>(question: (context: { signal: AbortSignal }) => Promise<T>, reminder?: () => string[]): Promise<T> =>
    askedAgain(
      (context) => {
        questionPut();
        return question(context);
      },
      reminder && (() => process.stdout.write(reminder().map((line) => `${line}\n`).join(''))),
    );
  return {
    select: ({ message, choices, default: fallback, numberTyped, elsewhere, reminder }) => {
      const shownChoices = choices.map((choice) => {
        const why = typeof choice.disabled === 'string' ? choice.disabled : undefined;
        return {
          value: choice.value,
          // Each fitted as it is shown, to the window's width then: one made narrower while the
          // list waited (a phone turned upright) had the choices drawn again as fitted before,
          // broken by the prompts in the middle of a phrase ("Skip this drill (I cannot do" over
          // " it now)"), and the answer kept on the question's line, to be broken by the terminal
          // in the middle of a word ("Done — r" over "ate my pain now").
          get name() {
            return why === undefined ? fittedChoice(choice.name) : fittedDisabled(choice.name, why).name;
          },
          // Broken between words at the window's width as it is drawn, as the name is fitted.
          get description() {
            return choice.description === undefined ? undefined : described(choice.description);
          },
          get disabled() {
            return why === undefined ? undefined : fittedDisabled(choice.name, why).disabled;
          },
          get short() {
            return answered(message, choice.name, 1);
          },
        };
      });
      const typed = (text: string): number | string => {
        if (numberTyped !== undefined && typedANumber(text)) return numberTyped;
        const index = typedChoice(choices, text, elsewhere);
        if (index !== -1) return index;
        return noMatch(text, numberTyped === undefined, couldBe(choices, text, elsewhere));
      };
      const typing: Typing = { text: '' };
      // Asked again after a pause with the pointer where it was, as what was typed is typed again.
      let pointed: string | undefined = fallback;
      return asked(
        (context) =>
          typedAgain(typing, () =>
            listPrompt(
              {
                // Fitted at each drawing, as the answer is.
                get message() {
                  return fitted(message, 1);
                },
                choices: shownChoices,
                ...(pointed === undefined ? {} : { default: pointed }),
                // Counted at each drawing too: a window made shorter or narrower while the list
                // waits has fewer rows for it, and the question would go off the window's top.
                // The question as the message getter fits it, a column spare for the space
                // before the answer, once picked.
                get pageSize() {
                  return listLines(fitted(message, 1), shownChoices, process.stdout.rows || 24, process.stdout.columns || 80);
                },
                get descriptionRows() {
                  return descriptionLines(fitted(message, 1), shownChoices, process.stdout.rows || 24, process.stdout.columns || 80);
                },
                notChosen,
                noteShown,
                typed,
                kept: (text) => kept(typing, text),
                pointed: (value) => (pointed = value),
              },
              context,
            ),
          ) as Promise<(typeof choices)[number]['value']>,
        reminder,
      );
    },
    // Room for " (y/N)", then " Yes" once answered. Asked as typed text, not with the prompts'
    // own yes/no question: that takes Enter alone for yes when it has no default, and keeps a
    // wrong answer ("maybe") typed, so that the y typed next reads "maybey" and is refused again.
    confirm: ({ message, default: fallback, numberTyped, reminder }) => {
      const typing: Typing = { text: '' };
      return asked((context) => typedAgain(typing, () => yesOrNo(message, typing, context, fallback, numberTyped)), reminder);
    },
    input: ({ message, default: fallback, validate, shown, reminder }) => {
      const typing: Typing = { text: '' };
      return asked((context) =>
        typedAgain(typing, () =>
          input(
            {
              message,
              default: fallback,
              ...(validate ? { validate: (text: string) => reason(validate(text)) } : {}),
              // Once answered, in cyan as the prompts show an answer, as it is to be shown: beside
              // the question when it fits there, else under it.
              transformer: (text, { isFinal }) => (isFinal ? answered(message, shown ? shown(text) : text, 4, (line) => styleText('cyan', line)) : kept(typing, text)),
              // Room for a score typed after it: a space and up to two digits, and a column spare.
              // Fitted at each drawing, to the window's width then, as the answer is: fitted once,
              // a window made narrower while the question waited had its answer put beside a
              // line now too long, broken by the terminal mid-word ("worst i" over "maginable").
              theme: { ...clearOnError, style: noteGoesOnceAnswered(() => styleText('bold', fitted(message, 4))) },
            },
            context,
          ),
        ),
        reminder,
      );
    },
    // Drawn again every second. After Ctrl-Z and fg, drawn afresh under the shell's lines as a
    // question is asked again, going on from the seconds it had left: drawn again where it was,
    // its first drawing erased the lines it had taken before the pause, by then the shell's ("fg"
    // and the command it brought back). Cleared as it ends, and its last line written in its
    // place: stopped with Ctrl-C, the prompts left "29 s left" on screen, as if the timer still
    // ran. Not cleared when ended by the pause: what it took is the shell's then.
    countdown: async (seconds, label, reminder) => {
      let left = seconds;
      try {
        const how = await asked(
          (context) =>
            countdown(
              { seconds, label, left, ticked: (now) => (left = now) },
              {
                signal: context.signal,
                // Looked at as it ends (by then its signal says whether the pause ended it).
                get clearPromptOnDone() {
                  return !context.signal.aborted || ended.aborted;
                },
              },
            ),
          reminder,
        );
        process.stdout.write(`${how === 'finished' ? timeUpBell : ''}${holdLine(label, how === 'finished' ? 'time is up' : 'ended early')}\n`);
        return how;
      } catch (error) {
        process.stdout.write(`${holdLine(label, 'stopped')}\n`);
        throw error;
      }
    },
    stop: () => stopping.abort('stopped'),
  };
}

/**
 * What has been typed of an answer, as the question shows it: asked again after Ctrl-Z and fg
 * (askedAgainAfterPause), the question starts with it typed again, to go on typing or change.
 */
interface Typing {
  text: string;
}

/** `text`, as typed so far, kept in `typing`. */
function kept(typing: Typing, text: string): string {
  typing.text = text;
  return text;
}

/**
 * Asks a question that takes typing, with what was typed of its answer when it was last asked
 * (before a pause) typed again: as keys, once the question listens for them.
 */
function typedAgain<T>(typing: Typing, question: () => Promise<T>): Promise<T> {
  const again = typing.text;
  const asking = question();
  // The prompts start listening on the next turn of the event loop; this comes after that.
  if (again !== '') setImmediate(() => [...again].forEach((key) => process.stdin.emit('keypress', key, { sequence: key })));
  return asking;
}

/**
 * A yes/no question: y or n (yes, no) typed, or Enter alone for `fallback` when it has one
 * ("(y/N)"); without one, Enter alone answers nothing.
 */
async function yesOrNo(message: string, typing: Typing, context: { signal: AbortSignal }, fallback?: boolean, numberTyped?: string): Promise<boolean> {
  const hint = fallback === undefined ? '(y/n)' : fallback ? '(Y/n)' : '(y/N)';
  const why = 'Type y for yes or n for no, then press Enter.' + (fallback === undefined ? '' : ` Enter alone means ${fallback ? 'yes' : 'no'}.`);
  const asked = () => (fallback === undefined ? fitted(`${message} ${hint}`, 4) : `${fitted(message, 6)} ${hint}`);
  const answer = await input(
    {
      message,
      // Broken between words on a narrow terminal, as the other prompts' reasons are.
      validate: (text) =>
        /^(y|yes|n|no)$/i.test(text.trim()) || (fallback !== undefined && text.trim() === '') || reason(numberTyped !== undefined && typedANumber(text) ? numberTyped : why),
      transformer: (text, { isFinal }) => (isFinal ? styleText('cyan', said(text, fallback) ? 'Yes' : 'No') : kept(typing, text)),
      // Fitted at each drawing, to the window's width then (see input). A default's hint goes
      // after the question's last words, as the prompts' own put it. Once answered, the question
      // stays as the other yes/no questions do: without its hint, with room for " Yes" and a
      // column spare on its last line, not broken by the terminal.
      theme: { ...clearOnError, style: noteGoesOnceAnswered((status) => styleText('bold', status === 'done' ? fitted(message, 5) : asked())) },
    },
    context,
  );
  return said(answer, fallback);
}

/**
 * The style of a typed question, `message` drawn by its status, whose note under it (why an
 * answer was refused) goes once it is answered. The prompts kept it under the answered question,
 * as if it still waited, when Enter alone was taken after a refused answer (a default, "back to
 * the list"): no key in between cleared it. The note is drawn after the question, so `answered`
 * is that of the same drawing.
 */
function noteGoesOnceAnswered(message: (status: string) => string) {
  let answered = false;
  return {
    message: (_text: string, status: string) => {
      answered = status === 'done';
      return message(status);
    },
    error: (text: string) => (answered ? '' : styleText('red', `> ${text}`)),
  };
}

/** The answer typed at a yes/no question: Enter alone gives its default. */
function said(text: string, fallback?: boolean): boolean {
  return text.trim() === '' ? fallback === true : /^y/i.test(text.trim());
}
