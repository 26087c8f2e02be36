// The store: one JSON file kept by conf, validated and migrated on every load, locked around
// every write. Reading never creates, repairs or clears anything — a damaged file is reported
// and left exactly as it is, so the user can still rescue it.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type Conf from 'conf';
import { storeSchema, type StoreData } from '../core/records.js';
import { UserError } from '../errors.js';
import { emptyStore, firstIssue, migrate, StoreProblem } from './migrations.js';

export { emptyStore };

const projectName = 'itb';
const fileName = 'store.json';

/** Where the store lives: `ITB_HOME/store.json`, else the folder conf uses for projectName 'itb'. */
export function storeFile(env: Record<string, string | undefined>): string {
  if (env.ITB_HOME) return resolve(env.ITB_HOME, fileName);
  return join(defaultFolder(env), fileName);
}

/**
 * The folder conf picks by default (env-paths for 'itb' with conf's 'nodejs' suffix), worked out
 * here from the environment we are given, because building a Conf to ask it creates the folder.
 */
function defaultFolder(env: Record<string, string | undefined>): string {
  const name = `${projectName}-nodejs`;
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Preferences', name);
  if (process.platform === 'win32') {
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), name, 'Config');
  }
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}

/** A store that cannot be read or saved. Exit 2; the message names the file. */
export class StoreError extends UserError {
  override name = 'StoreError';
}

const keepDataHint =
  'Nothing was changed. Move the file away to start afresh, or restore your data from an ' +
  'export with `itb import FILE`.';

function storeError(file: string, problem: string, hint = keepDataHint): StoreError {
  return new StoreError(`The itb store ${file} ${problem}.`, hint);
}

// How long a lock may sit untouched before it counts as left behind by a process that died.
// Every write is quick and synchronous once the lock is held, so a live holder never gets near this.
const lockOptions = {
  realpath: false,
  stale: 5000,
  retries: { retries: 100, minTimeout: 20, maxTimeout: 200, randomize: true },
};

export class Store {
  #conf: Conf<StoreData> | undefined;

  private constructor(readonly path: string) {}

  /** Works out where the store is; touches nothing on disk. */
  static open(env: Record<string, string | undefined>): Store {
    return new Store(storeFile(env));
  }

  /** Validated (zod storeSchema) and migrated in memory. Missing file → emptyStore(). */
  read(): StoreData {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return emptyStore();
      throw storeError(this.path, readFailure(error), readFailureHint(error));
    }
    return parseStore(text, this.path);
  }

  /**
   * Lock, re-read from disk, apply mutate (may mutate in place or return a new value),
   * validate, write atomically with mode 0600, unlock. Returns what was written.
   */
  async update(mutate: (data: StoreData) => StoreData | void): Promise<StoreData> {
    // Loaded only here so that commands which just read stay fast.
    const [{ default: lockfile }, { default: ConfClass }] = await Promise.all([
      import('proper-lockfile'),
      import('conf'),
    ]);
    const folder = dirname(this.path);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw storeError(this.path, `cannot be saved: its folder cannot be created (${reason(error)})`, writeHint);
    }

    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.path, lockOptions);
    } catch (error) {
      if (codeOf(error) === 'ELOCKED') {
        throw storeError(this.path, 'is busy: another itb kept it locked for too long', 'Nothing was changed. Try again in a moment.');
      }
      throw storeError(this.path, `cannot be locked for saving (${reason(error)})`, writeHint);
    }

    try {
      // Re-read under the lock so that what another itb saved a moment ago is kept.
      const current = this.read();
      const next = mutate(current) ?? current;
      const checked = storeSchema.safeParse(next);
      // A failure here is a mistake in itb, not in the user's data: exit 1, file untouched.
      if (!checked.success) throw new Error(`itb refused to save an invalid store: ${firstIssue(checked.error.issues)}`);
      this.#write(ConfClass, checked.data);
      this.#removeLeftoverTempFiles();
      return checked.data;
    } finally {
      // The data is saved (or nothing was); a lock we fail to remove goes stale on its own.
      await release().catch(() => undefined);
    }
  }

  /**
   * A process killed in the middle of a write leaves its temporary file (`store.json.tmp-…`)
   * behind. Every write happens under the lock we hold, so any such file now is one of those.
   */
  #removeLeftoverTempFiles(): void {
    const prefix = `${basename(this.path)}.tmp-`;
    try {
      for (const name of readdirSync(dirname(this.path))) {
        if (name.startsWith(prefix)) rmSync(join(dirname(this.path), name), { force: true });
      }
    } catch {
      // Tidying up is a courtesy; the store itself is already saved.
    }
  }

  #write(ConfClass: typeof Conf, data: StoreData): void {
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
      });
      this.#conf.store = data;
    } catch (error) {
      throw storeError(this.path, `could not be saved (${reason(error)})`, writeHint);
    }
  }
}

const writeHint = 'Your earlier data is still there. Check the folder exists and that you may write to it, and that the disk is not full.';

function parseStore(text: string, file: string): StoreData {
  if (text.trim() === '') throw storeError(file, 'is empty');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw storeError(file, endsEarly(text, (error as Error).message) ? 'is cut short (not complete JSON)' : 'is not valid JSON');
  }
  try {
    return migrate(raw);
  } catch (error) {
    if (error instanceof StoreProblem) throw storeError(file, error.message, error.hint);
    throw error;
  }
}

/** Whether JSON.parse stopped at the very end of the text: a file cut short rather than garbled. */
function endsEarly(text: string, message: string): boolean {
  if (/end of JSON input/i.test(message)) return true;
  const position = /at position (\d+)/.exec(message)?.[1];
  return position !== undefined && Number(position) >= text.trimEnd().length;
}

function readFailure(error: unknown): string {
  switch (codeOf(error)) {
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ENOTDIR':
      return 'cannot be read: part of its path is a file, not a folder';
    default:
      return `cannot be read (${reason(error)})`;
  }
}

function readFailureHint(error: unknown): string {
  const code = codeOf(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return 'Nothing was changed. Make the file readable by you, or move it away and restore your data from an export with `itb import FILE`.';
  }
  if (code === 'ENOTDIR') return 'Nothing was changed. Point ITB_HOME at a folder.';
  return keepDataHint;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reason(error: unknown): string {
  const code = codeOf(error);
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
    ENOTDIR: 'part of its path is a file, not a folder',
    EEXIST: 'a file is in the way',
  };
  if (code && known[code]) return known[code];
  return code ?? (error instanceof Error ? error.message : String(error));
}
