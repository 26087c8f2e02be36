// The store: one JSON file kept by conf, validated and migrated on every load, locked around
// every write. Reading never changes, repairs or clears the store — a damaged file is reported
// and left exactly as it is, so the user can still rescue it (./store-read.ts reads it).
//
// Years of daily sessions make the file megabytes long, so checking it is kept to what is needed:
// bytes itb itself checked and wrote carry a fingerprint (./fingerprint.ts) and are not checked
// again, and a save checks only what it changed (./check.ts).
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type Conf from 'conf';
import type { Session, StoreData } from '../core/records.js';
import { summarize } from '../core/summary.js';
import { readRegularFile } from '../regular-file.js';
import { checkedForWriting, freezeSession } from './check.js';
import { fingerprintSuffix, hashOf, writeFingerprint } from './fingerprint.js';
import { emptyStore } from './migrations.js';
import { asciiJson, projectName, storeFile, vouchedContent } from './store-file.js';
import { parseStore, readCheckedStore, readStoreBytes, unreachableFolder } from './store-read.js';
import { summarySuffix, writeSummaryFile } from './summary-file.js';
import { folderHint, reason, storeError, writeHint } from './store-errors.js';
import { lockedFile } from './lock-place.js';
import { lockStore } from './store-lock.js';
import { writeWhole } from './whole-write.js';

export { emptyStore, storeFile };
export { StoreError } from './store-errors.js';

/** What this Store last wrote: reused by its next update while the file still holds exactly it. */
interface Written {
  bytes: Buffer;
  /** The store without its sessions, as JSON: parsed afresh for each update, so it can be changed. */
  rest: string;
  /** Frozen, so they are exactly what was written. */
  sessions: readonly Session[];
}

export class Store {
  #conf: Conf<StoreData> | undefined;
  #written: Written | undefined;
  /** The JSON of each frozen session this Store wrote or read for an update, so an unchanged one is not turned into text again. */
  #sessionText = new WeakMap<Session, string>();
  /** The text conf was last given to write. */
  #lastText = '';

  private constructor(readonly path: string) {}

  /** Works out where the store is; touches nothing on disk. */
  static open(env: Record<string, string | undefined>): Store {
    return new Store(storeFile(env));
  }

  /**
   * Validated (zod storeSchema) and migrated in memory — or, when the fingerprint vouches for the
   * file's bytes, as itb checked them before. Missing file → emptyStore().
   */
  read(): StoreData {
    return readCheckedStore(this.path);
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
  async update(mutate: (data: StoreData) => StoreData | void): Promise<StoreData> {
    // Loaded only here so that commands which just read stay fast.
    const folder = dirname(this.path);
    const [{ default: lockfile }, { default: ConfClass }] = await Promise.all([import('proper-lockfile'), importConf(folder)]);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw unreachableFolder(this.path) ?? storeError(this.path, `cannot be saved: its folder cannot be created (${reason(error)})`, folderHint);
    }

    for (let attempt = 1; attempt <= 3; attempt++) {
      const release = await lockStore(lockfile, this.path, (problem, hint, error) =>
        error === undefined ? storeError(this.path, problem, hint) : storeError(this.path, `${problem} (${reason(error)})`, writeHint(this.path)),
      );
      try {
        const saved = this.#saveLocked(ConfClass, mutate);
        if (saved) return saved;
      } finally {
        // The data is saved (or nothing was); a lock we fail to remove goes stale on its own.
        await release().catch(() => undefined);
      }
    }
    throw storeError(this.path, 'is busy: other itb processes kept changing it', 'Nothing was changed. Try again in a moment.');
  }

  /**
   * Throws when the store file was made read-only (on purpose, perhaps to keep it as it is: conf
   * would replace it all the same), so that a session can say so before its first question
   * rather than at its first save. A store not made yet can be saved.
   */
  refuseReadOnly(): void {
    let mode: number;
    try {
      mode = statSync(this.path).mode;
    } catch {
      return; // Not there: reading it says what is wrong, if anything.
    }
    if ((mode & 0o200) === 0) throw storeError(this.path, 'is read-only', 'Nothing was changed. Make it writable again (chmod u+w) to save to it.');
  }

  /** One update with the lock held; undefined when another itb saved the store in the meantime, so that it must start again. */
  #saveLocked(ConfClass: typeof Conf, mutate: (data: StoreData) => StoreData | void): StoreData | undefined {
    // Re-read under the lock so that what another itb saved a moment ago is kept.
    const { data: current, bytes: before, stamp } = this.#readForUpdate();
    if (before !== undefined) this.refuseReadOnly();
    const unchanged = new Set(current.sessions);
    const next = mutate(current) ?? current;
    const written = checkedForWriting(next, unchanged);
    for (const session of written.sessions) if (!unchanged.has(session)) freezeSession(session);
    // The text is made first, so that the write which follows the last look at the file is as
    // short as it can be.
    const text = this.#serialize(written);
    // A process stalled for seconds (suspended, or busy with a huge import) has its lock taken
    // over as left behind; the other itb's save must then not be written over.
    if (stampOf(this.path) !== stamp) return undefined;
    try {
      this.#write(ConfClass, written, text, before);
    } catch (error) {
      // Stalled in the middle of the write itself, it may have found its unfinished temporary
      // file removed by the itb that took over the lock, as one left behind: nothing of it was
      // written, and it starts again from the other's save.
      if (this.#savedByAnother(stamp, before)) return undefined;
      throw error;
    }
    const bytes = Buffer.from(this.#lastText, 'utf8');
    writeFingerprint(this.path, hashOf(bytes));
    // The summary walks the whole log, so it is kept when a session ends rather than after
    // every score; while one is in progress the last summary no longer matches the file.
    if (!written.sessions.some((session) => session.status === 'in-progress')) writeSummaryFile(this.path, summarize(written));
    this.#written = { bytes, rest: JSON.stringify({ ...written, sessions: [] }), sessions: written.sessions.slice() };
    this.#removeLeftoverTempFiles();
    return written;
  }

  /**
   * The store as on disk, with its sessions frozen (what this Store last wrote when the file
   * still holds it), its bytes, and the stamp of the file they were read from.
   */
  #readForUpdate(): { data: StoreData; bytes: Buffer | undefined; stamp: string } {
    // Stamped first: a file replaced between the two makes the update start again, never miss a change.
    const stamp = stampOf(this.path);
    const bytes = readStoreBytes(this.path);
    if (bytes === undefined) return { data: emptyStore(), bytes, stamp };
    const written = this.#written;
    if (written?.bytes.equals(bytes)) return { data: { ...(JSON.parse(written.rest) as StoreData), sessions: written.sessions.slice() }, bytes, stamp };
    const data = vouchedContent(this.path, bytes) ?? parseStore(bytes, this.path);
    for (const session of data.sessions) freezeSession(session);
    return { data, bytes, stamp };
  }

  /**
   * The store as compact ASCII JSON (see asciiJson), with the text of unchanged sessions reused
   * from earlier writes: a frozen session cannot have changed since its text was made.
   */
  #serialize(data: StoreData): string {
    const empty = '"sessions":[]';
    const rest = asciiJson({ ...data, sessions: [] });
    // Only the top level has a "sessions" key, and inside a JSON string a quote is always escaped.
    const at = rest.indexOf(empty);
    const before = `${rest.slice(0, at)}"sessions":[`;
    const after = `]${rest.slice(at + empty.length)}`;
    const texts = data.sessions.map((session) => {
      let text = this.#sessionText.get(session);
      if (text === undefined) {
        text = asciiJson(session);
        if (Object.isFrozen(session)) this.#sessionText.set(session, text);
      }
      return text;
    });
    // One join makes the whole text in one piece: megabytes copied once, not once per concatenation.
    if (texts.length === 0) texts.push(before + after);
    else {
      texts[0] = before + texts[0];
      texts[texts.length - 1] += after;
    }
    this.#lastText = texts.join(',');
    return this.#lastText;
  }

  /**
   * A process killed in the middle of a write leaves its temporary file behind: `store.json.tmp-…`,
   * or `store.json.checked.tmp-…` / `store.json.summary.tmp-…` for the files beside it. Every
   * write of the store happens under the lock we hold, so any such file now is one of those, or
   * one a command that only reads is about to rename into place: that command then keeps no
   * fingerprint or summary, which costs the next command a slower read and nothing else. The
   * store's own are beside the file it is (for a link, the file it leads to, named as that file is).
   */
  #removeLeftoverTempFiles(): void {
    const real = lockedFile(this.path);
    const here = dirname(this.path);
    const sidecars = [fingerprintSuffix, summarySuffix].map((suffix) => `${basename(this.path)}${suffix}.tmp-`);
    // Usually one folder holds them all; for a link, the store's own are where it leads.
    const byFolder = new Map<string, string[]>([[here, sidecars]]);
    byFolder.set(dirname(real), [...(byFolder.get(dirname(real)) ?? []), `${basename(real)}.tmp-`]);
    for (const [folder, prefixes] of byFolder) {
      try {
        for (const name of readdirSync(folder)) {
          if (prefixes.some((prefix) => name.startsWith(prefix))) rmSync(join(folder, name), { force: true });
        }
      } catch {
        // Tidying up is a courtesy; the store itself is already saved.
      }
    }
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

  /** Writes `data` through conf, whole or not at all (see ./whole-write.ts); `before` is the file it replaces. */
  #write(ConfClass: typeof Conf, data: StoreData, text: string, before: Buffer | undefined): void {
    writeWhole(this.path, text, before, () => this.#writeWithConf(ConfClass, data), (problem, hint) => storeError(this.path, problem, hint));
  }

  #writeWithConf(ConfClass: typeof Conf, data: StoreData): void {
    try {
      // Built only once the file is known to be valid: conf's constructor reads the file, and
      // with no `defaults` it writes nothing. Its store setter writes through `atomically`
      // (temporary file in the same folder, fsync, chmod, rename), so a crash leaves the old
      // file or the new one.
      this.#conf ??= new ConfClass<StoreData>({
        projectName,
        cwd: dirname(this.path),
        configName: 'store',
        configFileMode: 0o600,
        clearInvalidConfig: false,
        watch: false,
        accessPropertiesByDotNotation: false,
        // The text is made by #write, before conf is asked to write it.
        serialize: () => this.#lastText,
        // itb reads the file itself (above); conf only writes it, so what conf reads is not parsed.
        deserialize: () => ({}) as StoreData,
      });
      // Before each write conf reads the whole file again, to carry over its own `__internal__`
      // key unless the new value has one. itb never has one: a hidden stand-in, left out of the
      // JSON, spares reading megabytes for nothing.
      // Under SNAP (set for a Node.js installed as a snap) conf writes straight over the file, and
      // a crash in the middle would leave it broken: the write goes through `atomically` regardless.
      const snap = process.env.SNAP;
      delete process.env.SNAP;
      try {
        this.#conf.store = Object.defineProperty({ ...data }, '__internal__', { value: undefined, enumerable: false });
      } finally {
        if (snap !== undefined) process.env.SNAP = snap;
      }
    } catch (error) {
      throw storeError(this.path, `could not be saved (${reason(error)})`, writeHint(this.path));
    }
  }
}

/**
 * conf, loaded. What it loads asks for the home folder as it starts, and fails when there is none
 * (HOME unset, an account the system has no entry for), though conf is given the store's folder
 * and never uses it: an ITB_HOME is then enough. HOME stands at the store's folder while it loads.
 */
async function importConf(folder: string): Promise<typeof import('conf')> {
  if (process.env.HOME !== undefined || hasHomeFolder()) return import('conf');
  process.env.HOME = folder;
  try {
    return await import('conf');
  } finally {
    delete process.env.HOME;
  }
}

function hasHomeFolder(): boolean {
  try {
    homedir();
    return true;
  } catch {
    return false;
  }
}

/** Which file is at `file` now: every save puts a new file (a new inode) in place. */
function stampOf(file: string): string {
  try {
    const stats = statSync(file, { bigint: true });
    return `${stats.ino}:${stats.mtimeNs}:${stats.size}`;
  } catch {
    return 'none';
  }
}
