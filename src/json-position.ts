// Where a JSON text first goes wrong, as line and column. Node's JSON.parse does not always
// say (for an unexpected letter it quotes the text instead), and a person fixing a backup or
// the store by hand needs the place.

interface JsonSyntaxProblem {
  line: number;
  col: number;
  message: string;
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let at = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(at >= text.length ? 'unexpected end of file' : message), { offset: at });
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  // true, false or null; anything else starting with their letter is quoted as it is ("not").
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail(`unexpected text ${JSON.stringify(/^[^\s,:\]}]{1,20}/.exec(text.slice(at))![0])}`);
  };
  const string = () => {
    at++; // opening quote
    for (;;) {
      if (at >= text.length) fail('unterminated string');
      const char = text[at]!;
      if (char === '"') return void at++;
      if (char < ' ') fail('control character in a string (write it as \\n or \\t)');
      if (char === '\\') {
        const next = text[at + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
        else fail('bad escape in a string');
      } else at++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail('bad number');
    at += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    if (char === '-' || (char! >= '0' && char! <= '9')) return number();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    fail(`unexpected character ${JSON.stringify(char)}`);
  };
  const object = () => {
    at++;
    space();
    if (text[at] === '}') return void at++;
    for (;;) {
      space();
      if (text[at] !== '"') fail(text[at] === '}' ? 'trailing comma before }' : 'expected a property name in double quotes');
      string();
      space();
      if (text[at] !== ':') fail('expected : after the property name');
      at++;
      value();
      space();
      if (text[at] === ',') at++;
      else if (text[at] === '}') return void at++;
      else fail('expected , or } after a property value');
    }
  };
  const array = () => {
    at++;
    space();
    if (text[at] === ']') return void at++;
    for (;;) {
      space();
      if (text[at] === ']') fail('trailing comma before ]');
      value();
      space();
      if (text[at] === ',') at++;
      else if (text[at] === ']') return void at++;
      else fail('expected , or ] after a value');
    }
  };

  try {
    value();
    space();
    if (at < text.length) fail('unexpected text after the end of the JSON');
    return undefined;
  } catch (error) {
    // Each list or set of fields is followed by a call within a call: thousands of them nested
    // (never in a backup, which nests them 5 deep) run out of stack where the reading got to.
    const tooDeep = error instanceof RangeError;
    const offset = tooDeep ? at : (error as { offset: number }).offset;
    const before = text.slice(0, offset).split('\n');
    const message = tooDeep ? 'lists or fields nested too deeply to read (an itb backup nests them 5 deep)' : (error as Error).message;
    return { line: before.length, col: before.at(-1)!.length + 1, message };
  }
}

/** A place in a JSON value: field names and list positions, as zod gives an issue's path. */
export type JsonPath = readonly (string | number)[];

/**
 * The line of each of `paths` in the valid JSON `text`, or of the nearest field or list item
 * around it that is there (a missing field is shown at what should hold it). A problem found by
 * checking the parsed value is thus shown where a person editing the file finds it; the file
 * itself (an empty path) has no line.
 */
export function jsonLines(text: string, paths: JsonPath[]): (path: JsonPath) => number | undefined {
  const keyOf = (path: JsonPath) => path.join('\u0000');
  const wanted = new Set<string>();
  for (const path of paths) for (let length = 1; length <= path.length; length++) wanted.add(keyOf(path.slice(0, length)));
  const found = new Map<string, number>();
  let at = 0;
  let line = 1;
  const space = () => {
    for (; at < text.length; at++) {
      const char = text[at];
      if (char === '\n') line++;
      else if (char !== ' ' && char !== '\t' && char !== '\r') return;
    }
  };
  const skipString = () => {
    for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === '\\') at++;
    at++;
  };
  // Past a value no path goes into, without reading its field names: a loop, not a call per level.
  const skipValue = () => {
    let depth = 0;
    do {
      space();
      const char = text[at];
      if (char === '"') skipString();
      else {
        if (char === '{' || char === '[') depth++;
        else if (char === '}' || char === ']') depth--;
        at++;
      }
    } while (depth > 0 && at < text.length);
    // A number or a word (true, false, null): up to what ends it.
    while (at < text.length && !' \t\r\n,:]}'.includes(text[at]!)) at++;
  };
  const value = (path: (string | number)[]) => {
    space();
    const key = keyOf(path);
    if (path.length > 0 && !wanted.has(key)) return skipValue();
    if (path.length > 0) found.set(key, line);
    const opening = text[at];
    if (opening !== '{' && opening !== '[') return skipValue();
    at++;
    for (let index = 0; ; index++) {
      space();
      if (text[at] === '}' || text[at] === ']') return void at++;
      if (text[at] === ',') {
        at++;
        space();
      }
      let field: string | number = index;
      if (opening === '{') {
        const start = at;
        skipString();
        field = JSON.parse(text.slice(start, at)) as string;
        space();
        at++; // the colon
      }
      value([...path, field]);
    }
  };
  try {
    value([]);
  } catch {
    // Only ever given text JSON.parse read; should it not be, the problems are listed without lines.
  }
  return (path) => {
    for (let length = path.length; length > 0; length--) {
      const line = found.get(keyOf(path.slice(0, length)));
      if (line !== undefined) return line;
    }
    return undefined;
  };
}
