// How a word is typed in a shell, for the commands itb's messages suggest. Kept apart so that the
// store's errors, which name folders in commands to copy, load nothing of the command line's help.
// On Windows the shell is PowerShell (as the README says), which quotes and sets variables its
// own way: a command written for sh there would fail, or worse, read "$data" in a path as a variable.
import { width } from './ui/width.js';

/** A word (a file name, a folder, a note) as it is typed in a shell: quoted when the shell would split it or read into it. */
export function shellWord(text: string): string {
  if (process.platform === 'win32') return powerShellSafe(text) ? text : powerShellQuoted(text);
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * A file or folder named in a command to copy (shellWord): one whose name starts with "-" is
 * typed as ./-name, which no command reads as an option.
 */
export function shellPath(path: string): string {
  return shellWord(path.startsWith('-') ? `./${path}` : path);
}

/**
 * `command` with the environment variable `name` set to `value` for it alone (an empty value
 * names nothing): `NAME=value command`. PowerShell has no such form, and a variable set there
 * stays set for the commands typed after, so on Windows it is set, the command run, and the
 * variable put back as it was where itb ran (`before`; unset when undefined).
 */
export function withVariable(name: string, value: string, command: string, before: string | undefined): string {
  if (process.platform !== 'win32') return `${name}=${value === '' ? '' : shellPath(value)} ${command}`;
  const restored = before === undefined ? '$null' : powerShellQuoted(before);
  return `$env:${name} = ${powerShellQuoted(value)}; ${command}; $env:${name} = ${restored}`;
}

/** The command that unsets the environment variable `name` in the shell it is typed in. */
export function unsetVariable(name: string): string {
  return process.platform === 'win32' ? `$env:${name} = $null` : `unset ${name}`;
}

/** What ends a line that a command goes on after: sh's "\", PowerShell's backquote. */
function lineGoesOn(): string {
  return process.platform === 'win32' ? '`' : '\\';
}

/**
 * A command to copy in lines of at most `columns`: whole when it fits, else broken between words
 * (a long --data path on a phone's screen), never between an option and its value, each line but
 * the last ending with the shell's " \" (PowerShell's " `"), so that it still runs when copied
 * whole. `first` leads its first line ("  $ "), `rest` the lines it goes on in; a word longer than
 * a line is left whole, for the terminal to break.
 */
export function commandLines(command: string, columns: number, first: string, rest: string): string[] {
  if (width(first + command) <= columns) return [first + command];
  // The words, each option with the value after it; a word in quotes, spaces and all, is one, and
  // so is sh's way of writing a quote inside one ('Pat'\''s plan.yaml').
  const parts = (command.match(/(?:"[^"]*"|'[^']*'|\\.|[^\s'"\\])+/g) ?? []).reduce<string[]>((all, word) => {
    const last = all.at(-1);
    if (last?.startsWith('-') && !last.includes(' ') && !word.startsWith('-')) all[all.length - 1] += ` ${word}`;
    else all.push(word);
    return all;
  }, []);
  // An option whose value is too long to go on a line with it (a long path) goes on a line of its own.
  const words = parts.flatMap((part) => (part.startsWith('-') && part.includes(' ') && width(rest + part) + 2 > columns ? [part.slice(0, part.indexOf(' ')), part.slice(part.indexOf(' ') + 1)] : [part]));
  const lines: string[] = [];
  let current = `${first}${words.shift() ?? ''}`;
  for (const part of words) {
    // Room for the " \" that ends the line if the next part does not fit.
    if (width(current) + 1 + width(part) + 2 <= columns) current += ` ${part}`;
    else {
      lines.push(`${current} ${lineGoesOn()}`);
      current = `${rest}${part}`;
    }
  }
  return [...lines, current];
}

/**
 * Whether PowerShell reads `text` typed bare as that one word: "," would make a list of it, "@"
 * first a splat, and a word starting with "-" is cut in two at a "." or ":" (`-o:x.json`).
 * "\" is a plain letter there, as in any Windows path.
 */
function powerShellSafe(text: string): boolean {
  return text.startsWith('-') ? /^-[\w-]*$/.test(text) : /^[\w%+=:./\\-]+$/.test(text);
}

/**
 * `text` in PowerShell's single quotes, inside which nothing is read ("$", "`"); a quote in it is
 * doubled. PowerShell takes the curly quotes ‘ ’ ‚ ‛ for quotes too, so they are doubled as well.
 */
function powerShellQuoted(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}
