// What every command declaration shares. Declarations are read on every start (for --help,
// --version and to find the command), so they import nothing heavier than this: each command's
// action is in a module of its own, loaded when the command runs.
import { Option } from 'commander';
import { orList } from '../core/terms.js';
import { UserError } from '../errors.js';

/**
 * An option taking one of `values`, typed in any case (`--symptom Pain`), as `itb settings` takes
 * them; another value is refused in the words `itb settings` uses.
 */
export function choiceOption<T extends string>(flags: string, description: string, values: readonly T[]): Option {
  const option = new Option(flags, description).choices(values);
  return option.argParser((typed: string) => {
    const value = values.find((candidate) => candidate === typed.trim().toLowerCase());
    if (value === undefined) throw new UserError(`"${typed}" is not a valid ${option.attributeName()}: use ${orList(values)}.`);
    return value;
  });
}

/** Help text listing examples, in the same layout on every command, within 80 columns. */
export function examples(...lines: [command: string, what: string][]): string {
  const width = Math.max(...lines.map(([command]) => command.length));
  const fits = lines.every(([, what]) => 4 + width + 2 + what.length <= 80);
  const line = ([command, what]: [string, string]) =>
    fits ? `  $ ${command.padEnd(width)}  ${what}` : `  $ ${command}\n      ${what}`;
  return `\nExamples:\n${lines.map(line).join('\n')}\n`;
}
