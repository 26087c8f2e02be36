// One interactive session at a time per store: a second `itb session` is told another one is
// open instead of interleaving its answers. The lock is refreshed while held, so one left behind
// by a killed process goes stale within seconds and the next session can start. It sits in the
// folder of the file the store really is (see ./lock-place.ts).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { UserError } from '../errors.js';
import { lockedFile } from './lock-place.js';

const staleAfterMs = 10_000;

const lockOptions = (folder: string) => ({ realpath: false, lockfilePath: join(folder, 'session.lock'), stale: staleAfterMs });

/** Whether a session is running on this store now: its lock is held and fresh. */
export function sessionIsOpen(storePath: string): boolean {
  const folder = dirname(lockedFile(storePath));
  try {
    return lockfile.checkSync(folder, lockOptions(folder));
  } catch {
    return false; // No folder, no lock.
  }
}

export async function acquireSessionLock(storePath: string): Promise<() => Promise<void>> {
  mkdirSync(dirname(storePath), { recursive: true, mode: 0o700 });
  const folder = dirname(lockedFile(storePath));
  try {
    const release = await lockfile.lock(folder, {
      ...lockOptions(folder),
      update: staleAfterMs / 2,
      // Losing the lock (a suspended laptop, say) must not crash a session mid-answer: every write
      // still takes the store's own lock, so nothing can be lost.
      onCompromised: () => {},
    });
    // Nor its end: a lock already lost has nothing left to release.
    return () =>
      release().catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ERELEASED') throw error;
      });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new UserError(
        'another itb session is open on this computer: finish or close it first',
        `If no other session is open (it may have been closed abruptly), wait ${staleAfterMs / 1000} seconds and try again.`,
      );
    }
    throw error;
  }
}
