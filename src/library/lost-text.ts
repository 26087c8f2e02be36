// Text that valid YAML keeps only part of, with no error from the parser: a tag (`- !Careful now`
// keeps "now") or an unused anchor (`- &ref hold` keeps "hold") at the start of a text, and a
// " #" inside one (`- Hold 30 s # each side` keeps "Hold 30 s": the rest is a comment). And a
// list item indented one space too far, which YAML reads as more of the item above it.
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { readsInPath } from '../core/text.js';
import { lineAt } from './lines.js';
import { itemLeftOfList } from './out-of-column.js';
import type { At, Path } from './positions.js';
import type { Problem } from './problems.js';
import { quoted } from './syntax.js';

/** A node of the document, where it sits in the data, and whether it is the key of a field. */
interface Placed {
  node: Node;
  path: Path;
  isKey: boolean;
}

/**
 * Tags anywhere, and anchors no alias uses at the start of a text: problems, each with the text
 * written in quotes where quoting is the fix. Each comes with the path it concerns, joined with
 * dots, so that other problems of the same value (found in what was kept) can be left out.
 */
export function lostTextProblems(doc: Document, source: string, at: At): (Problem & { fullPath: string })[] {
  const used = new Set<string>();
  visit(doc, {
    Alias(_, alias) {
      used.add(alias.source);
    },
  });
  const problems: (Problem & { fullPath: string })[] = [];
  for (const { node, path, isKey } of placedNodes(doc)) {
    const item = itemInText(node, path, source);
    if (item) problems.push({ ...at(item.offset), path: shownPath(path), fullPath: path.join('.'), message: item.message });
    if (!node.range || (!node.tag && !node.anchor)) continue;
    const start = propertiesStart(source, node.range[0]);
    const properties = source.slice(start, node.range[0]).trim();
    const tag = /(?:^|\s)(![^\s]*)/.exec(properties)?.[1];
    const asText = !isKey && isScalar(node) && (node.value === null || typeof node.value === 'string') && isTextPath(path);
    let message: string | undefined;
    if (tag !== undefined && !asText) {
      message = `"${tag}" is a YAML tag (a type given to a value), which a library does not use; remove it`;
    } else if (tag !== undefined) {
      message = quoteMessage('!', `"${tag}" as a tag`, source, start, node.range);
    } else if (node.anchor && !used.has(node.anchor) && asText) {
      message = quoteMessage('&', `"&${node.anchor}" as the name of an anchor (which no *${node.anchor} uses)`, source, start, node.range);
    }
    if (message === undefined) continue;
    const parentPath = isKey ? path.slice(0, -1) : path;
    problems.push({ ...at(start), path: shownPath(parentPath), fullPath: parentPath.join('.') || '(file)', message });
  }
  return problems;
}

/**
 * Comments after a text on its own line (`- Hold 30 s # each side`): YAML drops them, which a
 * person writing a step or a cue may not know. Warnings rather than problems, since a note to
 * oneself after a value is what a comment is for; the message says how to keep the text, and
 * that a note can go on a line of its own, where it is not flagged.
 */
export function commentWarnings(doc: Document, source: string, at: At): Problem[] {
  const warnings: Problem[] = [];
  // Sticky: read from the end of each text, without copying the rest of the file for each one.
  const commentAfter = /[ \t]+(#[^\r\n]*)/y;
  for (const { node, path, isKey } of placedNodes(doc)) {
    if (isKey || !isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range || !isTextPath(path)) continue;
    const end = node.range[1];
    commentAfter.lastIndex = end;
    const comment = commentAfter.exec(source);
    if (!comment) continue;
    const text = comment[1]!.trimEnd();
    const hash = end + comment[0].length - comment[1]!.length;
    const kept = folded(source.slice(node.range[0], end));
    const whole = folded(source.slice(node.range[0], hash + text.length));
    const message =
      `YAML reads "${text}" as a comment and leaves it out, keeping only "${kept}"; ` +
      `to keep it, put the whole text in quotes: ${quoted(whole)} (a note for yourself goes on a line of its own)`;
    warnings.push({ ...at(hash), path: shownPath(path), message });
  }
  return warnings;
}

/**
 * A step written over several lines whose lines are a list of their own (`- |` then `- Lie on
 * your side.` and `- Lift your knee.`): a step is shown as one paragraph, so the list would run
 * together ("- Lie on your side. - Lift your knee."). Warnings: the file works.
 */
export function listInStepWarnings(doc: Document, at: At): Problem[] {
  const warnings: Problem[] = [];
  for (const { node, path, isKey } of placedNodes(doc)) {
    const [list, , field] = path;
    if (isKey || list !== 'exercises' || field !== 'steps' || path.length !== 4 || !isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
    // Two lines or more starting as a list's items do: a dash, a star, a bullet or a number.
    const items = node.value.match(/^[ \t]*(?:[-*\u2022]|\d+[.)])[ \t]+\S/gm) ?? [];
    if (items.length < 2) continue;
    const message = `this step holds a list of ${items.length} items, and a step is shown as one paragraph, so they would run together: write each as a step of its own ("- " at the indent of this step's own "- ")`;
    warnings.push({ ...at(node.range[0]), path: shownPath(path), message });
  }
  return [...warnings, ...numberedStepWarnings(doc, at)];
}

/**
 * Steps numbered in their text ("1. Lie down", "2. Lift"), as on a paper handout: a session and
 * `itb exercises` number each step, so they would show as "1. 1. Lie down". Told once, at the
 * first step, when every step of two or more starts with its own number.
 */
function numberedStepWarnings(doc: Document, at: At): Problem[] {
  const warnings: Problem[] = [];
  for (const { node, path, isKey } of placedNodes(doc)) {
    const [list, , field] = path;
    if (isKey || list !== 'exercises' || field !== 'steps' || path.length !== 3 || !isSeq(node) || node.items.length < 2) continue;
    const numbered = node.items.every((step, index) => isScalar(step) && typeof step.value === 'string' && new RegExp(`^${index + 1}[.)]\\s`).test(step.value.trimStart()));
    const first = node.items[0];
    if (!numbered || !isScalar(first) || !first.range) continue;
    const text = String(first.value).trim().replace(/\s+/g, ' ');
    const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
    const message = `the steps start with their numbers, and a session numbers each step itself, so the first would read "1. ${shown}": leave the numbers out of the steps`;
    warnings.push({ ...at(first.range[0]), path: shownPath([...path, 0]), message });
  }
  return warnings;
}

/** Every node under the document's contents with its path; a loop, not recursion, as a file may nest deeply. */
function placedNodes(doc: Document): Placed[] {
  const placed: Placed[] = [];
  const pending: Placed[] = isNodeLike(doc.contents) ? [{ node: doc.contents, path: [], isKey: false }] : [];
  while (pending.length > 0) {
    const current = pending.pop()!;
    placed.push(current);
    const { node, path } = current;
    if (isSeq(node)) {
      node.items.forEach((item, index) => isNodeLike(item) && pending.push({ node: item, path: [...path, index], isKey: false }));
    } else if (isMap(node)) {
      for (const { key, value } of node.items) {
        if (!isScalar(key)) continue;
        const name = key.value === null ? '' : String(key.value);
        pending.push({ node: key, path: [...path, name], isKey: true });
        if (isNodeLike(value)) pending.push({ node: value, path: [...path, name], isKey: false });
      }
    }
  }
  return placed;
}

function isNodeLike(value: unknown): value is Node {
  return (isScalar(value) || isSeq(value) || isMap(value)) && !isAlias(value);
}

/** The fields of a library that hold text a person wrote (a name, a step, a cue), as opposed to ids, choices and numbers. */
const textFields: Record<string, { single: string[]; lists: string[] }> = {
  exercises: { single: ['name', 'source'], lists: ['steps', 'equipment', 'cues'] },
  routines: { single: ['name', 'description', 'source'], lists: [] },
  movements: { single: ['name', 'instructions'], lists: [] },
  cues: { single: ['text'], lists: [] },
};

function isTextPath(path: Path): boolean {
  const [list, index, field, item] = path;
  const fields = typeof list === 'string' && Object.hasOwn(textFields, list) ? textFields[list] : undefined;
  if (!fields || typeof index !== 'number' || typeof field !== 'string') return false;
  if (path.length === 3) return fields.single.includes(field);
  return path.length === 4 && typeof item === 'number' && fields.lists.includes(field);
}

/** Where the tag and anchor written before the value starting at `valueStart` begin. */
function propertiesStart(source: string, valueStart: number): number {
  const before = /(?:^|[\s[{,])([!&][^\s,[\]{}]*(?:\s+[!&][^\s,[\]{}]*)*\s*)$/.exec(source.slice(Math.max(0, valueStart - 1000), valueStart));
  return before ? valueStart - before[1]!.length : valueStart;
}

/**
 * `- Slide down.` then `       - Hold.`, one space further: YAML reads the second line as more of
 * the first item's text ("Slide down. - Hold."), without an error. Where that line starts, and why.
 */
function itemInText(node: Node, path: Path, source: string): { offset: number; message: string } | undefined {
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range || typeof path.at(-1) !== 'number') return undefined;
  const lineStart = source.lastIndexOf('\n', node.range[0] - 1) + 1;
  const dash = /^( *)- +$/.exec(source.slice(lineStart, node.range[0]));
  const inside = /\n( *)- /.exec(source.slice(node.range[0], node.range[1]));
  if (!dash || !inside) return undefined;
  // "  - wall-sit" right under "    exercises:", its list's other items further in: the item is the line out of place.
  const left = itemLeftOfList(source, lineAt(source, lineStart));
  if (left) return { offset: lineStart + dash[1]!.length, message: left };
  const message =
    `this line starts with "- " but is indented further than the list item above it, so YAML reads it as more of that item's text ("${folded(node.value)}"): ` +
    `start its "- " in column ${dash[1]!.length + 1}, as the item above does`;
  return { offset: node.range[0] + inside.index + 1 + inside[1]!.length, message };
}

/** Text over several lines as YAML reads it: one line, a space where each line break was. */
function folded(text: string): string {
  return text.trim().replace(/[ \t]*\r?\n\s*/g, ' ');
}

/** Why a text starting with ! or & is not read as written, and the text in quotes. */
function quoteMessage(character: string, reading: string, source: string, start: number, range: [number, number, number]): string {
  const kept = folded(source.slice(range[0], range[1]));
  const what = kept === '' ? 'keeps no text at all' : `keeps only "${kept}"`;
  const whole = quoted(folded(source.slice(start, range[1])));
  return `text cannot start with ${character} unless it is in quotes: YAML reads ${reading} and ${what}; put the whole text in quotes: ${whole}`;
}

/** A path to show in the path column: cut before a key with a space or a control character in it, which would split the column. */
function shownPath(path: Path): string {
  const cut = path.findIndex((part) => typeof part === 'string' && !readsInPath(part));
  return (cut === -1 ? path : path.slice(0, cut)).join('.') || '(file)';
}
