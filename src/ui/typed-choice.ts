// A choice typed at a list, read the same way by both prompters: the numbered lines of a plain
// terminal (src/ui/plain-prompts.ts) and the arrow-key list of a normal one (src/ui/list-prompt.ts),
// so that what picks a routine in one picks it in the other.
import { orList } from '../core/terms.js';
import { plainDigits } from '../core/text.js';
import type { Choice } from './prompter.js';

/** Text as it is compared: its width forms and digits made plain, its spaces at the ends left out, and runs of them as one. */
export function plainText(text: string): string {
  return plainDigits(text).trim().replace(/\s+/g, ' ');
}

/** Whether text typed starts with a number: where a question takes none, most likely a score (see `numberTyped`). */
export function typedANumber(text: string): boolean {
  return /^\d/.test(plainText(text));
}

/**
 * Text as a name is compared: lower case, and a hyphen as a space, as people type "warm up" for
 * "Warm-up" and "single leg" for "Single-leg".
 */
const loose = (text: string): string => plainText(text.toLowerCase().replace(/[-\u2010\u2011]/g, ' '));

/**
 * Whether `typed` names `choice`, case, spaces and hyphens aside: by its name, with or without
 * what its name ends with in brackets ("Hip rotation" for "Hip rotation (4 drills)"), or by its
 * id ("strength"), or by the other words it is also known by ("l" for left).
 */
export function names(choice: Choice<string>, typed: string): boolean {
  const text = loose(typed);
  return namesOf(choice).some((each) => each === text);
}

/** A choice's name, its name without its note in brackets, its id and its other words, as compared. */
function namesOf(choice: Choice<string>): string[] {
  const name = plainText(choice.name);
  return [name, name.replace(/\s*\([^()]*\)$/, ''), choice.value, ...(choice.also ?? [])].map(loose);
}

/**
 * The place in `choices` of the one `typed` picks, by its number counted from 1 or by what names
 * it; -1 for none. The start of a name or id picks its choice too, when it starts no other: "joint"
 * for "Joint chain", "d" for "Done". One that starts more ("s" for skip or stop) picks none, and so
 * does one that also starts a choice `elsewhere` when the choice it starts here asks first
 * (`confirm`): see `startedHere`.
 */
export function typedChoice(choices: Choice<string>[], typed: string, elsewhere: Choice<string>[] = []): number {
  const text = plainText(typed);
  if (text === '') return -1;
  if (/^\d+$/.test(text)) return Number(text) >= 1 && Number(text) <= choices.length ? Number(text) - 1 : -1;
  const named = choices.findIndex((choice) => names(choice, text));
  if (named !== -1) return named;
  const started = startedHere(choices, text, elsewhere);
  return started.length === 1 && started[0]! < choices.length ? started[0]! : -1;
}

/** The places in `choices` of those whose name, id or other word starts with `typed`, a letter or more. */
export function startedBy(choices: Choice<string>[], typed: string): number[] {
  const start = loose(typed);
  if (start === '') return [];
  return choices.flatMap((choice, index) => (namesOf(choice).some((each) => each.startsWith(start)) ? [index] : []));
}

/**
 * The choices `typed` is the start of, as places in `choices` and, after them, in `elsewhere`:
 * choices of other lists of the same session, not on this one ("Start a timer", at a drill
 * without one). Those elsewhere count only when the start fits one choice here that asks first
 * (`confirm`): "st" at a drill without a timer fits only "Stop the session here", but starts the
 * timer's "Start…" at a drill with one, where a person learns to type it. Typed out of habit, it
 * must not end the session: it picks neither, and both are named.
 */
function startedHere(choices: Choice<string>[], typed: string, elsewhere: Choice<string>[]): number[] {
  const here = startedBy(choices, typed);
  const there = startedBy(elsewhere, typed).map((index) => choices.length + index);
  return here.length === 1 && choices[here[0]!]!.confirm !== undefined && there.length > 0 ? [...here, ...there] : here;
}

/** How many of the choices a start could be are named, at the most, when saying which: the rest are counted. */
const NAMED_AT_MOST = 4;

/**
 * The choices `typed` is the start of, when more than one, by name without its note in brackets,
 * to say which it could be: "Start a 30 s timer for the hold, Skip this drill or Stop the session
 * here". A name without what follows its " · " ("Start hold 1 of 4" for "Start hold 1 of 4 · set
 * 1, first side"): the comma there read as the end of that choice. Past NAMED_AT_MOST, the first
 * of them and how many more. One `elsewhere` (see `startedHere`) is named whole, its note in
 * brackets saying why it is not on this list. Undefined when the start is of one choice or none.
 */
export function couldBe(choices: Choice<string>[], typed: string, elsewhere: Choice<string>[] = []): string | undefined {
  const started = startedHere(choices, typed, elsewhere);
  if (started.length < 2) return undefined;
  const shown = started.map((index) =>
    index >= choices.length ? plainText(elsewhere[index - choices.length]!.name) : plainText(choices[index]!.name).replace(/\s*\([^()]*\)$/, '').replace(/ · .*$/, ''),
  );
  return orList(shown.length <= NAMED_AT_MOST ? shown : [...shown.slice(0, NAMED_AT_MOST - 1), `${shown.length - (NAMED_AT_MOST - 1)} more`]);
}
