// The lock folders of the store (the save lock, ./store-lock.ts, and the session lock,
// ./session-lock.ts) as proper-lockfile keeps them, with what it leaves out.
import fs, { statSync, utimesSync } from 'node:fs';

/**
 * The file system proper-lockfile is given: its lock folders are made private (0700), like every
 * folder itb makes, where it would leave them to the umask (0755, as a rule).
 */
export const privateLockFs = {
  ...fs,
  mkdir: (path: string, callback: (error: NodeJS.ErrnoException | null) => void) => fs.mkdir(path, { mode: 0o700 }, callback),
  mkdirSync: (path: string) => fs.mkdirSync(path, { mode: 0o700 }),
};

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
  if (!isDatedAhead(lock)) return;
  try {
    utimesSync(lock, 0, 0);
  } catch {
    // Gone meanwhile, or not ours to change: the lock library says what stands in the way.
  }
}
