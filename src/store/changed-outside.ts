// What a Store does when its file, or a session's lock, was changed under it by something other
// than this itb (a person, a cleanup or sync program): a store file removed is saved again as it
// was, one replaced is noted (Store.changedOutside), one damaged since this Store saved it is left
// as it is with what was last written kept beside it (./kept-copy.ts), and a session lock removed
// while the store is as the session left it is taken again (see Store.lockSession).
import type { Session, StoreData } from '../core/records.js';
import { checkedForWriting, freezeSession } from './check.js';
import { writeKeptCopy } from './kept-copy.js';
import { emptyStore } from './migrations.js';
import { StoreDamagedSince, StoreError } from './store-errors.js';
import { vouchedContent } from './store-file.js';
import { parseStore, readStoreBytes, stampOf } from './store-read.js';
import type { StoreWriter } from './store-writer.js';

/** What this Store last wrote: reused by its next update while the file still holds exactly it. */
export interface Written {
  bytes: Buffer;
  /** The store without its sessions, as JSON: parsed afresh for each update, so it can be changed. */
  rest: string;
  /** Frozen, so they are exactly what was written. */
  sessions: readonly Session[];
}

/** What a Store knows of its file as an update reads it again. */
export interface Known {
  written: Written | undefined;
  /** The bytes of the store file as read() last found them: what a session knows before its first save. */
  read: Buffer | undefined;
  /** Whether this Store holds the session lock: its saves are then the session's own. */
  sessionHeld: boolean;
}

/**
 * The store as on disk, with its sessions frozen (what this Store last wrote when the file
 * still holds it), its bytes, and the stamp of the file they were read from, with in
 * changedOutside what became of the file since this Store wrote it; `mutate`: the update's
 * change, kept beside a file found damaged since (see keptFromDamage).
 */
export function readForUpdate(
  path: string,
  known: Known,
  mutate: (data: StoreData) => StoreData | void,
  writer: StoreWriter,
): { data: StoreData; bytes: Buffer | undefined; stamp: string; changedOutside?: 'removed' | 'replaced' } {
  // Stamped first: a file replaced between the two makes the update start again, never miss a change.
  const stamp = stampOf(path);
  const bytes = readStoreBytes(path);
  const { written, sessionHeld } = known;
  // Before a session's first save, what it knows of the store is what it read.
  const read = written === undefined && sessionHeld ? known.read : undefined;
  if (bytes === undefined) {
    if (written === undefined && read === undefined) return { data: emptyStore(), bytes, stamp };
    // Removed while this itb ran (by hand, or by a cleanup program, with its folder perhaps):
    // saved again as it was, rather than started afresh with only this change in it.
    const changedOutside = 'removed';
    if (written !== undefined) return { data: lastWritten(written), bytes, stamp, changedOutside };
    const data = vouchedContent(path, read!) ?? parseStore(read!, path);
    for (const session of data.sessions) freezeSession(session);
    return { data, bytes, stamp, changedOutside };
  }
  if (written?.bytes.equals(bytes)) return { data: lastWritten(written), bytes, stamp };
  let data: StoreData;
  try {
    data = vouchedContent(path, bytes) ?? parseStore(bytes, path);
  } catch (error) {
    throw keptFromDamage(path, error, written, mutate, writer);
  }
  const changedOutside = written !== undefined || (sessionHeld && !known.read?.equals(bytes)) ? 'replaced' : undefined;
  for (const session of data.sessions) freezeSession(session);
  return { data, bytes, stamp, changedOutside };
}

/** The store as this Store last wrote it, its sessions frozen as written. */
function lastWritten(written: Written): StoreData {
  return { ...(JSON.parse(written.rest) as StoreData), sessions: written.sessions.slice() };
}

/**
 * `damage`, found in a store file this Store saved a moment before: the file is left as it is,
 * and what this Store last wrote, with `mutate`'s change, goes to a file of its own beside it.
 */
function keptFromDamage(path: string, damage: unknown, written: Written | undefined, mutate: (data: StoreData) => StoreData | void, writer: StoreWriter): unknown {
  if (!(damage instanceof StoreError) || written === undefined) return damage;
  const last = lastWritten(written);
  const next = checkedForWriting(mutate(last) ?? last, new Set(last.sessions));
  return new StoreDamagedSince(damage, writeKeptCopy(path, writer.serialize(next)));
}

/**
 * Takes the session lock again, lost while held, unless another itb took the session's place:
 * it holds the lock, or saved the store since this session last did. Returns the new release,
 * or undefined when the lock is another's. `lockForSaving`: takes the store's save lock;
 * `lastKnown`: the store file as this session last saved it (or read it, before its first save).
 */
export async function takeBack(
  path: string,
  acquire: typeof import('./session-lock.js').acquireSessionLock,
  onLost: () => void,
  lockForSaving: () => Promise<() => Promise<void>>,
  lastKnown: () => Buffer | undefined,
): Promise<(() => Promise<void>) | undefined> {
  let release: () => Promise<void>;
  try {
    release = await acquire(path, onLost);
  } catch (error) {
    // Held by another session. A lock that cannot be made at all (its folder cannot be made
    // again, say) is no other itb's: the next save says what is wrong, as it cannot be made either.
    return error instanceof StoreError ? async () => {} : undefined;
  }
  try {
    // A change another itb began before the lock was taken again is done first, and seen below.
    const saving = await lockForSaving();
    try {
      if (asLeft(path, lastKnown())) return release;
    } finally {
      await saving().catch(() => undefined);
    }
  } catch {
    return release; // The store's lock cannot be had: its next save says why.
  }
  await release().catch(() => undefined);
  return undefined;
}

/** Whether the store file is as this session last saved it (or read it, before its first save), or gone. */
function asLeft(path: string, lastKnown: Buffer | undefined): boolean {
  let bytes: Buffer | undefined;
  try {
    bytes = readStoreBytes(path);
  } catch {
    return true; // Out of reach, not changed by an itb: the next save says why.
  }
  return bytes === undefined || (lastKnown?.equals(bytes) ?? false);
}
