// A save stalled in the middle of its write (the process suspended with Ctrl-Z, say) for longer
// than the lock lasts: another itb takes the lock over, saves, and removes the stalled save's
// unfinished temporary file as one left behind. The stalled save must then start again from the
// other's save, keeping both, not fail with a puzzling error or write over it.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyStore, Store } from '../../src/store/store.js';
import { newStoreHome, saveAsAnotherItb, expectSaveMadeAgainOverAnother } from '../helpers/store-home.js';

/** What happens inside conf's next write, before it fails as atomically does when its temporary file is gone. */
const stall = vi.hoisted(() => ({ during: undefined as (() => void) | undefined }));

vi.mock('conf', async (importOriginal) => {
  const { fileError, refusingConf } = await import('../helpers/refusing-conf.js');
  return refusingConf(await importOriginal(), () => {
    const during = stall.during;
    if (during === undefined) return undefined;
    stall.during = undefined;
    during();
    return fileError('ENOENT', "no such file or directory, rename 'store.json.tmp-1a2b3c' -> 'store.json'");
  });
});

let root: string;
let home: string;
let file: string;
beforeEach(() => {
  ({ root, home, file } = newStoreHome('itb-stalled-save-'));
});
afterEach(() => {
  stall.during = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe('a save stalled in the middle of its write', () => {
  it.each([
    ['from the save another itb made meanwhile, and keeps both', true],
    ['too for a store not made yet, when another itb made it meanwhile', false],
  ])('starts again %s', async (_, made) => {
    const store = Store.open({ ITB_HOME: home });
    if (made) await store.update(() => emptyStore());
    // The other itb's save: the setting it changed, in a new file put in place of the old.
    stall.during = () => saveAsAnotherItb(file);
    await expectSaveMadeAgainOverAnother(store, file);
  });

  it('still fails for a store not made yet, leaving none, when nothing else made it', async () => {
    const store = Store.open({ ITB_HOME: home });
    stall.during = () => {};
    let calls = 0;
    const saving = store.update((data) => {
      calls++;
      data.settings = { ...data.settings, minImprovement: 2 };
    });
    await expect(saving).rejects.toThrow('could not be saved (ENOENT');
    expect(calls).toBe(1);
    expect(existsSync(file)).toBe(false);
  });

  it('still fails, with the store as it was, when nothing else saved it', async () => {
    const store = Store.open({ ITB_HOME: home });
    await store.update(() => emptyStore());
    const before = readFileSync(file);
    stall.during = () => {};
    await expect(store.update((data) => void (data.settings = { ...data.settings, minImprovement: 2 }))).rejects.toThrow('could not be saved (ENOENT');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
