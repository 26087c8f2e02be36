// Loading a library file: YAML with positions, then zod, then the checks that span the file
// (unique ids, routines naming drills that exist). Every problem (the first 50 of a file with
// more) is reported at once as `FILE:LINE:COL  path.to.field  message`, sorted by position, in
// words a therapist can act on.
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import { closest } from '../core/closest.js';
import { controlCharacterPaths, readsInPath } from '../core/text.js';
import { EXIT, UserError } from '../errors.js';
import { plainIssue } from '../plain-issues.js';
import { cannotReadWords, codeOf, readRegularFile, sizeWords, TOO_BIG } from '../regular-file.js';
import { byteWords, utf8Text } from '../utf8-text.js';
import { commentWarnings, lostTextProblems } from './lost-text.js';
import { anyLengthId, cueSchema, doseSchema, exerciseSchema, librarySchema, libraryListsSchema, movementSchema, routineSchema, type Library } from './schema.js';
import { nodeAt, position, type At, type Path } from './positions.js';
import { finishProblems, SHOWN_PROBLEMS, type Found, type Problem } from './problems.js';
import { firstLine, isReadable, quoted, syntaxProblems, unresolvedAliases } from './syntax.js';

export type { Problem };

const NOT_A_LIBRARY_BUT_A_BACKUP = 'this is an itb backup (written by `itb export --format json`), not an exercise library; `itb import` reads a backup';

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
    validateCommand = `itb validate ${file}`,
  ) {
    const count = more
      ? `more than ${problems.length} problems`
      : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
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
export function loadLibraryFile(file: string, validateCommand?: string): Library {
  const { library } = checkLibraryFile(file, validateCommand);
  return library;
}

/**
 * loadLibraryFile, with the warnings of a library that has no problems (the first SHOWN_PROBLEMS)
 * and whether it has more. `validateCommand`: how its user checks the file again (LibraryError).
 */
export function checkLibraryFile(file: string, validateCommand?: string): { library: Library; warnings: Problem[]; moreWarnings: boolean } {
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
    throw new UserError(`cannot read ${file}: ${cannotReadWords(error, file)}`, 'Check the path of the library file.');
  }
  const parsed = parseLibraryBytes(bytes);
  if (!parsed.ok) throw new LibraryError(file, parsed.problems, parsed.more, parsed.warnings, validateCommand);
  const { library, warnings, moreWarnings } = parsed;
  return { library, warnings, moreWarnings };
}

/** parseLibrary for the bytes of a file: a file that is not UTF-8 text has that one problem. */
export function parseLibraryBytes(bytes: Buffer): ReturnType<typeof parseLibrary> {
  const notUtf8 = (line: number, col: number, message: string) => ({
    ok: false as const,
    problems: [{ line, col, path: '(file)', message }],
    more: false,
    warnings: [],
    moreWarnings: false,
  });
  const utf16 = utf16Words(bytes);
  if (utf16) return notUtf8(1, 1, `the file is saved as UTF-16 (${utf16}): save it as UTF-8 (in the editor's "Save as", choose the encoding "UTF-8")`);
  const read = utf8Text(bytes);
  if ('text' in read) return parseLibrary(read.text);
  const { line, col, byte } = read.foreign;
  return notUtf8(line, col, `${byteWords(byte)} is not UTF-8 text: save the file as UTF-8 (an editor may have saved it as Latin-1 or Windows-1252)`);
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
  // columns of that line are the ones the editor shows.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at: At = (offset) => lineCounter.linePos(offset);
  const syntax = syntaxProblems(doc, source, at);
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
  const listed = finishProblems(commentWarnings(doc, source, at));
  warnings = { warnings: listed.problems, moreWarnings: listed.more };

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

  // A backup (`itb export --format json`) given as a library: what it is, not a problem per field.
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
  const problems: Found[] = [...lost.map(({ fullPath: _, ...problem }) => problem), ...zodProblems(doc, source, issues, at).filter((problem) => !saidPaths.has(problem.path))];
  problems.push(...cross);
  if (syntax.length > 0 || problems.length > 0 || !library) return fail(problems);
  return { ok: true, library, ...warnings };
}

/** Text a file loses without being wrong (see commentWarnings): the first SHOWN_PROBLEMS, and whether there are more. */
interface Warnings {
  warnings: Problem[];
  moreWarnings: boolean;
}

// ── Shape (zod) ──────────────────────────────────────────────────────────────

/** What each list of the library holds. */
const itemSchemas = { exercises: exerciseSchema, routines: routineSchema, movements: movementSchema, cues: cueSchema } as const;

/**
 * The library checked against its schema: the library itself when it fits, else the issues with
 * their paths from the top of the file. The items of the lists are checked one by one, and the
 * check stops once it has found more issues than are listed: zod collects every issue of a parse,
 * millions of them in a file of thousands of empty items.
 */
function checkShape(data: unknown): { library?: Library; issues: z.core.$ZodIssue[] } {
  const top = libraryListsSchema.safeParse(data, { error: plainIssueAt([]) });
  const issues = top.success ? [] : [...top.error.issues];
  // Lists are checked even when something else at the top is wrong, so that every problem is found in one go.
  const listIn = (key: keyof typeof itemSchemas): unknown[] => {
    const list = top.success ? top.data[key] : isRecord(data) ? data[key] : undefined;
    return Array.isArray(list) ? list : [];
  };
  const items: Record<string, unknown[]> = {};
  for (const [key, schema] of Object.entries(itemSchemas) as [keyof typeof itemSchemas, z.ZodType][]) {
    items[key] = [];
    for (const [index, item] of listIn(key).entries()) {
      if (issues.length > SHOWN_PROBLEMS) return { issues };
      const prefix = [key, index];
      const checked = schema.safeParse(item, { error: plainIssueAt(prefix) });
      if (checked.success) items[key].push(checked.data);
      else issues.push(...checked.error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
    }
  }
  if (!top.success || issues.length > 0) return { issues };
  return { library: { ...top.data, ...items } as Library, issues };
}

/** Plain words for the issues of a value found at `prefix` in the file. */
function plainIssueAt(prefix: Path): z.core.$ZodErrorMap {
  // The path decides some wordings (the whole file, the version), so the item's own path is put under its place in the file.
  return (issue) =>
    plainIssue(prefix.length === 0 ? issue : { ...issue, path: [...prefix, ...(issue.path ?? [])] }, (found) => `a library file must be a set of fields ("version: 1", "exercises:" ...), not ${found}`);
}

/** The fields each kind of object may have, for "unknown field" messages. */
function allowedFields(path: Path): { kind: string; fields: string[] } | undefined {
  const [list, , field] = path;
  const shapes = {
    exercises: ['a drill', exerciseSchema],
    routines: ['a routine', routineSchema],
    movements: ['a test movement', movementSchema],
    cues: ['a cue', cueSchema],
  } as const;
  if (path.length === 0) return { kind: 'the library', fields: Object.keys(librarySchema.shape) };
  if (path.length === 3 && list === 'exercises' && field === 'dose') return { kind: 'a dose', fields: Object.keys(doseSchema.shape) };
  if (path.length !== 2 || typeof list !== 'string' || !Object.hasOwn(shapes, list)) return undefined;
  const [kind, schema] = shapes[list as keyof typeof shapes];
  return { kind, fields: Object.keys(schema.shape) };
}

function zodProblems(doc: Document, source: string, issues: z.core.$ZodIssue[], at: At): Found[] {
  return issues.flatMap((issue): Found[] => {
    const path: Path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code !== 'unrecognized_keys') {
      const message =
        issue.code !== 'invalid_type'
          ? undefined
          : issue.expected === 'string'
            ? (referenceWithFields(doc, path) ?? textWithColon(doc, source, path))
            : howToWrite(doc, path, issue.expected, issue.message);
      return [{ ...position(doc, path, at), path: path.join('.') || '(file)', message: message ?? issue.message }];
    }
    // One line per unexpected key, each pointing at the key itself.
    const allowed = allowedFields(path);
    return issue.keys.map((key) => {
      const message = () => {
        // YAML's older "merge" key, which this reader does not apply: no typo of a field name.
        if (key === '<<') return '"<<:" (copying the fields of an &anchor into this item) is not supported; write the fields out in full';
        // `reps: 10` beside the drill's other fields: a dose's field, nothing like "steps" or "side".
        if (allowed?.kind === 'a drill' && Object.hasOwn(doseSchema.shape, key)) {
          return `unknown field ${JSON.stringify(key)} for a drill: it belongs inside the dose, indented under "dose:" (or written dose: { sets: 3, reps: 10 })`;
        }
        // A short field name inside a longer typo ("id" in "vidoe") is no real likeness.
        const near = allowed ? closest(key, allowed.fields.filter((field) => field.length * 2 > key.length)) : [];
        const advice =
          near.length > 0
            ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)`
            : allowed
              ? `; ${allowed.kind} can have: ${allowed.fields.join(', ')}`
              : '';
        return `unknown field ${JSON.stringify(key)}${advice}`;
      };
      // A key with spaces or control characters in it ("video link") would split the path column
      // of the problem line: the path then names the item, and the message quotes the key escaped.
      const keyPath = readsInPath(key) ? [...path, key] : path;
      return { ...position(doc, [...path, key], at), path: keyPath.join('.') || '(file)', message };
    });
  });
}

/**
 * For a routine's drill or cue written as a set of fields (`- id: clamshells`, as the drill itself
 * is written under "exercises:"): a routine names each by its id alone. Putting the line in
 * quotes, as for a text with ": " in it, would make "id: clamshells" an unknown id. Undefined for
 * any other value.
 */
function referenceWithFields(doc: Document, path: Path): string | undefined {
  const [list, , field] = path;
  if (list !== 'routines' || path.length !== 4 || (field !== 'exercises' && field !== 'cues')) return undefined;
  const node = nodeAt(doc, path, false);
  if (!isMap(node)) return undefined;
  const kind = field === 'exercises' ? 'drill' : 'cue';
  const idPair = node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
  const id = idPair && isScalar(idPair.value) && typeof idPair.value.value === 'string' ? idPair.value.value : undefined;
  const rule = `a routine lists each ${kind} by its id alone, not as a set of fields`;
  return id === undefined ? `${rule}, as in "- ${kind === 'drill' ? 'clamshells' : 'stand-tall'}"` : `${rule}: write "- ${id}"`;
}

/**
 * For text written as `- Note: keep the knee soft`, which YAML reads as a field "Note": why it is
 * not text, and the same line in quotes. Undefined for any other value.
 */
function textWithColon(doc: Document, source: string, path: Path): string | undefined {
  const node = nodeAt(doc, path, false);
  if (!isMap(node) || node.flow || node.items.length !== 1 || !node.range) return undefined;
  const { key, value } = node.items[0]!;
  if (!isScalar(key) || key.type !== 'PLAIN' || !isScalar(value) || !value.range) return undefined;
  const text = source.slice(node.range[0], value.range[1]);
  if (text.includes('\n')) return undefined;
  return `must be text, not a set of fields: the ": " after "${String(key.value)}" makes it a field name; put the whole text in quotes: ${quoted(text)}`;
}

/**
 * For a list or a dose written as one plain value (`steps: Lie on your side`, `dose: 3 x 10`):
 * the message with how to write it. Undefined for any other value.
 */
function howToWrite(doc: Document, path: Path, expected: string, message: string): string | undefined {
  const field = path.at(-1);
  const node = nodeAt(doc, path, false);
  if (typeof field !== 'string' || !isScalar(node)) return undefined;
  if (expected === 'array') {
    // `equipment:` with nothing after it, meant as none: a list that may be left out.
    const none = node.value === null && fieldSchema(path)?.safeParse(undefined).success ? ` (or, for none, leave "${field}:" out)` : '';
    return `${message}: write each item on a line of its own under "${field}:", indented and starting with "- "${none}`;
  }
  if (expected === 'object' && field === 'dose') return `${message}: write its fields, as in dose: { sets: 3, reps: 10 } or dose: { holdSeconds: 30, perSide: true }`;
  return undefined;
}

/** The schema of the field at `path`: of the library itself, or of an item of one of its lists. */
function fieldSchema(path: Path): z.ZodType | undefined {
  const [list, , field] = path;
  const shape: Record<string, z.ZodType> | undefined =
    path.length === 1 ? librarySchema.shape : path.length === 3 && typeof list === 'string' && Object.hasOwn(itemSchemas, list) ? itemSchemas[list as keyof typeof itemSchemas].shape : undefined;
  const name = path.length === 1 ? list : field;
  return shape && typeof name === 'string' && Object.hasOwn(shape, name) ? shape[name] : undefined;
}

// ── Checks across the file ───────────────────────────────────────────────────

/**
 * Checks zod cannot make on one object: unique ids and references that resolve. They run on the
 * raw data, even when some items are malformed, so that every problem is reported in one go.
 */
function crossChecks(data: unknown, doc: Document, at: At): (Found & { reference?: true })[] {
  const found: (Found & { reference?: true })[] = [];
  const report = (path: Path, message: Found['message'], reference?: true) =>
    found.push({ ...position(doc, path, at), path: path.join('.') || '(file)', message, ...(reference ? { reference } : {}) });
  const items = (value: unknown, key: string): unknown[] => {
    const list = isRecord(value) ? value[key] : undefined;
    return Array.isArray(list) ? list : [];
  };
  const unique = (key: string) => {
    const firstIndex = new Map<string, number>();
    items(data, key).forEach((item, index) => {
      if (!isRecord(item) || typeof item.id !== 'string') return;
      const first = firstIndex.get(item.id);
      if (first === undefined) firstIndex.set(item.id, index);
      else report([key, index, 'id'], `duplicate id "${item.id}" (already used on line ${position(doc, [key, first, 'id'], at).line})`);
    });
    return new Set(firstIndex.keys());
  };
  const exerciseIds = unique('exercises');
  unique('routines');
  unique('movements');
  const cueIds = unique('cues');

  items(data, 'routines').forEach((routine, r) => {
    if (isRecord(routine) && (routine.id === 'rehab' || routine.id === 'retest')) {
      report(['routines', r, 'id'], `"${routine.id}" is a built-in routine name; choose another id`);
    }
    const references = [['exercises', 'exercise', exerciseIds], ['cues', 'cue', cueIds]] as const;
    for (const [field, kind, known] of references) {
      const seen = new Set<unknown>();
      items(routine, field).forEach((id, i) => {
        if (typeof id === 'string' && !known.has(id)) report(['routines', r, field, i], () => unknown(kind, id, known, items(data, 'exercises')), true);
        // A drill is judged once a session: a second place in the same routine would be judged twice.
        else if (seen.has(id)) report(['routines', r, field, i], `"${String(id)}" is listed twice in this routine`);
        seen.add(id);
      });
    }
  });
  // A one-sided drill's dose is for that one side: "per side" beside "your left side" would
  // contradict it, and a session would time its holds for two sides.
  items(data, 'exercises').forEach((drill, e) => {
    if (!isRecord(drill) || !isRecord(drill.dose) || drill.dose.perSide !== true) return;
    const only = drill.side === 'painful' ? 'the painful side' : drill.side === 'opposite' ? 'the side opposite the pain' : undefined;
    if (only) report(['exercises', e, 'dose', 'perSide'], `this drill is done on ${only} only (side: ${drill.side}), so its dose is for that side: leave out "perSide: true", or make the side "both" for a drill done on each side`);
  });
  // Library text reaches the terminal in every session: it must not carry control codes.
  for (const { path, character } of controlCharacterPaths(data)) {
    report(path === '(file)' ? [] : path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)), `holds a control character (${character}); write plain text`);
  }
  return found;
}

/** Why a routine's reference is not one: an id not in the file, a drill's name, or a cue's text. `drills`: the file's, as written. */
function unknown(kind: 'exercise' | 'cue', id: string, known: Set<string>, drills: unknown[]): string {
  const words = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  const named = kind === 'exercise' ? drills.find((drill) => isRecord(drill) && typeof drill.name === 'string' && typeof drill.id === 'string' && words(drill.name) === words(id)) : undefined;
  if (isRecord(named)) return `"${id}" is the name of a drill; a routine names its drills by id: "${String(named.id)}"`;
  if (kind === 'cue' && !anyLengthId.safeParse(id).success) {
    return 'a routine\'s cues are the ids of cues listed under "cues:" at the top of the file, not text: list this one there (an id and its text) and write its id here';
  }
  if (kind === 'cue' && known.size === 0) return `unknown cue "${id}": the file has no "cues:" list at its top, where each cue has an id and its text`;
  const near = closest(id, [...known]);
  return `unknown ${kind} "${id}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
