// Exports of years of history are tens of megabytes. They are made and written in pieces of
// about 32,000 characters, so the whole text never has to sit in memory as one string, and each
// piece is freed as soon as it is written.
const PIECE = 1 << 15;

/** The strings of `parts` joined into pieces of at least PIECE characters (the last one may be shorter). */
export function* inPieces(parts: Iterable<string>): Generator<string> {
  let piece = '';
  for (const part of parts) {
    piece += part;
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

/**
 * `value` as JSON indented two spaces, except that the array at its top-level key `key` holds
 * `items`, each given as its JSON text and written on one line of its own: years of daily
 * records stay easy to read and to compare line by line, and are written several times faster
 * than with every field on its own line. `value` gives the key's place among the others (its own
 * array there is not read); with no items the key holds `[]`, or is left out when
 * `omitWhenEmpty` is set.
 */
export function* jsonWithItemLines(
  value: object,
  key: string,
  items: Iterable<string>,
  options: { omitWhenEmpty?: boolean } = {},
): Generator<string> {
  const layout = itemLines(value, key, options);
  function* parts(): Generator<string> {
    let count = 0;
    for (const item of items) {
      yield count++ === 0 ? layout.first : layout.between;
      yield item;
    }
    yield count > 0 ? layout.last : layout.none;
  }
  yield* inPieces(parts());
}

/**
 * The text around the items of jsonWithItemLines: before the first, between two, after the
 * last, and the whole text when there are none.
 */
export function itemLines(value: object, key: string, options: { omitWhenEmpty?: boolean } = {}) {
  const outline = JSON.stringify({ ...value, [key]: [] }, null, 2);
  // A top-level key starts a line indented two spaces; inside a JSON string a line break is always escaped.
  const emptyKey = `\n  ${JSON.stringify(key)}: []`;
  const at = outline.indexOf(emptyKey);
  const { [key]: _left, ...rest } = value as Record<string, unknown>;
  return {
    first: `${outline.slice(0, at)}\n  ${JSON.stringify(key)}: [\n    `,
    between: ',\n    ',
    last: `\n  ]${outline.slice(at + emptyKey.length)}\n`,
    none: options.omitWhenEmpty ? `${JSON.stringify(rest, null, 2)}\n` : `${outline}\n`,
  };
}

/** `make`, remembering its result for each value: scores, attempts and drills repeat endlessly. */
export function remembered<T, R>(make: (value: T) => R): (value: T) => R {
  const made = new Map<T, R>();
  return (value) => {
    let result = made.get(value);
    if (result === undefined) made.set(value, (result = make(value)));
    return result;
  };
}
