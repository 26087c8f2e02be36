// On Windows a file another program has open cannot be replaced: a spreadsheet showing last
// week's report.csv, or, for a moment, a virus scanner, a backup or a sync program (OneDrive)
// reading the file just written. Windows then answers EPERM, EBUSY or EACCES, the words it also
// has for "permission denied". A brief hold passes if the replacing is tried again a little later.
import { renameSync } from 'node:fs';

/** The codes Windows gives for a file that another program has open. */
const HELD_OPEN = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Whether `error` may be Windows saying that another program has the file open. */
export function mayBeHeldOpen(error: unknown): boolean {
  return process.platform === 'win32' && HELD_OPEN.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

/** The waits, in milliseconds, between tries: about two seconds in all, long enough for a scan. */
const WAITS_WHILE_HELD = [50, 100, 200, 400, 600, 700];

/**
 * The waits, in milliseconds, before a save of the store is tried again (from a fresh read, with
 * the lock kept fresh: Store.update) while Windows says another program has it open.
 */
export const SAVE_WAITS_WHILE_HELD = [500, 1500];

/** Gives `from` the name `to` (replacing the file there); on Windows, tries again while another program has `to` open. */
export function renameWhenFree(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      if (attempt >= WAITS_WHILE_HELD.length || !mayBeHeldOpen(error)) throw error;
      pause(WAITS_WHILE_HELD[attempt]!);
    }
  }
}

/** Waits `ms` milliseconds without returning: the writes here are synchronous. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
