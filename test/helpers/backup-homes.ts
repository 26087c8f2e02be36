// The homes most import tests start from: one holding the sample store and a JSON backup of it,
// made by `itb export`, and an empty one to import that backup into.
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sampleStore } from '../export/fixtures.js';
import { run, tempHome } from './run.js';

export interface BackupHomes {
  source: ReturnType<typeof tempHome>;
  target: ReturnType<typeof tempHome>;
  /** The backup's path, in the source home. */
  backup: string;
}

/** Both homes, the backup exported as of `now`; the caller removes them (`cleanup`) after the test. */
export async function backupHomes(now: Date): Promise<BackupHomes> {
  const source = tempHome();
  const target = tempHome();
  await Store.open({ ITB_HOME: source.home }).update(() => sampleStore());
  const backup = join(source.home, 'backup.json');
  const exported = await run(['export', '--format', 'json', '-o', backup], { home: source.home, now });
  expect(exported.code).toBe(0);
  return { source, target, backup };
}

/** Both homes afresh for each test of the file (backupHomes), removed after it: read them from the object returned. */
export function useBackupHomes(now: Date): BackupHomes {
  const homes = {} as BackupHomes;
  beforeEach(async () => {
    Object.assign(homes, await backupHomes(now));
  });
  afterEach(() => {
    homes.source.cleanup();
    homes.target.cleanup();
  });
  return homes;
}
