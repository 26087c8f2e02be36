// A save that another itb keeps waiting longer than a save waits (a large import in another
// window, say): what `itb buckets move`, `buckets reset`, `settings` and `import` then say.
import { readFileSync, rmSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privateLockFs } from '../../src/store/lock-folder.js';
import { lockedFile } from '../../src/store/lock-place.js';
import { Store, StoreBusy } from '../../src/store/store.js';
import { caught } from '../helpers/caught.js';
import { newStoreHome, type StoreHome } from '../helpers/store-home.js';

let place: StoreHome;
beforeEach(() => (place = newStoreHome('itb-busy-')));
afterEach(() => rmSync(place.root, { recursive: true, force: true }));

describe('a save given up while another itb holds the lock', () => {
  it('waits for another itb whose save lasts a few seconds (a large import), rather than take its lock over as left behind', async () => {
    await Store.open({ ITB_HOME: place.home }).update((data) => {
      data.settings.retestAfterDays = 10;
    });
    const before = readFileSync(place.file);
    // Taken by another itb a moment ago, far from the 5 seconds a lock must go untouched to count as left behind.
    const release = lockfile.lockSync(lockedFile(place.file), { realpath: false, stale: 5000, fs: privateLockFs });
    try {
      const store = Store.open({ ITB_HOME: place.home }, { lockWaitMs: 3000 });
      const error = await caught(() =>
        store.update((data) => {
          data.settings.retestAfterDays = 20;
        }),
      );
      expect(error).toBeInstanceOf(StoreBusy);
      expect(readFileSync(place.file)).toEqual(before);
    } finally {
      release();
    }
  });

  it('says the store is busy, that nothing was changed, and to try again once the other itb is done; the file stays as it was', async () => {
    await Store.open({ ITB_HOME: place.home }).update((data) => {
      data.settings.retestAfterDays = 10;
    });
    const before = readFileSync(place.file);
    const release = lockfile.lockSync(lockedFile(place.file), { realpath: false, stale: 5000, fs: privateLockFs });
    try {
      // A save gives up at once rather than after 20 seconds.
      const store = Store.open({ ITB_HOME: place.home }, { lockWaitMs: 0 });
      const error = await caught(() =>
        store.update((data) => {
          data.settings.retestAfterDays = 20;
        }),
      );
      expect(error).toBeInstanceOf(StoreBusy);
      expect((error as StoreBusy).message).toBe(`the itb store ${place.file} is busy: another itb kept it locked for too long`);
      expect((error as StoreBusy).hint).toBe(
        'Nothing was changed. Another itb is still saving to it, in another window perhaps (a large import takes a while): try again once it is done.',
      );
      expect(readFileSync(place.file)).toEqual(before);
    } finally {
      release();
    }
  });
});
