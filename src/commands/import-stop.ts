// Ctrl-C during `itb import`. The store is written in one step that no signal cuts into (the
// save under the lock runs without a pause, and its file is put in place whole): it holds all of
// the file or none of it. Without a word, the person could not tell which; with one, they know
// whether to run the import again.
import { Interrupted } from '../errors.js';
import { shellPath } from '../shell-word.js';

export interface CtrlC {
  /** Whether Ctrl-C (or a kill) came since listenForCtrlC, as far as it was heard yet (see heardBy). */
  heard(): boolean;
  /**
   * Whether Ctrl-C came, by now. Node calls a listener only when it checks what has come in,
   * between two pieces of work, and the steps of an import (reading the file, the save, what is
   * said after it) run on without such a check: a Ctrl-C pressed during them is heard here,
   * where a check surely comes.
   */
  heardBy(): Promise<boolean>;
  /** Stops listening: Ctrl-C then ends itb as before. */
  end(): void;
}

/** Ctrl-C, and a polite `kill`: both stop a command with exit 130 (see "Exit codes" in the README). */
const signals = ['SIGINT', 'SIGTERM'] as const;

/**
 * Listens for Ctrl-C (SIGINT) or a kill (SIGTERM) until end(). Heard, it only takes note: the
 * import stops at the next step it takes, before its save (nothing imported) or after it (all
 * imported).
 */
export function listenForCtrlC(): CtrlC {
  let heard = false;
  // Named, so that it can be told from the other listeners (the lock library's ends the program).
  const ctrlCDuringImport = () => {
    heard = true;
  };
  for (const signal of signals) process.on(signal, ctrlCDuringImport);
  return {
    heard: () => heard,
    // Two turns: the first may come straight after a check already under way (as when the step
    // before ended on reading a file); the second starts with one.
    heardBy: () => new Promise((resolve) => setImmediate(() => setImmediate(() => resolve(heard)))),
    end: () => signals.forEach((signal) => process.off(signal, ctrlCDuringImport)),
  };
}

/**
 * Stopped before the save: the store is as it was. `itb`: how to start it, with the library in
 * use (itbWithLibrary): without it, the import run again would find the file's drills unknown.
 */
export function stoppedBeforeSaving(file: string, itb: string, dryRun: boolean): Interrupted {
  if (dryRun) return new Interrupted('Stopped. A dry run changes nothing: your store is as it was.');
  return new Interrupted(`Stopped before the import was saved: nothing was imported, and your store is as it was.\nTo import the file, run \`${itb} import ${shellPath(file)}\` again.`);
}

/** Stopped once the save was made: all of the file is in the store. */
export function stoppedAfterSaving(): Interrupted {
  return new Interrupted('Stopped after the import was saved: everything in the file is in your store.');
}
