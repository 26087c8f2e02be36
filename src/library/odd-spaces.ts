// Spaces that look like any other but are not spaces to YAML: a non-breaking space pasted from an
// email or a web page, among the spaces that indent a line, is read as the start of its text.
// The parser then finds the line out of step with the others, and says so at the line above or
// in words about indentation the person cannot see the cause of; told at the space itself instead.
import { isScalar, visit, type Document } from 'yaml';
import type { At } from './positions.js';
import type { Problem } from './problems.js';
import { endOfLineAbove, pathOfLineAbove } from './syntax.js';

/** Each such space by its name and code, as a person may look it up or search for it in an editor. */
const oddSpaces: Record<string, string> = {
  '\u00A0': 'a non-breaking space (U+00A0)',
  '\u202F': 'a narrow non-breaking space (U+202F)',
  '\u2007': 'a figure space (U+2007)',
  '\u3000': 'a wide space (U+3000)',
};

/** A line's indentation: spaces and tabs, and the spaces above among them. */
const indentation = new RegExp(`^[ \\t${Object.keys(oddSpaces).join('')}]*`);

/**
 * One problem for each line indented with such a space, at the first of them. A line inside a text
 * written over several lines is left alone: there the space is a character of the text, harmless.
 */
export function oddSpaceProblems(doc: Document, source: string, at: At): Problem[] {
  const texts: [number, number][] = [];
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && node.range) texts.push([node.range[0], node.range[1]]);
    },
  });
  const problems: Problem[] = [];
  for (let lineStart = 0; lineStart < source.length; ) {
    const lineEnd = source.indexOf('\n', lineStart);
    const line = source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd).replace(/\r$/, '');
    const indent = indentation.exec(line)![0];
    const index = [...indent].findIndex((char) => char in oddSpaces);
    const offset = lineStart + index;
    if (index !== -1 && !texts.some(([start, end]) => start < lineStart && offset < end)) {
      const what = oddSpaces[indent[index]!]!;
      const blank = indent.length === line.length;
      const message = blank
        ? `this line looks blank, but holds ${what}, as an email or a web page may paste one: YAML reads it as text; delete what is on the line`
        : `${what}, as an email or a web page may paste one, is among the spaces that indent this line: it looks like a space, but YAML reads it as text; delete the spaces at the start of the line and type them again`;
      problems.push({ ...at(offset), path: pathAbove(doc, source, lineStart), message });
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  return problems;
}

/** What the line above a line belongs to: the parser's reading of the line itself is a guess. */
function pathAbove(doc: Document, source: string, lineStart: number): string {
  const above = endOfLineAbove(source, lineStart);
  return (above > 0 && pathOfLineAbove(doc, source, above)) || '(file)';
}
