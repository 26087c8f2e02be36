// How a word is typed in a shell, for the commands itb's messages suggest. Kept apart so that the
// store's errors, which name folders in commands to copy, load nothing of the command line's help.

/** A word (a file name, a folder, a note) as it is typed in a shell: quoted when the shell would split it or read into it. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * A file or folder named in a command to copy (shellWord): one whose name starts with "-" is
 * typed as ./-name, which no command reads as an option.
 */
export function shellPath(path: string): string {
  return shellWord(path.startsWith('-') ? `./${path}` : path);
}
