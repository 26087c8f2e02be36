// A fresh temporary ITB_HOME for a store test: the folder is not created, so tests see itb make it.
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { emptyStore, type Store } from '../../src/store/store.js';

export interface StoreHome {
  /** The temporary folder to remove afterwards. */
  root: string;
  /** ITB_HOME: a folder inside root that does not exist yet. */
  home: string;
  /** The store file itb uses there. */
  file: string;
}

export function newStoreHome(prefix: string): StoreHome {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const home = join(root, 'home');
  return { root, home, file: join(home, 'store.json') };
}

/**
 * Another itb's save of the store `file`, made while a test's own save is under way: a store whose
 * flareRise is 4, in a new file put in place of the old, as itb's saves are.
 */
export function saveAsAnotherItb(file: string): void {
  const theirs = { ...emptyStore(), settings: { ...emptyStore().settings, flareRise: 4 } };
  writeFileSync(`${file}.other`, JSON.stringify(theirs), { mode: 0o600 });
  renameSync(`${file}.other`, file);
}

/**
 * Saves minImprovement 2 with `store` while saveAsAnotherItb's save is put in place during it, and
 * checks the change was made again on the store as the other itb left it: both settings kept.
 */
export async function expectSaveMadeAgainOverAnother(store: Store, file: string): Promise<void> {
  let calls = 0;
  const saved = await store.update((data) => {
    calls++;
    data.settings = { ...data.settings, minImprovement: 2 };
  });
  expect(calls).toBe(2);
  expect(saved.settings).toMatchObject({ minImprovement: 2, flareRise: 4 });
  expect(JSON.parse(readFileSync(file, 'utf8')).settings).toMatchObject({ minImprovement: 2, flareRise: 4 });
}
