// Where the store's locks go (the save lock, ./store-lock.ts, and the session lock,
// ./session-lock.ts): beside the file the store really is. A store.json that is a link is saved
// to the file it leads to, so every ITB_HOME whose store.json leads to one file must share its locks.
import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The store `file` as its locks know it: the file a link there leads to. A store not made yet has
 * no link to follow; it is named in its folder's real place, the folder being a link perhaps.
 */
export function lockedFile(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    // Not made yet, or a link to a file that is not there (the read under the lock says so).
  }
  return join(realFolder(dirname(file)), basename(file));
}

/**
 * How a message names the lock folder `lock` of the store `file`: by its name when it is in the
 * store's folder (however that folder is reached), else, beside the file a link leads to, by its path.
 */
export function lockName(file: string, lock: string): string {
  return dirname(lock) === realFolder(dirname(file)) ? basename(lock) : lock;
}

/** Where `folder` really is; when it is not there, as it is named (taking the lock says what is wrong). */
function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}
