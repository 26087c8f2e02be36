// Where a JSON text first goes wrong, as line and column. Node's JSON.parse does not always
// say (for an unexpected letter it quotes the text instead), and a person fixing a backup by
// hand needs the place.

export interface JsonSyntaxProblem {
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
