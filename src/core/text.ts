// Text a person types (a test movement, a note) or hands over in a backup ends up on terminal
// screens and in reports. Control characters could move the cursor, clear the screen or recolour
// it there, and the bidirectional overrides reorder what a therapist reads; none of them belongs
// in a score record, so they are refused on the way in.

const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const controls = new RegExp(control.source, 'gu');
const lineBreakOrTab = /[\t\n]/;

/** "U+001B", for the first character of `text` that does not belong in a record; undefined when there is none. */
export function controlCharacterIn(text: string, options: { oneLine?: boolean } = {}): string | undefined {
  const found = control.exec(text) ?? (options.oneLine ? lineBreakOrTab.exec(text) : null);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/**
 * The first character of `text` that does not belong on one line of a record, in words a person
 * knows ("a tab", "a line break", "a control character (U+001B)"); undefined when there is none.
 */
export function oneLineProblem(text: string): string | undefined {
  const character = controlCharacterIn(text, { oneLine: true });
  if (character === 'U+0009') return 'a tab';
  if (character === 'U+000A' || character === 'U+000D') return 'a line break';
  return character === undefined ? undefined : `a control character (${character})`;
}

// In JSON text a control character is written as an escape (\u001b, \b, \f, \r), the others as
// they are. A backslash written as \\ before a b, f, r or u can match too: then the strings are looked at.
const controlInJson = /\\[bfru]|[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The paths (`sessions.0.movement`) of the strings in `value` that hold a control character, with the first such character. */
export function controlCharacterPaths(value: unknown): { path: string; character: string }[] {
  // Going through years of records string by string takes several times longer than writing
  // them as JSON once and finding none in the text, the usual case.
  if (!controlInJson.test(JSON.stringify(value) ?? '')) return [];
  return stringsIn(value).flatMap(({ path, text }) => {
    const character = controlCharacterIn(text);
    return character ? [{ path, character }] : [];
  });
}

/** Every string in `value`, with its path (`sessions.0.movement`; `(file)` for `value` itself). */
function stringsIn(value: unknown, path: (string | number)[] = []): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path: path.join('.') || '(file)', text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringsIn(item, [...path, key]));
  return [];
}

/**
 * Whether a field's name can stand in a dotted path (`sessions.0.startedat`): a name with a space
 * or a control character in it ("video link") would not read as one part of the path, nor keep
 * the path one column of a problem line. Such a name is quoted in the message instead.
 */
export function readsInPath(name: string): boolean {
  return /^[^\s\p{Cc}]+$/u.test(name);
}

/**
 * `value` with the control characters taken out of every string it holds, and a carriage return
 * (alone, or before a line break) made a line break. The first itb versions kept typed text as it
 * came, so their stores and backups (version 1) may hold them: a note pasted from Windows ends
 * its lines with \r\n. Read as they were, they would be refused as damage itb never writes.
 */
export function withoutControlCharacters(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').replace(controls, '');
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutControlCharacters(item)]));
  return value;
}

/** `text` with each such character written as an escape (\u001b): an error message may quote what was typed. */
export function shownSafely(text: string): string {
  return text.replace(controls, (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/**
 * `text` with its width forms made plain ("５" is 5, from a Japanese or Chinese keyboard) and the
 * digits of other scripts ("٣" from an Arabic keyboard, "۳" a Persian one, "३" a Hindi one)
 * written as the digits 0 to 9 they are: a number typed is read whatever keyboard typed it.
 */
export function plainDigits(text: string): string {
  // Unicode places each script's digits together, 0 to 9 in order: a digit is worth how many
  // digits come just before it, counted in tens.
  return text.normalize('NFKC').replace(/(?![0-9])\p{Nd}/gu, (digit) => {
    let code = digit.codePointAt(0)!;
    let value = 0;
    while (/\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
      code--;
      value++;
    }
    return String(value % 10);
  });
}

/**
 * A name as it reads inside a sentence: "Single-leg squat" becomes "single-leg squat". A name
 * whose first word is in capitals (ITB walk) or starts with anything but a capital is left as it is.
 */
export function inSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * A drill's name as the log kept it, on one line as a library's names are read: a backup written
 * by hand may hold one over several lines or with a tab, which would break the line it is shown
 * on. A name of spaces alone names nothing: undefined, so that the drill's id stands for it.
 */
export function recordedName(name: string | null | undefined): string | undefined {
  const shown = name === null || name === undefined ? undefined : oneLine(name);
  return shown === '' ? undefined : shown;
}

/**
 * A session's test movement or routine as it is shown: as it was recorded, but one of spaces
 * alone (written by hand, or by an older itb) names nothing, and "(not named)" says so where it
 * would leave "pain during" with nothing after it, or an empty cell.
 */
export function namedOrNot(text: string): string {
  return text.trim() === '' ? '(not named)' : text;
}

/** `text` on one line: each run of spaces, tabs and line breaks as one space, none at either end. */
export function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
