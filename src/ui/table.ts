// Plain-text layout: aligned columns, and parts of a line packed together and broken only
// between them, fitting an 80-column terminal or a narrower one (see onScreen in wrap.ts).
import { width } from './width.js';
import { fill, nameLines, roomAfter, underMarker, wrap, wrapName } from './wrap.js';

interface TableOptions {
  /**
   * The most columns each column may take (none: as wide as its widest cell). A longer cell
   * wraps at spaces onto further lines of its row, indented by two so they read as its own, a
   * note in brackets kept whole where it fits (a drill's name: see nameLines).
   */
  most?: (number | undefined)[];
}

/** Rows of cells to lines, two spaces between columns; the first row is usually a header. Cells may hold colour codes. */
export function table(rows: string[][], options: TableOptions = {}): string[] {
  const most = options.most ?? [];
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.min(most[c] ?? Infinity, Math.max(0, ...rows.map((row) => width(row[c] ?? '')))));
  return rows.flatMap((row) => {
    const wrapped = (cell: string, most: number) => (nameLines(cell, most, most - 2) ?? fill(cell, most, most - 2)).map((line, i) => (i === 0 ? line : `  ${line}`));
    const cells = row.map((cell, c) => (width(cell) <= widths[c]! ? [cell] : wrapped(cell, widths[c]!)));
    const height = Math.max(1, ...cells.map((cellLines) => cellLines.length));
    const lines = Array.from({ length: height }, (_, i) =>
      cells
        .map((cellLines, c) => {
          const cell = cellLines[i] ?? '';
          // The last cell needs no padding: nothing comes after it.
          return c === row.length - 1 ? cell : cell + ' '.repeat(widths[c]! - width(cell));
        })
        .join('  '),
    );
    // A further line of a wrapped cell leaves the cells after it blank: no spaces at its end.
    return lines.map((line, i) => (i === 0 ? line : line.trimEnd()));
  });
}

/** How a part too long for a line is broken into lines (see packed). */
type BreakPart = (part: string, columns: number, indent: string) => string[];

/**
 * `parts` joined by `separator`, broken into lines between parts, each line indented by
 * `indent`: "helped 3 of 4 · mean −1 · last −2 on 2026-11-20" never splits "last −2 on …". A
 * part too long for a line of its own is wrapped by words, or as `breakPart` breaks it (wrapName
 * keeps a note in brackets whole: "helped 157 of 161" over "(4 on the retry)").
 */
export function packed(parts: string[], columns = 80, indent = '', separator = ' · ', breakPart: BreakPart = wrap): string[] {
  const room = roomAfter(indent, columns);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const longer = line === '' ? part : `${line}${separator}${part}`;
    if (width(longer) <= room) {
      line = longer;
      continue;
    }
    if (line !== '') lines.push(indent + line);
    line = '';
    if (width(part) <= room) line = part;
    else lines.push(...breakPart(part, columns, indent));
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** `packed` after a marker such as "   2. ", its later lines indented under the first part. */
export function hangingPacked(marker: string, parts: string[], columns = 80, separator = '  '): string[] {
  return underMarker(marker, (indent) => packed(parts, columns, indent, separator));
}

/**
 * `packed` led by a name, two spaces apart ("Hip CARs  hip-cars · hip"): too long for a line, it
 * breaks as wrapName breaks it, the parts under it. A part too long for a line is broken by
 * `breakPart` (see packed).
 */
export function namePacked(name: string, parts: string[], columns = 80, indent = '', breakPart: BreakPart = wrap): string[] {
  if (width(name) <= roomAfter(indent, columns)) return packed([name, ...parts], columns, indent, '  ', breakPart);
  return [...wrapName(name, columns, indent), ...packed(parts, columns, indent, '  ', breakPart)];
}

/** `namePacked` after a marker such as "   2. ", its later lines indented under the name. */
export function hangingName(marker: string, name: string, parts: string[] = [], columns = 80): string[] {
  return underMarker(marker, (indent) => namePacked(name, parts, columns, indent));
}
