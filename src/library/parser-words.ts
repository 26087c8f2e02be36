// The YAML parser's messages in plain words for someone editing a library by hand; what a slip
// means where it is found, and the text to write, is worked out in syntax.ts and line-slips.ts.

export const tabIndent = 'a tab is used to indent this line; indent with spaces only';

/** Plain words for the YAML parser's messages; the parser's own wording is the fallback. */
const syntaxMessages: [RegExp, string][] = [
  [/^Tabs are not allowed/, tabIndent],
  [/call stack size exceeded/i, 'lists or fields are nested here far too deeply, hundreds of times inside each other; a library needs a few levels'],
  [
    /^Sequence item without - indicator/,
    'this line does not line up with the lines above it: the fields of one item start in the same column, and a new list item starts with "- "',
  ],
  [
    /^All mapping items must start at the same column/,
    'this field does not line up with the fields above it; the fields of one item must start in the same column',
  ],
  [
    /^All sequence items must start at the same column/,
    'this list item does not line up with the items above it; every "- " of one list must start in the same column',
  ],
  [
    /^Nested mappings are not allowed in compact mappings/,
    'the next line is indented further than this field; the fields of one item must start in the same column',
  ],
  [
    /^Implicit keys need to be on a single line/,
    'a field name must be on one line and followed by ":" (is a ":" missing, or a line indented too far?)',
  ],
  [/^Implicit map keys need to be followed by map values/, 'this field name needs a ":" and a value after it'],
  [
    /^Source contains multiple documents/,
    'the file holds more than one document (a line of "---" in the middle); a library is one document: delete that line, and write what follows it into the fields and lists above it (one "version:", one "exercises:" ...)',
  ],
  [
    /^Unexpected block-seq-ind on same line with key/,
    'a list item ("- ") cannot start on the line of its field name; put each item on a line of its own under the field, or put the text in quotes',
  ],
  [/^Block scalar lines must not be less indented/, 'this line is indented less than the first line of the text above it; indent every line of a text after ">" or "|" alike'],
  [/^Block scalar values in collections must be indented/, 'the text after ">" or "|" must be indented further than its field name'],
  [/^Block scalars with more-indented leading empty lines/, 'the text after ">" or "|" starts with blank lines and a line indented further than the ones after it; indent its lines alike'],
  [/^Flow end indicator should be more indented/, 'the closing "]" or "}" must be indented further than the field name it belongs to'],
  [/^Block scalar header includes extra characters/, 'only a comment may follow ">" or "|" on its line; the text starts on the next line, indented'],
  // The parser lost its footing earlier in the file; a line out of step with those above it is the usual cause.
  [
    /^Unexpected .*(token|at node end)|^Not a YAML token/,
    'this line cannot be read here: check that it lines up with the lines above it, and put text that holds : # [ ] { } or starts with & * ! in quotes',
  ],
];

/** The plain words for a parser message, when there are some. */
export function plainWords(message: string): string | undefined {
  return syntaxMessages.find(([pattern]) => pattern.test(message))?.[1];
}

/** The parser's own message, its terms made plainer: for a message that has no plain words of its own. */
export function parserWords(message: string): string {
  return firstLine(message)
    .replace(/flow sequence/gi, 'list in [ ]')
    .replace(/flow map(ping)?/gi, 'mapping in { }')
    .replace(/\ban implicit (map )?key\b/gi, 'a field name')
    .replace(/implicit (map )?keys?/gi, 'field names')
    .replace(/^./, (first) => first.toLowerCase());
}

/** The first line of a parser message, without its place in the file (told apart) or its advice. */
export function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/;? ?please use .*$/, '').trim();
}
