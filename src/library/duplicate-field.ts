// A field given twice in one item: the YAML parser flags it and reads on, so the message names
// the field, and says which of its places counts (the last, as toJS() keeps) and which are ignored.
import { isScalar, visit, type Document, type Node } from 'yaml';
import type { At } from './positions.js';

/**
 * Names the repeated field and says which of its values the other checks read: the last one,
 * as the yaml package's toJS() does (nodeAt in positions.ts points at the same one).
 */
export function duplicateKeyMessage(doc: Document, source: string, offset: number, at: At): string {
  const rule = 'each field may appear only once in the same item';
  const repeats = repeatsOfKeyAt(doc, offset, at);
  if (!repeats) {
    const key = /^("[^"]*"|'[^']*'|[^:\n]*?)\s*:/.exec(source.slice(offset))?.[1]?.replace(/^["']|["']$/g, '');
    return `duplicate field "${key ?? '?'}": ${rule}`;
  }
  const { name, places, index } = repeats;
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
          ? `this one counts, the ones on lines ${listed(ignored.map((place) => String(place.line)))} are ignored`
          : `this one counts, the ones on ${listed(ignored.map(placeWords))} are ignored`;
  return `duplicate field ${JSON.stringify(name)}: ${rule}; ${which}`;
}

type Position = { line: number; col: number };

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

function listed(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
