// Exports of years of history are tens of megabytes. The long ones (CSV, JSON, FHIR) are made as
// UTF-8 straight into one buffer of a megabyte, which is written out whenever it is full and then
// used again: the whole text never sits in memory, as one string or as many pieces.

/** Takes each piece of a text as UTF-8, and must be done with it when it returns (its buffer is used again). */
type Sink = (piece: Uint8Array) => void;
/** A text that gives itself to a sink in pieces, as it is made. */
export type ByteSource = (sink: Sink) => void;

export interface Utf8Writer {
  text(text: string): void;
  /** Bytes of UTF-8 made earlier: a part that many lines share is encoded once and copied. */
  bytes(bytes: Uint8Array): void;
  /** Gives on what is left: called once all is added. */
  end(): void;
}

/**
 * Text turned into UTF-8 as it is added, into one buffer of `size` bytes that is given to
 * `sink` whenever the next part might not fit, and then used again. A part that might not fit
 * even an empty buffer (a text counts three bytes for each UTF-16 unit, the most it can take) is
 * given on its own. A character is never split between two pieces.
 */
export function utf8Writer(sink: Sink, size = 1 << 20): Utf8Writer {
  const buffer = Buffer.allocUnsafe(size);
  let used = 0;
  const end = () => {
    if (used === 0) return;
    sink(buffer.subarray(0, used));
    used = 0;
  };
  // Room for `needed` more bytes, giving on what the buffer holds first if need be; false when even an empty one is too small.
  const room = (needed: number) => {
    if (used + needed <= size) return true;
    end();
    return needed <= size;
  };
  return {
    text(text) {
      // A UTF-16 unit is at most three bytes of UTF-8.
      if (room(text.length * 3)) used += buffer.write(text, used);
      else sink(Buffer.from(text));
    },
    bytes(bytes) {
      if (room(bytes.length)) {
        buffer.set(bytes, used);
        used += bytes.length;
      } else {
        sink(bytes);
      }
    },
    end,
  };
}

/** The strings of `parts`, one after the other, as UTF-8 in pieces. */
export function utf8Of(parts: Iterable<string>): ByteSource {
  return (sink) => {
    const out = utf8Writer(sink);
    for (const part of parts) out.text(part);
    out.end();
  };
}

/**
 * `value` as JSON indented two spaces, except that the array at its top-level key `key` holds
 * `items`, each given as its JSON text and written on one line of its own: years of daily
 * records stay easy to read and to compare line by line, and are written several times faster
 * than with every field on its own line. `value` gives the key's place among the others (its own
 * array there is not read); with no items the key holds `[]`. The text comes in parts, the items
 * among them as they are.
 */
export function* jsonWithItemLines(value: object, key: string, items: Iterable<string>): Generator<string> {
  const layout = itemLines(value, key);
  let count = 0;
  for (const item of items) {
    yield count++ === 0 ? layout.first : layout.between;
    yield item;
  }
  yield count > 0 ? layout.last : layout.none;
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
