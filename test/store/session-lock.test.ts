import { existsSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

  it('counts a lock left by a killed session as stale after about ten seconds, as its hint says', async () => {
    const lock = join(dirname(file), 'session.lock');
    mkdirSync(lock, { recursive: true });
    const leftAt = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);
    utimesSync(lock, leftAt(5), leftAt(5));
    expect(sessionIsOpen(file)).toBe(true);
    await expect(acquireSessionLock(file)).rejects.toMatchObject({ hint: expect.stringContaining('wait 10 seconds') });
    utimesSync(lock, leftAt(11), leftAt(11));
    expect(sessionIsOpen(file)).toBe(false);
    const release = await acquireSessionLock(file);
    await release();
  });

  it('ends quietly when the lock is already gone, as after a laptop slept through its refresh', async () => {
    const release = await acquireSessionLock(file);
    await release();
    // The lock library answers a second release as it answers one after losing the lock.
    await expect(release()).resolves.toBeUndefined();
  });

  it('is one for every ITB_HOME whose store.json is a link to the same file, and sits beside that file', async () => {
    const real = join(root, 'real');
    mkdirSync(real);
    writeFileSync(join(real, 'store.json'), '{}');
    const links = ['a', 'b'].map((name) => join(root, name, 'store.json'));
    for (const link of links) {
      mkdirSync(dirname(link));
      symlinkSync(join(real, 'store.json'), link);
    }
    const release = await acquireSessionLock(links[0]!);
    expect(existsSync(join(real, 'session.lock'))).toBe(true);
    expect(existsSync(join(root, 'a', 'session.lock'))).toBe(false);
    expect(sessionIsOpen(links[1]!)).toBe(true);
    await expect(acquireSessionLock(links[1]!)).rejects.toThrow('another itb session is open');
    await release();
    expect(sessionIsOpen(links[1]!)).toBe(false);
  });
});
