// The lock folders of the store (the save lock, ./store-lock.ts, and the session lock,
// ./session-lock.ts) as proper-lockfile keeps them, with what it leaves out.
import fs, { lstatSync, statSync, utimesSync } from 'node:fs';

type Done = (error: NodeJS.ErrnoException | null) => void;

/**
 * The date this process last gave each lock folder it holds, and the date the file system kept:
 * FAT (most USB sticks) keeps one to the even second, so a lock dated 10:00:01 reads 10:00:00.
 */
const given = new Map<string, { asked: Date; kept: number }>();

/**
 * The file system proper-lockfile is given: its lock folders are made private (0700), like every
 * folder itb makes, where it would leave them to the umask (0755, as a rule). A lock held reads
 * as dated when it was last refreshed, not as the file system rounded it: proper-lockfile counts
 * a lock whose date is not the one it gave as taken over by another itb, and on a FAT stick a
 * session stopped within seconds, told that another command took its place.
 */
export const privateLockFs = {
  ...fs,
  mkdir: (path: string, callback: Done) => fs.mkdir(path, { mode: 0o700 }, callback),
  mkdirSync: (path: string) => fs.mkdirSync(path, { mode: 0o700 }),
  utimes: (path: string, atime: Date, mtime: Date, callback: Done) =>
    fs.utimes(path, atime, mtime, (error) => {
      if (error) return callback(error);
      fs.stat(path, (statError, stat) => {
        if (statError) given.delete(path);
        else given.set(path, { asked: mtime, kept: stat.mtimeMs });
        callback(null);
      });
    }),
  stat: (path: string, callback: (error: NodeJS.ErrnoException | null, stat: fs.Stats) => void) =>
    fs.stat(path, (error, stat) => {
      const mine = given.get(path);
      // Dated otherwise: refreshed by another itb that took the lock over, or a lock made anew.
      if (!error && mine !== undefined && stat.mtimeMs === mine.kept) Object.assign(stat, { mtime: mine.asked, mtimeMs: mine.asked.getTime() });
      callback(error, stat);
    }),
};

/**
 * Why a lock folder cannot be made in the store's `folder`, which is there, when making it says
 * "not there" (ENOENT): a folder that takes no new folders, as the system's /proc and those in it
 * do. The error code alone would say nothing to a person.
 */
export const noLockIn = (folder: string) => `${folder} takes no new folders (it is a system folder, most likely)`;
export const noLockHint = 'Nothing was changed. Point ITB_HOME at a folder you may write to.';

/**
 * How far ahead of the clock a lock held by a running itb can be dated: proper-lockfile dates a
 * new lock up to a second ahead (to the next whole second, on file systems that keep no less).
 */
const AHEAD_MS = 3000;

/**
 * Whether the lock folder `lock` is dated further ahead than any itb dates one: it was left
 * behind before the clock was set back (after a crash, say), and is stale however fresh it
 * looks. proper-lockfile counts only locks dated long ago as stale, so it would wait for the
 * clock to catch up.
 */
export function isDatedAhead(lock: string): boolean {
  try {
    return statSync(lock).mtimeMs > Date.now() + AHEAD_MS;
  } catch {
    return false; // No lock there.
  }
}

/** Dates a lock folder dated ahead (see isDatedAhead) back to 1970, so that proper-lockfile takes it over as stale. */
export function undoFutureDate(lock: string): void {
  // A file in its place is the person's, and keeps its date (see refuseFileInPlace).
  if (!isDatedAhead(lock) || isOtherThanFolder(lock)) return;
  try {
    utimesSync(lock, 0, 0);
  } catch {
    // Gone meanwhile, or not ours to change: the lock library says what stands in the way.
  }
}

/**
 * Throws as the lock library does (ENOTDIR) when something other than a folder is where the lock
 * folder `lock` goes: a file left by a sync tool, or made by hand. At once: the library counts it
 * as another itb's lock until it is stale, and only then finds it is no folder.
 */
export function refuseFileInPlace(lock: string): void {
  if (isOtherThanFolder(lock)) throw Object.assign(new Error(`ENOTDIR: not a directory, '${lock}'`), { code: 'ENOTDIR' });
}

/** Whether something other than a folder is at `lock` (a link too: the library could not remove it as it removes a stale lock). */
export function isOtherThanFolder(lock: string): boolean {
  try {
    return !lstatSync(lock).isDirectory();
  } catch {
    return false; // Nothing there.
  }
}

/**
 * Whether the lock library failed (with `code`) to take away a stale lock folder because it is not
 * empty: a sync tool or a file manager put a file of its own in it (`.DS_Store`, say). Only a
 * stale lock is taken away, so this is never another itb's lock in use.
 */
export function isFilledLock(code: string | undefined): boolean {
  return code === 'ENOTEMPTY' || code === 'EEXIST';
}
