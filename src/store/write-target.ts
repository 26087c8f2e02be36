// Whether a report may be written under the name asked for, before any of it is made: what is at
// that name now (nothing, a file to replace only with --force, a link and the file it leads to, or
// something no report can be written over, such as a folder or the command's own output).
import { fstatSync, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { shellPath } from '../shell-word.js';
import { UserError } from '../errors.js';
import { problem, writeError } from './write-problems.js';

/**
 * Throws when `file` cannot be written as asked: it exists and may not be replaced, or it is
 * not a regular file (a folder, a device such as /dev/stdout, a pipe). Returns the regular file
 * it names, through a link, or undefined when nothing has that name yet. Cheap: a command can
 * ask before it does the work of making the content. `withoutOutput`: the command as typed
 * without its -o (and --force), for the hint on a file that is the command's own output.
 */
export function checkWritable(file: string, options: { replace?: boolean; withoutOutput?: string } = {}): string | undefined {
  let link: Stats;
  try {
    link = lstatSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // "reports/" asks for a folder: a file cannot take that name, whatever the folder above it holds.
    if (code === 'ENOENT' && (file.endsWith('/') || file.endsWith(sep))) {
      throw new UserError(`cannot write ${file}: it ends in ${file.at(-1)}, as a folder does, and there is no such folder`, 'Give a file name, such as -o report.html.');
    }
    if (code === 'ENOENT') return undefined;
    throw writeError(file, error);
  }
  let target = link;
  if (link.isSymbolicLink()) {
    try {
      target = statSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // loop1 -> loop2 -> loop1: loop2 exists, but no file is ever reached.
      if (code === 'ELOOP') throw new UserError(`cannot write ${file}: it is a link that leads back to itself`, 'Choose another name with -o.');
      if (code !== 'ENOENT') throw writeError(file, error);
      throw new UserError(`cannot write ${file}: ${danglingWords(file)}`, 'Choose another name with -o.');
    }
  }
  if (target.isDirectory()) throw problem(file, 'EISDIR');
  // A device, a pipe or a socket, such as /dev/stdout (a link to whatever the output is).
  if (!target.isFile()) {
    throw new UserError(
      `cannot write ${file}: it is not a regular file (a device, a pipe or a socket)`,
      'To see the report on the screen, leave out -o; to save it, give a file name.',
    );
  }
  if (!link.isSymbolicLink()) {
    if (!options.replace) throw problem(file, 'EEXIST');
    return file;
  }
  // The file a link leads to is the one --force replaces: named, so that it is never replaced unseen.
  const real = realpathSync(file);
  // /dev/stdout (or /dev/stderr, /dev/fd/1, /proc/self/fd/1, or a link of one's own to one of
  // these) leads to the file the shell sends this command's output to (`> report.md`): not one to
  // replace under the shell, nor one that "already exists".
  // The command given keeps the rest typed, and sends the report to the file the output went to:
  // the one the person meant it for.
  if (resolve(file).startsWith('/dev/') || [1, 2].some((fd) => sameFile(target, fd))) {
    const here = relative(process.cwd(), real);
    const to = here.startsWith('..') || isAbsolute(here) ? real : here;
    const command = `${options.withoutOutput ?? 'itb export'} > ${shellPath(to)}`;
    throw new UserError(`cannot write ${file}: it is where this command's output goes (${real}), not a file to write`, `Leave out -o: the report then goes where the output goes, as in \`${command}\`.`);
  }
  if (!options.replace) {
    throw new UserError(`${file} already exists: it is a link to ${real}`, `Nothing was written. Add --force to replace ${real}, or choose another name with -o.`);
  }
  return real;
}

/** Whether `stats` are of the file open as `fd` (the command's output, say). */
function sameFile(stats: Stats, fd: number): boolean {
  try {
    const open = fstatSync(fd);
    return open.dev === stats.dev && open.ino === stats.ino;
  } catch {
    return false;
  }
}

/**
 * A link whose chain of links ends at nothing, said with that end: "a link to b, which does not
 * exist" would be wrong when b is itself a link (to the missing c).
 */
function danglingWords(file: string): string {
  const first = readlinkSync(file);
  let at = resolve(dirname(file), first);
  // A loop would have been ELOOP; 40 is the kernel's own limit on links followed.
  for (let hop = 0; hop < 40; hop++) {
    let next: string;
    try {
      if (!lstatSync(at).isSymbolicLink()) break;
      next = resolve(dirname(at), readlinkSync(at));
    } catch {
      break;
    }
    at = next;
  }
  return at === resolve(dirname(file), first) ? `it is a link to ${first}, which does not exist` : `it is a link to ${first}, which leads on to ${at}, which does not exist`;
}
