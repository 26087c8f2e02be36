// The store: one JSON file kept by conf, validated and migrated on every load, locked around
// every write. Reading never changes, repairs or clears the store — a damaged file is reported
// and left exactly as it is, so the user can still rescue it. This module is the update: the
// lock, the re-read, the check and the save; ./store-read.ts reads the file, ./store-writer.ts
// writes it, and ./changed-outside.ts says what is done with a file, or a session's lock, changed
// under it.
//
// Years of daily sessions make the file megabytes long, so checking it is kept to what is needed:
// bytes itb itself checked and wrote carry a fingerprint (./fingerprint.ts) and are not checked
// again, and a save checks only what it changed (./check.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type Conf from 'conf';
import type { StoreData } from '../core/records.js';
import { summarize } from '../core/summary.js';
import { readRegularFile } from '../regular-file.js';
import { readForUpdate, takeBack, type Written } from './changed-outside.js';
import { checkedForWriting, freezeSession } from './check.js';
import { hashOf, writeFingerprint } from './fingerprint.js';
import { emptyStore } from './migrations.js';
import { storeFile } from './store-file.js';
import { fileAsFolder, readCheckedStore, stampOf, unreachableFolder } from './store-read.js';
import { importConf, removeLeftoverTempFiles, StoreWriter } from './store-writer.js';
import { identityOf, keepSummary, writeSummaryFile } from './summary-file.js';
import { SAVE_WAITS_WHILE_HELD } from './held-open.js';
import { folderFailure, folderHintFor, reason, saveFailed, storeBusy, storeError, StoreHeldOpen } from './store-errors.js';
import { homeNamed, refuseMissingHome, refuseNotRegular, refuseReadOnly } from './save-refusals.js';
import { lockStore, WAIT_MS, type Waiting } from './store-lock.js';

export { emptyStore, storeFile };
export { StoreBusy, StoreDamagedSince, StoreDiskRefused, StoreError } from './store-errors.js';
// One class wherever it is checked (the build copies a module into each bundle that imports it).
export { StoppedWaiting } from './store-lock.js';

interface UpdateOptions {
  /**
   * Leaves the store's summary to writeDueSummary, for when what the person waits for is shown:
   * the summary walks the whole log, tens of milliseconds on years of history.
   */
  summaryLater?: boolean;
}

interface StoreOptions {
  /**
   * How long a save waits for the lock while another itb holds it before giving up with
   * StoreBusy, in milliseconds: 20 seconds when not given. (A command's Context carries it.)
   */
  lockWaitMs?: number;
}

export class Store {
  #written: Written | undefined;
  /** The summary an update with summaryLater left to write: of that data, for the store file as it wrote it (identityOf). */
  #summaryDue: { data: StoreData; of: string } | undefined;
  readonly #writer: StoreWriter;
  /** Whether this Store holds the session lock: its saves are then the session's own. */
  #sessionHeld = false;
  /** The bytes of the store file as read() last found them: what a session knows before its first save. */
  #read: Buffer | undefined;
  /** The session lock, found lost while held, being taken again (see takeBack). */
  #lockCheck: Promise<void> | undefined;
  /**
   * What the last update found had become of the store file since this Store saved it, done by
   * something other than this itb (a person, a cleanup or sync program): removed, or replaced by
   * another store. Undefined when it was as saved, or this Store had not saved it yet.
   */
  changedOutside: 'removed' | 'replaced' | undefined;

  private constructor(
    readonly path: string,
    readonly options: StoreOptions,
    /** The environment the store was found from: its HOME may be why the store cannot be reached. */
    readonly env: Record<string, string | undefined> = {},
  ) {
    this.#writer = new StoreWriter(path);
  }

  /** Works out where the store is; touches nothing on disk. */
  static open(env: Record<string, string | undefined>, options: StoreOptions = {}): Store {
    return new Store(storeFile(env), options, env);
  }

  /**
   * Validated (zod storeSchema) and migrated in memory — or, when the fingerprint vouches for the
   * file's bytes, as itb checked them before. Missing file → emptyStore().
   */
  read(): StoreData {
    try {
      const { data, bytes } = readCheckedStore(this.path);
      this.#read = bytes;
      return data;
    } catch (error) {
      throw homeNamed(error, this.env);
    }
  }

  /**
   * Takes the session lock (see ./session-lock.ts); `onLost` is called if it is lost while held.
   * Returns the release. While it is held, this Store's saves are the session's, and every other
   * itb's is refused (see refuseWhileSessionOpen). Returns once a save another itb began before
   * the lock was taken is done, so that the store read from then on is the one the session keeps.
   *
   * A lock lost while the store is as the session left it, or gone, was not taken by another itb:
   * its folder was deleted (by hand, or by a cleanup program), or the lock alone was removed. It is
   * taken again, and the session goes on; `onLost` is called only when it cannot be (see takeBack).
   */
  async lockSession(onLost: () => void): Promise<() => Promise<void>> {
    // Loaded only here: the commands that only read need no lock library.
    const [{ acquireSessionLock }, { default: lockfile }] = await Promise.all([import('./session-lock.js'), import('proper-lockfile')]);
    try {
      // The lock is made in the store's folder: a HOME that is not there is not made for it.
      refuseMissingHome(this.path, this.env, 'cannot be locked for a session');
      let release: () => Promise<void>;
      const lost = () => {
        const lockForSaving = () => this.#lockForSaving(lockfile, 'session');
        const lastKnown = () => this.#written?.bytes ?? this.#read;
        this.#lockCheck = takeBack(this.path, acquireSessionLock, lost, lockForSaving, lastKnown).then((again) => {
          if (again === undefined) onLost();
          else release = again;
        });
      };
      release = await acquireSessionLock(this.path, lost);
      try {
        // That save checked for a session before this one began, and may be writing still.
        await (await this.#lockForSaving(lockfile, 'session'))();
      } catch (error) {
        await release().catch(() => undefined);
        throw error;
      }
      this.#sessionHeld = true;
      return async () => {
        await this.#lockCheck;
        this.#sessionHeld = false;
        return release();
      };
    } catch (error) {
      throw homeNamed(error, this.env);
    }
  }

  /**
   * Resolves once a session lock found lost has been taken again, or `onLost` called (see
   * lockSession): at once when none was lost.
   */
  async lockChecked(): Promise<void> {
    await this.#lockCheck;
  }

  /** Refuses a change while a session runs, before a command asks about it; its save checks again, locked. */
  async refuseWhileSessionOpen(): Promise<void> {
    if (!this.#sessionHeld) (await import('./session-lock.js')).refuseWhileSessionOpen(this.path);
  }

  /** Takes the store's save lock, waiting while another itb holds it (see lockStore). Returns the release. */
  #lockForSaving(lockfile: typeof import('proper-lockfile'), what: Waiting = 'save'): Promise<() => Promise<void>> {
    return lockStore(
      lockfile,
      this.path,
      (problem, hint, error) => (error === undefined ? storeError(this.path, problem, hint) : saveFailed(this.path, `${problem} (${reason(error)})`, error)),
      undefined,
      this.options.lockWaitMs ?? WAIT_MS,
      () => storeBusy(this.path, 'another itb kept it locked for too long'),
      what,
    );
  }

  /**
   * Lock, re-read from disk, apply mutate (may mutate in place or return a new value),
   * validate, write atomically with mode 0600, unlock. Returns what was written (its sessions
   * frozen, like those mutate is given).
   *
   * The sessions mutate is given are frozen: to change one, put a changed copy in its place
   * (`data.sessions[i] = { ...session, status: 'interrupted' }`). Only sessions that are new or
   * replaced are validated, with everything that is not a session.
   */
  async update(mutate: (data: StoreData) => StoreData | void, options: UpdateOptions = {}): Promise<StoreData> {
    try {
      return await this.#update(mutate, options);
    } catch (error) {
      throw homeNamed(error, this.env);
    }
  }

  async #update(mutate: (data: StoreData) => StoreData | void, { summaryLater = false }: UpdateOptions): Promise<StoreData> {
    this.changedOutside = undefined;
    // A session's lock being taken again after it was lost: saved only once it is known whose it is.
    if (this.#sessionHeld) await this.#lockCheck;
    // Loaded only here so that commands which just read stay fast.
    const folder = dirname(this.path);
    const [{ default: lockfile }, { default: ConfClass }, { clearLeftSession, refuseWhileSessionOpen }] = await Promise.all([import('proper-lockfile'), importConf(folder), import('./session-lock.js')]);
    refuseMissingHome(this.path, this.env, 'cannot be saved');
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw unreachableFolder(this.path) ?? fileAsFolder(this.path) ?? storeError(this.path, `cannot be saved: its folder cannot be created (${folderFailure(folder, error)})`, folderHintFor(folder, error));
    }

    refuseNotRegular(this.path);
    // A session paused past its lock's life is stopped when it goes on, as if another took its
    // place. Not the session's own lock: after a pause, its save may come before its refresh.
    if (!this.#sessionHeld) clearLeftSession(this.path);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const release = await this.#lockForSaving(lockfile);
      try {
        // Checked with the lock held: a session that begins now waits for this save to be done.
        if (!this.#sessionHeld) refuseWhileSessionOpen(this.path);
        const saved = await this.#saveLockedWhenFree(ConfClass, mutate, summaryLater);
        if (saved) return saved;
      } finally {
        // The data is saved (or nothing was); a lock we fail to remove goes stale on its own.
        await release().catch(() => undefined);
      }
    }
    throw storeBusy(this.path, 'other itb processes kept changing it');
  }

  /**
   * Writes the summary the last update left due (summaryLater), when the store file is still the
   * one it wrote. Had another itb saved since, it kept its own summary; and should this one never
   * be written (itb cut off first), the next command that needs it draws it from the store.
   */
  writeDueSummary(): void {
    const due = this.#summaryDue;
    this.#summaryDue = undefined;
    if (due !== undefined && identityOf(this.path) === due.of) keepSummary(this.path, summarize(due.data), due.of);
  }

  /**
   * Throws when the store file was made read-only, so that a session can say so before its first
   * question rather than at its first save (see refuseReadOnly).
   */
  refuseReadOnly(): void {
    refuseReadOnly(this.path);
  }

  /**
   * #saveLocked, tried again for a while when Windows says another program has the store open
   * (conf's writer tries again for a second only; a scan of a store of years takes longer). Each
   * try reads the file afresh, so a save another itb made meanwhile is kept; the waits let the
   * lock be kept fresh, so that no other itb takes it over as left behind.
   */
  async #saveLockedWhenFree(ConfClass: typeof Conf, mutate: (data: StoreData) => StoreData | void, summaryLater: boolean): Promise<StoreData | undefined> {
    for (const wait of [...SAVE_WAITS_WHILE_HELD, undefined]) {
      try {
        return this.#saveLocked(ConfClass, mutate, summaryLater);
      } catch (error) {
        if (!(error instanceof StoreHeldOpen) || wait === undefined) throw error;
        await sleep(wait);
      }
    }
  }

  /** One update with the lock held; undefined when another itb saved the store in the meantime, so that it must start again. */
  #saveLocked(ConfClass: typeof Conf, mutate: (data: StoreData) => StoreData | void, summaryLater: boolean): StoreData | undefined {
    // Re-read under the lock so that what another itb saved a moment ago is kept.
    const known = { written: this.#written, read: this.#read, sessionHeld: this.#sessionHeld };
    const { data: current, bytes: before, stamp, changedOutside } = readForUpdate(this.path, known, mutate, this.#writer);
    // Found by an earlier try of this update, it stays said.
    if (changedOutside !== undefined) this.changedOutside = changedOutside;
    if (before !== undefined) refuseReadOnly(this.path);
    const unchanged = new Set(current.sessions);
    const next = mutate(current) ?? current;
    const written = checkedForWriting(next, unchanged);
    for (const session of written.sessions) if (!unchanged.has(session)) freezeSession(session);
    // The text is made first, so that the write which follows the last look at the file is as
    // short as it can be.
    const text = this.#writer.serialize(written);
    const bytes = Buffer.from(text, 'utf8');
    // A change that changes nothing (a backup imported again) leaves the file as it was, its
    // times too: a backup tool copies again a file whose time changed.
    if (before?.equals(bytes)) return written;
    // A process stalled for seconds (suspended, or busy with a huge import) has its lock taken
    // over as left behind; the other itb's save must then not be written over.
    if (stampOf(this.path) !== stamp) return undefined;
    try {
      this.#writer.write(ConfClass, written, text, before);
    } catch (error) {
      // Stalled in the middle of the write itself, it may have found its unfinished temporary
      // file removed by the itb that took over the lock, as one left behind: nothing of it was
      // written, and it starts again from the other's save.
      if (this.#savedByAnother(stamp, before)) return undefined;
      throw error;
    }
    writeFingerprint(this.path, hashOf(bytes));
    // The summary walks the whole log, so it is kept when a session ends rather than after
    // every score; while one is in progress the last summary no longer matches the file.
    this.#summaryDue = undefined;
    if (!written.sessions.some((session) => session.status === 'in-progress')) {
      const of = summaryLater ? identityOf(this.path) : undefined;
      if (of !== undefined) this.#summaryDue = { data: written, of };
      else if (!summaryLater) writeSummaryFile(this.path, summarize(written));
    }
    this.#written = { bytes, rest: JSON.stringify({ ...written, sessions: [] }), sessions: written.sessions.slice() };
    removeLeftoverTempFiles(this.path);
    return written;
  }

  /** Whether the file is no longer the one read at `stamp`, and holds other bytes than `before`: another itb saved it. */
  #savedByAnother(stamp: string, before: Buffer | undefined): boolean {
    if (stampOf(this.path) === stamp) return false;
    try {
      return before === undefined || !readRegularFile(this.path).equals(before);
    } catch {
      return before !== undefined;
    }
  }
}
