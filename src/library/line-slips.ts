// Slips in how one line of a library is written, which the YAML parser reports in its own terms
// and often at a neighbouring line: a field or list item indented one space off, a list item
// without its "- ", a field name without the space after its ":". Told at the line itself, with
// the column or the text to write.
import type { YAMLError } from 'yaml';
import { continuedTextSlip } from './continued-text.js';
import { fieldOf, isBlank, isItem, itemWordAt, lineAbove, lineAt, lineNumber, nextLine, type Line } from './lines.js';
import { doseFields, fieldInList, fieldUnderTextItem, itemLeftOfList, itemUnderDose, shiftedField } from './out-of-column.js';
import { tabIndent } from './parser-words.js';
import { cueSchema, exerciseSchema, librarySchema, movementSchema, routineSchema } from './schema.js';

/** The names of the fields a library's items have, to tell "loading false" from a line of text. */
const fieldNames = new Set([
  ...['version', 'exercises', 'routines', 'movements', 'cues', 'sets', 'reps', 'holdSeconds', 'perSide'],
  ...[exerciseSchema, routineSchema, movementSchema, cueSchema].flatMap((schema) => Object.keys(schema.shape)),
]);

/** Where to point and what to say, or undefined when the parser's reading is not one of these slips. */
export function lineSlip(source: string, error: YAMLError): { offset: number; message: string } | undefined {
  // Where a blank line or a comment line is above the slip, the parser points at that line.
  const reported = lineAt(source, error.pos[0]);
  const line = (isBlank(reported) && nextLine(source, reported)) || reported;
  const message = error.message;
  // "– Hold still": a word processor's long dash in place of the "-" of a list item, a letter to YAML.
  const dash = longDashAt(line.text.slice(line.indent));
  if (dash) {
    const written = line.text.slice(line.indent + dash.length).replace(/\s+#.*$/, '').trim();
    return { offset: line.start + line.indent, message: `this line starts with "${dash}", ${longDashWords}: write "- ${written}"` };
  }
  // "  \t region: knee": a tab among the spaces that indent the line, which an editor shows as a few spaces more.
  if (/^ *\t[ \t]*\S/.test(line.text) && /^All mapping items must start at the same column/.test(message)) return { offset: line.start + line.indent, message: tabIndent };
  // "-Hold still": the space after the "-" of a list item left out, so that the "-" is read as a letter of the text.
  const joined = dashJoined(source, line);
  if (joined) return joined;
  // The parser reads a later line of a text, shifted left, as a field or a list item without its "- ".
  if (/^(Sequence item without - indicator|All mapping items must start at the same column|Implicit keys need to be on a single line|Implicit map keys need to be followed by map values|Nested mappings are not allowed in compact mappings)/.test(message)) {
    const slip = continuedTextSlip(source, line, fieldNames);
    if (slip) return slip;
    // "  - clamshells" after a routine's "      - wall-sit", read as a new routine whose text runs on into the next line.
    const item = itemLeftOfList(source, line);
    if (item) return { offset: line.start + line.indent, message: item };
  }
  if (/^Nested mappings are not allowed in compact mappings/.test(message)) {
    // "reps: 10" at the left edge, under the fields of a drill: the slip is this line, not the next.
    const atEdge = leftEdgeSlip(source, line);
    if (atEdge) return atEdge;
    // "- id: a" then "     name: b": the parser stops at the end of the line above the slip.
    const next = nextLine(source, line);
    const key = /^(?:- +)*([\w-]+):/.exec(line.text.slice(line.indent));
    if (!next || !key || next.indent <= line.indent) return undefined;
    const keyCol = line.indent + key[0].length - key[1]!.length - 1;
    // "dose:" then "sets: 1" as far left as "dose", then "reps: 10" under it: the slip may be
    // the line that is not indented under its field, so the parser's words are kept.
    const above = lineAbove(source, line, Infinity);
    if (next.indent <= keyCol) return undefined;
    if (above && above.indent === line.indent && /:\s*(#.*)?$/.test(above.text)) return underField(source, line, key[1]!, above, next);
    return {
      offset: next.start + next.indent,
      message: `this line is indented further than "${key[1]}" on the line above; the fields of one item start in the same column: start it in column ${keyCol + 1}, as "${key[1]}" is`,
    };
  }
  if (/^A block sequence may not be used as an implicit map key/.test(message)) {
    const item = line;
    if (!isItem(item)) return undefined;
    // A list item one space off: the nearest line above at about its indent is an item in another column.
    // An item of fields ("- id: clams") as far in as the fields above it: the item above is further left.
    const fields = (line: Line | undefined) => line && /^- +[\w-]+:(\s|$)/.test(line.text.slice(line.indent));
    const near = lineAbove(source, item, item.indent + 1);
    const oneOff = fields(item) && !(near && isItem(near)) ? lineAbove(source, item, item.indent - 1) : near;
    const linedUp = oneOff && oneOff.indent !== item.indent && isItem(oneOff) && (oneOff === near || fields(oneOff));
    // Further off ("- Hold." as far left as "steps:", "- id: b" at the left edge): an item of the list further in above it.
    const said = linedUp ? notLinedUp(source, oneOff, item) : furtherInMessage(source, item);
    return said === undefined ? undefined : { offset: item.start + item.indent, message: said };
  }
  if (/^All sequence items must start at the same column/.test(message)) {
    // A list item one space further than the items above it: the nearest line above at a lesser indent is one of them.
    const sibling = lineAbove(source, line, line.indent - 1);
    if (!line.text.slice(line.indent).startsWith('- ') || !sibling || !sibling.text.slice(sibling.indent).startsWith('- ')) return undefined;
    return { offset: line.start + line.indent, message: notLinedUp(source, sibling, line) };
  }
  if (/^Sequence item without - indicator/.test(message)) {
    // A field one space short of the fields of its item: the "- " of the item is further left.
    const field = fieldOf(line);
    const item = lineAbove(source, line, line.indent);
    const first = item && item.indent < line.indent && item.text.slice(item.indent).startsWith('- ') ? fieldOf(item) : undefined;
    if (!field || field.col !== line.indent || !item || !first || first.col <= line.indent) return undefined;
    // Named by the field nearest above in that column, else by the item's first.
    const near = lineAbove(source, line, first.col);
    const sibling = near && near.indent === first.col ? fieldOf(near) : undefined;
    const [name, at] = sibling?.col === first.col ? [sibling.name, near!] : [first.name, item];
    return {
      offset: line.start + line.indent,
      message: `this field is indented less than "${name}" on line ${lineNumber(source, at.start)}; the fields of one item start in the same column: start it in column ${first.col + 1}, as "${name}" is`,
    };
  }
  if (/^All mapping items must start at the same column/.test(message)) {
    // "dose:", then "- Hold 30 seconds." under it, then "sets: 3": the slip is the "- " above.
    const item = lineAbove(source, line, line.indent);
    const said = item && item.indent === line.indent ? itemUnderDose(source, item) : undefined;
    if (said) return { offset: item!.start + item!.indent, message: said };
  }
  if (/^All mapping items must start at the same column/.test(message)) {
    // "  - id: a", its fields, then "  id: b": the "- " of a new item deleted, its first field left
    // where the "- " was. Right under the "- " line of an item instead, it is rather a field of that item out of line.
    // After a field with nothing after its ":" ("dose:"), the parser points at the end of that field's line.
    const item = (/^\r?\n/.test(source.slice(error.pos[0])) && !isBlank(reported) && nextLine(source, reported)) || line;
    const sibling = lineAbove(source, item, item.indent);
    const body = lineAbove(source, item, Infinity);
    const fields = sibling && /^- +[\w-]+:(\s|$)/.test(sibling.text.slice(sibling.indent));
    if (fieldOf(item)?.col === item.indent && sibling?.indent === item.indent && fields && body !== undefined) {
      // A field the item above does not have yet ("reps" shifted left under "dose:") is rather one of its own.
      const shifted = shiftedField(source, item, sibling);
      if (shifted) return shifted;
    }
    if (fieldOf(item)?.col === item.indent && sibling?.indent === item.indent && fields && body !== undefined && body.indent > item.indent) {
      const written = item.text.slice(item.indent).replace(/\s+#.*$/, '').trim();
      return {
        offset: item.start + item.indent,
        message: `a new ${itemWordAt(source, item)} starts here without "- ": write "- ${written}", with its "- " in column ${item.indent + 1}, as on line ${lineNumber(source, sibling.start)}`,
      };
    }
  }
  if (/^All mapping items must start at the same column/.test(message) && fieldNames.has(fieldOf(line)?.name ?? '')) {
    const said = fieldInList(source, line);
    if (said) return { offset: line.start + line.indent, message: said };
  }
  if (/^All mapping items must start at the same column/.test(message) && fieldOf(line)?.col === line.indent) {
    // A field one space further than the field above it, whose value is on its own line ("dose: { sets: 3 }"),
    // or is a list under it; when that field has fields of its own under it, the line may be one of them.
    const above = lineAbove(source, line, line.indent);
    const field = above && fieldOf(above);
    if (!above || above.indent >= line.indent || !field || field.col >= line.indent) return undefined;
    // "dose:" at the left edge, its fields under it, then "side:": the slip is the line at the edge.
    const atEdge = leftEdgeSlip(source, above);
    if (atEdge) return atEdge;
    const under = nextLine(source, above);
    const inner = under && under.start !== line.start && under.indent > line.indent ? fieldOf(under) : undefined;
    const where = `this field is indented further than "${field.name}" on line ${lineNumber(source, above.start)}`;
    const fix = `start it in column ${field.col + 1}, as "${field.name}" is`;
    return {
      offset: line.start + line.indent,
      message: inner?.col === under!.indent
        ? `${where} and less than "${inner.name}" under it: ${fix}, or in column ${inner.col + 1} if it belongs under "${field.name}", as "${inner.name}" does`
        : `${where}; the fields of one item start in the same column: ${fix}`,
    };
  }
  if (/^All mapping items must start at the same column/.test(message)) {
    // "- ankle-tilts" then "  knee-circles": an item of a list of texts written without its "- ".
    const sibling = lineAbove(source, line, line.indent);
    const text = line.text.slice(line.indent).replace(/\s+#.*$/, '').trim();
    if (!sibling || sibling.indent !== line.indent || !sibling.text.slice(sibling.indent).startsWith('- ') || /^- |:(\s|$)/.test(text)) return undefined;
    return { offset: line.start + line.indent, message: `this line is in a list, but does not start with "- " as the items above it do; write "- ${text}"` };
  }
  if (/^Implicit keys need to be on a single line|^Implicit map keys need to be followed by map values/.test(message)) {
    // After the "- " of an item too ("- id clamshells"), and a field alone ("steps", its list under it).
    const dash = /^(?:- +)*/.exec(line.text.slice(line.indent))![0];
    const field = /^([\w-]+)(?:(:(?=\S)| +)(.+))?$/.exec(line.text.slice(line.indent + dash.length).replace(/\s+#.*$/, '').trimEnd());
    // "      - wall-sit", then "        cues:" under it: a field of the routine read as more of the item's text.
    const under = !field || !fieldNames.has(field[1]!) ? fieldUnderTextItem(source, line, fieldNames) : undefined;
    if (under) return under;
    if (!field || !fieldNames.has(field[1]!)) return undefined;
    const [, name, gap, value] = field;
    const below = nextLine(source, line);
    const fix =
      value !== undefined ? `write "${name}: ${value}"` : below && below.indent > line.indent + dash.length ? `write "${name}:"` : `write "${name}: " and its value`;
    return {
      offset: line.start + line.indent + dash.length,
      message: gap === ':' ? `a space is missing after the ":" of "${name}"; ${fix}` : `a ":" is missing after the field name "${name}"; ${fix}`,
    };
  }
  return undefined;
}

/**
 * Where the text that holds the ": " at `offset` starts, on the line of a list item: the step
 * "- Lie on your side: knees bent: slowly" starts at its first word, while in "- name: Clam: shell"
 * the text is what follows a field name of the library.
 */
export function textStartOnItem(source: string, offset: number): number {
  const line = lineAt(source, offset);
  const dashes = /^(?:- +)+/.exec(line.text.slice(line.indent))?.[0];
  const start = line.start + line.indent + (dashes?.length ?? 0);
  if (!dashes || start > offset) return offset;
  const field = /^([\w-]+):[ \t]+/.exec(source.slice(start, offset));
  return field && fieldNames.has(field[1]!) ? start + field[0].length : start;
}

/**
 * A field of an item ("reps: 10", "region: knee") shifted to the left edge, where only the
 * library's own fields start: told with the column of the nearest field above it.
 */
function leftEdgeSlip(source: string, line: Line): { offset: number; message: string } | undefined {
  const name = fieldOf(line)?.name;
  if (line.indent !== 0 || name === undefined || Object.hasOwn(librarySchema.shape, name)) return undefined;
  // A field of the dose lines up with the dose's fields, any other with the fields beside "dose:".
  const like = (field: { name: string; col: number } | undefined) => field !== undefined && field.col > 0 && (doseFields.has(name) || !doseFields.has(field.name));
  let above = lineAbove(source, line, Infinity);
  while (above && !like(fieldOf(above))) above = lineAbove(source, above, Infinity);
  const field = above && fieldOf(above);
  if (!above || !field) return undefined;
  return {
    offset: line.start,
    message: `"${name}" starts at the left edge, where only the fields of the library itself start ("version:", "exercises:" ...): start it in column ${field.col + 1}, as "${field.name}" on line ${lineNumber(source, above.start)} is`,
  };
}

/**
 * A line that starts with "-" and a letter where the items of a list start ("-Hold still" under
 * "- Lie down", or right under "steps:"): a list item whose "- " lost its space.
 */
function dashJoined(source: string, line: Line): { offset: number; message: string } | undefined {
  const text = line.text.slice(line.indent).replace(/\s+#.*$/, '').trim();
  if (!/^-[^\s-]/.test(text)) return undefined;
  const above = lineAbove(source, line, line.indent);
  const inList = above && (above.indent === line.indent ? isItem(above) : /:\s*(#.*)?$/.test(above.text) && nextLine(source, above)?.start === line.start);
  if (!inList) return undefined;
  return { offset: line.start + line.indent, message: `a space is missing after the "-" that starts this list item: write "- ${text.slice(1)}"` };
}

/** Why a list item that starts with a long dash ("–", "—") is not one. */
export const longDashWords = 'a long dash where a list item starts with a plain "-" (a word processor may type one in place of the other)';

/** The long dash `text` starts with, followed by a space, as a list item's "-" would be. */
export function longDashAt(text: string): string | undefined {
  // En dash, em dash, minus sign: escaped, so the bundle's text stays Latin-1 (see scripts/build.mjs).
  return /^([\u2013\u2014\u2212])[ \t]/.exec(text)?.[1];
}

/**
 * "dose:", then "sets: 1" as far left as "dose", then "reps: 10" under it: either "sets" belongs
 * under the field above it (always, for a field of the dose) or the line after it is indented
 * too far. Told at the field's own line, with the column for each.
 */
function underField(source: string, line: Line, name: string, above: Line, next: Line): { offset: number; message: string } | undefined {
  const parent = fieldOf(above);
  const after = fieldOf(next);
  if (!parent || !after || after.col !== next.indent || parent.col !== line.indent) return undefined;
  const under = `to put it under "${parent.name}", start it in column ${next.indent + 1}, as "${after.name}" on the next line is`;
  const said = `"${name}" starts as far left as "${parent.name}" on line ${lineNumber(source, above.start)}, and the line after it further in`;
  if (parent.name === 'dose' && doseFields.has(name)) return { offset: line.start + line.indent, message: `${said}: a field of the dose goes under "dose:"; ${under}` };
  // A drill's own field ("side") under another ("equipment") is no slip anyone makes: the line after it is.
  if (fieldNames.has(name) && !doseFields.has(name) && !doseFields.has(after.name)) {
    return {
      offset: next.start + next.indent,
      message: `this line is indented further than "${name}" on the line above; the fields of one item start in the same column: start it in column ${line.indent + 1}, as "${name}" is`,
    };
  }
  return { offset: line.start + line.indent, message: `${said}: ${under}, or else start "${after.name}" in column ${line.indent + 1}` };
}

/**
 * List items under a field that has its value on its line already ("equipment: []" with
 * "- band" under it): the field is named as written, for its value to go or the items to.
 */
export function itemsAfterValueMessage(source: string, offset: number): string {
  const item = lineAt(source, offset);
  // "dose:", "sets: 3", then "- holdSeconds: 30": a field of the dose written as a list item.
  const underDose = itemUnderDose(source, item);
  if (underDose) return underDose;
  const above = lineAbove(source, item, item.indent);
  const field = above && fieldOf(above);
  if (!above || !field) return 'this list item ("- ") follows a field that has its value on its line already; write the field name alone, with the items under it';
  const where = `"${field.name}" on line ${lineNumber(source, above.start)}`;
  return `this list item ("- ") comes under ${where}, which has its value on its line already; write "${field.name}:" alone with the items under it, or, if that line is out of place, move it`;
}

/**
 * A list item left of the items above it in its list: the field above it, no further right
 * ("steps:", "exercises:"), opens a list whose items start further right. When only the first
 * of them is above it, that one may be the line out of place: both columns are told.
 */
function furtherInMessage(source: string, item: Line): string | undefined {
  const field = lineAbove(source, item, item.indent);
  const first = field && /:\s*(#.*)?$/.test(field.text) ? nextLine(source, field) : undefined;
  if (!first || first.indent <= item.indent || !isItem(first)) return undefined;
  const sibling = lineAbove(source, item, first.indent);
  if (sibling?.indent !== first.indent || !isItem(sibling)) return undefined;
  if (sibling.start !== first.start || item.indent <= field!.indent) return notLinedUp(source, sibling, item);
  const line = lineNumber(source, sibling.start);
  return `this list item does not line up with the one on line ${line}: start its "- " in column ${sibling.indent + 1}, as line ${line} does, or, if line ${line} is the one out of line, start the "- " of line ${line} in column ${item.indent + 1}`;
}

function notLinedUp(source: string, sibling: Line, item: Line): string {
  const said = `this list item does not line up with the one on line ${lineNumber(source, sibling.start)}: start its "- " in column ${sibling.indent + 1}, as the items above it do`;
  // An item pasted in whole, its fields as far off as its "- ": they move with it.
  const fields = fieldOf(item);
  const under = nextLine(source, item);
  if (!fields || !under || under.indent !== fields.col || fieldOf(under)?.col !== under.indent) return said;
  let last = under;
  for (let next = nextLine(source, under); next && next.indent > item.indent && !(isItem(next) && next.indent <= fields.col); next = nextLine(source, next)) last = next;
  const shift = sibling.indent - item.indent;
  const spaces = `${Math.abs(shift)} space${Math.abs(shift) === 1 ? '' : 's'} further ${shift > 0 ? 'in' : 'left'}`;
  return `${said}, and start the lines under it, to line ${lineNumber(source, last.start)}, ${spaces} as well`;
}
