// A field with a plain text on its line and list items under it ("equipment: chair", then
// "- band"): YAML reads the items as more of that text, so that the field is text, not a list.
import { isScalar, type Node } from 'yaml';

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
