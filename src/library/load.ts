// Loading a library file: YAML with positions, then zod, then the checks that span the file
// (unique ids, routines naming drills that exist). Every problem is reported at once as
// `FILE:LINE:COL  path.to.field  message`, sorted by position, in words a therapist can act on.
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ZodError } from 'zod';
import { closest } from '../core/closest.js';
import { controlCharacterPaths } from '../core/text.js';
import { EXIT, UserError } from '../errors.js';
import { plainIssue } from '../plain-issues.js';
import { cannotReadWords, codeOf, readRegularFile, sizeWords, TOO_BIG } from '../regular-file.js';
import { cueSchema, doseSchema, exerciseSchema, librarySchema, movementSchema, routineSchema, type Library } from './schema.js';
import { firstLine, isReadable, syntaxProblems, unresolvedAliases, type At, type Problem } from './syntax.js';

export type { Problem };

export class LibraryError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(
      `${count} in the exercise library ${file}`,
      `Fix ${problems.length === 1 ? 'it' : 'them'} and run \`itb validate ${file}\` to check again.`,
      EXIT.usage,
      problems.map((p) => `${file}:${p.line}:${p.col}  ${p.path}  ${p.message}`),
    );
  }
}

/**
 * The most a library file may hold. The built-in library, every drill and routine of the method,
 * is about 30 KB; a file many times larger is not a library (and the checker's time and memory
 * grow with the file).
 */
export const LIBRARY_SIZE_LIMIT = 2 * 1024 * 1024;

/**
 * Reads, parses and checks a library file; throws LibraryError listing every problem, or a
 * UserError when the file cannot be read at all (missing, a folder, a device, too large).
 */
export function loadLibraryFile(file: string): Library {
  let source: string;
  try {
    source = readRegularFile(file, LIBRARY_SIZE_LIMIT).toString('utf8');
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
  const parsed = parseLibrary(source);
  if (!parsed.ok) throw new LibraryError(file, parsed.problems);
  const { library } = parsed;
  return library;
}

export function parseLibrary(source: string): { ok: true; library: Library } | { ok: false; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at: At = (offset) => lineCounter.linePos(offset);
  const syntax = syntaxProblems(doc, source, at);
  // A parse error that leaves the document readable (a field given twice) is listed with all the
  // others; after any other, the structure is the parser's guess and the report stops there.
  const fail = (problems: Problem[]) => ({ ok: false as const, problems: finishProblems([...syntax, ...problems]) });
  if (!isReadable(doc)) return fail([]);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const what = source.trim() === '' ? 'the file is empty' : 'the file holds only comments';
    return fail([{ line: 1, col: 1, path: '(file)', message: `${what}; a library needs at least "version: 1" and a list of exercises` }]);
  }
  const aliases = unresolvedAliases(doc, at);
  if (aliases.length > 0) return fail(aliases);

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

  const parsed = librarySchema.safeParse(data, {
    error: (issue) => plainIssue(issue, (found) => `a library file must be a set of fields ("version: 1", "exercises:" ...), not ${found}`),
  });
  const problems = parsed.success ? [] : zodProblems(doc, parsed.error, at);
  problems.push(...crossChecks(data, doc, at));
  if (syntax.length > 0 || problems.length > 0 || !parsed.success) return fail(problems);
  return { ok: true, library: parsed.data };
}

type Path = (string | number)[];

// ── Shape (zod) ──────────────────────────────────────────────────────────────

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

function zodProblems(doc: Document, error: ZodError, at: At): Problem[] {
  return error.issues.flatMap((issue) => {
    const path: Path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code !== 'unrecognized_keys') {
      return [{ ...position(doc, path, at), path: path.join('.') || '(file)', message: issue.message }];
    }
    // One line per unexpected key, each pointing at the key itself.
    const allowed = allowedFields(path);
    return issue.keys.map((key) => {
      // A short field name inside a longer typo ("id" in "vidoe") is no real likeness.
      const near = allowed ? closest(key, allowed.fields.filter((field) => field.length * 2 > key.length)) : [];
      const advice =
        near.length > 0
          ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)`
          : allowed
            ? `; ${allowed.kind} can have: ${allowed.fields.join(', ')}`
            : '';
      // A key with spaces or control characters in it ("video link") would split the path column
      // of the problem line: the path then names the item, and the message quotes the key escaped.
      const keyPath = /^[^\s\p{Cc}]+$/u.test(key) ? [...path, key] : path;
      return { ...position(doc, [...path, key], at), path: keyPath.join('.') || '(file)', message: `unknown field ${JSON.stringify(key)}${advice}` };
    });
  });
}

// ── Checks across the file ───────────────────────────────────────────────────

/**
 * Checks zod cannot make on one object: unique ids and references that resolve. They run on the
 * raw data, even when some items are malformed, so that every problem is reported in one go.
 */
function crossChecks(data: unknown, doc: Document, at: At): Problem[] {
  const found: Problem[] = [];
  const report = (path: Path, message: string) => found.push({ ...position(doc, path, at), path: path.join('.'), message });
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
        if (typeof id === 'string' && !known.has(id)) report(['routines', r, field, i], unknown(kind, id, known));
        // A drill is judged once a session: a second place in the same routine would be judged twice.
        else if (seen.has(id)) report(['routines', r, field, i], `"${String(id)}" is listed twice in this routine`);
        seen.add(id);
      });
    }
  });
  // Library text reaches the terminal in every session: it must not carry control codes.
  for (const { path, character } of controlCharacterPaths(data)) {
    report(path === '(file)' ? [] : path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)), `holds a control character (${character}); write plain text`);
  }
  return found;
}

function unknown(kind: string, id: string, known: Set<string>): string {
  const near = closest(id, [...known]);
  return `unknown ${kind} "${id}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// ── Positions ────────────────────────────────────────────────────────────────

/** The position of the node at `path`, or of its nearest existing parent (a missing field). */
function position(doc: Document, path: Path, at: At): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    // For a map entry, point at its key: that is where a reader looks.
    const node = nodeAt(doc, path.slice(0, depth), depth === path.length);
    if (node?.range) return at(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/**
 * The node a path in the data comes from (the key of a map entry, with `entryKey`). A field given
 * twice leads to the last one, whose value toJS() keeps; doc.getIn() would find the first.
 */
function nodeAt(doc: Document, path: Path, entryKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  for (const [depth, step] of path.entries()) {
    if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else if (isMap(node)) {
      const pair = node.items.findLast((item) => isScalar(item.key) && keyInData(item.key.value) === String(step));
      node = entryKey && depth === path.length - 1 ? pair?.key : pair?.value;
    } else {
      return undefined;
    }
  }
  return isNode(node) ? node : undefined;
}

/** The name toJS() gives a key in the data: `1:` and `"1":` both become "1", an empty key "". */
function keyInData(value: unknown): string {
  return value === null ? '' : String(value);
}

/** The problems in the order of the file, each path short enough to read. */
function finishProblems(problems: Problem[]): Problem[] {
  // A path hundreds of levels deep (a file nested absurdly) is shown by its start.
  for (const problem of problems) if (problem.path.length > 80) problem.path = `${problem.path.slice(0, 79)}…`;
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}
