// Commander's usage errors (an unknown command or flag, a word left out or too many) in itb's
// words, ending in one hint as itb's own errors do: what was meant, if anything, and the help.
import type { Command, Option } from 'commander';
import { fitLine } from './commands/help.js';
import { shellWord } from './shell-word.js';

/**
 * Commander's message `text` in itb's words (see plainUsageError), then the hint, broken between
 * words to fit `columns`: the command or flag meant, when commander or itb knows it ("Did you mean
 * buckets?"), and the help that shows what `path` (the command as it is typed) takes.
 */
export function usageError(text: string, command: Command, path: string, typed: string[], columns: number): string {
  const plain = plainUsageError(text, command, path, typed).replace(/\n+$/, '');
  const meant = /\n\(Did you mean ([^)\n]*)\)$/.exec(plain);
  const hint = `${meant ? `Did you mean ${meant[1]} ` : ''}\`${path} --help\` shows what it takes.`;
  return `${meant ? plain.slice(0, meant.index) : plain}\n${fitLine(hint, columns).join('\n')}\n`;
}

/** The options of `command` and of the commands it is under (--data and --no-color are itb's). */
export function optionsOf(command: Command): Option[] {
  const options: Option[] = [];
  for (let at: Command | null = command; at; at = at.parent) options.push(...at.options);
  return options;
}

/**
 * Commander's words for a value or an argument left out ("option '--since <date>' argument
 * missing", "missing required argument 'bucket'") or words too many said plainly, with the form
 * the command takes (`path` is how it is typed); so is an argument written as an option
 * (`itb session --routine rehab`, told as `itb session rehab`), and a value given to an option
 * that takes none (`--json=yes`), which commander calls unknown.
 */
function plainUsageError(text: string, command: Command, path: string, typed: string[]): string {
  const usage = `${path} ${command.usage()}`;
  const argumentNames = command.registeredArguments.map((argument) => argument.name());
  const options = optionsOf(command);
  const switches = options.filter((option) => !option.required && !option.optional).map((option) => option.long);
  const names = [...command.commands.map((sub) => sub.name()), ...options.flatMap((option) => [option.long, option.short])];
  return text
    // A command word with dashes (`itb -- --help`): commander cuts two letters off each command's
    // name to match it as an option, and would offer "--lp" for help.
    .replace(/^(error: unknown command '--[^']*')\n\(Did you mean [^)\n]*\)$/m, '$1')
    .replace(/^error: unknown option '--([\w-]+)(?:=[^']*)?'$/m, (line, name: string) =>
      argumentNames.includes(name.toLowerCase()) ? `error: the ${name.toLowerCase()} is given on its own, without --${name}: ${withoutFlag(typed, name) ?? usage}` : line,
    )
    // Without commander's "(Did you mean --json?)" under it: the flag is right already.
    .replace(/^error: unknown option '(--[\w-]+)(=[^']*)'$(\n\(Did you mean [^)\n]*\)$)?/m, (line, flag: string, value: string) =>
      switches.includes(flag) ? `error: ${flag} takes no value: write it as ${flag}, without "${value}"` : line,
    )
    // Typed with Caps Lock on (`itb HISTORY`, `--JSON`), or -v for -V, which commander's suggestions miss.
    .replace(/^error: unknown (?:command|option) '([^'=]+)'$(?!\n\(Did you mean)/m, (line, typed: string) => {
      const meant = names.find((name) => name?.toLowerCase() === typed.toLowerCase());
      return meant ? `${line}\n(Did you mean ${meant}?)` : line;
    })
    // "Yes to every question" as other tools write it: here --force is what goes on without asking.
    .replace(/^error: unknown option '(?:--yes|-y)'$(?!\n\(Did you mean)/m, (line) => (switches.includes('--force') ? `${line}\n(Did you mean --force?)` : line))
    .replace(/^error: option '(?:(-\w), )?(--[\w-]+) (<[^>]+>)' argument missing$/m, (_, short: string | undefined, flag: string, value: string) =>
      short ? `error: ${short} (${flag}) needs a value after it, as in ${short} ${value}` : `error: ${flag} needs a value after it, as in ${flag} ${value}`,
    )
    .replace(/^error: missing required argument '(\w+)'$/m, (_, name: string) => missingArgument(command, name, typed))
    .replace(/^error: too many arguments for '[\w-]+'\. Expected (\d+) arguments? but got (\d+)\.$/m, (_, expected: string) => {
      // Named, as typed: the extra words are the last ones given as arguments.
      const extra = command.args.slice(Number(expected)).map((word) => `"${word}"`);
      return `error: ${extra.length === 1 ? 'a word' : `${extra.length} words`} too many (${extra.join(', ')}): ${usage}`;
    });
}

/** "the bucket is missing (rehab or avoid): itb buckets move clamshells <bucket>": what it is, and what is still to come after the words typed. */
function missingArgument(command: Command, name: string, [itb, ...words]: string[]): string {
  const required = command.registeredArguments.filter((argument) => argument.required);
  const missing = required.slice(required.findIndex((argument) => argument.name() === name));
  const what = missing[0]?.description ? ` (${missing[0].description})` : '';
  return `error: the ${name} is missing${what}: ${[itb, ...words.map(shellWord), ...missing.map((argument) => `<${argument.name()}>`)].join(' ')}`;
}

/** `[itb, ...words]` as typed, with `--NAME VALUE` or `--NAME=VALUE` as VALUE alone; undefined without a value. */
function withoutFlag([itb, ...words]: string[], name: string): string | undefined {
  const at = words.findIndex((word) => word === `--${name}` || word.startsWith(`--${name}=`));
  const joined = words[at]?.includes('=') === true;
  const value = joined ? words[at]!.slice(name.length + 3) : words[at + 1];
  if (at < 0 || !value || (!joined && value.startsWith('-'))) return undefined;
  return [itb, ...[...words.slice(0, at), value, ...words.slice(at + (joined ? 1 : 2))].map(shellWord)].join(' ');
}
