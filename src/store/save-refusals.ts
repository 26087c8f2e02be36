// What stops a save of the store before anything is written, and the words that name HOME when
// it is why the store cannot be reached. Kept apart from the update itself (./store.ts).
import { statSync } from 'node:fs';
import { notRegular } from '../regular-file.js';
import { homeFault, homeProblem } from './store-path.js';
import { noStoreYet, readFailure, readFailureHint, readOnlyHint, StoreBusy, StoreError, storeError } from './store-errors.js';

/**
 * Throws when a device, a pipe or a socket is in the place of the store `file` (a link to
 * /dev/zero, say), as a read says it: before its lock is taken beside what the link leads to, a
 * folder such as /dev where the lock may not be made, and whose refusal would name the wrong thing.
 */
export function refuseNotRegular(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return; // Not there yet, or not to be reached: the save says why.
  }
  if (stats.isFile() || stats.isDirectory()) return;
  const error = notRegular(file, stats);
  throw storeError(file, readFailure(error, file), readFailureHint(error, file));
}

/**
 * Throws when the store `file` was made read-only (on purpose, perhaps to keep it as it is: conf
 * would replace it all the same), so that a session can say so before its first question
 * rather than at its first save. A store not made yet can be saved.
 */
export function refuseReadOnly(file: string): void {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    return; // Not there: reading it says what is wrong, if anything.
  }
  if ((mode & 0o200) === 0) throw storeError(file, 'is read-only', readOnlyHint(file));
}

/**
 * `error` with a hint that names HOME, when HOME is why the store cannot be reached (see
 * homeProblem): the store's folder is made under it, so no store can be read or saved there, and
 * "point ITB_HOME at a folder" alone would not tell a person their HOME is wrong.
 */
export function homeNamed(error: unknown, env: Record<string, string | undefined>): unknown {
  if (!(error instanceof StoreError) || error instanceof StoreBusy) return error;
  const problem = homeProblem(env);
  if (problem === undefined) return error;
  const lead = error.hint?.startsWith(noStoreYet) ? noStoreYet : 'Nothing was changed.';
  return new StoreError(error.message, `${lead} ${problem}`, error.exitCode);
}

/**
 * Throws, before any folder is made, when the store's folder would be made under a home folder
 * that is not there (HOME set to a folder that does not exist, by a slip in a shell profile or an
 * account moved; see homeProblem). Made, that home would hold a second, empty store, and the
 * person's results would be split between two stores with nothing said. A HOME that names a file
 * is refused too, in its own words. An ITB_HOME is made as asked: homeProblem says nothing when
 * one is set.
 */
export function refuseMissingHome(file: string, env: Record<string, string | undefined>, problem: string): void {
  const fault = homeFault(env);
  if (fault === undefined) return;
  // A file where the home folder should be: nothing is missing to be made, and nothing can be kept in it.
  const why = fault.isFile ? 'your home folder is a file, not a folder, so nothing can be kept in it' : 'itb does not make your home folder to keep it in';
  throw storeError(file, `${problem}: ${why}`, `${noStoreYet} ${homeProblem(env)}`);
}
