// A save on Windows tried again while another program (a backup, sync or virus-scanning program)
// has the store open. The lock stays held between the tries, and each try starts from the file as
// it is then: a save another itb made meanwhile is kept, never written over.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyStore, Store } from '../../src/store/store.js';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { newStoreHome, saveAsAnotherItb, expectSaveMadeAgainOverAnother } from '../helpers/store-home.js';

// The next `times` writes of conf fail as Windows fails them for a file held open, after `during`.
const holding = vi.hoisted(() => ({ times: 0, during: (() => {}) as () => void }));
vi.mock('conf', async (importOriginal) => {
  const { fileError, refusingConf } = await import('../helpers/refusing-conf.js');
  return refusingConf(await importOriginal(), (path) => {
    if (holding.times <= 0) return undefined;
    holding.times--;
    holding.during();
    return fileError('EPERM', `operation not permitted, rename '${path}.tmp' -> '${path}'`);
  });
});

let root: string;
let home: string;
let file: string;
beforeEach(() => {
  ({ root, home, file } = newStoreHome('itb-held-open-save-'));
});
afterEach(() => {
  Object.assign(holding, { times: 0, during: () => {} });
  rmSync(root, { recursive: true, force: true });
});

describe('a save on Windows while another program has the store open', () => {
  it('tries again from the save another itb made meanwhile, and keeps both', async () => {
    const store = Store.open({ ITB_HOME: home });
    await store.update(() => emptyStore());
    asOnWindows();
    holding.times = 1;
    // Another itb's save, put in place while this one waits to try again.
    holding.during = () => saveAsAnotherItb(file);
    await expectSaveMadeAgainOverAnother(store, file);
  });

  it('lets the lock be kept fresh while it waits, so that no other itb takes it over as left behind', async () => {
    const store = Store.open({ ITB_HOME: home });
    asOnWindows();
    holding.times = 2;
    // The lock is kept fresh by a timer: one set during the first try must have run by the second.
    let timerRan = false;
    const ranBySecondTry: boolean[] = [];
    holding.during = () => {
      if (holding.times === 1) setTimeout(() => (timerRan = true), 0);
      else ranBySecondTry.push(timerRan);
    };
    const saved = await store.update((data) => void (data.settings = { ...data.settings, minImprovement: 2 }));
    expect(ranBySecondTry).toEqual([true]);
    expect(saved.settings.minImprovement).toBe(2);
  });
});
