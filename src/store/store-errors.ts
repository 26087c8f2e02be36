// What the store's problems are called, in words a user can act on. Every one names the file
// and says that nothing was changed, or what to do to keep the data.
import { accessSync, constants, existsSync, lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { codeOf, isLink, NOT_REGULAR, type NotRegularError, sizeWords, TOO_BIG } from '../regular-file.js';
import { shellPath, shellWord } from '../shell-word.js';
import { firstClosedFolder, myName, ownerWords } from '../unreadable.js';
import { insideMyHome, othersFolderAdvice, takeBackAdvice, takenParentAdvice } from './home-owner.js';

export { codeOf };

/** A store that cannot be read or saved. Exit 2; the message names the file. */
export class StoreError extends UserError {
  override name = 'StoreError';
}

/**
 * A save given up because other itb processes kept the store locked longer than a save waits
 * (a large import, say, in another window), or kept changing it at every try: nothing of this save
 * was written, and what was saved before stays. A session catches it to say what that means for
 * the answer just given.
 */
export class StoreBusy extends StoreError {
  override name = 'StoreBusy';
}

/** The busy store `file`: `problem` says which of the two ways; the hint suits a command of one change. */
export function storeBusy(file: string, problem: string): StoreBusy {
  return new StoreBusy(`the itb store ${file} is busy: ${problem}`, busyHint);
}

/**
 * A save Windows refused, after trying again for a while, because another program had the store
 * file open (see ./held-open.ts): a backup, sync or virus-scanning program, most likely. Nothing
 * of it was written; like a store kept busy by another itb, it may be tried again.
 */
export class StoreHeldOpen extends StoreBusy {
  override name = 'StoreHeldOpen';
}

export function storeHeldOpen(file: string): StoreHeldOpen {
  return new StoreHeldOpen(
    `the itb store ${file} could not be saved: Windows would not let it be replaced, most likely because another program has it open (a backup, sync or virus-scanning program, perhaps)`,
    'Nothing was changed: your earlier data is still there. Try again in a moment; if this goes on, close that program or restart the computer, or point ITB_HOME at a folder you may write to.',
  );
}

/**
 * A store file a save found damaged after this itb had saved it (cut short or written over by
 * another program while a session ran). It is left as it is; what this itb last saved there, with
 * the change being saved, was written to `kept` instead (undefined when that could not be done).
 */
export class StoreDamagedSince extends StoreError {
  override name = 'StoreDamagedSince';
  constructor(
    damage: StoreError,
    readonly kept: string | undefined,
  ) {
    super(damage.message, damage.hint, damage.exitCode);
  }
}

/**
 * A save the disk refused, being full (ENOSPC) or read-only (EROFS): nothing of it was written,
 * and the store is as it was. Once there is room, or the disk may be written to again, it may be
 * tried again: a session asks whether to, rather than lose the answer just given.
 */
export class StoreDiskRefused extends StoreError {
  override name = 'StoreDiskRefused';
  constructor(message: string, hint: string, readonly disk: 'full' | 'read-only') {
    super(message, hint);
  }
}

/** The store `file` that cannot be saved (`problem`) for `error`, with what to do (writeHint): a StoreDiskRefused when the disk is full or read-only. */
export function saveFailed(file: string, problem: string, error: unknown): StoreError {
  const code = codeOf(error);
  if (code !== 'ENOSPC' && code !== 'EROFS') return storeError(file, problem, writeHint(file, error));
  return new StoreDiskRefused(`the itb store ${file} ${problem}`, writeHint(file, error), code === 'ENOSPC' ? 'full' : 'read-only');
}

const busyHint = 'Nothing was changed. Another itb is still saving to it, in another window perhaps (a large import takes a while): try again once it is done.';

// `itb import` reads the store too, so it can restore a backup only once the damaged file is moved away.
const keepDataHint =
  'Nothing was changed. Move the file away to start afresh; then, to restore your data from an ' +
  'export, run `itb import FILE`.';

export function storeError(file: string, problem: string, hint = keepDataHint): StoreError {
  return new StoreError(`the itb store ${file} ${problem}`, hint);
}

/** For a save or a lock that failed with `error`: any earlier data is safe, and what to do. */
export function writeHint(file: string, error?: unknown): string {
  const there = isThere(file);
  const before = there ? 'Your earlier data is still there.' : there === false ? 'There is no store there yet, and nothing was saved.' : 'Nothing was changed.';
  const code = codeOf(error);
  if (code === 'EROFS') return `${before} ${readOnlyDiskAdvice}`;
  if (code === 'ENOSPC') return `${before} Free some space on the disk, then try again.`;
  const owned = ownerAdvice(file);
  if (owned) return `${before} ${owned}`;
  const closed = closedFolderAdvice(file);
  if (closed && (code === 'EACCES' || code === 'EPERM')) return `${before} ${closed}`;
  const folder = dirname(linkedFile(file));
  const theirs = code === 'EACCES' || code === 'EPERM' ? othersFolderAdvice(folder) : undefined;
  if (theirs) return `${before} ${theirs}`;
  if ((code === 'EACCES' || code === 'EPERM') && mayNotWrite(folder)) {
    return `${before} ${folder} may not be written to: make it writable (\`chmod u+w ${shellPath(folder)}\`), or point ITB_HOME at a folder you may write to.`;
  }
  return `${before} Check the folder exists and that you may write to it, and that the disk is not full.`;
}

const readOnlyDiskAdvice =
  'The disk it is on may only be read (a drive or card locked against writing, say): make it writable, or copy the store to a folder you may write to and point ITB_HOME there.';

/**
 * Whether the store `file` is there; undefined when that cannot be told (its folder may not be
 * opened): a store may well be in it, and saying there is none would frighten for nothing.
 */
function isThere(file: string): boolean | undefined {
  try {
    statSync(file);
    return true;
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? false : undefined;
  }
}

/**
 * When the store's folder or the store itself belongs to another account — root's, most often,
 * made so by running itb with sudo — which they are and how to make them yours again; undefined
 * when they are yours (or this system has no owners to tell).
 */
function ownerAdvice(file: string): string | undefined {
  const me = process.getuid?.();
  if (me === undefined || me === 0) return undefined;
  // A store.json that is a link is saved beside the file it leads to, where its lock and temporary
  // files go: that folder is the one to make yours (chown of the link's own folder would not do).
  const real = linkedFile(file);
  // A folder of another account that holds no store, outside this account's home (ITB_HOME=/ or
  // a system folder, say), was not made by itb under sudo: not one to make yours (see writeHint).
  const notMade = (path: string) => path !== real && isThere(real) === false && !insideMyHome(path);
  const others = [dirname(real), real].flatMap((path) => {
    try {
      const { uid } = statSync(path);
      return uid === me || notMade(path) ? [] : [{ path, uid }];
    } catch {
      return []; // Not there, or out of sight behind its folder: the folder is named, if it is not yours.
    }
  });
  if (others.length === 0) return undefined;
  const owner = others[0]!.uid;
  const who = owner === 0 ? 'root (the administrator), not to you, as happens when itb is run with sudo' : `another account (user id ${owner}), not to you`;
  const paths = others.map(({ path }) => path);
  const named = paths.length === 1 ? `${paths[0]} belongs` : `${paths.join(' and ')} belong`;
  return `${named} to ${who}: make ${paths.length === 1 ? 'it' : 'them'} yours again with \`sudo chown ${shellWord(myName())} ${paths.map(shellPath).join(' ')}\`, then try again.`;
}

/**
 * When a folder on the way to the store `file` may not be opened: nothing in it can be read or
 * saved, and a `chmod` of the file itself would be refused too. Which folder, and how to open it
 * again when it is yours (made 600 by a `chmod -R 600` meant for the files in it, say); when it is
 * another account's (ITB_HOME set to a folder in their home), to choose a folder of yours.
 */
function closedFolderAdvice(file: string): string | undefined {
  const me = process.getuid?.();
  const folder = me === undefined ? undefined : firstClosedFolder(file);
  if (folder === undefined) return undefined;
  try {
    // Another account's folder is not for this account to chmod: ITB_HOME is in the wrong
    // place, unless the folder is in this account's own home (made by `sudo itb`, say).
    const { uid } = statSync(folder);
    if (uid !== me) return insideMyHome(folder) ? takeBackAdvice(folder, uid) : `${folder} belongs to ${ownerWords(uid)} and may not be opened by you: point ITB_HOME at a folder of yours.`;
  } catch {
    return undefined;
  }
  return `${folder} may not be opened: make it open to you again (\`chmod u+rwx ${shellPath(folder)}\`), then try again.`;
}

/** Whether `folder` is there, yours, and may not be written to (made read-only with chmod, say). */
function mayNotWrite(folder: string): boolean {
  try {
    accessSync(folder, constants.F_OK);
  } catch {
    return false;
  }
  try {
    accessSync(folder, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** The file the store `file` leads to when it is a link; else `file` itself. */
function linkedFile(file: string): string {
  try {
    return lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
  } catch {
    return file;
  }
}

/** For a store whose folder cannot be made: the folder is not there, so neither is a store to keep safe. */
export const noStoreYet = 'There is no store there yet, and nothing was saved.';
export const folderHint = `${noStoreYet} Point ITB_HOME at a folder you may write to.`;

/** The hint for a store `folder` that could not be made (`error`): whose folder is in the way, when that is why. */
export function folderHintFor(folder: string, error: unknown): string {
  const code = codeOf(error);
  const taken = code === 'EACCES' || code === 'EPERM' ? takenParentAdvice(folder) : undefined;
  return taken === undefined ? folderHint : `${noStoreYet} ${taken}`;
}

/**
 * Why the store's `folder` could not be made, in words. Made with all the folders above it at
 * once, a folder on a disk that may only be read fails as "not there" (ENOENT): the first one
 * missing, made alone, says what is in the way.
 */
export function folderFailure(folder: string, error: unknown): string {
  if (codeOf(error) !== 'ENOENT') return reason(error);
  let missing = folder;
  while (dirname(missing) !== missing && !existsSync(dirname(missing))) missing = dirname(missing);
  try {
    mkdirSync(missing, { mode: 0o700 });
  } catch (alone) {
    return reason(alone);
  }
  return reason(error);
}

/**
 * The hint for a store `file` made read-only: how to make it writable again, or, when it (or the
 * folder saves go to) belongs to another account, whose it is first: a chmod of another account's
 * file is refused.
 */
export function readOnlyHint(file: string): string {
  return `Nothing was changed. ${ownerAdvice(file) ?? readOnlyAdvice(file)}`;
}

/** How to make the store `file` writable again when it was made read-only: Windows has no chmod. */
export function readOnlyAdvice(file: string): string {
  if (process.platform === 'win32') return `Make it writable again to save to it: clear "Read-only" in its Properties (right-click it in File Explorer), or run \`attrib -r ${shellPath(file)}\`.`;
  return `Make it writable again to save to it: \`chmod u+w ${shellPath(file)}\`.`;
}

/** Why the store at `file` cannot be read, to follow "the itb store FILE ". */
export function readFailure(error: unknown, file: string): string {
  switch (codeOf(error)) {
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ENOTDIR':
      return 'cannot be read: part of its path is a file, not a folder';
    // Windows, when another program has the file open and shares it with no one.
    case 'EBUSY':
      return 'cannot be read: another program has it open (a backup, sync or virus-scanning program, perhaps)';
    case NOT_REGULAR:
      return `is ${(error as NotRegularError).kind}, not a regular file`;
    case 'ELOOP':
      return isLink(file) ? 'is a link that leads back to itself' : 'cannot be read: a link on its path leads back to itself';
    case 'ENAMETOOLONG':
      return 'cannot be read: the path is too long';
    // Past what Node can hold as text (see STORE_SIZE_LIMIT): no store itb writes comes near it.
    case TOO_BIG:
      return `is too large to be read (over ${sizeWords((error as { limit: number }).limit)}): it is not a store itb wrote`;
    default:
      return `cannot be read (${reason(error)})`;
  }
}

export function readFailureHint(error: unknown, file: string): string {
  const code = codeOf(error);
  if (code === 'EACCES' || code === 'EPERM') {
    const owned = ownerAdvice(file);
    if (owned) return `Nothing was changed. ${owned}`;
    const closed = closedFolderAdvice(file);
    if (closed) return `Nothing was changed. ${closed}`;
    // Windows has no chmod: the file's Security tab says who may read it.
    const how = process.platform === 'win32' ? 'in its Properties, on the Security tab' : `\`chmod u+rw ${shellPath(file)}\``;
    return `Nothing was changed. Make the file readable by you again (${how}), or move it away and restore your data from an export with \`itb import FILE\`.`;
  }
  if (code === 'EBUSY') return 'Nothing was changed. Try again in a moment; if this goes on, close the program that has it open, or restart the computer.';
  if (code === 'EISDIR') {
    return 'Nothing was changed. Move that folder away (your store file may be inside it: put that in its place); without one, itb starts afresh, and `itb import FILE` restores your data from an export.';
  }
  if (code === 'ENOTDIR') return 'Nothing was changed. Point ITB_HOME at a folder.';
  if (code === 'ELOOP') return 'Nothing was changed. Point the link at your store file, or point ITB_HOME at the folder that holds your store.';
  if (code === 'ENAMETOOLONG') return 'Nothing was changed. Point ITB_HOME at a folder with a shorter path.';
  if (code === NOT_REGULAR) return 'Nothing was changed. Move it away and put your store file there, or point ITB_HOME at the folder that holds your store.';
  return keepDataHint;
}

export function reason(error: unknown): string {
  const code = codeOf(error);
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
    ENOTDIR: 'part of its path is a file, not a folder',
    EEXIST: 'a file is in the way',
    ELOOP: 'a link leads back to itself',
    ENAMETOOLONG: 'the path is too long',
  };
  if (code && known[code]) return known[code];
  return code ?? (error instanceof Error ? error.message : String(error));
}
