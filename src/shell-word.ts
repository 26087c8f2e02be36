// How a word is typed in a shell, for the commands itb's messages suggest. Kept apart so that the
// store's errors, which name folders in commands to copy, load nothing of the command line's help.
// On Windows the shell is PowerShell (as the README says), which quotes and sets variables its
// own way: a command written for sh there would fail, or worse, read "$data" in a path as a variable.

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
export function lineGoesOn(): string {
  return process.platform === 'win32' ? '`' : '\\';
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
