// The lock every write of the store takes (a folder `store.json.lock` beside it, kept fresh while
// held), so that two itb processes never write at once. A store.json that is a link has its lock
// beside the file it leads to, where the saves go (see ./lock-place.ts).
import { dirname } from 'node:path';
import type lockfile from 'proper-lockfile';
import { Interrupted } from '../errors.js';
import { tooWide, wrapColumnsOf } from '../ui/screen.js';
import { wrap } from '../ui/wrap.js';
import { isFilledLock, noLockHint, noLockIn, privateLockFs, refuseFileInPlace, undoFutureDate } from './lock-folder.js';
import { lockedFile, lockName } from './lock-place.js';

// How long a lock may sit untouched before it counts as left behind by a process that died.
// Every write is quick once the lock is held; a holder stalled longer than this (suspended, or
// busy with a huge import) loses its lock, and its save then starts again rather than write over
// another's (see Store#saveLocked).
const lockOptions = { realpath: false, stale: 5000, retries: 0, fs: privateLockFs };
/** How long to wait for a lock another itb holds before saying the store is busy, unless told (see StoreOptions). */
export const WAIT_MS = 20_000;
/** How long a wait goes unsaid: another itb's save takes a moment; a lock left by a killed one, up to 5 seconds. */
const SAID_AFTER_MS = 1000;
const filledLockHint = 'Nothing was changed. No itb is using it: move that folder away (look inside it first, if you wish), then try again.';
/**
 * What waits for the lock: a save, or a session about to begin, which has nothing of its own to
 * save yet and only waits for the other itb's save to be done (see Store#lockSession).
 */
export type Waiting = 'save' | 'session';
/** Said once a wait goes on: what holds the lock, and how long the wait lasts (`waitMs`). */
const waiting = (waitMs: number, what: Waiting) => {
  const seconds = Math.max(1, Math.round(waitMs / 1000));
  const how = `This waits up to ${seconds} second${seconds === 1 ? '' : 's'}; Ctrl-C stops it.`;
  if (what === 'session') {
    return `Waiting for another itb to finish saving before the session begins (or for the lock of one closed in the middle of a save, which is cleared within 5 seconds). ${how}\n`;
  }
  return `Waiting to save: another itb is saving at this moment, or one closed in the middle of a save left its lock behind, which is cleared within 5 seconds. ${how}\n`;
};

/** `text` (a line) on stderr, broken between words when too wide for the terminal showing it. */
function toStderr(text: string): void {
  const { stderr } = process;
  stderr.write(tooWide(stderr, text.trimEnd().length) ? `${wrap(text.trimEnd(), wrapColumnsOf(stderr)).join('\n')}\n` : text);
}

/**
 * Takes the lock of the store `file`, waiting while another itb holds it; a wait longer than a
 * moment is said once, to `say` (stderr), rather than leave the person wondering why nothing
 * happens. A lock that cannot be taken at all (no permission, or a file in its way) is said at
 * once, not after the wait. Ctrl-C during the wait ends it, with nothing saved (see
 * StoppedWaiting); after `waitMs` it ends with what `busy` makes. Throws what `fail` makes;
 * returns the release. `what`: what waits, as the wait is said.
 */
export async function lockStore(
  locks: typeof lockfile,
  file: string,
  fail: (problem: string, hint: string | undefined, error?: unknown) => Error,
  say: (text: string) => void = toStderr,
  waitMs = WAIT_MS,
  busy: () => Error = () => fail('is busy: another itb kept it locked for too long', 'Nothing was changed. Try again in a moment.'),
  what: Waiting = 'save',
): Promise<() => Promise<void>> {
  const locked = lockedFile(file);
  const started = Date.now();
  // Just said by a wait that Ctrl-C stopped: a save after it in this process need not say it again.
  let said = stoppedLastWait;
  // Heard only once there is a wait: a save that finds the lock free is over in a moment.
  let stopped: Stopped | undefined;
  try {
    for (let pause = 20; ; pause = Math.min(pause * 1.5, 200)) {
      try {
        // A lock dated ahead was left before the clock was set back: stale, however fresh it looks.
        undoFutureDate(`${locked}.lock`);
        refuseFileInPlace(`${locked}.lock`);
        const release = await locks.lock(locked, lockOptions);
        stoppedLastWait = false;
        return release;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        // The lock is a folder beside the store; a file of that name cannot be one.
        if (code === 'ENOTDIR') {
          throw fail(`cannot be locked for saving: ${lockName(file, `${locked}.lock`)}, a file, is where itb keeps its lock folder`, 'Nothing was changed. Move that file away, then try again.');
        }
        if (isFilledLock(code)) {
          throw fail(`cannot be locked for saving: ${lockName(file, `${locked}.lock`)}, a lock folder left behind, holds files itb did not put there`, filledLockHint);
        }
        if (code === 'ENOENT') throw fail(`cannot be locked for saving: ${noLockIn(dirname(locked))}`, noLockHint);
        if (code !== 'ELOCKED') throw fail('cannot be locked for saving', undefined, error);
        if (Date.now() - started > waitMs) throw busy();
        if (!said && Date.now() - started > SAID_AFTER_MS) {
          said = true;
          say(waiting(waitMs, what));
        }
      }
      stopped ??= whenStopped();
      await Promise.race([new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random()))), stopped.signalled]);
    }
  } finally {
    stopped?.end();
  }
}

/**
 * Ctrl-C while a save waits for the lock (or a kill, or the terminal window closed): the save is
 * given up, nothing of it written, rather than made once the lock is free, after the person asked
 * to stop (a `buckets reset` they thought they had called off). Exit 130, as for any Ctrl-C. A
 * session ends there, without waiting again to mark itself interrupted, and says which answer was
 * not saved (see stoppedWaitingInSession); its name makes it end any prompt code as Ctrl-C does.
 */
export class StoppedWaiting extends Interrupted {
  override name = 'ExitPromptError';
  constructor() {
    super('Stopped while waiting to save; this change was not saved.');
  }
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface Stopped {
  /** Rejects with StoppedWaiting when one of the signals comes. */
  signalled: Promise<never>;
  /** Stops listening: the signals are then handled as before the wait. */
  end(): void;
}

/** The waits under way in this process; one listener per signal tells them all. */
const waits = new Set<() => void>();
/** Whether the last wait for the lock in this process was ended by a signal (see lockStore). */
let stoppedLastWait = false;
const stopAll = () => waits.forEach((stop) => stop());

function whenStopped(): Stopped {
  let stop: () => void = () => {};
  const signalled = new Promise<never>(
    (_, reject) =>
      (stop = () => {
        stoppedLastWait = true;
        reject(new StoppedWaiting());
      }),
  );
  // Not to be reported as unhandled when the wait ends some other way.
  signalled.catch(() => undefined);
  if (waits.size === 0) for (const signal of signals) process.on(signal, stopAll);
  waits.add(stop);
  return {
    signalled,
    end: () => {
      waits.delete(stop);
      if (waits.size === 0) for (const signal of signals) process.off(signal, stopAll);
    },
  };
}
