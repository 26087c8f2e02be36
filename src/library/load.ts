// Loading a library file: YAML with positions, then zod, then the checks that span the file
// (unique ids, routines naming drills that exist). Every problem is reported at once as
// `FILE:LINE:COL  path.to.field  message`, sorted by position.
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { ZodError } from 'zod';
import { closest } from '../core/closest.js';
import { EXIT, UserError } from '../errors.js';
import { librarySchema, type Library } from './schema.js';

export interface Problem {
  line: number;
  col: number;
  path: string;
  message: string;
}

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

/** Reads, parses and checks a library file; throws LibraryError listing every problem. */
export function loadLibraryFile(file: string): Library {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read the file';
    throw new LibraryError(file, [{ line: 1, col: 1, path: '(file)', message: reason }]);
  }
  const result = parseLibrary(source);
  if (!result.ok) throw new LibraryError(file, result.problems);
  return result.library;
}

export function parseLibrary(source: string): { ok: true; library: Library } | { ok: false; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  const problems: Problem[] = [];

  for (const error of doc.errors) {
    const { line, col } = at(error.pos[0]);
    problems.push({ line, col, path: pathAtOffset(doc, error.pos[0]) || '(syntax)', message: yamlMessage(error.message) });
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { ok: false, problems: [{ line: 1, col: 1, path: '(file)', message: 'the file is empty' }] };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ line: 1, col: 1, path: '(file)', message: yamlMessage((error as Error).message) }] };
  }

  const parsed = librarySchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: sortProblems(zodProblems(doc, data, parsed.error, at)) };

  problems.push(...crossChecks(parsed.data).map(({ path, message }) => ({ ...position(doc, path, at), path: path.join('.'), message })));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, library: parsed.data };
}

type Path = (string | number)[];
type At = (offset: number) => { line: number; col: number };

/** Checks zod cannot make on one object: unique ids and references that resolve. */
function crossChecks(library: Library): { path: Path; message: string }[] {
  const found: { path: Path; message: string }[] = [];
  const unique = (list: { id: string }[], key: string) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.id)) found.push({ path: [key, index, 'id'], message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
    return seen;
  };
  const exerciseIds = unique(library.exercises, 'exercises');
  unique(library.routines, 'routines');
  unique(library.movements, 'movements');
  const cueIds = unique(library.cues, 'cues');
  const reservedRoutines = new Set(['rehab', 'retest']);

  library.routines.forEach((routine, r) => {
    if (reservedRoutines.has(routine.id)) {
      found.push({ path: ['routines', r, 'id'], message: `"${routine.id}" is a built-in routine name; choose another id` });
    }
    routine.exercises.forEach((exerciseId, e) => {
      if (!exerciseIds.has(exerciseId)) {
        found.push({ path: ['routines', r, 'exercises', e], message: unknown('exercise', exerciseId, exerciseIds) });
      }
    });
    routine.cues.forEach((cueId, c) => {
      if (!cueIds.has(cueId)) found.push({ path: ['routines', r, 'cues', c], message: unknown('cue', cueId, cueIds) });
    });
  });
  return found;
}

function unknown(kind: string, id: string, known: Set<string>): string {
  const near = closest(id, [...known]);
  return `unknown ${kind} "${id}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}`;
}

function zodProblems(doc: Document, data: unknown, error: ZodError, at: At): Problem[] {
  return error.issues.map((issue) => {
    let path: Path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      // Point at the first unexpected key itself rather than at the object holding it.
      path = [...path, issue.keys[0]!];
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    } else if (path.length > 0 && !hasPath(data, path)) {
      message = 'missing required field';
    }
    return { ...position(doc, path, at), path: path.join('.') || '(file)', message };
  });
}

function hasPath(data: unknown, path: Path): boolean {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return true;
}

/** The position of the node at `path`, or of its nearest existing parent (a missing field). */
function position(doc: Document, path: Path, at: At): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) {
      // For a map entry, point at its key: that is where a reader looks.
      const keyNode = depth > 0 && depth === path.length ? keyOf(doc, path) : undefined;
      return at((keyNode ?? node).range![0]);
    }
  }
  return { line: 1, col: 1 };
}

function keyOf(doc: Document, path: Path): Node | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
  return isScalar(pair?.key) ? pair.key : undefined;
}

/** The dotted path of the deepest map entry or list item that holds `offset`, for YAML errors. */
function pathAtOffset(doc: Document, offset: number): string {
  let deepest: string[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      const value = pair.value as Node | null;
      const start = key?.range?.[0] ?? Infinity;
      const end = value?.range?.[2] ?? key?.range?.[2] ?? -1;
      if (start <= offset && offset <= end) {
        const parts: string[] = [];
        let parent: unknown = doc.contents;
        for (const ancestor of path.slice(1)) {
          if (isPair(ancestor) && isScalar(ancestor.key)) parts.push(String(ancestor.key.value));
          if (isSeq(parent) && isMap(ancestor)) parts.push(String(parent.items.indexOf(ancestor)));
          parent = isPair(ancestor) ? ancestor.value : ancestor;
        }
        if (isSeq(parent) && isMap(path[path.length - 1])) parts.push(String(parent.items.indexOf(path[path.length - 1] as never)));
        parts.push(String(key?.value));
        if (parts.length > deepest.length) deepest = parts;
      }
    },
  });
  return deepest.join('.');
}

function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}
