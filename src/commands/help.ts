// What every command declaration shares. Declarations are read on every start (for --help,
// --version and to find the command), so they import nothing heavier than this: each command's
// action is in a module of its own, loaded when the command runs.
import { type Command, Help, Option } from 'commander';
import { orList } from '../core/terms.js';
import { UserError } from '../errors.js';
import { commandLines } from '../shell-word.js';
import { KEPT_WHOLE } from '../ui/kept-whole.js';
import { screenColumns } from '../ui/screen.js';

/**
 * An option taking one of `values`, typed in any case (`--symptom Pain`), as `itb settings` takes
 * them; another value is refused in the words `itb settings` uses, with `hintFor`'s advice for a
 * value that is worth more than the list (`--format pdf`: how to get a PDF after all). `read`: how
 * a value is read where more words than the values name one (`--side l`, as `itb settings` takes it).
 */
export function choiceOption<T extends string>(
  flags: string,
  description: string,
  values: readonly T[],
  { hintFor, read }: { hintFor?: (typed: string) => string | undefined; read?: (typed: string) => T | undefined } = {},
): Option {
  const option = new Option(flags, description).choices(values);
  return option.argParser((typed: string) => {
    const value = read ? read(typed) : values.find((candidate) => candidate === typed.trim().toLowerCase());
    if (value === undefined) throw new UserError(`"${typed}" is not a valid ${option.attributeName()}: use ${orList(values)}`, hintFor?.(typed.trim().toLowerCase()));
    return value;
  });
}

/** The width help is laid out in: the terminal's, at most 80 columns, as everything itb prints. */
export const helpColumns = screenColumns;

/**
 * The help shown after the options: examples, then `notes`, laid out when shown to fit the
 * terminal (see fitLine). `notes` holds one paragraph or list item per line, unbroken.
 */
export function helpAfter(examples: [command: string, what: string][], notes = ''): () => string {
  return () => {
    const columns = helpColumns();
    const width = Math.max(...examples.map(([command]) => command.length));
    // Side by side when every one fits; else each description under its command.
    const fits = examples.every(([, what]) => 4 + width + 2 + what.length <= columns);
    const lines = examples.flatMap(([command, what]) =>
      fits ? [`  $ ${command.padEnd(width)}  ${what}`] : [...commandLines(command, columns, '  $ ', '        '), ...fitLine(`      ${what}`, columns, 6)],
    );
    const noteLines = notes.replace(/^\n+|\n+$/g, '');
    const after = noteLines === '' ? '' : `\n${noteLines.split('\n').flatMap((line) => fitLine(line, columns)).join('\n')}\n`;
    return `\nExamples:\n${lines.join('\n')}\n${after}`;
  };
}

// A word with the spaces before it, or a fixed term ("avoid for now": see kept-whole.ts) whole.
const WORDS = new RegExp(String.raw` *(?:${KEPT_WHOLE}|\S+)`, 'g');

/**
 * `line` in lines of at most `columns`, broken between words. What goes on under a line indented
 * by its spaces: as far as it, or two more when it is indented (a list item, a JSON shape), unless
 * `hang` says otherwise. A word longer than the room (an example command) is left whole.
 */
export function fitLine(line: string, columns: number, hang?: number): string[] {
  const indent = line.length - line.trimStart().length;
  const under = ' '.repeat(hang ?? (indent === 0 ? 0 : indent + 2));
  // Each word with the spaces before it, kept where the line goes on ("FILE:LINE:COL  path"). A
  // short option keeps its value ("-o ./-"), and a lone "-" the word before it: at the start of
  // a line it would read as a list's dash. A command in backquotes is one word, whole on its line.
  const [first = '', ...words] = (line.trim().match(WORDS) ?? []).reduce<string[]>((all, word) => {
    const last = all.at(-1);
    const inCommand = last !== undefined && /^ *\(?`/.test(last) && (last.split('`').length - 1) % 2 === 1;
    if (last !== undefined && (inCommand || word.trim() === '-' || /(^| )-[a-zA-Z]$/.test(last))) all[all.length - 1] += word;
    else all.push(word);
    return all;
  }, []);
  const lines: string[] = [];
  let current = line.slice(0, indent) + first;
  for (const word of words) {
    if (current.length + word.length <= columns) current += word;
    else {
      lines.push(current);
      current = under + word.trimStart();
    }
  }
  lines.push(current);
  return lines;
}

/**
 * Commander's layout, for a narrow terminal: the usage line broken between words; options and
 * commands side by side with their descriptions while a description has 30 columns, and below
 * that each description under its option, wrapped.
 */
export const narrowHelp: Partial<Help> = {
  minWidthToWrap: 20,
  // Every command takes itb's own --data and --no-color, after its name too: listed in its help,
  // so that a person with a library file from their therapist learns that `itb exercises --data
  // FILE` works. Not --version, nor the options of the command above (`buckets --json` under
  // `buckets move`), which do nothing there.
  showGlobalOptions: true,
  visibleGlobalOptions(this: Help, command: Command): Option[] {
    let itb = command;
    while (itb.parent) itb = itb.parent;
    return itb === command ? [] : itb.options.filter((option) => option.long !== '--version');
  },
  // Shown after "Usage: ", and going on under its start.
  commandUsage(this: Help, command: Command): string {
    const usage = `Usage: ${Help.prototype.commandUsage.call(this, command)}`;
    return fitLine(usage, this.helpWidth ?? 80, 'Usage: '.length).join('\n').slice('Usage: '.length);
  },
  // A description beside its option or command, and a command's own, broken as fitLine breaks a
  // line: a fixed term such as "avoid for now" whole, which commander's own breaking splits.
  boxWrap(this: Help, text: string, width: number): string {
    if (width < (this.minWidthToWrap ?? 20)) return text;
    return text
      .split('\n')
      .map((line) => fitLine(line, width, 0).join('\n'))
      .join('\n');
  },
  formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
    const columns = helper.helpWidth ?? 80;
    if (description === '' || columns - termWidth - 4 >= 30) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
    return [`  ${term}`, ...description.split('\n').flatMap((line) => fitLine(`      ${line}`, columns, 6))].join('\n');
  },
};
