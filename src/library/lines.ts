// Lines of a library file as a reader sees them: where each starts, how far it is indented, the
// nearest line with content above or below, the field or list item it starts with. Slips of
// indentation are told in these terms.
import { itemWord } from './duplicate-field.js';

/** One line of the file: the offset it starts at, its spaces before the first character, its text. */
export interface Line {
  start: number;
  indent: number;
  text: string;
}

/** The line `offset` is on. */
export function lineAt(source: string, offset: number): Line {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const end = source.indexOf('\n', start);
  const text = source.slice(start, end === -1 ? source.length : end).replace(/\r$/, '');
  return { start, indent: /^ */.exec(text)![0].length, text };
}

/** Whether a line holds nothing a reader would line up: blank, or a comment alone. */
export function isBlank(line: Line): boolean {
  return /^\s*(#.*)?$/.test(line.text);
}

/** The next line after `line` with some content. */
export function nextLine(source: string, line: Line): Line | undefined {
  let end = source.indexOf('\n', line.start);
  while (end !== -1) {
    const next = lineAt(source, end + 1);
    if (!isBlank(next)) return next;
    end = source.indexOf('\n', end + 1);
  }
  return undefined;
}

/** The nearest line above `line` with some content, indented `most` spaces or fewer. */
export function lineAbove(source: string, line: Line, most: number): Line | undefined {
  let start = line.start;
  while (start > 0) {
    const above = lineAt(source, start - 1);
    if (!isBlank(above) && above.indent <= most) return above;
    start = above.start;
  }
  return undefined;
}

/** The number of the line `offset` is on, counted from 1. */
export function lineNumber(source: string, offset: number): number {
  let count = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) count++;
  return count;
}

/** The field a line starts with (after the "- " of a list item) and its column, counted from 0. */
export function fieldOf(line: Line): { name: string; col: number } | undefined {
  const field = /^((?:- +)*)([\w-]+):(\s|$)/.exec(line.text.slice(line.indent));
  return field ? { name: field[2]!, col: line.indent + field[1]!.length } : undefined;
}

/** Whether a line starts a list item ("- "). */
export function isItem(line: Line): boolean {
  return line.text.slice(line.indent).startsWith('- ');
}

/** What an item of the list `line` is in is called: a drill, a routine, a cue, a test movement. */
export function itemWordAt(source: string, line: Line): string {
  const list = lineAbove(source, line, 0);
  return itemWord(/^([\w-]+):/.exec(list?.text ?? '')?.[1] ?? '');
}
