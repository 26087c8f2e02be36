// One interactive session at a time per store: a second `itb session` is told another one is
// open instead of interleaving its answers. The lock is refreshed while held, so one left behind
// by a killed process goes stale within seconds and the next session can start. It sits in the
// folder of the file the store really is (see ./lock-place.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { localDateTime } from '../core/history.js';
import { UserError } from '../errors.js';
import { isDatedAhead, isFilledLock, isOtherThanFolder, noLockHint, noLockIn, privateLockFs, refuseFileInPlace, undoFutureDate } from './lock-folder.js';
import { lockedFile, lockName } from './lock-place.js';

const staleAfterMs = 10_000;

const lockOptions = (folder: string) => ({ realpath: false, lockfilePath: join(folder, 'session.lock'), stale: staleAfterMs, fs: privateLockFs });

/** Whether a session is running on this store now: its lock is held and fresh. */
export function sessionIsOpen(storePath: string): boolean {
  const folder = dirname(lockedFile(storePath));
  const lock = lockOptions(folder).lockfilePath;
  // A file in its place is no session's lock: no session can take it.
  if (isDatedAhead(lock) || isOtherThanFolder(lock)) return false;
  try {
    return lockfile.checkSync(folder, lockOptions(folder));
  } catch {
    return false; // No folder, no lock.
  }
}

/**
 * Refuses a change to the store while a session runs on it, in another window or paused with
 * Ctrl-Z: the session's closing summary compares the buckets as it began with the store as it
 * last saved it, so a reset, a move, an import or new thresholds in between would make it
 * contradict itself ("helped → rehab", then "rehab → untested"); one paused for longer than its
 * lock lasts is stopped instead (see clearLeftSession). Called with the store's save
 * lock held (see Store.update), so that a session that starts after this check finds the save
 * made, and none can slip in between.
 */
export function refuseWhileSessionOpen(storePath: string): void {
  if (!sessionIsOpen(storePath)) return;
  const since = openedAt(join(dirname(lockedFile(storePath)), 'session.lock'));
  throw new UserError(
    `an itb session is open${since === undefined ? '' : ` (since ${localDateTime(since)})`}, in another window or paused with Ctrl-Z: your buckets, history and settings cannot be changed while it runs`,
    `Nothing was changed. Finish that session, or stop it with Ctrl-C in its window (type fg there first if it is paused), then try again. If no session is open (one closed abruptly counts as open for ${staleAfterMs / 1000} seconds), wait ${staleAfterMs / 1000} seconds and try again.`,
  );
}

/**
 * Clears the lock of a session that looks closed without having ended: one paused with Ctrl-Z for
 * longer than its lock lasts, or killed. Brought back with fg, the paused one finds its lock gone
 * and stops, as when a second session takes its place, rather than go on from buckets a reset, a
 * move, an import or new settings changed under it. Cleared, not kept for the save: a second
 * change made at the same moment, or a session beginning, would take a lock kept by a change for
 * a session's, and be refused. Nothing is cleared when there is no such lock: none, one still
 * fresh (the save refuses it, see refuseWhileSessionOpen), or one that cannot be taken away (files
 * put in it, say), which stops nothing, as a stale lock never did.
 *
 * A session beginning just after the lock was found stale takes the old lock away and makes its
 * own in the same place: removed by name, that new lock would go too, and the new session would
 * stop within seconds, told that another command took its place. So the lock is first moved aside
 * under a name of this process's own, and only what was moved is looked at: removed when still
 * stale, put back at once when it is a fresh one (the new session's, which keeps it, its date
 * unchanged). Should a third session have made a lock in that moment, the one put back takes its
 * place, and that third session is the one told so at its next refresh: its lock's date is not its own.
 */
export function clearLeftSession(storePath: string): void {
  const lock = join(dirname(lockedFile(storePath)), 'session.lock');
  // A file in its place, or a lock with files put in it, which the next session names: never
  // moved, as one moved aside and back would take the place of a lock made in that moment.
  if (sessionIsOpen(storePath) || isOtherThanFolder(lock) || holdsFiles(lock)) return;
  const aside = `${lock}.clearing-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // No lock, or one cleared by another itb meanwhile.
  }
  try {
    if (isLeftBehind(aside)) {
      rmdirSync(aside);
      return;
    }
  } catch {
    // Files put in it since it was looked at: put back, for the next session to name.
  }
  try {
    renameSync(aside, lock);
  } catch {
    // Another lock made meanwhile where it was, in a way that cannot be replaced (Windows).
    rmSilently(aside);
  }
}

/** Whether the lock folder `lock` is dated as one no session refreshes any more (as proper-lockfile tells a stale one), or dated ahead (see isDatedAhead). */
function isLeftBehind(lock: string): boolean {
  return statSync(lock).mtimeMs < Date.now() - staleAfterMs || isDatedAhead(lock);
}

/** Whether the folder `lock` holds anything (a .DS_Store a file manager put there, say). */
function holdsFiles(lock: string): boolean {
  try {
    return readdirSync(lock).length > 0;
  } catch {
    return false; // No lock.
  }
}

function rmSilently(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Files put in it: left where it is.
  }
}

/**
 * When the session holding the lock folder `lock` began: when the folder was made. Its date
 * changes every few seconds while it is held, so only a file system that keeps the time a folder
 * was made can tell (most do; a time of 0 or ahead of the clock is none).
 */
function openedAt(lock: string): Date | undefined {
  try {
    const { birthtime } = statSync(lock);
    return birthtime.getTime() > 0 && birthtime.getTime() <= Date.now() ? birthtime : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the session lock of the store at `storePath`, or says why not: another session holds it
 * (a UserError), or it cannot be made at all (a StoreError naming the store, as the store's own
 * lock says it). Returns the release. `onLost` is called if the lock is lost while held.
 */
export async function acquireSessionLock(storePath: string, onLost: () => void = () => {}): Promise<() => Promise<void>> {
  try {
    mkdirSync(dirname(storePath), { recursive: true, mode: 0o700 });
  } catch (error) {
    const { folderFailure, folderHintFor, storeError } = await storeErrors();
    throw storeError(storePath, `cannot be locked for a session: its folder cannot be created (${folderFailure(dirname(storePath), error)})`, folderHintFor(dirname(storePath), error));
  }
  const folder = dirname(lockedFile(storePath));
  undoFutureDate(lockOptions(folder).lockfilePath);
  try {
    refuseFileInPlace(lockOptions(folder).lockfilePath);
    const release = await lockfile.lock(folder, {
      ...lockOptions(folder),
      update: staleAfterMs / 2,
      // Its refresh does not run while itb is stopped (Ctrl-Z): after a pause longer than
      // staleAfterMs another session may take the lock over. The refresh runs again as soon as
      // itb goes on: a lock no one touched meanwhile is simply kept, one taken over (or gone) is
      // lost, and the session is told so, rather than crash mid-answer, unless no other itb
      // took its place (see Store.lockSession). Nothing can be lost either way: every write
      // still takes the store's own lock.
      onCompromised: () => onLost(),
    });
    // Nor its end: a lock already lost has nothing left to release. One a file was put in while
    // held (.DS_Store by a file manager, say), or put in place of (by a sync tool), cannot be
    // taken away: left, it goes stale, and the next session names it. Nor one on a disk made
    // read-only meanwhile: it goes stale too, and the session's own ending is what is said.
    return () =>
      release().catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ERELEASED' && error.code !== 'ENOTDIR' && error.code !== 'EROFS' && !isFilledLock(error.code)) throw error;
      });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ELOCKED') {
      // Not "on this computer": a store on a shared folder is locked for every computer using it.
      // A session paused with Ctrl-Z is the one a person most often does not know is still open.
      throw new UserError(
        'another itb session is open, in another window or paused with Ctrl-Z: finish or close it first',
        `To go back to a session paused with Ctrl-Z, type fg in its window. If no other session is open (one closed abruptly counts as open for ${staleAfterMs / 1000} seconds), wait ${staleAfterMs / 1000} seconds and try again.`,
      );
    }
    const { reason, storeError, writeHint } = await storeErrors();
    // The lock is a folder; a file of that name cannot be one.
    if (code === 'ENOTDIR') {
      const lock = lockName(storePath, join(folder, 'session.lock'));
      throw storeError(storePath, `cannot be locked for a session: ${lock}, a file, is where itb keeps its lock folder`, 'Nothing was changed. Move that file away, then try again.');
    }
    if (isFilledLock(code)) {
      const lock = lockName(storePath, join(folder, 'session.lock'));
      throw storeError(
        storePath,
        `cannot be locked for a session: ${lock}, a lock folder left behind, holds files itb did not put there`,
        'Nothing was changed. No session is using it: move that folder away (look inside it first, if you wish), then try again.',
      );
    }
    if (code === 'ENOENT') throw storeError(storePath, `cannot be locked for a session: ${noLockIn(folder)}`, noLockHint);
    // A folder that may not be written to (chmod 555, say), a read-only disk.
    throw storeError(storePath, `cannot be locked for a session (${reason(error)})`, writeHint(storePath, error));
  }
}

// Loaded with import(), and only when the lock cannot be taken: StoreError must be one class, so
// its module is made a bundle of its own rather than copied into this one (see scripts/build.mjs).
const storeErrors = () => import('./store-errors.js');
