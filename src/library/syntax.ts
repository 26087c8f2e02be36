// What a YAML parse error means for someone editing a library by hand: the parser's message in
// plain words (parser-words.ts), pointed at the place a reader should look (an unclosed "[" where
// it opens, an indentation error at the text rather than at the spaces before it).
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type ErrorCode, type Node, type YAMLError } from 'yaml';
import { duplicateKeyMessage } from './duplicate-field.js';
import { itemsAfterValueMessage, lineSlip, longDashAt, textStartOnItem } from './line-slips.js';
import { firstLine, parserWords, plainWords, tabIndent } from './parser-words.js';
import { pathAtOffset, pathOfItemAt, pathOfKeyAt, pathOfListAt, type At } from './positions.js';
import type { Problem } from './problems.js';
import { doseWithWordsAdvice } from './value-advice.js';

/**
 * Parse errors after which the parser still reads the document as written: it builds every item
 * and only flags one (a field given twice; an escape like \q inside "double quotes" whose end it
 * has already found). The content can then be checked too. Every other error means the parser
 * lost track of the structure, and what it built after that is a guess.
 */
const readableErrorCodes: ReadonlySet<ErrorCode> = new Set(['DUPLICATE_KEY', 'BAD_DQ_ESCAPE']);

/** Whether the document's content can be checked despite its parse errors. */
export function isReadable(doc: Document): boolean {
  return doc.errors.every((error) => readableErrorCodes.has(error.code));
}

/**
 * The parse errors worth showing. The readable ones leave the rest of the file readable, but
 * after any other slip (an indent, a bracket, a quote) the parser's later findings are guesses
 * about a structure it has lost, so the report stops at the first of those.
 */
export function syntaxProblems(doc: Document, source: string, at: At): Problem[] {
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const slip = errors.find((error) => !readableErrorCodes.has(error.code));
  // A tab indenting a line makes the parser misread the line above it first; the tab is the slip.
  const tab = slip && errors.find((error) => error.code === 'TAB_AS_INDENT' && error.pos[0] <= endOfNextLine(source, slip.pos[0]));
  const first = tab ?? slip;
  const shown = first ? errors.filter((error) => error === first || (readableErrorCodes.has(error.code) && error.pos[0] < first.pos[0])) : errors;
  return onePerPlace(shown.map((error) => syntaxProblem(doc, source, error, at)).filter((problem) => problem !== undefined));
}

function endOfNextLine(source: string, offset: number): number {
  const lineEnd = source.indexOf('\n', offset);
  const nextEnd = lineEnd === -1 ? -1 : source.indexOf('\n', lineEnd + 1);
  return nextEnd === -1 ? source.length : nextEnd;
}

function syntaxProblem(doc: Document, source: string, error: YAMLError, at: At): Problem | undefined {
  let offset = error.pos[0];
  let message = plainWords(error.message);
  const flow = /^Flow (sequence|map)/.exec(error.message);
  const quote = /^Missing closing (['"])quote/.exec(error.message);
  const slip = lineSlip(source, error);
  if (slip) {
    offset = slip.offset;
    message = slip.message;
  } else if (error.code === 'DUPLICATE_KEY') {
    // After a field with no value on its line, the parser points at the end of that line: move
    // on to the repeated key itself.
    offset += /^(?:\s|#[^\n]*)*/.exec(source.slice(offset))![0].length;
    const said = duplicateKeyMessage(doc, source, offset, at, errorPath(doc, source, offset, error));
    if (said === undefined) return undefined;
    message = said;
  } else if (/^A block sequence may not be used as an implicit map key/.test(error.message)) {
    // Past blank lines and comments between the field and its items, to the first item.
    offset += /^(?:\s|#[^\n]*)*/.exec(source.slice(offset))![0].length;
    message = itemsAfterValueMessage(source, offset);
  } else if (error.code === 'BAD_DQ_ESCAPE') {
    const escape = /^Invalid escape sequence (.*)$/.exec(firstLine(error.message))?.[1] ?? '\\';
    message = `invalid escape ${escape} in text within "double quotes"; write \\\\ for a backslash, or use 'single quotes'`;
  } else if (flow) {
    // The parser notices the missing bracket where the list should have ended; the reader
    // needs to see where it began.
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    offset = nodeEndingAt(doc, offset, (node) => (isSeq(node) || isMap(node)) && Boolean(node.flow)) ?? offset;
    const what = flow[1] === 'sequence' ? 'list' : 'mapping';
    message = `the ${what} that opens with "${open}" here is not closed with "${close}" (if it runs over several lines, indent them further than its field name)`;
  } else if (quote) {
    offset = nodeEndingAt(doc, offset, (node) => isScalar(node) && node.type !== 'PLAIN') ?? offset;
    message = `the text that starts with ${quote[1]} here has no closing ${quote[1]}`;
    // "- 'til the knee is level": an apostrophe, not a quote, when nothing on the line closes it.
    const text = restOfLine(source, offset);
    if (quote[1] === "'" && text.startsWith("'") && !text.includes("'", 1)) message += `; end the text with ', or, if the ' belongs to the text, put the whole text in double quotes: ${quoted(text)}`;
  } else if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /:(\s|$)/.test(restOfLine(source, offset))) {
    // "name: Wall sit: easy" reads as a field inside a field; the slip is the ": " in the text. In
    // "- Lie down: knees bent: slowly" the parser stops at the second ": ", but the step is all of it.
    const start = textStartOnItem(source, offset);
    const path = start < offset ? pathOfItemAt(doc, start) : pathAtOffset(doc, offset - 1);
    const text = restOfLine(source, start);
    // "reps: 10: slowly": in quotes, no number either.
    message = doseWithWordsAdvice(trustedPath(path), text) ?? `${colonWords(text)} makes it read as a field name; ${putInQuotes(text)}`;
    return { ...at(start), path: trustedPath(path) || '(file)', message };
  } else if (error.code === 'UNEXPECTED_TOKEN' && /^Unexpected scalar at node end/.test(error.message)) {
    // "Hold" means..., [Optional] Wall sit, *Gently* hold: the quote, bracket or star makes the
    // start of the text something else, and the rest is left over.
    const start = nodeBefore(doc, source, offset);
    if (start !== undefined) {
      offset = start;
      message = startsOddlyMessage(restOfLine(source, start));
    }
  } else if (error.code === 'BAD_SCALAR_START' || (error.code === 'BAD_ALIAS' && /^Anchor cannot be an empty string/.test(error.message))) {
    // "@home", "%", "& then hold": a character YAML keeps for itself starts the text.
    offset = skipSpaces(source, offset);
    const text = restOfLine(source, offset);
    message = `text cannot start with ${text[0]} unless it is in quotes; put the whole text in quotes: ${quoted(text)}`;
  } else if (/^Not a YAML token/.test(error.message) && blockHeaderBefore(source, offset)) {
    // "steps: | Step down": the parser reads the header, then finds text where only a comment may be.
    message = `only a comment may follow "${blockHeaderBefore(source, offset)}" on its line; the text starts on the next line, indented`;
  } else {
    offset = skipSpaces(source, offset);
  }
  // A tab among the spaces before a text after ">" or "|" throws out its indentation: the tab is the slip.
  if (/^Block scalar/.test(error.message) && /^[ \t]*\t/.test(source.slice(source.lastIndexOf('\n', offset - 1) + 1))) message = tabIndent;
  message ??= parserWords(error.message);
  return { ...at(offset), path: errorPath(doc, source, offset, error) || '(file)', message };
}

function errorPath(doc: Document, source: string, offset: number, error: YAMLError): string {
  if (error.code === 'MULTIPLE_DOCS') return '';
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const atIndent = lineStart > 0 && source.slice(lineStart, offset).trim() === '';
  if (error.code === 'DUPLICATE_KEY') return trustedPath(pathOfKeyAt(doc, offset) || pathAtOffset(doc, offset));
  if (!atIndent) return trustedPath(pathAtOffset(doc, offset));
  // The slip is in how this line starts, so the parser's reading of it is a guess; the line
  // above was read correctly: name what it belongs to (the field itself if it opens a block).
  const above = endOfLineAbove(source, lineStart);
  // "– Open the top knee" under "- Lie on your side": meant as the next item of the list above.
  const list = longDashAt(source.slice(offset)) && pathOfListAt(doc, source, above, offset - lineStart);
  if (list) return trustedPath(list);
  return pathOfLineAbove(doc, source, above);
}

/** Where the text before `lineStart` ends: the end of the line above, blank lines passed over. */
export function endOfLineAbove(source: string, lineStart: number): number {
  let above = lineStart - 1;
  for (;;) {
    while (above > 0 && /\s/.test(source[above]!)) above--;
    // A comment alone on its line belongs to no field: the line above it does.
    const start = source.lastIndexOf('\n', above) + 1;
    if (above <= 0 || !/^\s*#/.test(source.slice(start, above + 1))) return above;
    above = start - 1;
  }
}

/** What the line ending at `above` belongs to: the field itself if it opens a block (ends with ":"). */
export function pathOfLineAbove(doc: Document, source: string, above: number): string {
  const parts = trustedPath(pathAtOffset(doc, above)).split('.');
  return (source[above] === ':' ? parts : parts.slice(0, -1)).join('.');
}

/** The part of a path the parser is sure of: after a slip, later "keys" can be stray text. */
function trustedPath(path: string): string {
  const parts = path.split('.');
  const stray = parts.findIndex((part) => !/^[\w-]+$/.test(part));
  return (stray === -1 ? parts : parts.slice(0, stray)).join('.');
}

/** The start of the last node (of the wanted kind) whose content ends at `offset`. */
function nodeEndingAt(doc: Document, offset: number, wanted: (node: Node) => boolean): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Node(_, node) {
      if (wanted(node) && node.range && node.range[1] === offset) start = node.range[0];
    },
  });
  return start;
}

/** The ">" or "|" header (with its "-", "+" or indent digit) that ends the line before `offset`, if one does. */
function blockHeaderBefore(source: string, offset: number): string | undefined {
  return /(?:^|\s)([|>][-+1-9]*)[ \t]+$/.exec(source.slice(source.lastIndexOf('\n', offset - 1) + 1, offset))?.[1];
}

/** The text from `offset` to the end of its line, without a trailing comment. */
function restOfLine(source: string, offset: number): string {
  const end = source.indexOf('\n', offset);
  return source
    .slice(offset, end === -1 ? source.length : end)
    .replace(/\s+#.*$/, '')
    .trim();
}

/**
 * The colon that makes `text` read as a field name, as a reader finds it: a ": " within the text,
 * or a ":" at its very end ("Wall sit:"), with no space after it.
 */
function colonWords(text: string): string {
  return /:(\s|$)/.exec(text)?.index === text.length - 1 ? 'the ":" at the end of this text' : 'the ": " in this text';
}

/**
 * The advice to put `text` in quotes. A word processor (and some editors, such as TextEdit) types
 * curly quotes, which YAML reads as letters: text already in them gets straight ones instead.
 */
export function putInQuotes(text: string): string {
  // “ ‘ „ ‚ before, ” ’ “ ‘ after: escaped, so the bundle's text stays Latin-1 (see scripts/build.mjs).
  const curly = /^[\u201c\u2018\u201e\u201a](.*)[\u201d\u2019\u201c\u2018]$/.exec(text);
  if (!curly) return `put the whole text in quotes: ${quoted(text)}`;
  return `put it in straight quotes (" or '): a word processor's curly quotes “ ” and ‘ ’ are read as part of the text: ${quoted(curly[1]!)}`;
}

/** `text` as it can be written in a library: in "double quotes", or 'single quotes' when it holds a ". */
export function quoted(text: string): string {
  return text.includes('"') ? `'${text.replaceAll("'", "''")}'` : `"${text.replaceAll('\\', '\\\\')}"`;
}

/** The start of the node that ends just before `offset`, on the same line. */
function nodeBefore(doc: Document, source: string, offset: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Node(_, node) {
      if (node.range && node.range[1] <= offset && /^[ ]*$/.test(source.slice(node.range[1], offset))) start = node.range[0];
    },
  });
  return start;
}

/** Why a text that starts with a quote, a bracket or a star is not read as written, and how to write it. */
function startsOddlyMessage(text: string): string {
  const first = text[0] ?? '';
  if ((first === '"' || first === "'") && text.length > 1 && text.endsWith(first)) {
    // 'Maria's wall sit': the apostrophe closed the quotes.
    return `the ${first} inside this text ends it early; write it this way: ${quoted(text.slice(1, -1))}`;
  }
  const reading: Record<string, string> = {
    '"': `the text ends at its closing ", and the rest of the line is left over`,
    "'": `the text ends at its closing ', and the rest of the line is left over`,
    '[': 'a text that starts with [ is read as a list',
    '{': 'a text that starts with { is read as a set of fields',
    '*': 'a text that starts with * is read as a reference to an anchor (&name)',
  };
  return `${reading[first] ?? 'the text here is read as two values'}; put the whole text in quotes: ${quoted(text)}`;
}

/** An error found at the indentation of a line is about the text that follows it. */
function skipSpaces(source: string, offset: number): number {
  let next = offset;
  while (source[next] === ' ') next++;
  return next < source.length && source[next] !== '\n' && source[next] !== '\r' ? next : offset;
}

/** `*name` needs an `&name` above it; found in one pass, in document order, like the parser. */
export function unresolvedAliases(doc: Document, at: At): Problem[] {
  const anchors = new Set<string>();
  const problems: Problem[] = [];
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source) && node.range) {
          const message = `*${node.source} refers to an anchor &${node.source} that is not defined above it`;
          problems.push({ ...at(node.range[0]), path: pathAtOffset(doc, node.range[0]) || '(file)', message });
        }
      } else if (node.anchor) {
        anchors.add(node.anchor);
      }
    },
  });
  return problems;
}

/** One mistake often trips several parser errors at the same spot; the first says it best. */
function onePerPlace(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.line}:${p.col}`) && seen.add(`${p.line}:${p.col}`));
}

