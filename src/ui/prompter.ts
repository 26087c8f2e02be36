// The questions the program asks, as an interface: the real one wraps @inquirer/prompts
// (src/ui/prompts.ts), tests script the answers (test/helpers/scripted.ts).

export interface Choice<T extends string> {
  value: T;
  name: string;
  /** Shown under the list while the choice is highlighted, broken into lines where it is shown (see `described` in prompts.ts). */
  description?: string;
  /** Other words that name it when typed ("l" for left), as its name and value do. */
  also?: string[];
  /** Shown greyed out with this reason, and cannot be picked. */
  disabled?: string;
  /**
   * Asked (yes or no) before this choice is taken where a number typed for something else picks
   * it (questions as numbered lines, src/ui/plain-prompts.ts): a score typed at a drill's list
   * must not skip the drill or stop the session. The arrow-key list of the other prompts asks
   * nothing: where a number may be a score, `numberTyped` keeps it from picking any choice there.
   * In both, a start of its name that also starts a choice of another list (`elsewhere`) picks it
   * not: "st" for Stop the session here, where drills with a timer take it for Start.
   */
  confirm?: string;
}

export interface Prompter {
  select<T extends string>(question: {
    message: string;
    choices: Choice<T>[];
    default?: T;
    /**
     * Said, in a normal terminal, when a number is typed at the list, instead of taking the
     * choice in that place: where a number is most likely something else, a score typed before
     * it is asked for. Its choices are not numbered there. The numbered lines of a plain
     * terminal take the number, asking first about a choice that has `confirm`.
     */
    numberTyped?: string;
    /**
     * Said in a plain terminal after a number that is not in its numbered list, where a number is
     * most likely a score typed before it is asked for: as `numberTyped` says it in a normal
     * terminal, in the words of the numbered list.
     */
    numberNotListed?: string;
    /**
     * Choices of other lists of the same session, not on this one: the timer's "Start…", at a
     * drill without one. A start of a name typed out of habit there ("st") picks none of this
     * list's choices that ask first (`confirm`: Stop the session here), and is said to be either.
     */
    elsewhere?: Choice<string>[];
    /**
     * Said above the question when it is asked again after Ctrl-Z and fg, and only then: what it
     * is about (the drill), its lines above perhaps gone off the screen during the pause. Made as
     * it is said, to fit the window then.
     */
    reminder?: () => string[];
  }): Promise<T>;
  confirm(question: {
    message: string;
    default?: boolean;
    /** Said when a number is typed instead of yes or no: where it is most likely a score, typed as the answer. */
    numberTyped?: string;
    /** As for select. */
    reminder?: () => string[];
  }): Promise<boolean>;
  input(question: {
    message: string;
    default?: string;
    /** Returns true when the text is acceptable, else the reason shown to the user. */
    validate?: (text: string) => true | string;
    /** How an accepted answer stays on screen after the question (" 7 " as 7); as typed without it. */
    shown?: (text: string) => string;
    /** As for select. */
    reminder?: () => string[];
  }): Promise<string>;
  /**
   * Counts down a timed hold, ringing the bell (timeUpBell) when it runs out; the user may end it
   * early. `reminder`: as for select, said above it when it is drawn afresh after Ctrl-Z and fg.
   */
  countdown(seconds: number, label: string, reminder?: () => string[]): Promise<'finished' | 'skipped'>;
  /** Ends the question being asked, and any later one, the way Ctrl-C ends it. */
  stop(): void;
}

/**
 * Thrown by a prompter when the user presses Ctrl-C (the same name @inquirer/prompts uses), or
 * when the terminal closed while a question was asked (@inquirer/prompts' AbortPromptError).
 */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/**
 * Rung as a timed hold's time runs out (not when Enter ends it early): someone holding a stretch
 * on the floor is not watching the screen, and a terminal's bell tells them without it.
 */
export const timeUpBell = '\u0007';
