// Lines written as far left as the "- " of the item they belong in, which the parser reads as
// the start of a new item: a field of the item ("  region: knee" under "  - id: wall-sit"), or
// the last item of a list inside it ("  - clamshells" after a routine's "      - wall-sit").
// Told with the column they belong in.
import { allowedFields } from './field-names.js';
import { fieldOf, isItem, itemWordAt, lineAbove, lineNumber, nextLine, type Line } from './lines.js';
import { librarySchema } from './schema.js';

/** The fields a dose has, which belong under "dose:" wherever else they are written. */
export const doseFields = new Set(['sets', 'reps', 'holdSeconds', 'perSide']);

/**
 * "  - id: wall-sit", its fields, then "  region: knee" where its "- " is: read as a new item
 * without its "- ", but a field the item does not have yet (other than "id", which starts an
 * item) is one of its own fields shifted left. Told with the column of its fields, or for a
 * field of the dose, of the dose's fields.
 */
export function shiftedField(source: string, line: Line, dashLine: Line): { offset: number; message: string } | undefined {
  const name = fieldOf(line)!.name;
  const first = fieldOf(dashLine)!;
  const fields = fieldsBetween(source, dashLine, line, first.col);
  if (name === 'id' || fields.some((field) => field.name === name)) return undefined;
  // "movements:" shifted right to where the "- " of each cue is: a field of the library, at its left edge.
  const top = lineAbove(source, line, 0);
  const own = allowedFields([/^([\w-]+):/.exec(top?.text ?? '')?.[1] ?? '', 0])?.fields ?? [];
  if (Object.hasOwn(librarySchema.shape, name) && !own.includes(name)) {
    const like = top && fieldOf(top) ? `, as "${fieldOf(top)!.name}" on line ${lineNumber(source, top.start)} is` : '';
    return { offset: line.start + line.indent, message: `"${name}:" is a field of the library itself, which starts at the left edge: start it in column 1${like}` };
  }
  const item = `the ${itemWordAt(source, line)} on line ${lineNumber(source, dashLine.start)}`;
  // A field of the dose lines up with the dose's fields above it, or with the one under it ("dose:", then "  sets: 2", then "      reps: 10").
  const dose = fields.findLast((field) => field.name === 'dose');
  const next = nextLine(source, line);
  const below = next && fieldOf(next);
  const doseField =
    dose && doseFields.has(name)
      ? (fieldsBetween(source, dose.line, line, Infinity).findLast((field) => field.col > first.col) ??
        (below && below.col > first.col && doseFields.has(below.name) ? { ...below, line: next } : undefined))
      : undefined;
  const [near, what] = doseField ? [doseField, 'this field of the dose'] : [fields.at(-1)!, 'this field'];
  const dash = near.line === dashLine ? 'the "- " on that line' : `the "- " of ${item}`;
  const where = `${what} is indented less than "${near.name}" on line ${lineNumber(source, near.line.start)}, as far left as ${dash}`;
  const fix = doseField ? `a field of the dose goes under "dose:": start it in column ${near.col + 1}, as "${near.name}" is` : `the fields of one item start in the same column: start it in column ${near.col + 1}, as "${near.name}" is`;
  return { offset: line.start + line.indent, message: `${where}; ${fix}` };
}

/** The fields that start lines from `from` (itself included) up to `to`, in column `col` (any column, for Infinity). */
function fieldsBetween(source: string, from: Line, to: Line, col: number): { name: string; col: number; line: Line }[] {
  const found: { name: string; col: number; line: Line }[] = [];
  for (let line: Line | undefined = from; line && line.start < to.start; line = nextLine(source, line)) {
    const field = fieldOf(line);
    if (field && (col === Infinity || field.col === col)) found.push({ ...field, line });
  }
  return found;
}

/**
 * "      - wall-sit", then "  - clamshells" where each routine's "- " is: read as a new item, but
 * after an item of a list inside the item above it ("exercises:", "steps:"), or right under the
 * field that opens that list, it is rather an item of that list. Undefined for any other line.
 */
export function itemLeftOfList(source: string, line: Line): string | undefined {
  if (!isItem(line) || fieldOf(line)) return undefined;
  const dashLine = lineAbove(source, line, line.indent);
  if (dashLine?.indent !== line.indent || !isItem(dashLine)) return undefined;
  const item = itemWordAt(source, line);
  const read = `this list item starts as far left as the "- " of the ${item} on line ${lineNumber(source, dashLine.start)}, so it is read as a new ${item}`;
  const opensList = (field: Line | undefined) => {
    const list = field && fieldOf(field);
    return list && list.col > line.indent && /:\s*(#.*)?$/.test(field.text) ? `"${list.name}" (line ${lineNumber(source, field.start)})` : undefined;
  };
  // Right under the field: the first item of its list, lined up with the items under it, if any.
  const field = lineAbove(source, line, Infinity);
  const first = field && opensList(field);
  if (first) {
    const next = nextLine(source, line);
    const column = next && isItem(next) && next.indent > fieldOf(field)!.col ? `in column ${next.indent + 1}, as on line ${lineNumber(source, next.start)}` : `in column ${fieldOf(field)!.col + 3}, further in than "${fieldOf(field)!.name}"`;
    return `${read}; as the first item of ${first}, start its "- " ${column}`;
  }
  // The last item of the list above it, past the further lines of its text (indented further).
  let above = field;
  let least = Infinity;
  while (above && !isItem(above) && above.indent > line.indent) {
    least = Math.min(least, above.indent);
    above = lineAbove(source, above, Infinity);
  }
  if (!above || !isItem(above) || fieldOf(above) || above.indent <= line.indent || least <= above.indent) return undefined;
  // The field that opens that list, past the items above it.
  let opens = lineAbove(source, above, above.indent);
  while (opens && opens.indent === above.indent && isItem(opens)) opens = lineAbove(source, opens, above.indent);
  const list = opensList(opens);
  if (!list) return undefined;
  return `${read}; as an item of ${list}, start its "- " in column ${above.indent + 1}, as on line ${lineNumber(source, above.start)}`;
}

/**
 * "      source: x" as far in as the "- " of the items of "cues" above it: a field of the item,
 * not an item of the list. Told with the column of the field that opens the list; a field of the
 * dose ("reps: 10" under the steps, its "dose:" line lost) with where "dose:" goes.
 */
export function fieldInList(source: string, line: Line): string | undefined {
  const field = fieldOf(line);
  const sibling = lineAbove(source, line, line.indent);
  if (!field || field.col !== line.indent || sibling?.indent !== line.indent || !isItem(sibling) || fieldOf(sibling)) return undefined;
  const opens = lineAbove(source, sibling, line.indent - 1);
  const list = opens && fieldOf(opens);
  if (!opens || !list || list.col >= line.indent) return undefined;
  const where = `this field starts as far in as the "- " of the items of "${list.name}" on line ${lineNumber(source, opens.start)}`;
  if (!doseFields.has(field.name)) return `${where}; the fields of one item start in the same column: start it in column ${list.col + 1}, as "${list.name}" is`;
  // Only a drill has a dose; and under "dose:" itself, the line out of place is the list item above.
  if (list.name === 'dose' || itemWordAt(source, line) !== 'drill') return undefined;
  const dashLine = lineAbove(source, opens, list.col - 1);
  const dose = dashLine && fieldsBetween(source, dashLine, line, list.col).find((each) => each.name === 'dose');
  return dose
    ? `${where}; "${field.name}" is a field of the dose: move it under "dose:" on line ${lineNumber(source, dose.line.start)}`
    : `${where}; "${field.name}" is a field of the dose: write "dose:" above it in column ${list.col + 1}, as "${list.name}" is, and "${field.name}" under "dose:", further in`;
}

/**
 * "      - wall-sit", then "        cues:" indented further than that "- ": the parser reads the
 * field as more of the item's text. A list item of text has no fields: the line is a field of the
 * item that holds the list, told with the column of the field that opens the list. Undefined for
 * any other line, and for a field of the dose (which goes under "dose:", told elsewhere).
 */
export function fieldUnderTextItem(source: string, line: Line, fieldNames: ReadonlySet<string>): { offset: number; message: string } | undefined {
  const next = nextLine(source, line);
  const field = next && fieldOf(next);
  if (!isItem(line) || fieldOf(line) || !next || !field || !fieldNames.has(field.name) || field.col !== next.indent || next.indent <= line.indent || doseFields.has(field.name)) return undefined;
  let opens = lineAbove(source, line, line.indent);
  while (opens && opens.indent === line.indent && isItem(opens)) opens = lineAbove(source, opens, line.indent);
  const list = opens && fieldOf(opens);
  // A list of the library itself ("exercises:" at the left edge) holds items of fields, not texts.
  if (!opens || !list || list.col === 0 || list.col > line.indent || !/:\s*(#.*)?$/.test(opens.text)) return undefined;
  const where = `"${field.name}:" is indented further than the "- " of the items of "${list.name}" on line ${lineNumber(source, opens.start)}, so it is read as more of the text of the item above it`;
  return { offset: next.start + next.indent, message: `${where}; the fields of one item start in the same column: start it in column ${list.col + 1}, as "${list.name}" is` };
}

/**
 * A list item ("- ") right under "dose:", whose fields are written without one: the message for
 * the item `line`, with the field to write or, for words ("- Hold 30 seconds"), where they go.
 * Undefined when the field that opens the list the item is in is not "dose:".
 */
export function itemUnderDose(source: string, line: Line): string | undefined {
  const opens = lineAbove(source, line, line.indent - 1);
  if (!isItem(line) || !opens || fieldOf(opens)?.name !== 'dose' || !/:\s*(#.*)?$/.test(opens.text)) return undefined;
  const said = `this line starts with "- ", but the dose on line ${lineNumber(source, opens.start)} holds fields, not list items`;
  const written = line.text.slice(line.indent + 2).replace(/\s+#.*$/, '').trim();
  const field = fieldOf({ ...line, text: written, indent: 0 });
  if (field && doseFields.has(field.name)) return `${said}: write "${written}" without the "- "`;
  return `${said}: write its numbers as fields under "dose:", such as "sets: 3" and "holdSeconds: 30", and any words in the drill's steps or cues`;
}
