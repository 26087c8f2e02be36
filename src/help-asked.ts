// Every way a person asks for a command's help (`itb help buckets move`, `itb buckets move help`,
// `itb -h buckets`), read as `itb CMD --help` before commander reads the words.
import type { Command } from 'commander';
import { closest } from './core/closest.js';
import { UserError } from './errors.js';

/**
 * Every way of asking for a command's help, as `itb CMD --help`: `itb help buckets move`
 * (commander's help command reads one word only, and prints the whole help as an error for a
 * word that is not a command), `itb -h buckets` (commander would show itb's own), `itb buckets
 * move help`; itb's own options (--no-color, --data FILE) anywhere among the words. A word that
 * is not a command (`itb help bukets`, `itb bukets --help`) is named instead, with the commands
 * near it. `itb` alone is `itb --help`, on stdout (`itb | less`) and exit 0, where commander
 * would print it as an error; `itb -v` alone is `itb --version`.
 */
export function helpAsOption(program: Command, argv: string[], itb: string): string[] {
  const globals: string[] = [];
  const words: string[] = [];
  for (let at = 0; at < argv.length; at++) {
    const word = argv[at]!;
    if (word === '--no-color' || word.startsWith('--data=')) globals.push(word);
    // A --data last, without its file, is left to commander, which says it needs one.
    else if (word === '--data' && at < argv.length - 1) globals.push(word, argv[++at]!);
    else words.push(word);
  }
  const asked = (path: string[]) => [...globals, ...path, '--help'];
  if (words.length === 0) return asked([]);
  // `itb -v` alone, as `node -v` and `npm -v` print their versions: commander takes -V only.
  if (words.length === 1 && words[0] === '-v') return [...globals, '--version'];
  // `itb -h -h buckets`, `itb help --help buckets`: a help asked twice before the command is asked once.
  if (['help', '-h', '--help'].includes(words[0]!)) return asked(helpPath(program, words.slice(1).filter((w) => w !== '-h' && w !== '--help'), itb));
  let command = program;
  let at = 0;
  for (; command.commands.some((sub) => sub.name() === words[at]); at++) command = command.commands.find((sub) => sub.name() === words[at])!;
  const path = words.slice(0, at);
  // `itb buckets -h move`, as `itb -h buckets move` and `itb buckets help move`: the help of move.
  // Other words after the -h are left out, as after `itb buckets --help` (`itb buckets -h extra`).
  const under = words[at + 1] === undefined ? undefined : command.commands.find((sub) => sub.name() === words[at + 1]);
  if ((words[at] === '-h' || words[at] === '--help') && under) return asked([...path, under.name()]);
  // `itb buckets move help`, and `itb buckets help move`. After a command that takes words of its
  // own, only as the last word: `itb exercises help --json` looks for a drill "help". After one
  // that takes none, with options after it too (`itb buckets reset help --force`). A routine,
  // drill or file named "help" goes after `--` (`itb import -- help`).
  const takesNone = command.commands.length > 0 || command.registeredArguments.length === 0;
  if (words[at] === 'help' && (at === words.length - 1 || takesNone)) return asked(helpPath(command, words.slice(at + 1), itb, path));
  // `itb bukets --help`: commander would show the help of the command above without a word.
  const word = words[at];
  const helpAsked = words.includes('-h') || words.includes('--help');
  if (helpAsked && word !== undefined && !word.startsWith('-') && command.commands.length > 0 && command.registeredArguments.length === 0) helpPath(command, [word], itb, path);
  return argv;
}

/**
 * The commands `words` name under `from` (reached by `path`), up to an option, a "help" (`itb
 * help help` is itb's own help), or the arguments of a command without commands of its own
 * (`itb help exercises clamshells`), which its help covers. A word that is no command is refused.
 * The commands suggested leave out --data and --no-color: help is the same without them.
 */
function helpPath(from: Command, words: string[], itb: string, path: string[] = []): string[] {
  const found = [...path];
  let command = from;
  for (const word of words) {
    if (word.startsWith('-') || word === 'help' || command.commands.length === 0) break;
    const names = command.commands.map((sub) => sub.name());
    const sub = command.commands.find((candidate) => candidate.name() === word);
    if (!sub) {
      const near = closest(word, names).map((name) => `\`${[itb, 'help', ...found, name].join(' ')}\``);
      const help = `\`${[itb, ...found, '--help'].join(' ')}\``;
      const hint = near.length > 0 ? `Did you mean ${near.join(' or ')}? ${help} lists them.` : `The commands are ${names.slice(0, -1).join(', ')} and ${names.at(-1)}: ${help} says what each does.`;
      throw new UserError(`there is no command "${[...found, word].join(' ')}"`, hint);
    }
    found.push(word);
    command = sub;
  }
  return found;
}
