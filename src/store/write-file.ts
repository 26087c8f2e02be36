// Writing a report or backup the user asked for. Reports hold health data, so files are private
// (0600); an existing file is never replaced unless asked. Either way the file gets its name only
// once it is whole, so a crash leaves the old file (or none) or the new one, never half of it.
// Written here rather than with `atomically` (which writes the store, through conf): that takes
// the text whole, tens of megabytes for years of history, and has no way to create a file only
// while nothing else has its name.
import { closeSync, fsyncSync, linkSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { shellPath } from '../shell-word.js';
import { mayBeHeldOpen, renameWhenFree } from './held-open.js';
import { writeError } from './write-problems.js';
import { checkWritable } from './write-target.js';

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
      copyNew(temp, file);
    }
  } catch (error) {
    throw writeError(file, error);
  } finally {
    removeQuietly(temp);
  }
  syncFolder(dirname(file));
}

/**
 * The bytes of `temp` in a new private file `file`, made here ('wx': never one that took the
 * name meanwhile), and flushed to the disk like `temp`: new bytes under the name, which a power
 * cut could leave empty. Written rather than copied with copyFileSync, which gives the copy the
 * permissions of its original and fails where they cannot be given: on a FAT stick, with
 * "permission denied" (or ENOSYS through fusefat), on a disk the person may write to. One that
 * cannot be written whole is removed rather than left half there.
 */
function copyNew(temp: string, file: string): void {
  const fd = openSync(file, 'wx', PRIVATE);
  try {
    const from = openSync(temp, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      for (let read; (read = readSync(from, buffer, 0, buffer.length, null)) > 0; ) writeAll(fd, (write) => write(buffer.subarray(0, read)));
    } finally {
      closeSync(from);
    }
    fsyncSync(fd);
  } catch (error) {
    closeQuietly(fd);
    // Should the removal fail too (the stick pulled out), the first error is the one to tell.
    removeQuietly(file);
    throw error;
  }
  closeSync(fd);
}

/**
 * What link() says on a file system without hard links. Windows says EISDIR for an exFAT or FAT
 * stick (nodejs/node#65817); a real folder at the name still fails the copy, with its own error.
 */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EISDIR']);

function replaceAtomically(file: string, content: Content): void {
  refuseReadOnly(file);
  const temp = writeTemp(file, content);
  try {
    renameWhenFree(temp, file);
  } catch (error) {
    removeQuietly(temp);
    // Still open in another program after the tries (see ./held-open.ts): "permission denied" would mislead.
    if (mayBeHeldOpen(error)) throw new UserError(`cannot replace ${file}: another program has it open`, HELD_HINT);
    throw writeError(file, error);
  }
  syncFolder(dirname(file));
}

/**
 * Windows never lets a file marked Read-only be replaced: the rename is refused as it is for a
 * file another program has open, and "close it" would send a person looking for a program that
 * is not there. Said before anything is written, with the way to clear the mark.
 */
function refuseReadOnly(file: string): void {
  if (process.platform !== 'win32') return;
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    return; // Gone meanwhile: the rename says what is wrong, if anything.
  }
  if ((mode & 0o200) !== 0) return;
  throw new UserError(
    `cannot replace ${file}: it is marked read-only`,
    `Nothing was written. Clear "Read-only" in its Properties (right-click it in File Explorer), or run \`attrib -r ${shellPath(file)}\`, then try again; or choose another name with -o.`,
  );
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
function flushPath(path: string): void {
  const fd = openSync(path, 'r');
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
