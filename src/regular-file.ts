// Reading a file a user names (a library, a backup) or one itb keeps (the store and the files
// beside it). Only a regular file is read: a named pipe (FIFO) waits for a writer for ever, and a
// device such as /dev/zero never ends, so reading it whole fills the memory. The file is opened
// without waiting (with O_NONBLOCK, opening a pipe that has no writer returns at once) and asked
// what it is before a byte is read.
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { isAbsolute } from 'node:path';

/** The code of the error for a file that is there but is not a regular file (it has `kind`). */
export const NOT_REGULAR = 'ENOTREGULAR';
/** The code of the error for a file larger than the caller takes (it has `size` and `limit`). */
export const TOO_BIG = 'ETOOBIG';

export interface NotRegularError extends Error {
  code: typeof NOT_REGULAR;
  /** What the file is instead, in words: "a device", "a named pipe (FIFO)", "a socket". */
  kind: string;
}

// O_NONBLOCK and O_NOCTTY are not defined on Windows, where opening a file never waits like this.
// O_NOCTTY: a terminal device named as a file must not become this process's terminal.
const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The bytes of `file` when it is a regular file of at most `limit` bytes. Throws the file
 * system's error (ENOENT, EACCES, ELOOP …; EISDIR for a folder), a NotRegularError, or an error
 * with the code TOO_BIG. One open and one fstat more than readFileSync, and no work per byte.
 */
export function readRegularFile(file: string, limit = Infinity): Buffer {
  const fd = openSync(file, readFlags);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file} is a folder`), { code: 'EISDIR' });
    if (!stats.isFile()) throw notRegular(file, stats);
    if (stats.size > limit) {
      throw Object.assign(new Error(`${file} is larger than ${sizeWords(limit)}`), { code: TOO_BIG, size: stats.size, limit });
    }
    // A regular file is read up to the size fstat gave, in one go.
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The error for `file`, which `stats` show is a device, a pipe or a socket. */
export function notRegular(file: string, stats: Stats): NotRegularError {
  const kind = kindOf(stats);
  return Object.assign(new Error(`${file} is ${kind}, not a regular file`), { code: NOT_REGULAR, kind } as const);
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  return 'a device';
}

/** A size in the words a person uses: "2 MB", "150 KB", "12 bytes". */
export function sizeWords(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'GB'],
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(bytes < 10 * size ? 1 : 0))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** Whether `file` is itself a link (rather than a folder on its path being one). */
export function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Follows "cannot read FILE: ", or stands as an error of its own. */
export const FOLDER_GONE = 'the folder you are in no longer exists (it was deleted or moved)';

/**
 * Whether `file` is named from the current folder, and that folder was deleted since itb was
 * started in it (or moved away): a file there is "not found" even when the folder, made anew
 * under the same name, holds it.
 */
export function namedFromGoneFolder(file: string): boolean {
  if (isAbsolute(file)) return false;
  try {
    process.cwd();
    return false;
  } catch {
    return true;
  }
}

/** Where the link `file` leads, or undefined when it is not a link. */
function linkTarget(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Why a file a user named cannot be read, in words that follow "cannot read FILE: ", for the
 * errors readRegularFile throws other than TOO_BIG (whose limit each caller words itself).
 */
export function cannotReadWords(error: unknown, file: string): string {
  const code = codeOf(error);
  switch (code) {
    case 'ENOENT':
      if (namedFromGoneFolder(file)) return FOLDER_GONE;
      // A link whose file is gone (on a drive not connected, say) is there, and "not found" would puzzle.
      return linkTarget(file) === undefined ? 'file not found' : `it is a link to ${linkTarget(file)}, which is not there`;
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'part of its path is a file, not a folder';
    case 'ELOOP':
      return loopWords(file);
    case 'ENAMETOOLONG':
      return 'the path is too long';
    // Windows, when another program has the file open and shares it with no one.
    case 'EBUSY':
      return 'another program has it open';
    case NOT_REGULAR:
      return `it is ${(error as NotRegularError).kind}, not a regular file`;
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** What to do about a file named to itb that another program has open (EBUSY, on Windows). */
export const HELD_OPEN_ADVICE =
  'Close it in the program that has it open, then try again; a backup, sync or virus-scanning program lets go of it in a moment.';

/** ELOOP in words: the file itself is a link that leads back to itself, or a folder on its path is. */
function loopWords(file: string): string {
  return isLink(file) ? 'it is a link that leads back to itself' : 'a link on its path leads back to itself';
}

/** The code of a file system error (ENOENT …), or of the errors above. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
