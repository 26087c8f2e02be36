// The prompts break a line at the terminal's edge, in the middle of a word ("worst imagina / ble"):
// on a narrow terminal their text comes to them broken between words.
import { width } from './width.js';
import { onScreen, wrap, wrapName } from './wrap.js';

/**
 * A question, after the prompt's two-column mark, keeping `reserve` columns free on its last line
 * for what follows; its later lines under its first, as the choices under the pointer.
 */
export function fitted(message: string, reserve = 0): string {
  return fittedLines(message, reserve).join('\n  ');
}

/**
 * The lines of a fitted question, each without the two columns before it. A note in brackets
 * that fits a line stays whole, as in a plain terminal: "Rate your pain" over "(0 = none, 10 =
 * worst imaginable):" reads as one thing, where "(0 = none, 10 = worst" over "imaginable):" did not.
 */
export function fittedLines(message: string, reserve: number): string[] {
  // Only the last line needs the room (" (y/N)" goes after it), not every line. A column stays
  // free on each, as after an answer (see answered): no line of it fills the terminal.
  const lines = wrap(message, 77, '', 'all');
  if (width(lines.at(-1)!) <= onScreen(78) - Math.max(reserve, 1)) return lines;
  return [...lines.slice(0, -1), ...wrap(lines.at(-1)!, 78 - reserve, '', 'all')];
}

/**
 * A choice, after the list's two-column pointer; its later lines under its first. A routine's or
 * a drill's name, it is broken as everywhere: never inside a note in brackets ("(2 due)").
 */
export function fittedChoice(name: string): string {
  return wrapName(name, 78).join('\n  ');
}

/**
 * A choice that cannot be picked: the prompts write the reason after its name, with a space
 * between, so the two are broken between words as one text. A column is kept spare on each
 * line for that space, should the reason start on a line of its own.
 */
export function fittedDisabled(name: string, why: string): { name: string; disabled: string } {
  const lines = wrapName(name, 77);
  // The reason goes on from the end of the name's last line, held by a stand-in as wide as it.
  const standIn = 'x'.repeat(width(lines.at(-1)!));
  const [first, ...rest] = wrap(`${standIn} ${why}`, 77);
  const after = first === standIn ? ['', ...rest] : [first!.slice(standIn.length + 1), ...rest];
  return { name: lines.join('\n  '), disabled: after.join('\n  ') };
}

/**
 * An answer as it stays after its question (fitted keeping `reserve` columns): on the question's
 * last line when it fits there, else under it, broken between words (a chosen name never inside
 * its note in brackets, as in the list). A column stays free at the end of its line: the prompts
 * follow a line that fills the terminal exactly with an empty one.
 */
export function answered(message: string, answer: string, reserve: number, style = (line: string) => line): string {
  const last = fittedLines(message, reserve).at(-1)!;
  return 2 + width(last) + 1 + width(answer) < onScreen(80) ? style(answer) : `\n${wrapName(answer, 79, '  ').map(style).join('\n')}`;
}

/** Why an answer was refused, shown after the prompts' "> ": its later lines under its first. */
export function reason(verdict: true | string): true | string {
  return verdict === true ? verdict : wrap(verdict, 78).join('\n  ');
}

/**
 * A choice's description, broken into lines between words at the window's width as the list is
 * drawn: the prompts break a long line at the terminal's edge, in the middle of a word.
 */
export function described(text: string): string {
  return wrap(text, 78).join('\n');
}
