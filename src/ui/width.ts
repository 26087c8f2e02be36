// Measuring and cutting text by the columns a terminal shows it in, not by its characters.

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

/**
 * `word` in pieces of at most `columns`, each in the colour the word has there. A piece ends
 * after a hyphen where it has one, so that "hip-external-rotation-extension" breaks between its
 * parts.
 */
export function cut(word: string, columns: number): string[] {
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
