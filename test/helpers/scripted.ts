// A Prompter that answers from a list, for command tests. Each answer is checked against what
// was asked, so a test fails loudly when the conversation goes differently than it expects.
import type { Choice, Prompter } from '../../src/ui/prompter.js';

/** Press Ctrl-C at this point of the conversation. */
export const CTRL_C = Symbol('Ctrl-C');

export type Answer = string | number | boolean | typeof CTRL_C;

export interface Asked {
  kind: 'select' | 'confirm' | 'input' | 'countdown';
  message: string;
  choices?: string[];
  /** What the user sees for each choice. */
  choiceNames?: string[];
  /** What the user sees under the list while each choice is highlighted. */
  descriptions?: (string | undefined)[];
  /** The choices shown greyed out, with their reason. */
  disabled?: Record<string, string>;
  /** The answer Enter alone gives. */
  default?: unknown;
  /** What a yes/no question, or a list in a normal terminal, says to a number typed at it. */
  numberTyped?: string;
  /** What a list in a plain terminal says to a number typed at it that is not in it. */
  numberNotListed?: string;
  /** The choices of other lists of the session a start typed here may be meant for, by name (see `elsewhere` in src/ui/prompter.ts). */
  elsewhere?: string[];
  /** The yes/no question asked before each choice is taken by its number in a plain terminal (none: taken at once). */
  confirms?: (string | undefined)[];
  /** The answer given (Ctrl-C gives none). */
  answer?: string | number | boolean;
  /** An input's answer as it stays on screen, once accepted. */
  shown?: string;
}

export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  /** `onAsk` sees each question before it is answered: a test can look at what is saved by then. */
  constructor(
    private readonly answers: Answer[],
    private readonly onAsk?: (asked: Asked) => void,
  ) {}

  get remaining(): number {
    return this.answers.length;
  }

  private take(asked: Asked): Exclude<Answer, typeof CTRL_C> {
    this.asked.push(asked);
    this.onAsk?.(asked);
    if (this.answers.length === 0 && !this.stopped) throw new Error(`no scripted answer left for: ${asked.message}`);
    const answer = this.stopped ? CTRL_C : this.answers.shift()!;
    if (answer !== CTRL_C) asked.answer = answer;
    if (answer === CTRL_C) {
      const error = new Error('User force closed the prompt with SIGINT');
      error.name = 'ExitPromptError';
      throw error;
    }
    return answer;
  }

  async select<T extends string>(q: { message: string; choices: Choice<T>[]; default?: T; numberTyped?: string; numberNotListed?: string; elsewhere?: Choice<string>[] }): Promise<T> {
    const values = q.choices.map((c) => c.value);
    const disabled = Object.fromEntries(q.choices.flatMap((c) => (c.disabled === undefined ? [] : [[c.value, c.disabled]])));
    const confirms = q.choices.map((c) => c.confirm);
    const asked: Asked = {
      kind: 'select',
      message: q.message,
      choices: values,
      choiceNames: q.choices.map((c) => c.name),
      descriptions: q.choices.map((c) => c.description),
      default: q.default,
      ...(q.numberTyped === undefined ? {} : { numberTyped: q.numberTyped }),
      ...(q.numberNotListed === undefined ? {} : { numberNotListed: q.numberNotListed }),
      ...(confirms.every((confirm) => confirm === undefined) ? {} : { confirms }),
      ...(q.elsewhere === undefined || q.elsewhere.length === 0 ? {} : { elsewhere: q.elsewhere.map((c) => c.name) }),
    };
    const answer = String(this.take(Object.keys(disabled).length > 0 ? { ...asked, disabled } : asked));
    if (!values.includes(answer as T)) throw new Error(`"${answer}" is not a choice of "${q.message}": ${values.join(', ')}`);
    if (disabled[answer] !== undefined) throw new Error(`"${answer}" cannot be picked in "${q.message}": ${disabled[answer]}`);
    return answer as T;
  }

  async confirm(q: { message: string; default?: boolean; numberTyped?: string }): Promise<boolean> {
    const answer = this.take({ kind: 'confirm', message: q.message, default: q.default, ...(q.numberTyped === undefined ? {} : { numberTyped: q.numberTyped }) });
    if (typeof answer !== 'boolean') throw new Error(`"${q.message}" wants true or false, got ${String(answer)}`);
    return answer;
  }

  async input(q: { message: string; default?: string; validate?: (text: string) => true | string; shown?: (text: string) => string }): Promise<string> {
    // Like the real prompt, an invalid answer is refused and the question asked again.
    for (;;) {
      const asked: Asked = { kind: 'input', message: q.message, default: q.default };
      const typed = String(this.take(asked));
      const text = typed === '' && q.default !== undefined ? q.default : typed;
      const verdict = q.validate ? q.validate(text) : true;
      if (verdict === true) {
        asked.shown = q.shown ? q.shown(text) : text;
        return text;
      }
      this.asked.push({ kind: 'input', message: `refused: ${verdict}` });
    }
  }

  /** Ends early, as Enter does; a CTRL_C next in the script is pressed during it instead. */
  async countdown(_seconds: number, label: string): Promise<'finished' | 'skipped'> {
    if (this.answers[0] === CTRL_C) this.take({ kind: 'countdown', message: label });
    else this.asked.push({ kind: 'countdown', message: label });
    return 'skipped';
  }

  private stopped = false;

  /** Every question after it ends as Ctrl-C ends it. */
  stop(): void {
    this.stopped = true;
  }
}
