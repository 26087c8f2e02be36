// Loading a library file: its bytes read as UTF-8 text, the YAML parsed with positions, then each
// check in turn (syntax.ts, lost-text.ts, shape.ts for zod, cross-checks.ts for the checks that
// span the file). Every problem (the first 50 of a file with more) is reported at once as
// `FILE:LINE:COL  path.to.field  message`, sorted by position, in words a therapist can act on.
import { isAbsolute } from 'node:path';
import { isScalar, LineCounter, parseDocument } from 'yaml';
import { EXIT, UserError } from '../errors.js';
import { cannotReadWords, codeOf, HELD_OPEN_ADVICE, readRegularFile, sizeWords, TOO_BIG } from '../regular-file.js';
import { shellPath, unsetVariable } from '../shell-word.js';
import { unreplacedTilde } from '../store/store-path.js';
import { unreadableAdvice } from '../unreadable.js';
import { byteWords, utf8Text } from '../utf8-text.js';
import { builtInCopies } from './built-in-copies.js';
import { crossChecks, sameNameWarnings } from './cross-checks.js';
import { commentWarnings, listInStepWarnings, lostTextProblems } from './lost-text.js';
import { nearFileHint } from './near-files.js';
import { oddSpaceProblems } from './odd-spaces.js';
import type { At } from './positions.js';
import { finishProblems, type Found, type Problem } from './problems.js';
import type { Library } from './schema.js';
import { checkShape, drillsAmongRoutines, isRecord, zodProblems } from './shape.js';
import { firstLine } from './parser-words.js';
import { isReadable, syntaxProblems, unresolvedAliases } from './syntax.js';
import { unroutedWarnings } from './unrouted.js';

export type { Problem };

const NOT_A_LIBRARY_BUT_A_BACKUP = 'this is an itb backup (written by `itb export -o backup.json`), not an exercise library; `itb import` reads a backup';

export class LibraryError extends UserError {
  constructor(
    readonly file: string,
    /** The first SHOWN_PROBLEMS at most, in the order of the file. */
    readonly problems: Problem[],
    /** Whether the file has more problems than those listed. */
    readonly more = false,
    /** Text the file loses without being wrong (see commentWarnings), listed among the problems. */
    readonly warnings: Problem[] = [],
    /** The command that checks the file again, as its user types it. */
    validateCommand = `itb validate ${shellPath(file)}`,
  ) {
    const count = countWords(problems.length, 'problem', more);
    // A backup has nothing to fix: it is the wrong file.
    const backup = problems.length === 1 && problems[0]!.message === NOT_A_LIBRARY_BUT_A_BACKUP;
    super(
      `${count} in the exercise library ${file}${more ? ` (the first ${problems.length} are listed)` : ''}`,
      backup
        ? 'An exercise library is a YAML file of drills and routines (see "Your own exercise library" in the README).'
        : `Fix ${problems.length === 1 ? 'it' : 'them'} and run \`${validateCommand}\` to check again.`,
      EXIT.usage,
      problemLines(file, problems, warnings),
    );
  }
}

/** "1 problem", "3 drills", or for a list cut short at SHOWN_PROBLEMS (`more`) "more than 50 warnings". */
export function countWords(count: number, noun: string, more = false): string {
  return more ? `more than ${count} ${noun}s` : `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `FILE:LINE:COL  path.to.field  message` for each problem and warning, in the order of the file. */
export function problemLines(file: string, problems: Problem[], warnings: Problem[]): string[] {
  const marked = [...problems, ...warnings.map((w) => ({ ...w, message: `warning: ${w.message}` }))];
  marked.sort((a, b) => a.line - b.line || a.col - b.col);
  return marked.map((p) => `${file}:${p.line}:${p.col}  ${p.path}  ${p.message}`);
}

/**
 * The most a library file may hold. The built-in library, every drill and routine of the method,
 * is about 40 KB; a file many times larger is not a library (and the checker's time and memory
 * grow with the file).
 */
export const LIBRARY_SIZE_LIMIT = 2 * 1024 * 1024;

/**
 * Reads, parses and checks a library file; throws LibraryError listing every problem, or a
 * UserError when the file cannot be read at all (missing, a folder, a device, too large).
 */
export function loadLibraryFile(file: string, validateCommand?: string, fromEnv = false, env: Record<string, string | undefined> = {}): Library {
  const { library } = checkLibraryFile(file, validateCommand, fromEnv, env);
  return library;
}

/**
 * loadLibraryFile, with the warnings of a library that has no problems (the first SHOWN_PROBLEMS)
 * and whether it has more. `validateCommand`: how its user checks the file again (LibraryError).
 * `fromEnv`: ITB_DATA named the file, which the user may have set long ago and forgotten. `env`:
 * for the home folder meant by a ~ the shell left as typed.
 */
export function checkLibraryFile(file: string, validateCommand?: string, fromEnv = false, env: Record<string, string | undefined> = {}): { library: Library; warnings: Problem[]; moreWarnings: boolean } {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, LIBRARY_SIZE_LIMIT);
  } catch (error) {
    // Not a problem inside the library, so not a FILE:LINE:COL line: the file could not be read at all.
    if (codeOf(error) === TOO_BIG) {
      throw new UserError(
        `cannot read ${file}: it is larger than ${sizeWords(LIBRARY_SIZE_LIMIT)}, the most a library file may be`,
        'Even a large library of your own is a few hundred kilobytes: check that this is the file you meant.',
      );
    }
    // A file named alone (ITB_DATA=my-library.yaml in a shell profile) is looked for where itb runs,
    // which is not where the file is once the user has moved to another folder.
    const words = cannotReadWords(error, file);
    const missing = words === 'file not found';
    // "~sam/lib.yaml" in quotes: not a relative path slipped, but a ~ the shell did not replace.
    const unreplaced = missing ? unreplacedTilde(file, env) : undefined;
    if (unreplaced !== undefined) {
      const named = fromEnv ? `ITB_DATA is ${file}, but` : `cannot read ${file}:`;
      // Set in a shell profile, ITB_DATA may be long forgotten: the way back to the built-in
      // library is said too, as for a file ITB_DATA names that is gone.
      const builtIn = fromEnv ? ` ITB_DATA names this file: set it to its full path, or ${BACK_TO_BUILT_IN()}` : '';
      throw new UserError(`${named} there is no folder ${unreplaced.tilde} in ${process.cwd()}, where itb runs`, unreplaced.hint + builtIn);
    }
    const denied = codeOf(error) === 'EACCES' || codeOf(error) === 'EPERM';
    const hint = nearFileHint(file, words) ?? (missing && !isAbsolute(file)
      ? `A file named without its full path is looked for in the folder you run itb from (${process.cwd()}); give its full path, such as ~/itb/my-library.yaml, to use it from any folder.`
      : denied ? unreadableAdvice(file) : codeOf(error) === 'EBUSY' ? HELD_OPEN_ADVICE : 'Check the path of the library file.');
    // A file moved or deleted long after ITB_DATA was set (in a shell profile, say), or one that
    // may not be read (another account's, say): where that name comes from, and the way back to
    // the built-in library meanwhile, as every command stops at it.
    const whereFrom = !fromEnv ? '' : missing
      ? ` ITB_DATA names this file: set it to where the file is now, or ${BACK_TO_BUILT_IN()}`
      : denied ? ` ITB_DATA names this file; meanwhile, ${BACK_TO_BUILT_IN()}` : '';
    throw new UserError(`cannot read ${file}: ${words}`, hint + whereFrom);
  }
  const parsed = parseLibraryBytes(bytes);
  if (!parsed.ok) throw new LibraryError(file, parsed.problems, parsed.more, parsed.warnings, validateCommand);
  const { library, warnings, moreWarnings } = parsed;
  return { library, warnings, moreWarnings };
}

/** How to go back to the built-in library from the file ITB_DATA names, in the shell itb runs in. */
const BACK_TO_BUILT_IN = () => `unset it (\`${unsetVariable('ITB_DATA')}\`) to use the built-in library. Your sessions and buckets are kept either way.`;

/** parseLibrary for the bytes of a file: a file that is not UTF-8 text has that one problem. */
export function parseLibraryBytes(bytes: Buffer): ReturnType<typeof parseLibrary> {
  const notPlainText = (line: number, col: number, message: string) => ({
    ok: false as const,
    problems: [{ line, col, path: '(file)', message }],
    more: false,
    warnings: [],
    moreWarnings: false,
  });
  // A word processor's own format, saved under a .yaml name: its markup, or the bytes of a zip,
  // would be told as a YAML slip or a foreign byte somewhere in a text the person never sees.
  const document = wordProcessorWords(bytes);
  if (document) return notPlainText(1, 1, `${document}, not plain text: ${PLAIN_TEXT_ADVICE}`);
  const utf16 = utf16Words(bytes);
  if (utf16) return notPlainText(1, 1, `the file is saved as UTF-16 (${utf16}): save it as UTF-8 (in the editor's "Save as", choose the encoding "UTF-8")`);
  const read = utf8Text(bytes);
  if ('text' in read) return parseLibrary(read.text);
  const { line, col, byte } = read.foreign;
  return notPlainText(line, col, `${byteWords(byte)} is not UTF-8 text: save the file as UTF-8 (an editor may have saved it as Latin-1 or Windows-1252)`);
}

/** How to turn a word processor's document back into the plain text a library is. */
const PLAIN_TEXT_ADVICE =
  'save it as plain text (TextEdit: Format > Make Plain Text; WordPad or Word: Save as, then "Plain text" or "Text Document") and keep its name ending in .yaml, or edit the library in a plain-text editor';

/**
 * What a word processor's document shows itself to be by its first bytes, or undefined: rich
 * text ("{\rtf", TextEdit's and WordPad's own format), a zip (Word's .docx, .odt and .pages are
 * zips of their parts) or an older Word .doc.
 */
function wordProcessorWords(bytes: Buffer): string | undefined {
  const start = bytes.subarray(0, 8).toString('latin1');
  if (start.startsWith('{\\rtf')) return 'this is a word-processor document in rich text (RTF, as TextEdit and WordPad save by default)';
  if (start.startsWith('PK\x03\x04')) return 'this is a word-processor document (such as a Word .docx) or another zip file';
  if (start === '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1') return 'this is a word-processor document (an older Word .doc)';
  return undefined;
}

/**
 * How a file shows it is UTF-16 (as Windows editors save "Unicode" text), or undefined: its first
 * two bytes are a byte-order mark, or a letter and a 0x00 byte. Such a file is not read as
 * Latin-1 gone wrong, and a 0x00 byte is never the start of a library written in UTF-8.
 */
function utf16Words(bytes: Buffer): string | undefined {
  const [first, second] = bytes;
  if (first === undefined || second === undefined) return undefined;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) {
    return `its first bytes are ${byteHex(first)} ${byteHex(second)}`;
  }
  if ((first === 0) !== (second === 0)) return 'its first character is two bytes, one of them 0x00';
  return undefined;
}

function byteHex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * A library parsed and checked, or its first problems (SHOWN_PROBLEMS at most, in the order of
 * the file) and whether it has more; either way with its warnings.
 */
export function parseLibrary(
  text: string,
): { ok: true; library: Library } & Warnings | { ok: false; problems: Problem[]; more: boolean } & Warnings {
  // The byte-order mark some editors save UTF-8 with is not a character of line 1: left out, the
  // columns of that line are the ones the editor shows. A carriage return alone ends a line, as
  // older Mac editors save text (and as YAML reads it, though the yaml package does not): one
  // character for another, every place in the text stays where it was.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // A "---" that ends the file, with nothing after it but comments, starts no second library.
  doc.errors = doc.errors.filter((error) => error.code !== 'MULTIPLE_DOCS' || !/^---[ \t]*(?:#.*)?(?:\r?\n[ \t]*(?:#.*)?)*$/.test(source.slice(error.pos[0])));
  const at: At = (offset) => lineCounter.linePos(offset);
  const syntax = syntaxProblems(doc, source, at);
  // A space that is not one, indenting a line, throws out the reading of the lines from there on:
  // it is the slip, told at its own line, with the parser's findings before it.
  const oddSpaces = oddSpaceProblems(doc, source, at);
  if (oddSpaces.length > 0) {
    const before = syntax.filter((problem) => problem.line < oddSpaces[0]!.line);
    return { ok: false, ...finishProblems([...before, ...oddSpaces]), warnings: [], moreWarnings: false };
  }
  // A parse error that leaves the document readable (a field given twice) is listed with all the
  // others; after any other, the structure is the parser's guess and the report stops there.
  let warnings: Warnings = { warnings: [], moreWarnings: false };
  const fail = (problems: Found[]) => ({ ok: false as const, ...finishProblems([...syntax, ...problems]), ...warnings });
  if (!isReadable(doc)) return fail([]);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const what = source.trim() === '' ? 'the file is empty' : 'the file holds only comments';
    return fail([{ line: 1, col: 1, path: '(file)', message: `${what}; a library needs at least "version: 1" and a list of exercises` }]);
  }
  const aliases = unresolvedAliases(doc, at);
  if (aliases.length > 0) return fail(aliases);
  const comments = commentWarnings(doc, source, at);
  const listWarnings = (found: Found[]) => {
    const listed = finishProblems(found);
    warnings = { warnings: listed.problems, moreWarnings: listed.more };
  };
  listWarnings(comments);

  let data: unknown;
  try {
    // A low alias budget: a hand-written library never needs more, and a "billion laughs" file
    // (aliases of aliases) is stopped here instead of filling the memory.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = /alias count/i.test((error as Error).message)
      ? 'the aliases (*name) in this file expand into far too much data; write the items out in full'
      : firstLine((error as Error).message);
    return fail([{ line: 1, col: 1, path: '(file)', message }]);
  }

  const found = [...comments, ...listInStepWarnings(doc, at), ...sameNameWarnings(data, doc, at)];
  listWarnings(found);

  // A backup (`itb export -o backup.json`) given as a library: what it is, not a problem per field.
  if (isRecord(data) && Object.hasOwn(data, 'schemaVersion') && Object.hasOwn(data, 'sessions') && !Object.hasOwn(data, 'version')) {
    return fail([{ line: 1, col: 1, path: '(file)', message: NOT_A_LIBRARY_BUT_A_BACKUP }]);
  }
  const { library, issues } = checkShape(data);
  // A tag or an anchor at the start of a text: the value checked is what was left of the text,
  // so its other problems ("must not be empty") are beside the point until it is quoted.
  const lost = lostTextProblems(doc, source, at);
  const cross = crossChecks(data, doc, at);
  // The same goes for a routine's reference to a drill or cue the file does not have ("Wall sit"):
  // what it names says more than how an id is written.
  const saidPaths = new Set([...lost.map((problem) => problem.fullPath), ...cross.filter((problem) => problem.reference).map((problem) => problem.path)]);
  // A drill written under "routines:" is one problem, not one for each field a routine lacks.
  const misplaced = drillsAmongRoutines(data, doc, at);
  const inMisplaced = (path: string) => misplaced.some(({ path: item }) => path === item || path.startsWith(`${item}.`));
  const problems: Found[] = [
    ...lost.map(({ fullPath: _, ...problem }) => problem),
    ...zodProblems(doc, source, issues, at).filter((problem) => !saidPaths.has(problem.path) && !inMisplaced(problem.path)),
    ...misplaced.map(({ index: _, ...problem }) => problem),
  ];
  // A list item read as more of the item above it (`- wall-sit` then ` - clams` one space further):
  // the indentation is the slip, not the "unknown drill" the joined text makes.
  const lostPaths = new Set(lost.map((problem) => problem.fullPath));
  problems.push(...cross.filter((problem) => !inMisplaced(problem.path) && !lostPaths.has(problem.path)));
  if (syntax.length === 0) builtInCopies(problems);
  if (syntax.length > 0 || problems.length > 0 || !library) return fail(problems);
  // Told only of a file with no problems: a routine's mistyped id leaves its drill in none.
  listWarnings([...found, ...unroutedWarnings(library, doc, at)]);
  return { ok: true, library, ...warnings };
}

/** Text a file loses without being wrong (see commentWarnings): the first SHOWN_PROBLEMS, and whether there are more. */
interface Warnings {
  warnings: Problem[];
  moreWarnings: boolean;
}
