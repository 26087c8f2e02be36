// Plain-text layout: aligned columns and wrapped paragraphs that fit an 80-column terminal, or
// a narrower one (see onScreen).
import { screenColumns } from './screen.js';

// Colour codes, the only escape sequences itb writes: library files, typed answers, imported
// backups and store files are refused when they hold control characters (src/core/text.ts).
const COLOUR_CODE = /\x1b\[[\d;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Marks that join the character before them, and invisible format characters, take no column.
const NO_COLUMN = /[\p{Mn}\p{Me}\p{Cf}]/u;
// Characters a terminal shows two columns wide: Chinese, Japanese and Korean script,
// full-width forms, and emoji shown as pictures.
const TWO_COLUMNS =
  /[\p{Emoji_Presentation}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

const columnsOf = (character: string) => (NO_COLUMN.test(character) ? 0 : TWO_COLUMNS.test(character) ? 2 : 1);

/** How many columns `text` takes in a terminal; colour codes take none. */
export function width(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(COLOUR_CODE, '') : text;
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let columns = 0;
  for (const character of plain) columns += columnsOf(character);
  return columns;
}

/** The longest start of `text` (without colour codes) that fits in `columns`. */
function head(text: string, columns: number): string {
  let used = 0;
  let end = 0;
  for (const character of text) {
    used += columnsOf(character);
    if (used > columns) break;
    end += character.length;
  }
  return text.slice(0, end);
}

interface TableOptions {
  /** Space between columns. */
  gap?: number;
  /**
   * The most columns each column may take (none: as wide as its widest cell). A longer cell
   * wraps at spaces onto further lines of its row, indented by two so they read as its own, a
   * note in brackets kept whole where it fits (a drill's name: see nameLines).
   */
  most?: (number | undefined)[];
}

/** Rows of cells to lines; the first row is usually a header. Cells may hold colour codes. */
export function table(rows: string[][], options: TableOptions = {}): string[] {
  const gap = ' '.repeat(options.gap ?? 2);
  const most = options.most ?? [];
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.min(most[c] ?? Infinity, Math.max(0, ...rows.map((row) => width(row[c] ?? '')))));
  return rows.flatMap((row) => {
    const wrapped = (cell: string, most: number) => (nameLines(cell, most, most - 2) ?? fill(cell, most, most - 2)).map((line, i) => (i === 0 ? line : `  ${line}`));
    const cells = row.map((cell, c) => (width(cell) <= widths[c]! ? [cell] : wrapped(cell, widths[c]!)));
    const height = Math.max(1, ...cells.map((cellLines) => cellLines.length));
    const lines = Array.from({ length: height }, (_, i) =>
      cells
        .map((cellLines, c) => {
          const cell = cellLines[i] ?? '';
          // The last cell needs no padding: nothing comes after it.
          return c === row.length - 1 ? cell : cell + ' '.repeat(widths[c]! - width(cell));
        })
        .join(gap),
    );
    // A further line of a wrapped cell leaves the cells after it blank: no spaces at its end.
    return lines.map((line, i) => (i === 0 ? line : line.trimEnd()));
  });
}

/**
 * `columns` given for an 80-column terminal, narrowed by as much as the terminal showing the
 * text is narrower (a phone, a split window). Output to a file or a pipe keeps 80 columns.
 */
export function onScreen(columns: number): number {
  return columns - (80 - screenColumns());
}

/** The least room a line of text gets, however narrow the terminal and deep the indent. */
const LEAST = 20;

/**
 * Wraps text to `columns` (of an 80-column terminal: see onScreen), indenting every line by
 * `indent`. Colour codes take no room: a coloured run of words keeps its colour across lines.
 * A word longer than a whole line (a name with no spaces) is cut into pieces that fit. `notes`:
 * which notes in brackets stay whole (see Notes).
 */
export function wrap(text: string, columns = 80, indent = '', notes: Notes = 'short'): string[] {
  columns = Math.max(onScreen(columns), width(indent) + LEAST);
  const room = columns - width(indent);
  return fill(text, room, room, notes).map((line) => indent + line);
}

/**
 * `text` wrapped to the line, its later lines `indent` in: a label's end, under its start,
 * reads as the rest of it rather than as a line of its own.
 */
export function wrapUnder(text: string, columns = 80, indent = '  '): string[] {
  columns = Math.max(onScreen(columns), width(indent) + LEAST);
  return fill(text, columns, columns - width(indent)).map((line, i) => (i === 0 ? line : indent + line));
}

/** The widest note in brackets kept whole on a line (fill), unless every note is. */
const SHORT_NOTE = 18;

/**
 * Which notes in brackets fill keeps whole: 'short' ones (SHORT_NOTE), which in a paragraph
 * would leave a line short before a long one; or 'all' that fit a line, for a question written
 * once on a terminal that cannot redraw it ("Rate your pain" over "(0 = none, 10 = worst
 * imaginable):"), which reads as one thing, as a choice's note does in a list.
 */
export type Notes = 'short' | 'all';

// A number and its unit ("30 s", "2 min"): broken, the unit would begin a line alone.
const MEASURE = String.raw`\d+(?:[.,]\d+)? (?:s|sec|min|h|hr|ms|m|cm|mm|km|kg|lb|lbs)(?![A-Za-z\d])\S*`;
const SHORT_NOTE_WORDS = String.raw`(?:\x1b\[[\d;]*m)*\((?:[^()\s]+ ){1,2}[^()\s]+\)\S*`;
const ANY_NOTE = String.raw`(?:\x1b\[[\d;]*m)*\([^()\n]*\)\S*`;
// A command in backquotes, a file name quoted for the shell, a note in brackets, a measure, a word.
const tokens = (note: string) => new RegExp(String.raw`\(?\`[^\`\n]*\`\S*|'[^'\n]*'\S*|${note}|${MEASURE}|\S+`, 'g');
const TOKENS: Record<Notes, RegExp> = { short: tokens(SHORT_NOTE_WORDS), all: tokens(ANY_NOTE) };
// The words of a note too long to keep whole, a measure in it still one.
const NOTE_WORDS = new RegExp(String.raw`${MEASURE}|\S+`, 'g');

// A file name quoted for the shell ('My PT/routines.yaml'), or a word.
const SHELL_WORDS = /'[^'\n]*'\S*|\S+/g;

/**
 * The words of `text` in lines of at most `first` columns, then `rest`; a longer word is cut.
 * A command in backquotes that fits a line is one word, and so is a file name quoted for the
 * shell, so that a command copied from the lines still runs; a separating "·" goes with the
 * word after it: no line ends with one.
 */
function fill(text: string, first: number, rest: number, notes: Notes = 'short'): string[] {
  rest = Math.max(1, rest);
  const words: string[] = [];
  for (const token of text.match(TOKENS[notes]) ?? []) {
    const command = token.includes('`') && token.includes(' ');
    // A short note in brackets ("(before: 6):", "(Enter alone: 1)"), dimmed or not, is one word:
    // broken, its number would begin a line of its own. So is a measure ("30 s").
    const longest = command || notes === 'all' ? Math.min(first, rest) : SHORT_NOTE;
    const spread = token.includes(' ') && width(token) > longest;
    for (const word of spread ? token.match(command ? SHELL_WORDS : NOTE_WORDS)! : [token]) {
      if (words.at(-1) === '·') words[words.length - 1] += ` ${word}`;
      else words.push(word);
    }
  }
  const pieces = words.flatMap((word) => (width(word) > Math.min(first, rest) ? cut(word, Math.min(first, rest)) : [word]));
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

/**
 * `word` in pieces of at most `columns`, each in the colour the word has there. A piece ends
 * after a hyphen where it has one, so that "hip-external-rotation-extension" breaks between its
 * parts.
 */
function cut(word: string, columns: number): string[] {
  // Each character with the colour codes just before it: a cut never falls inside a code.
  const characters: { codes: string; text: string }[] = [];
  let codes = '';
  for (const token of word.match(/\x1b\[[\d;]*m|[\s\S]/gu) ?? []) {
    if (token.startsWith('\x1b')) codes += token;
    else {
      characters.push({ codes, text: token });
      codes = '';
    }
  }
  // The codes after the last character turn the colour off: each piece ends with them, and
  // starts with every code before it, which set the colour it is in.
  const closing = codes;
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; ) {
    // Each piece holds at least one character, even one wider than `columns`.
    let end = start + 1;
    let used = columnsOf(characters[start]!.text);
    while (end < characters.length && used + columnsOf(characters[end]!.text) <= columns) used += columnsOf(characters[end++]!.text);
    if (end < characters.length) {
      const hyphen = characters.slice(start + 1, end).findLastIndex((character) => character.text === '-');
      if (hyphen >= 0) end = start + 1 + hyphen + 1;
    }
    const before = characters.slice(0, start).map((character) => character.codes).join('');
    pieces.push(before + characters.slice(start, end).map((character) => character.codes + character.text).join('') + closing);
    start = end;
  }
  return pieces;
}

/**
 * `parts` joined by `separator`, broken into lines between parts, each line indented by
 * `indent`: "helped 3 of 4 · mean −1 · last −2 on 2026-11-20" never splits "last −2 on …". A
 * part too long for a line of its own is wrapped by words, or as `breakPart` breaks it (wrapName
 * keeps a note in brackets whole: "helped 157 of 161" over "(4 on the retry)").
 */
export function packed(parts: string[], columns = 80, indent = '', separator = ' · ', breakPart = wrap): string[] {
  const room = Math.max(onScreen(columns) - width(indent), LEAST);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const longer = line === '' ? part : `${line}${separator}${part}`;
    if (width(longer) <= room) {
      line = longer;
      continue;
    }
    if (line !== '') lines.push(indent + line);
    line = '';
    if (width(part) <= room) line = part;
    else lines.push(...breakPart(part, columns, indent));
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** Wraps `text` after a marker such as "  · " or "   1. ", indenting later lines under the text. */
export function hanging(marker: string, text: string, columns = 80): string[] {
  // wrap narrows the columns to the terminal.
  const indent = ' '.repeat(width(marker));
  return wrap(text, columns, indent).map((line, i) => (i === 0 ? marker + line.slice(indent.length) : line));
}

/** `packed` after a marker such as "   2. ", its later lines indented under the first part. */
export function hangingPacked(marker: string, parts: string[], columns = 80, separator = '  '): string[] {
  const indent = ' '.repeat(width(marker));
  return packed(parts, columns, indent, separator).map((line, i) => (i === 0 ? marker + line.slice(indent.length) : line));
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
  const room = Math.max(onScreen(columns), width(indent) + LEAST) - width(indent);
  return nameLines(name, room)?.map((line) => indent + line) ?? wrap(name, columns, indent);
}

/** `packed` led by a name ("Hip CARs  hip-cars · hip"): too long for a line, it breaks as wrapName breaks it, the parts under it. */
export function namePacked(name: string, parts: string[], columns = 80, indent = '', separator = '  '): string[] {
  if (width(name) <= Math.max(onScreen(columns) - width(indent), LEAST)) return packed([name, ...parts], columns, indent, separator);
  return [...wrapName(name, columns, indent), ...packed(parts, columns, indent, separator)];
}

/** `namePacked` after a marker such as "   2. ", its later lines indented under the name. */
export function hangingName(marker: string, name: string, parts: string[] = [], columns = 80, separator = '  '): string[] {
  const indent = ' '.repeat(width(marker));
  return namePacked(name, parts, columns, indent, separator).map((line, i) => (i === 0 ? marker + line.slice(indent.length) : line));
}

/** `text` (without colour codes) cut to `columns`, an ellipsis marking the cut. */
export function truncate(text: string, columns: number): string {
  return width(text) > columns ? `${head(text, Math.max(1, columns - 1))}…` : text;
}

/** A drill's name in `columns`: too long, it loses its closing note in brackets first, then words from its end. */
export function fitName(name: string, columns: number): string {
  if (width(name) <= columns) return name;
  const plain = name.replace(/ \([^()]*\)$/, '');
  if (width(plain) <= columns) return plain;
  // A space within the first `columns` leaves room for the ellipsis after the words before it.
  const space = head(plain, columns).lastIndexOf(' ');
  return space > 0 ? `${plain.slice(0, space)}…` : truncate(plain, columns);
}
