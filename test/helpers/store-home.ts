// A fresh temporary ITB_HOME for a store test: the folder is not created, so tests see itb make it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
