// A session lock on a disk made read-only while the session ran (a drive or card locked, a disk
// the system made read-only after a fault): it cannot be removed, and goes stale on its own. Its
// end must not hide what the session says of its last save.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { privateLockFs } from '../../src/store/lock-folder.js';
import { acquireSessionLock, sessionIsOpen } from '../../src/store/session-lock.js';
import { newStoreHome } from '../helpers/store-home.js';

let root: string;
let file: string;
beforeEach(() => ({ root, file } = newStoreHome('itb-session-lock-read-only-')));
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('the session lock on a disk made read-only', () => {
  it('ends quietly, leaving the lock to go stale', async () => {
    const release = await acquireSessionLock(file);
    vi.spyOn(privateLockFs, 'rmdir').mockImplementation(((path: string, callback: (error: NodeJS.ErrnoException) => void) =>
      callback(Object.assign(new Error(`EROFS: read-only file system, rmdir '${path}'`), { code: 'EROFS' }))) as typeof privateLockFs.rmdir);
    await expect(release()).resolves.toBeUndefined();
    expect(privateLockFs.rmdir).toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(sessionIsOpen(file)).toBe(true);
  });
});
