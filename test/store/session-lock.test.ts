import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { acquireSessionLock, sessionIsOpen } from '../../src/store/session-lock.js';
import { newStoreHome } from '../helpers/store-home.js';

let root: string;
let file: string;

beforeEach(() => {
  ({ root, file } = newStoreHome('itb-session-lock-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the session lock', () => {
  it('lets one session at a time hold it, and frees it when released', async () => {
    const release = await acquireSessionLock(file);
    expect(sessionIsOpen(file)).toBe(true);
    await expect(acquireSessionLock(file)).rejects.toThrow(UserError);
    await release();
    expect(sessionIsOpen(file)).toBe(false);
    const again = await acquireSessionLock(file);
    await again();
  });

  it('ends quietly when the lock is already gone, as after a laptop slept through its refresh', async () => {
    const release = await acquireSessionLock(file);
    await release();
    // The lock library answers a second release as it answers one after losing the lock.
    await expect(release()).resolves.toBeUndefined();
  });
});
