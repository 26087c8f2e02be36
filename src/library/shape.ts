// A library's data checked against its zod schemas (schema.ts), and each issue turned into a
// problem in words a therapist can act on: a did-you-mean for a mistyped field, how to write a
// list or a dose given as one value, a text that YAML read as a field because of its ": ".
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type * as z from 'zod';
import { readsInPath } from '../core/text.js';
import { MISSING, plainIssue } from '../plain-issues.js';
import { nodeAt, position, type At, type Path } from './positions.js';
import { SHOWN_PROBLEMS, type Found } from './problems.js';
import { cueSchema, doseSchema, exerciseSchema, librarySchema, libraryListsSchema, movementSchema, routineSchema, type Library } from './schema.js';
import { longDashAt, longDashWords } from './line-slips.js';
import { isNameless, namelessFieldMessage, namelessFieldOffsets } from './nameless-field.js';
import { putInQuotes } from './syntax.js';
import { allowedFields, inCapitals, nearFields } from './field-names.js';
import { fieldReadAsList, itemsReadAsText } from './items-as-text.js';
import { lineAt } from './lines.js';
import { itemLeftOfList } from './out-of-column.js';
import { numberWordAdvice, valueAdvice } from './value-advice.js';

/** What each list of the library holds. */
const itemSchemas = { exercises: exerciseSchema, routines: routineSchema, movements: movementSchema, cues: cueSchema } as const;

/**
 * The library checked against its schema: the library itself when it fits, else the issues with
 * their paths from the top of the file. The items of the lists are checked one by one, and the
 * check stops once it has found more issues than are listed: zod collects every issue of a parse,
 * millions of them in a file of thousands of empty items.
 */
export function checkShape(data: unknown): { library?: Library; issues: z.core.$ZodIssue[] } {
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

/**
 * The required fields written with a typo ("Loading: false"), by the path they are missing at,
 * with the name written: one slip, told once, at the field written.
 */
function misspeltFields(issues: z.core.$ZodIssue[]): Map<string, string> {
  const misspelt = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    for (const key of issue.keys) {
      const near = nearFields(key, allowedFields(path));
      const field = inCapitals(key, allowedFields(path)) ?? (near.length === 1 ? near[0] : undefined);
      if (field !== undefined) misspelt.set([...path, field].join('.'), key);
    }
  }
  const missing = issues.filter(isMissing).map((issue) => issue.path.join('.'));
  return new Map([...misspelt].filter(([path]) => missing.includes(path)));
}

/**
 * A required field not written: a choice (region, side, version) as much as a text or a list. The
 * issues zod returns no longer hold the value checked, so this goes by plainIssue's words for it.
 */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.message.startsWith(MISSING);
}

export function zodProblems(doc: Document, source: string, issues: z.core.$ZodIssue[], at: At): Found[] {
  const misspelt = misspeltFields(issues);
  // "Reps: 10" leaves the dose without reps for its capital alone: told once, at "Reps".
  const capitalDoses = new Set(
    issues.flatMap((issue) => {
      const path = issue.path.join('.');
      const dose = allowedFields(issue.path.filter((key): key is string | number => typeof key !== 'symbol'));
      return issue.code === 'unrecognized_keys' && dose?.kind === 'a dose' && issue.keys.some((key) => inCapitals(key, dose) !== undefined) ? [path] : [];
    }),
  );
  return issues.flatMap((issue): Found[] => {
    const path: Path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (isMissing(issue) && misspelt.has(path.join('.'))) return [];
    if (issue.code === 'custom' && path.at(-1) === 'dose' && capitalDoses.has(path.join('.'))) return [];
    if (issue.code !== 'unrecognized_keys') {
      const message =
        issue.code !== 'invalid_type'
          ? valueAdvice(doc, path, issue.message)
          : issue.expected === 'string'
            ? (referenceWithFields(doc, path) ?? textWithColon(doc, source, path))
            : howToWrite(doc, source, path, issue.expected, issue.message);
      return [{ ...position(doc, path, at), path: path.join('.') || '(file)', message: message ?? issue.message }];
    }
    // One line per unexpected key, each pointing at the key itself.
    const allowed = allowedFields(path);
    return issue.keys.flatMap((key): Found[] => {
      // A field with no name: told at each line that has one, as YAML keeps only the last of them.
      if (isNameless(key)) return namelessFieldOffsets(doc, source, path).map((offset) => ({ ...at(offset), path: path.join('.') || '(file)', message: namelessFieldMessage(allowed) }));
      const message = () => {
        // YAML's older "merge" key, which this reader does not apply: no typo of a field name.
        if (key === '<<') return '"<<:" (copying the fields of an &anchor into this item) is not supported; write the fields out in full';
        // `reps: 10` beside the drill's other fields: a dose's field, nothing like "steps" or "side".
        if (allowed?.kind === 'a drill' && Object.hasOwn(doseSchema.shape, key)) {
          return `unknown field ${JSON.stringify(key)} for a drill: it belongs inside the dose, indented under "dose:" (or written dose: { sets: 3, reps: 10 })`;
        }
        // "Side: painful": one slip, whose fix is plain. Beside "side:" itself, it says the same
        // twice, perhaps with two values: one of the two is to go.
        const field = inCapitals(key, allowed);
        const twin = field === undefined ? undefined : nodeAt(doc, [...path, field], true);
        if (field !== undefined && twin) {
          const capitals = field === field.toLowerCase() ? 'in capitals' : 'with other capitals';
          const line = twin.range ? ` (line ${at(twin.range[0]).line})` : '';
          return `${JSON.stringify(key)} repeats "${field}"${line} ${capitals}: keep one of the two, with the value meant, written "${field}"`;
        }
        if (field !== undefined) {
          return field === field.toLowerCase()
            ? `field names are written in lower case: write "${field}", not ${JSON.stringify(key)}`
            : `field names are written with the capitals the library gives them: write "${field}", not ${JSON.stringify(key)}`;
        }
        const near = nearFields(key, allowed);
        const needed = misspelt.get([...path, near[0]].join('.')) === key ? ` ${allowed?.kind ?? 'it'} needs that field` : '';
        const advice =
          near.length > 0
            ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?${needed})`
            : allowed
              ? `; ${allowed.kind} can have: ${allowed.fields.join(', ')}`
              : '';
        return `unknown field ${JSON.stringify(key)}${advice}`;
      };
      // A key with spaces or control characters in it ("video link") would split the path column
      // of the problem line: the path then names the item, and the message quotes the key escaped.
      const keyPath = readsInPath(key) ? [...path, key] : path;
      return [{ ...position(doc, [...path, key], at), path: keyPath.join('.') || '(file)', message }];
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
  const colon = value.value === null && text.trimEnd().endsWith(':') ? `the ":" at the end of "${String(key.value)}"` : `the ": " after "${String(key.value)}"`;
  return `must be text, not a set of fields: ${colon} makes it a field name; ${putInQuotes(text)}`;
}

/**
 * For a list or a dose written as one plain value (`steps: Lie on your side`, `dose: 3 x 10`):
 * the message with how to write it. Undefined for any other value.
 */
function howToWrite(doc: Document, source: string, path: Path, expected: string, message: string): string | undefined {
  const field = path.at(-1);
  const node = nodeAt(doc, path, false);
  // "  - clamshells" after a routine's "      - wall-sit": an item of the list above, read as a routine.
  if (expected === 'object' && path.length === 2 && isScalar(node) && node.range) return itemLeftOfList(source, lineAt(source, node.range[0]));
  // "dose:", then "- sets: 3" or "- Hold 30 seconds." under it: a dose's fields go without "- ".
  if (expected === 'object' && field === 'dose' && isSeq(node) && !node.flow) return `${message}: write its fields under "dose:" without the "- " of a list item, such as "sets: 3" and "holdSeconds: 30", and any words in the drill's steps or cues`;
  // "exercises:", then "cues:" of the routine indented under it (under a list of the library
  // itself, rather the "- " of its item is lost).
  const held = expected === 'array' && path.length === 3 && typeof field === 'string' ? fieldReadAsList(source, node, field, allowedFields(path.slice(0, -1))?.fields ?? []) : undefined;
  if (held) return `${message}: ${held}`;
  if (typeof field !== 'string' || !isScalar(node)) return undefined;
  if (expected === 'array') {
    const items = itemsReadAsText(source, node, field);
    if (items) return `${message}: ${items}`;
    // `equipment:` with nothing after it, meant as none: a list that may be left out.
    const optional = fieldSchema(path)?.safeParse(undefined).success;
    const none = node.value === null && optional ? ` (or, for none, leave "${field}:" out)` : '';
    // "equipment: none", as a form is filled in: a list that may be left out, or written empty.
    if (optional && typeof node.value === 'string' && /^(none|nothing|no|n\/?a|-+)$/i.test(node.value.trim())) return `${message}: for none, leave "${field}:" out, or write "${field}: []"`;
    // "steps:", then "-Lie down." under it: the "-" of the item lost its space.
    if (typeof node.value === 'string' && /^-[^\s-][^\n]*$/.test(node.value)) return `${message}: a space is missing after the "-" that starts it; write "- ${node.value.slice(1)}"`;
    const dash = typeof node.value === 'string' ? longDashAt(node.value) : undefined;
    const why = dash ? `: "${dash}" is ${longDashWords};` : ':';
    return `${message}${why} write each item on a line of its own under "${field}:", indented and starting with "- "${none}`;
  }
  if (expected === 'object' && field === 'dose') return `${message}: write its fields, as in dose: { sets: 3, reps: 10 } or dose: { holdSeconds: 30, perSide: true }`;
  const [list, , parent] = path;
  if ((expected === 'int' || expected === 'number') && list === 'exercises' && parent === 'dose' && typeof node.value === 'string') {
    const side = nodeAt(doc, path.slice(0, 2).concat('side'), false);
    const oneSided = isScalar(side) && (side.value === 'painful' || side.value === 'opposite');
    const advice = doseNumberAdvice(field, node.value.trim(), oneSided);
    return advice && `${message}: ${advice}`;
  }
  return undefined;
}

/**
 * How to write a dose's number given with words, as a plan on paper reads ("3 x 10", "30s",
 * "10 each side", "1 min"): the field takes the number alone. Undefined for anything else.
 */
function doseNumberAdvice(field: string, text: string, oneSided: boolean): string | undefined {
  // A one-sided drill's dose is already for its one side (cross-checks.ts): no perSide there.
  const perSide = /\b(?:each|per|a)\s+(?:side|leg)\b/i;
  const eachSide = !perSide.test(text) ? '' : oneSided ? ' (this drill is done on one side, and its dose is for that side)' : ', and "perSide: true" for a dose done on each side';
  const setsByReps = /^(\d+)\s*[x×*]\s*(\d+)$/i.exec(text.replace(perSide, '').trim());
  if (setsByReps && (field === 'reps' || field === 'sets')) return `write the sets and the reps as two fields of the dose, sets: ${setsByReps[1]} and reps: ${setsByReps[2]}${eachSide}`;
  // "3 x 30s", "3 x 1 min": three holds, not a hold of 3.
  const setsTimes = /^(\d+)\s*[x×*]\s*(.+)$/i.exec(text);
  const eachHold = setsTimes?.[2]?.replace(perSide, '').trim();
  const held = eachHold === undefined ? undefined : (/^(\d+)\s*(?:s|secs?|seconds?)?$/i.exec(eachHold)?.[1] ?? minutesIn(eachHold));
  if (setsTimes && held !== undefined && field === 'holdSeconds') return `write the sets and the hold as two fields of the dose, sets: ${setsTimes[1]} and holdSeconds: ${held}${eachSide}`;
  // \u2013: an en dash ("10–12"), escaped, so the bundle's text stays Latin-1 (see scripts/build.mjs).
  const range = /^(\d+)\s*(?:-|\u2013|to)\s*(\d+)\b/i.exec(text);
  if (range) return `write one number, not a range, such as ${field}: ${range[2]}`;
  // A time with minutes in it is no number of seconds to copy ("1:30" is not 1): it is worked out.
  const seconds = minutesIn(text);
  if (seconds !== undefined) return field === 'holdSeconds' ? `the hold is written in seconds, as holdSeconds: ${seconds}${eachSide}` : undefined;
  // Nor is a number before a decimal point, a clock's ":", hours or an "x" of sets.
  const counted = /^(\d+)(?!\s*(?:[.,:]\d|[x×*]|h\b|hrs?\b|hours?\b))\s*\D/i.exec(text);
  if (!counted) return numberWordAdvice(field, text, eachSide);
  return `write the number alone, as ${field}: ${counted[1]}${eachSide}`;
}

/**
 * The seconds in a time written with minutes, as on a paper plan or a clock: "2 min", "1.5 min",
 * "1 min 30 s", "1m30s", "1'30\"", "1:30", followed by anything ("each side"). Undefined for a
 * text that does not start with minutes.
 */
function minutesIn(text: string): number | undefined {
  const clock = /^(\d+):([0-5]\d)(?!\d)/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const written = /^(\d+(?:[.,]\d+)?)\s*(?:minutes?|mins?|mn|m|')(?![a-z])\.?(?:\s*(\d+)\s*(?:seconds?|secs?|s|")?(?![a-z])\.?)?/i.exec(text);
  if (!written) return undefined;
  return Math.round(Number(written[1]!.replace(',', '.')) * 60) + Number(written[2] ?? 0);
}

/** The schema of the field at `path`: of the library itself, or of an item of one of its lists. */
function fieldSchema(path: Path): z.ZodType | undefined {
  const [list, , field] = path;
  const shape: Record<string, z.ZodType> | undefined =
    path.length === 1 ? librarySchema.shape : path.length === 3 && typeof list === 'string' && Object.hasOwn(itemSchemas, list) ? itemSchemas[list as keyof typeof itemSchemas].shape : undefined;
  const name = path.length === 1 ? list : field;
  return shape && typeof name === 'string' && Object.hasOwn(shape, name) ? shape[name] : undefined;
}

/** Whether a value of the data is a set of fields (a YAML mapping). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The fields of a drill that a routine has not: two of them make an item under "routines:" a drill. */
const drillOnlyFields = Object.keys(exerciseSchema.shape).filter((field) => !Object.hasOwn(routineSchema.shape, field));

/**
 * The items under "routines:" written as drills, by their index: a new drill added at the end of
 * the file lands after "routines:". One problem each says so, in place of a line for each field a
 * routine does not have.
 */
export function drillsAmongRoutines(data: unknown, doc: Document, at: At): (Found & { index: number })[] {
  const routines = isRecord(data) && Array.isArray(data.routines) ? data.routines : [];
  return routines.flatMap((item: unknown, index) => {
    if (!isRecord(item) || Object.hasOwn(item, 'exercises')) return [];
    const fields = drillOnlyFields.filter((field) => Object.hasOwn(item, field));
    if (fields.length < 2) return [];
    const message = `this item has the fields of a drill (${fields.join(', ')}) but is listed under "routines:": move it up into the list under "exercises:"`;
    return [{ ...position(doc, ['routines', index], at), path: `routines.${index}`, message, index }];
  });
}
