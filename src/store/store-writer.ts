// Writing the store, for Store's update (./store.ts) with the lock held: the data made into
// compact text (the text of sessions written before reused), written whole through conf, and the
// temporary files of writes killed in the middle tidied away.
import { readdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type Conf from 'conf';
import type { Session, StoreData } from '../core/records.js';
import { fingerprintSuffix } from './fingerprint.js';
import { asciiJson, projectName } from './store-file.js';
import { summarySuffix } from './summary-file.js';
import { reason, saveFailed, StoreDiskRefused, storeError, storeHeldOpen } from './store-errors.js';
import { mayBeHeldOpen } from './held-open.js';
import { lockedFile } from './lock-place.js';
import { writeWhole } from './whole-write.js';

/** Writes the store at `path` for one Store, keeping what makes its next write quicker. */
export class StoreWriter {
  #conf: Conf<StoreData> | undefined;
  /** The JSON of each frozen session its Store wrote or read for an update, so an unchanged one is not turned into text again. */
  #sessionText = new WeakMap<Session, string>();
  /** The text conf was last given to write. */
  #lastText = '';

  constructor(readonly path: string) {}

  /**
   * The store as compact ASCII JSON (see asciiJson), with the text of unchanged sessions reused
   * from earlier writes: a frozen session cannot have changed since its text was made.
   */
  serialize(data: StoreData): string {
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

  /** Writes `data`, as `text` from serialize(), through conf, whole or not at all (see ./whole-write.ts); `before` is the file it replaces. */
  write(ConfClass: typeof Conf, data: StoreData, text: string, before: Buffer | undefined): void {
    // A disk found full before anything was written, or a file cut short and put back as it was:
    // the store is as it was, and the save may be tried again once there is room.
    const fail = (problem: string, hint: string, full?: boolean) => (full ? new StoreDiskRefused(`the itb store ${this.path} ${problem}`, hint, 'full') : storeError(this.path, problem, hint));
    writeWhole(this.path, text, before, () => this.#writeWithConf(ConfClass, data), fail);
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
        // The text is made by serialize(), before conf is asked to write it.
        serialize: () => this.#lastText,
        // itb reads the file itself (./store-read.ts); conf only writes it, so what conf reads is not parsed.
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
      // On Windows, most likely another program has the file open: "permission denied" would mislead.
      if (mayBeHeldOpen(error)) throw storeHeldOpen(this.path);
      throw saveFailed(this.path, `could not be saved (${reason(error)})`, error);
    }
  }
}

/**
 * conf, loaded. What it loads asks for the home folder as it starts, and fails when there is none
 * (HOME unset, an account the system has no entry for), though conf is given the store's folder
 * and never uses it: an ITB_HOME is then enough. HOME stands at the store's folder while it loads.
 */
export async function importConf(folder: string): Promise<typeof import('conf')> {
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

/**
 * A process killed in the middle of a write leaves its temporary file behind: `store.json.tmp-…`,
 * or `store.json.checked.tmp-…` / `store.json.summary.tmp-…` for the files beside it. Every
 * write of the store happens under the lock we hold, so any such file now is one of those, or
 * one a command that only reads is about to rename into place: that command then keeps no
 * fingerprint or summary, which costs the next command a slower read and nothing else. The
 * store's own are beside the file it is (for a link, the file it leads to, named as that file is).
 */
export function removeLeftoverTempFiles(file: string): void {
  const real = lockedFile(file);
  const here = dirname(file);
  const sidecars = [fingerprintSuffix, summarySuffix].map((suffix) => `${basename(file)}${suffix}.tmp-`);
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
