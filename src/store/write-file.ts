// Writing a report or backup the user asked for. Reports hold health data, so files are private
// (0600); an existing file is never replaced unless asked. Either way the file gets its name only
// once it is whole, so a crash leaves the old file (or none) or the new one, never half of it.
// Written here rather than with `atomically` (which writes the store, through conf): that takes
// the text whole, tens of megabytes for years of history, and has no way to create a file only
// while nothing else has its name.
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { FOLDER_GONE, namedFromGoneFolder } from '../regular-file.js';
import { mayBeHeldOpen, renameWhenFree } from './held-open.js';

const PRIVATE = 0o600;

/** Text, or bytes given in pieces to a function that writes each out before it returns. */
type Content = string | ((write: (bytes: Uint8Array) => void) => void);

/**
 * Creates `file` with `content` (text, or bytes in pieces); with `replace`, swaps it in for an
 * existing file instead (for a link, the file it points to).
 */
export function writePrivateFile(file: string, content: Content, options: { replace?: boolean } = {}): void {
  const existing = checkWritable(file, options);
  if (existing === undefined) createNew(file, content);
  else replaceAtomically(existing, content);
}

/**
 * Throws when `file` cannot be written as asked: it exists and may not be replaced, or it is
 * not a regular file (a folder, a device such as /dev/stdout, a pipe). Returns the regular file
 * it names, through a link, or undefined when nothing has that name yet. Cheap: a command can
 * ask before it does the work of making the content.
 */
export function checkWritable(file: string, options: { replace?: boolean } = {}): string | undefined {
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
  if (resolve(file).startsWith('/dev/') || [1, 2].some((fd) => sameFile(target, fd))) {
    throw new UserError(`cannot write ${file}: it is where this command's output goes (${real}), not a file to write`, 'Leave out -o: the report then goes where the output goes, as in `itb export > report.md`.');
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

function createNew(file: string, content: Content): void {
  // Written under a temporary name, then linked to its own: a crash never leaves half a report
  // under it. Unlike a rename, a link fails when the name is taken, so nothing is replaced.
  const temp = writeTemp(file, content);
  try {
    try {
      linkSync(temp, file);
    } catch (error) {
      // FAT and exFAT (most USB sticks) have no hard links: a copy, which also fails on a taken name.
      if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(temp, file, constants.COPYFILE_EXCL);
      flushCopy(file);
    }
  } catch (error) {
    throw writeError(file, error);
  } finally {
    removeQuietly(temp);
  }
  syncFolder(dirname(file));
}

/**
 * A copy is new bytes under the name, which a power cut could leave empty: flushed to the disk
 * like the file it was copied from. It was made here (COPYFILE_EXCL), so one that cannot be
 * flushed is removed rather than left half there. Opened for writing too: Windows flushes only
 * a file open for writing (a file open for reading alone gives EPERM).
 */
function flushCopy(file: string): void {
  try {
    flushPath(file, 'r+');
  } catch (error) {
    // Should the removal fail too (the stick pulled out), the flush's error is the one to tell.
    removeQuietly(file);
    throw error;
  }
}

/**
 * What link() says on a file system without hard links. Windows says EISDIR for an exFAT or FAT
 * stick (nodejs/node#65817); a real folder at the name still fails the copy, with its own error.
 */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EISDIR']);

function replaceAtomically(file: string, content: Content): void {
  const temp = writeTemp(file, content);
  try {
    renameWhenFree(temp, file);
  } catch (error) {
    removeQuietly(temp);
    // Still open in another program after the tries (see ./held-open.ts): "permission denied" would mislead.
    if (mayBeHeldOpen(error)) throw new UserError(`cannot replace ${file}: another program has it open, or it is marked read-only`, HELD_HINT);
    throw writeError(file, error);
  }
  syncFolder(dirname(file));
}

/**
 * `content` in a new private file beside `file`, hidden, flushed to the disk and closed: the file
 * to give `file`'s name. Removed again when anything goes wrong.
 */
function writeTemp(file: string, content: Content): string {
  // A name near the file system's limit of 255 bytes would go over it with these 18 more.
  const name = Buffer.byteLength(basename(file)) > 200 ? 'itb' : basename(file);
  // Math.random rather than node:crypto, which an export would load for this alone: 'wx' below,
  // not the name, is what keeps a file already there (a link put in its place) from being written.
  const temp = join(dirname(file), `.${name}.${Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', PRIVATE);
  } catch (error) {
    throw writeError(file, error);
  }
  try {
    writeAll(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeQuietly(fd);
    removeQuietly(temp);
    throw writeError(file, error);
  }
  closeSync(fd);
  return temp;
}

function writeAll(fd: number, content: Content): void {
  const writeOut = (bytes: Uint8Array) => {
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
  };
  if (typeof content === 'string') writeOut(Buffer.from(content));
  else content(writeOut);
}

/** Makes the new name itself durable; some systems cannot open a folder for this, which is fine. */
function syncFolder(folder: string): void {
  try {
    flushPath(folder);
  } catch {
    // Best effort only.
  }
}

/** What `path` holds, a file's bytes or a folder's names, flushed to the disk. */
function flushPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes a temporary file, when it can be: Windows refuses while another program (a virus
 * scanner, say) still reads it. What went wrong before, or the report written, is what the person
 * must hear of, not this; a temporary file left is hidden, and private like the report.
 */
function removeQuietly(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // Left behind.
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
}

const HELD_HINT = 'Nothing was written. Close the file where it is open (a spreadsheet or a viewer showing it), then try again; or choose another name with -o.';

function writeError(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  // Failures of the file system carry a code; anything else went wrong making the content.
  if (code === undefined && error instanceof Error) return error;
  return problem(file, code, error);
}

/** What the file system's error `code` means for writing `file`, in words. */
function problem(file: string, code: string | undefined, error?: unknown): UserError {
  switch (code) {
    case 'EEXIST':
      return new UserError(`${file} already exists`, 'Nothing was written. Add --force to replace it, or choose another name with -o.');
    case 'ENOENT':
      if (namedFromGoneFolder(file)) return new UserError(`cannot write ${file}: ${FOLDER_GONE}`, 'Go to a folder that exists (cd), or give -o a full path.');
      return new UserError(`cannot write ${file}: the folder ${dirname(file)} does not exist`, 'Create the folder first, or choose another place with -o.');
    case 'ENOTDIR':
      return new UserError(`cannot write ${file}: part of the path is a file, not a folder`, 'Choose another place with -o.');
    case 'EISDIR':
      return new UserError(`cannot write ${file}: it is a folder`, 'Give a file name, such as -o report.html.');
    case 'EACCES':
    case 'EPERM':
      return new UserError(`cannot write ${file}: permission denied`, 'Choose a folder you may write to, such as your home folder.');
    case 'EROFS':
      return new UserError(`cannot write ${file}: the disk is read-only`, 'Choose another place with -o.');
    case 'ENOSPC':
      return new UserError(`cannot write ${file}: the disk is full`, 'Free some space or choose another disk.');
    case 'ELOOP':
      return new UserError(`cannot write ${file}: a link on its path leads back to itself`, 'Choose another place with -o.');
    case 'EBUSY':
      return new UserError(`cannot write ${file}: it is in use by another program`, 'Nothing was written. Close it there and try again, or choose another name with -o.');
    case 'ENAMETOOLONG':
      return new UserError(`cannot write ${file}: the path is too long`, 'Choose a shorter name or place with -o.');
    default:
      return new UserError(`cannot write ${file} (${code ?? (error instanceof Error ? error.message : String(error))})`);
  }
}
