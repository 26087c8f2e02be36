// Between the text of a library file and the data read from it: the line and column where the
// value at a path of the data is written, and the path of the data a place in the text belongs to.
import { isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair } from 'yaml';

/** A place in the file, from its offset in the text: the LineCounter of the parse. */
export type At = (offset: number) => { line: number; col: number };

/** A path in the data: the keys of fields and the indexes of list items, from the top of the file. */
export type Path = (string | number)[];

/** The position of the node at `path`, or of its nearest existing parent (a missing field). */
export function position(doc: Document, path: Path, at: At): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    // For a map entry, point at its key: that is where a reader looks.
    const node = nodeAt(doc, path.slice(0, depth), depth === path.length);
    if (node?.range) return at(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/**
 * The node a path in the data comes from (the key of a map entry, with `entryKey`). A field given
 * twice leads to the last one, whose value toJS() keeps; doc.getIn() would find the first.
 */
export function nodeAt(doc: Document, path: Path, entryKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  for (const [depth, step] of path.entries()) {
    if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else if (isMap(node)) {
      const pair = node.items.findLast((item) => isScalar(item.key) && keyInData(item.key.value) === String(step));
      node = entryKey && depth === path.length - 1 ? pair?.key : pair?.value;
    } else {
      return undefined;
    }
  }
  return isNode(node) ? node : undefined;
}

/** The name toJS() gives a key in the data: `1:` and `"1":` both become "1", an empty key "". */
function keyInData(value: unknown): string {
  return value === null ? '' : String(value);
}

/** The dotted path of the deepest map entry or list item that holds `offset`, for YAML errors. */
export function pathAtOffset(doc: Document, offset: number): string {
  return deepestPairPath(doc, (pair) => {
    const key = isScalar(pair.key) ? pair.key : undefined;
    const value = pair.value as Node | null;
    const start = key?.range?.[0] ?? Infinity;
    const end = value?.range?.[2] ?? key?.range?.[2] ?? -1;
    return start <= offset && offset <= end;
  });
}

/**
 * The dotted path of the field whose value is a list written with "- " in column `column` (from
 * 0) that runs on to `offset`: the list a line starting there, below `offset`, was meant to go on.
 */
export function pathOfListAt(doc: Document, source: string, offset: number, column: number): string {
  return deepestPairPath(doc, (pair) => {
    const list = pair.value;
    if (!isSeq(list) || list.flow || !list.range) return false;
    const [start, , end] = list.range;
    return start <= offset && offset <= end && start - (source.lastIndexOf('\n', start - 1) + 1) === column;
  });
}

/** The dotted path of the map entry whose key starts at `offset` (the entry above may end there too). */
export function pathOfKeyAt(doc: Document, offset: number): string {
  return deepestPairPath(doc, (pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
}

/** The dotted path of the list item whose first field's key starts at `offset`: text read as fields. */
export function pathOfItemAt(doc: Document, offset: number): string {
  return deepestPairPath(doc, (pair) => isScalar(pair.key) && pair.key.range?.[0] === offset, false);
}

function deepestPairPath(doc: Document, wanted: (pair: Pair) => boolean, withKey = true): string {
  let deepest: string[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (wanted(pair)) {
        // The key of each field on the way down, and the index of each item of fields in a list
        // (the last ancestor is the item of fields that holds `pair`).
        const parts: string[] = [];
        for (const [index, ancestor] of path.entries()) {
          const above = path[index - 1];
          if (isPair(ancestor) && isScalar(ancestor.key)) parts.push(String(ancestor.key.value));
          if (isSeq(above) && isMap(ancestor)) parts.push(String(above.items.indexOf(ancestor)));
        }
        if (withKey) parts.push(String(key?.value));
        if (parts.length > deepest.length) deepest = parts;
      }
    },
  });
  return deepest.join('.');
}
