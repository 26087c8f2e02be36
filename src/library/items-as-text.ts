// A field with a plain text on its line and list items under it ("equipment: chair", then
// "- band"): YAML reads the items as more of that text, so that the field is text, not a list.
// Or a field of the item indented under the list ("cues:" under "exercises:"): a set of fields.
import { isMap, isScalar, type Node } from 'yaml';
import { fieldOf, lineAbove, lineAt, lineNumber } from './lines.js';

/**
 * Why `node`, a plain text where a list of `field` belongs, is text: the lines under its first
 * that start with "- " are read as more of it. Undefined for a text without such lines.
 */
export function itemsReadAsText(source: string, node: Node | null | undefined, field: string): string | undefined {
  if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return undefined;
  const [first, ...later] = source.slice(node.range[0], node.range[1]).split(/\r?\n/);
  if (!later.some((line) => /^\s*-\s/.test(line))) return undefined;
  const text = first!.trim();
  // "steps:", then "-Lie down." and "- Lift." under it: the first item's "-" lost its space.
  if (/^-[^\s-]/.test(text)) return `a space is missing after the "-" that starts "${text}", the first item under "${field}:": write "- ${text.slice(1)}"`;
  return `the lines under "${field}: ${text}" that start with "- " are read as more of its text; write "${field}:" alone with the items under it ("- ${text}" too, if it is one)`;
}

/**
 * Why `node`, a set of fields where the list `field` belongs, is one: a field of the item that
 * holds the list ("cues:" of a routine) is indented under "exercises:", which then holds it. Told
 * with the field's line and the column to start it in. Undefined for any other set of fields.
 */
export function fieldReadAsList(source: string, node: Node | null | undefined, field: string, siblings: readonly string[]): string | undefined {
  if (!isMap(node) || node.flow) return undefined;
  const key = node.items.map((pair) => pair.key).find((each) => isScalar(each) && typeof each.value === 'string' && siblings.includes(each.value) && each.value !== field);
  if (!isScalar(key) || !key.range) return undefined;
  const line = lineAt(source, key.range[0]);
  const opens = lineAbove(source, line, line.indent - 1);
  const list = opens && fieldOf(opens);
  if (!opens || list?.name !== field) return undefined;
  const name = String(key.value);
  return `"${name}:" on line ${lineNumber(source, line.start)} is indented under "${field}:", which makes "${field}" hold it: start "${name}:" in column ${list.col + 1}, as "${field}" is, and list the items of "${field}" under "${field}:", each starting with "- "`;
}
