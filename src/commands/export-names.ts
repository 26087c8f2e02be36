// Names of files for `itb export` to suggest: one not taken where the person is, so that the
// command given to copy writes its report and replaces none kept from before.
import { lstatSync } from 'node:fs';
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { shellPath, shellWord } from '../shell-word.js';

/**
 * `stem.extension` (report.html) as the name of a file to write, or stem-2.extension and on
 * where that name is taken here: the command suggested then writes the file, where it would
 * stop ("already exists"), and --force in it replaces no report kept from before. An empty
 * extension gives a name without one.
 */
export function unusedName(stem: string, extension: string): string {
  for (let count = 1; ; count++) {
    const name = `${stem}${count === 1 ? '' : `-${count}`}${extension === '' ? '' : `.${extension}`}`;
    if (lstatSync(name, { throwIfNoEntry: false }) === undefined) return name;
  }
}

/** A name beside `file` not taken, its extension kept (the whole of ".fhir.json"): report-2.html for report.html. */
export function unusedNameLike(file: string): string {
  const extension = /\.fhir\.json$/i.exec(file)?.[0] ?? extname(file);
  return unusedName(file.slice(0, file.length - extension.length), extension.slice(1));
}

/**
 * `-o FILE` where a file is, without --force: nothing written, and both ways on given as commands
 * to copy, the one typed (`withoutOutput`, the command without its -o and --force) with --force,
 * and with a name not taken. `replaced`: the file --force would replace (for a link, the file it
 * leads to, named, so that it is never replaced unseen).
 */
export function fileThere(file: string, replaced: string, withoutOutput: string): UserError {
  const message = replaced === file ? `${file} already exists` : `${file} already exists: it is a link to ${replaced}`;
  const force = `\`${withoutOutput} -o ${shellPath(file)} --force\``;
  const other = `\`${withoutOutput} -o ${shellPath(unusedNameLike(file))}\``;
  return new UserError(message, `Nothing was written. To replace ${replaced === file ? 'it' : replaced}: ${force}; to keep it, write another file: ${other}`);
}

/**
 * A file name typed without -o (`itb export report.md`): the command with -o to copy. Where that
 * file is already (the same export run again), both ways on at once, as `-o` alone would only
 * stop at "already exists". `typed`: the command as typed, without its file.
 */
export function strayFileName(stray: string, typed: string, force: boolean): UserError {
  const message = `itb export takes no file name on its own ("${stray}")`;
  if (force || !lstatSync(stray, { throwIfNoEntry: false })?.isFile()) {
    return new UserError(message, `To write a file, put -o before its name: \`${typed} -o ${shellWord(stray)}\``);
  }
  const replace = `\`${typed} -o ${shellPath(stray)} --force\``;
  const other = `\`${typed} -o ${shellPath(unusedNameLike(stray))}\``;
  return new UserError(message, `To write a file, put -o before its name. ${stray} is there already: ${replace} replaces it; ${other} keeps it and writes another.`);
}
