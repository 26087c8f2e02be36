// A text written over several lines (after ">", ">-" or "|", or plain text that runs on), one of
// whose later lines starts a few spaces left of the lines above it. The parser then reads that
// line as a new field or a list item without its "- "; to the person who wrote it, it is the rest
// of the text above, and only its indent is off.
import { lineAbove, lineNumber, type Line } from './lines.js';

/** How far left of the text a line may start and still be told as the rest of it. */
const MOST_SPACES_LEFT = 4;

/** "- >-", "text: |", "- text: >": a line whose text starts on the lines after it. */
const blockHeader = /^(?:- +)?(?:[\w-]+: +)?[>|][-+]?[1-9]?[-+]?\s*(?:#.*)?$/;
/** "- Stand tall", "text: Stand tall": a plain text on the line of its "- " or its field name. */
const plainHead = /^(?=- |[\w-]+: )(- +)?([\w-]+: +)?(?![>|'"[\]{}&*!%@`#]|- )(.*)$/;

/**
 * The message for `line` when it is a later line of a text above it, shifted left; undefined when
 * it is not, or when it reads rather as a new list item without its "- " (told elsewhere).
 */
export function continuedTextSlip(source: string, line: Line, fieldNames: ReadonlySet<string>): { offset: number; message: string } | undefined {
  const written = line.text.slice(line.indent).replace(/\s+#.*$/, '');
  // A field, a list item, a comment or the ">" of a text is not a line of text.
  if (/^(- |#)|^[\w-]+:(\s|$)/.test(written) || blockHeader.test(written)) return undefined;
  const firstLine = firstLineSlip(source, line);
  if (firstLine) return firstLine;
  const text = textAbove(source, line);
  if (!text || line.indent >= text.column || line.indent < text.column - MOST_SPACES_LEFT) return undefined;
  const above = lineAbove(source, line, line.indent);
  // "dose {reps: 10}" under a step, as far left as the fields: a field name without its ":".
  const first = /^[\w-]+/.exec(written)?.[0];
  if (above?.indent === line.indent && first && fieldNames.has(first) && /^(- +)?[\w-]+:(\s|$)/.test(above.text.slice(above.indent))) return undefined;
  // The rest of a long line of prose, or a new item whose "- " was lost, a field whose ":" was (told as such elsewhere).
  if (newItem(text, line, written)) return undefined;
  const lineUp = lineNumber(source, text.lineUp.start);
  const fix = text.field
    ? `start it in column ${text.column + 1}, further in than "${text.field}" on line ${lineUp}`
    : `start it in column ${text.column + 1}, as the text on line ${lineUp} does`;
  return { offset: line.start + line.indent, message: `this line is the rest of the text above it, but starts further left than that text: ${fix}` };
}

/**
 * The first line of a text after ">-" or "|", no further in than the "- " or the field name the
 * text belongs to: the parser finds the text empty and the line a list item without its "- ".
 */
function firstLineSlip(source: string, line: Line): { offset: number; message: string } | undefined {
  const header = lineAbove(source, line, Infinity);
  if (!header || !blockHeader.test(header.text.slice(header.indent))) return undefined;
  const owner = ownerColumn(header);
  if (line.indent > owner || line.indent < owner - MOST_SPACES_LEFT) return undefined;
  const sign = /[>|][-+]?/.exec(header.text.slice(header.indent))![0];
  const field = /^(?:- +)?([\w-]+):/.exec(header.text.slice(header.indent))?.[1];
  const ownerWords = field ? `"${field}"` : 'the "- "';
  const message = `this line is the first line of the text after "${sign}" on line ${lineNumber(source, header.start)}, and must start further in than ${ownerWords} there: start it in column ${owner + 3}`;
  return { offset: line.start + line.indent, message };
}

interface TextAbove {
  /** The column, from 0, the text's lines start in. */
  column: number;
  /** The line whose text to line up with. */
  lineUp: Line;
  /** The text on the line just above, as written. */
  last: string;
  /** Whether the text is one after ">" or "|", prose by its form. */
  block: boolean;
  /** The column of the "- " when the text is an item of a list ("- >-", "- Stand tall"), not a field's. */
  itemColumn?: number;
  /** The field whose text starts on its line ("text: Stand tall"), when the line is its first after that. */
  field?: string;
}

/** The text `line` would go on with: the one whose lines end just above it, if any. */
function textAbove(source: string, line: Line): TextAbove | undefined {
  const prev = lineAbove(source, line, Infinity);
  if (!prev) return undefined;
  const last = prev.text.slice(prev.indent).replace(/\s+#.*$/, '').trim();
  let lowest = Infinity;
  let firstLine: Line | undefined;
  for (let at: Line | undefined = prev; at; at = lineAbove(source, at, Infinity)) {
    const written = at.text.slice(at.indent);
    if (at.indent < lowest) {
      if (blockHeader.test(written)) {
        if (at === prev || !firstLine) return undefined;
        const owner = ownerColumn(at);
        const lineUp = prev.indent === firstLine.indent ? prev : firstLine;
        return firstLine.indent > owner ? { column: firstLine.indent, lineUp, last, block: true, itemColumn: itemColumn(at, owner) } : undefined;
      }
      const plain = plainHead.exec(written);
      if (plain && plain[3] && !/:(\s|$)|\s#/.test(plain[3])) {
        const owner = ownerColumn(at);
        if (lowest !== Infinity && lowest <= owner) return undefined;
        const item = itemColumn(at, owner);
        if (at !== prev) return { column: prev.indent, lineUp: prev, last, block: false, itemColumn: item };
        // Right under its first line, the text goes two spaces further in than its "- " or field name, as usual.
        const field = /^(?:- +)?([\w-]+):/.exec(written)?.[1];
        return { column: owner + 2, lineUp: at, last: plain[3].trim(), block: false, itemColumn: item, field };
      }
      // A line of the text itself, further left than those after it (a "|" text may indent some lines more).
      if (/^(- |#)|^[\w-]+:(\s|$)/.test(written)) return undefined;
      lowest = at.indent;
    }
    firstLine = at;
  }
  return undefined;
}

/** The column the text's owner starts in: its field name, or else its "- "; the text's lines go further right. */
function ownerColumn(head: Line): number {
  const dash = /^(- +)?/.exec(head.text.slice(head.indent))![0];
  return /^[\w-]+:/.test(head.text.slice(head.indent + dash.length)) ? head.indent + dash.length : head.indent;
}

/**
 * Whether a line reads as a new item or field rather than the rest of the text. After a word or
 * two ("- ankle-tilts", "- resistance band", "side: none"), it is the next of a list of names or
 * fields, however long a name: the rest of a text runs on from a line long enough to have been
 * wrapped. Under a step, or right of its "- ", after a sentence that ended, it starts a new step.
 */
function newItem(text: TextAbove, line: Line, written: string): boolean {
  if (!text.block && (text.last.length < 30 || !/\s/.test(text.last))) return true;
  const underItem = text.itemColumn !== undefined && line.indent >= text.itemColumn;
  return underItem && /[.!?]["')\]]*$/.test(text.last) && /^\p{Lu}/u.test(written);
}

function itemColumn(head: Line, owner: number): number | undefined {
  return owner === head.indent && head.text.slice(head.indent).startsWith('- ') ? head.indent : undefined;
}
