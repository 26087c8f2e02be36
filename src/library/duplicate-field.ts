// A field given twice in one item: the YAML parser flags it and reads on, so the message names
// the field, and says which of its places counts (the last, as toJS() keeps) and which are ignored.
import { isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { andList } from '../core/terms.js';
import type { At } from './positions.js';

/**
 * Names the repeated field and says which of its values the other checks read: the last one,
 * as the yaml package's toJS() does (nodeAt in positions.ts points at the same one). Several
 * fields of a list item given again after all of its fields, as a second copy of them, are one
 * slip, told once at the first repeat (see mergedItemAt and mergedItemMessage); the other repeats
 * then have no message of their own (undefined). Fields given twice here and there are each told.
 */
export function duplicateKeyMessage(doc: Document, source: string, offset: number, at: At, path: string): string | undefined {
  const rule = 'each field may appear only once in the same item';
  const merged = mergedItemAt(doc, offset);
  if (merged) return merged.startsAt === offset ? mergedItemMessage(merged, path, at) : undefined;
  const repeats = repeatsOfKeyAt(doc, offset, at);
  if (!repeats) {
    const key = /^("[^"]*"|'[^']*'|[^:\n]*?)\s*:/.exec(source.slice(offset))?.[1]?.replace(/^["']|["']$/g, '');
    // A field with no name is told as that by the shape check, as each of the others like it is.
    if (key === '') return undefined;
    return `duplicate field "${key ?? '?'}": ${rule}`;
  }
  const { name, places, index } = repeats;
  // Fields with no name are each told as that by the shape check: not as repeats of a field "".
  if (name === '') return undefined;
  const here = places[index]!;
  // Repeats within one { } share a line; the column then tells them apart.
  const placeWords = (place: Position) => (place.line === here.line ? `line ${place.line}, column ${place.col}` : `line ${place.line}`);
  const last = places.length - 1;
  const ignored = places.slice(0, last);
  const which =
    index < last
      ? `this one is ignored, the last one (${placeWords(places[last]!)}) counts`
      : ignored.length === 1
        ? `this one counts, the one on ${placeWords(ignored[0]!)} is ignored`
        : ignored.every((place) => place.line !== here.line)
          ? `this one counts, the ones on lines ${andList(ignored.map((place) => String(place.line)))} are ignored`
          : `this one counts, the ones on ${andList(ignored.map(placeWords))} are ignored`;
  return `duplicate field ${JSON.stringify(name)}: ${rule}; ${which}`;
}

type Position = { line: number; col: number };

/** An item (a map) in which more than one field is given again: where it starts, where the repeats start, which fields. */
interface MergedItem {
  itemStart: number;
  startsAt: number;
  names: string[];
}

/**
 * The item holding the key at `offset`, if several of its fields are given again. That is what a
 * drill becomes when its "- id: ..." line is deleted, or its "- " left out: its fields are read
 * as a second copy of the fields of the item above.
 */
function mergedItemAt(doc: Document, offset: number): MergedItem | undefined {
  let found: MergedItem | undefined;
  visit(doc, {
    Map(_, map, path) {
      if (!map.items.some((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset)) return undefined;
      const keys = map.items.map((pair) => (isScalar(pair.key) ? pair.key.value : pair.key));
      const firstRepeat = keys.findIndex((key, index) => keys.indexOf(key) < index);
      const names = [...new Set(keys.filter((key, index) => keys.indexOf(key) < index))];
      // A second copy: every repeated field was given before the first repeat, as in an item
      // pasted below another; fields given twice here and there are each a slip of their own.
      const copy = names.every((name) => keys.indexOf(name) < firstRepeat);
      if (names.length > 1 && copy && isSeq(path.at(-1)) && map.range) {
        found = { itemStart: map.range[0], startsAt: (map.items[firstRepeat]!.key as Node).range![0], names: names.map(String) };
      }
      return visit.BREAK;
    },
  });
  return found;
}

/** What the top-level lists hold, as a reader names them. */
const ITEM_WORDS = new Map([['exercises', 'drill'], ['routines', 'routine'], ['cues', 'cue'], ['movements', 'test movement']]);

/** What an item of the top-level list `list` is called: "item" for any other list, "constructor" and "toString" too. */
export function itemWord(list: string): string {
  return ITEM_WORDS.get(list) ?? 'item';
}

function mergedItemMessage({ itemStart, names }: MergedItem, path: string, at: At): string {
  const item = itemWord(path.split('.')[0]!);
  const fields = andList(names.map((name) => JSON.stringify(name)));
  const line = at(itemStart).line;
  return names[0] === 'id'
    ? `a new ${item} starts here without "- ": write "- id:" with its "- " in the column of the "- " on line ${line}; as it is, ${fields} are read as a second copy of the fields of the ${item} on line ${line}`
    : `${fields} are given a second time from this line on, in the ${item} that starts on line ${line}: if a new ${item} starts here, its "- id: ..." line is missing above this line (each field may appear only once in the same item)`;
}

/** The key starting at `offset` and the others like it in its map: the name, where each is, which one it is. */
function repeatsOfKeyAt(doc: Document, offset: number, at: At): { name: string; places: Position[]; index: number } | undefined {
  let found: { name: string; places: Position[]; index: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const repeat = map.items.find((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
      if (!repeat || !isScalar(repeat.key)) return undefined;
      const name = repeat.key.value;
      // The same test the parser uses to call keys duplicates.
      const all = map.items.filter((pair) => isScalar(pair.key) && pair.key.value === name);
      const places = all.map((pair) => at((pair.key as Node).range![0]));
      found = { name: name === null ? '' : String(name), places, index: all.indexOf(repeat) };
      return visit.BREAK;
    },
  });
  return found;
}
