// Reading the store file for Store (./store.ts): its bytes, vouched for by the fingerprint
// (./fingerprint.ts) when itb checked them before, else checked in full and migrated. Reading
// never changes, repairs or clears the store — a damaged file is reported and left exactly as it
// is, so the user can still rescue it.
import { isUtf8 } from 'node:buffer';
import { existsSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { StoreData } from '../core/records.js';
import { findJsonSyntaxError } from '../json-position.js';
import { readRegularFile } from '../regular-file.js';
import { shellPath } from '../shell-word.js';
import { hashOf, writeFingerprint } from './fingerprint.js';
import { emptyStore, migrate, StoreProblem } from './migrations.js';
import { STORE_SIZE_LIMIT, storeText, vouchedContent } from './store-file.js';
import { codeOf, readFailure, readFailureHint, storeError, type StoreError } from './store-errors.js';

/**
 * The store `file` validated (zod storeSchema) and migrated in memory — or, when the fingerprint
 * vouches for the file's bytes, as itb checked them before, with the bytes (undefined, and
 * emptyStore(), when there is no file yet).
 */
export function readCheckedStore(file: string): { data: StoreData; bytes: Buffer | undefined } {
  const bytes = readStoreBytes(file);
  if (bytes === undefined) return { data: emptyStore(), bytes };
  const vouched = vouchedContent(file, bytes);
  if (vouched) return { data: vouched, bytes };
  const data = parseStore(bytes, file);
  // Just checked in full: vouch for these bytes, so that a store copied, restored or edited by
  // hand is checked once rather than by every command until the next save.
  writeFingerprint(file, hashOf(bytes));
  return { data, bytes };
}

/** The bytes of the store `file`, or undefined when there is no file yet. */
export function readStoreBytes(file: string): Buffer | undefined {
  try {
    // A regular file only: a pipe in its place would wait for ever, a device never end.
    return readRegularFile(file, STORE_SIZE_LIMIT);
  } catch (error) {
    if (codeOf(error) === 'ENOTDIR') throw fileAsFolder(file) ?? storeError(file, readFailure(error, file), readFailureHint(error, file));
    if (codeOf(error) !== 'ENOENT') throw storeError(file, readFailure(error, file), readFailureHint(error, file));
  }
  // A link to a file that is not there (on a drive not connected, say) is not a new store: the
  // first save would put a fresh one in place of the link.
  let target: string | undefined;
  try {
    target = readlinkSync(file);
  } catch {
    // Nor is a store whose folder is reached through such a link.
    const unreachable = unreachableFolder(file);
    if (unreachable) throw unreachable;
    return undefined;
  }
  throw storeError(file, `is a link to ${target}, which is not there`, missingDriveHint);
}

const missingDriveHint = 'Nothing was changed. Connect the drive it is on, or point ITB_HOME at the folder that holds your store.';

/**
 * A StoreError when the folder of the store `file` is not there because a link on its way leads
 * to a folder that is not there (ITB_HOME on a drive not connected, say): the store is there,
 * out of reach, not yet to be made. Undefined otherwise.
 */
export function unreachableFolder(file: string): StoreError | undefined {
  // Up from the store's folder to the first part of the path that is there.
  for (let at = dirname(file); ; at = dirname(at)) {
    let isLink: boolean;
    try {
      isLink = lstatSync(at).isSymbolicLink();
    } catch {
      if (dirname(at) === at) return undefined;
      continue;
    }
    // A folder, or a link that leads somewhere: what is missing beyond it is simply not made yet.
    if (!isLink || existsSync(at)) return undefined;
    try {
      return storeError(file, `cannot be reached: ${at} is a link to ${readlinkSync(at)}, which is not there`, missingDriveHint);
    } catch {
      return undefined;
    }
  }
}

/**
 * A StoreError when the folder the store `file` goes in is a file: ITB_HOME set to the store file
 * itself, most often, so that the store is sought inside it. Said as such, and never that there
 * is no store, when that file is the store. Undefined otherwise.
 */
export function fileAsFolder(file: string): StoreError | undefined {
  const folder = dirname(file);
  try {
    if (!statSync(folder).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const hint =
    basename(folder) === basename(file)
      ? `Nothing was changed. That file looks like your store itself: point ITB_HOME at the folder that holds it, ${dirname(folder)}.`
      : 'Nothing was changed. Point ITB_HOME at a folder.';
  return storeError(file, `cannot be used: ${folder} is a file, not a folder`, hint);
}

/** The file's bytes checked in full and migrated, or a StoreError that says what is wrong. */
export function parseStore(bytes: Buffer, file: string): StoreData {
  // Read as UTF-8, a byte that is not (é saved as Latin-1 by an editor) would become U+FFFD, and the
  // next save would write that in place of what the user typed.
  if (!isUtf8(bytes)) {
    // Cut short in the middle of a character (é is two bytes): not an editor's encoding.
    if (endsMidCharacter(bytes)) throw storeError(file, 'is cut short (not complete JSON)');
    throw storeError(
      file,
      'is not UTF-8 text (an editor may have saved it in another encoding)',
      'Nothing was changed. Open it in an editor and save it as UTF-8, or move it away and restore your data from an export with `itb import FILE`.',
    );
  }
  const text = storeText(bytes);
  if (text.trim() === '') throw storeError(file, 'is empty');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    if (endsEarly(text, (error as Error).message)) throw storeError(file, 'is cut short (not complete JSON)');
    throw notJson(text, file);
  }
  // A backup copied in as the store (moving to a new computer, say): kept as it is, and named.
  if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'exportedAt')) {
    throw storeError(file, "is a backup written by `itb export`, put in the store's place", backupHint(file));
  }
  try {
    return migrate(raw);
  } catch (error) {
    if (error instanceof StoreProblem) throw storeError(file, error.message, error.hint);
    throw error;
  }
}

/**
 * A store that is not JSON. A slip made editing it by hand (a comma too many) is put right where
 * it is, so the place is named; text that goes wrong at its very first character is not a store
 * at all, and a place would say nothing.
 */
function notJson(text: string, file: string): StoreError {
  const problem = findJsonSyntaxError(text);
  if (!problem || (problem.line === 1 && problem.col === 1)) return storeError(file, 'is not valid JSON');
  return storeError(
    file,
    `is not valid JSON at line ${problem.line}, column ${problem.col}: ${problem.message}`,
    'Nothing was changed. If you edited it, put that place right in a text editor and save it again; or move the file away to ' +
      'start afresh, then restore your data from an export with `itb import FILE`.',
  );
}

/** How to bring in a backup that was put where the store goes: under another name, through `itb import`. */
function backupHint(file: string): string {
  const backup = join(dirname(file), 'backup.json');
  return `Nothing was changed. Rename it (to ${backup}, say), then bring it in with \`itb import ${shellPath(backup)}\`.`;
}

/** Whether `bytes` are UTF-8 but for their last character, of which only the first bytes are there. */
function endsMidCharacter(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Whether JSON.parse stopped at the very end of the text: a file cut short rather than garbled. */
function endsEarly(text: string, message: string): boolean {
  if (/end of JSON input/i.test(message)) return true;
  const position = /at position (\d+)/.exec(message)?.[1];
  return position !== undefined && Number(position) >= text.trimEnd().length;
}

/** Which file is at `file` now: every save puts a new file (a new inode) in place. */
export function stampOf(file: string): string {
  try {
    const stats = statSync(file, { bigint: true });
    return `${stats.ino}:${stats.mtimeNs}:${stats.size}`;
  } catch {
    return 'none';
  }
}
