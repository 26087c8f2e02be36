// Wrapping text into lines that fit an 80-column terminal, or a narrower one (see onScreen),
// without breaking what reads as one thing: a measure ("30 s"), a change of score ("4 → 8"), a
// command in backquotes, a quoted file name, a note in brackets, a fixed term such as "avoid for
// now" (see kept-whole.ts).
import { KEPT_WHOLE } from './kept-whole.js';
import { screenColumns } from './screen.js';
import { cut, width } from './width.js';

// The CLI's error handler loads this module alone, on demand, and measures its lines too: one
// bundle to load rather than two (see scripts/build.mjs).
export { width } from './width.js';

/**
 * `columns` given for an 80-column terminal, narrowed by as much as the terminal showing the
 * text is narrower (a phone, a split window). Output to a file or a pipe keeps 80 columns.
 */
export function onScreen(columns: number): number {
  return columns - (80 - screenColumns());
}

/** The least room a line of text gets, however narrow the terminal and deep the indent. */
const LEAST = 20;

/** The columns left for text after `indent` on a line of `columns` (see onScreen): at least LEAST. */
export function roomAfter(indent: string, columns: number): number {
  return Math.max(onScreen(columns) - width(indent), LEAST);
}

/**
 * Lines laid out at the indent of `marker` ("  · ", "   1. "), the marker in place of the first
 * line's indent: the later lines go under the text, not under the marker.
 */
export function underMarker(marker: string, layOut: (indent: string) => string[]): string[] {
  const indent = ' '.repeat(width(marker));
  return layOut(indent).map((line, i) => (i === 0 ? marker + line.slice(indent.length) : line));
}

/**
 * Wraps text to `columns` (of an 80-column terminal: see onScreen), indenting every line by
 * `indent`. Colour codes take no room: a coloured run of words keeps its colour across lines.
 * A word longer than a whole line (a name with no spaces) is cut into pieces that fit. `notes`:
 * which notes in brackets stay whole (see Notes).
 */
export function wrap(text: string, columns = 80, indent = '', notes: Notes = 'short'): string[] {
  const room = roomAfter(indent, columns);
  return fill(text, room, room, notes).map((line) => indent + line);
}

/**
 * `text` wrapped to the line, its later lines two spaces in: a label's end, under its start,
 * reads as the rest of it rather than as a line of its own.
 */
export function wrapUnder(text: string, columns = 80): string[] {
  const indent = '  ';
  const rest = roomAfter(indent, columns);
  return fill(text, rest + width(indent), rest).map((line, i) => (i === 0 ? line : indent + line));
}

/** The widest note in brackets kept whole on a line (fill), unless every note is. */
const SHORT_NOTE = 18;

/**
 * Which notes in brackets fill keeps whole: 'short' ones (SHORT_NOTE), which in a paragraph
 * would leave a line short before a long one; or 'all' that fit a line, for a question written
 * once on a terminal that cannot redraw it ("Rate your pain" over "(0 = none, 10 = worst
 * imaginable):"), which reads as one thing, as a choice's note does in a list.
 */
type Notes = 'short' | 'all';

// A number and its unit ("30 s", "2 min"): broken, the unit would begin a line alone.
const MEASURE = String.raw`\d+(?:[.,]\d+)? (?:s|sec|min|h|hr|ms|m|cm|mm|km|kg|lb|lbs)(?![A-Za-z\d])\S*`;
// A change of score ("4 → 8"), coloured or not: broken, the score after it would stand alone. The
// arrow is written as an escape (\u2192): see scripts/build.mjs.
const SCORES = String.raw`(?:\x1b\[[\d;]*m)*\d+ \u2192 (?:\x1b\[[\d;]*m)*\d+\S*`;
// A number that ends a note with the word before it ("try: 4)"): broken, a line would begin with
// the number, then the answer typed after the question ("4): 5").
const LAST_NUMBER = String.raw`\S+: (?:\x1b\[[\d;]*m)*\d+\)\S*`;
const SHORT_NOTE_WORDS = String.raw`(?:\x1b\[[\d;]*m)*\((?:[^()\s]+ ){1,2}[^()\s]+\)\S*`;
const ANY_NOTE = String.raw`(?:\x1b\[[\d;]*m)*\([^()\n]*\)\S*`;
// A command in backquotes, a file name quoted for the shell, a note in brackets, a measure, a
// change of score, a fixed term, a word.
const tokens = (note: string) => new RegExp(String.raw`\(?\`[^\`\n]*\`\S*|'[^'\n]*'\S*|${note}|${MEASURE}|${SCORES}|${KEPT_WHOLE}|\S+`, 'g');
const TOKENS: Record<Notes, RegExp> = { short: tokens(SHORT_NOTE_WORDS), all: tokens(ANY_NOTE) };
// The words of a note too long to keep whole, a measure, a fixed term or its last number in it still one.
const NOTE_WORDS = new RegExp(String.raw`${MEASURE}|${SCORES}|${KEPT_WHOLE}|${LAST_NUMBER}|\S+`, 'g');
// A token that is a fixed term, alone or in brackets of its own ("(left side painful)").
const TERM = new RegExp(String.raw`^${KEPT_WHOLE}$`);

// -o with the file name after it (broken, "-o" would end a line as a stray dash), a file name
// quoted for the shell ('My PT/routines.yaml'), or a word.
const SHELL_WORDS = /-o (?:'[^'\n]*'|[^\s'-])\S*|'[^'\n]*'\S*|\S+/g;

// A word that starts as a path does (/, ~/, ./, ../, C:\, \\server) or a web address, after a
// backquote, a quote or a bracket.
const PATH = /^[(`'"]?(?:~?\/|\.{1,2}[\\/]|[A-Za-z]:[\\/]|\\\\|[a-z][a-z\d+.-]*:\/\/)/i;

/**
 * The words of `text` in lines of at most `first` columns, then `rest`; a longer word is cut,
 * but for a path or a word of a command in backquotes, which stands alone on a longer line. A
 * command in backquotes that fits a line is one word, and so is a file name quoted for the shell,
 * so that a command copied from the lines still runs; a separating "·" goes with the word after
 * it: no line ends with one.
 */
export function fill(text: string, first: number, rest: number, notes: Notes = 'short'): string[] {
  rest = Math.max(1, rest);
  const words: string[] = [];
  // The words of a command broken over lines: each is kept whole even when longer than a line (a
  // long --data path on a narrow terminal), as the terminal wraps it without a break of its own,
  // so that it still copies as one word; cut, it would copy as two.
  const whole = new Set<number>();
  for (const token of text.match(TOKENS[notes]) ?? []) {
    const command = token.includes('`') && token.includes(' ');
    // A short note in brackets ("(before: 6):", "(Enter alone: 1)"), dimmed or not, is one word:
    // broken, its number would begin a line of its own. So is a measure ("30 s"), and a fixed
    // term wherever it fits a line; one that does not is broken between its words.
    const term = TERM.test(token);
    const longest = command || term || notes === 'all' ? Math.min(first, rest) : SHORT_NOTE;
    const spread = token.includes(' ') && width(token) > longest;
    for (const word of spread ? token.match(command ? SHELL_WORDS : term ? /\S+/g : NOTE_WORDS)! : [token]) {
      if (words.at(-1) === '·') words[words.length - 1] += ` ${word}`;
      else words.push(word);
      if (spread && command) whole.add(words.length - 1);
    }
  }
  // So is a path (or a web address): cut, it would copy as two as well.
  const pieces = words.flatMap((word, at) => (width(word) > Math.min(first, rest) && !whole.has(at) && !PATH.test(word) ? cut(word, Math.min(first, rest)) : [word]));
  const lines: string[] = [];
  let line = '';
  for (const word of pieces) {
    const room = lines.length === 0 ? first : rest;
    if (line && width(line) + 1 + width(word) > room) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps `text` after a marker such as "  · " or "   1. ", indenting later lines under the text. */
export function hanging(marker: string, text: string, columns = 80): string[] {
  // wrap narrows the columns to the terminal.
  return underMarker(marker, (indent) => wrap(text, columns, indent));
}

// A word, or a note in brackets with what sticks to its end ("(loading),").
const NAME_PARTS = /\([^()]*\)\S*|\S+/g;

/**
 * A drill's or a routine's name in lines of at most `first` columns, then `rest`: broken between
 * words but never inside a note in brackets ("Hip CARs" / "(controlled articular rotations)"),
 * which reads as one thing. Undefined when a note does not fit a line; a longer word is cut, as
 * wrap cuts it.
 */
export function nameLines(name: string, first: number, rest = first): string[] | undefined {
  const least = Math.max(1, Math.min(first, rest));
  const parts = (name.match(NAME_PARTS) ?? []).flatMap((part) => (width(part) <= least || part.startsWith('(') ? [part] : cut(part, least)));
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const longer = line === '' ? part : `${line} ${part}`;
    if (width(longer) <= (lines.length === 0 ? first : rest)) line = longer;
    else if (line === '' || width(part) > rest) return undefined;
    else {
      lines.push(line);
      line = part;
    }
  }
  return [...lines, line];
}

/** `wrap` for a name: broken as nameLines breaks it, or by words where a note is too long for a line. */
export function wrapName(name: string, columns = 80, indent = ''): string[] {
  return nameLines(name, roomAfter(indent, columns))?.map((line) => indent + line) ?? wrap(name, columns, indent);
}
