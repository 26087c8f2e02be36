import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { acquireSessionLock, clearLeftSession, sessionIsOpen } from '../../src/store/session-lock.js';
import { privateLockFs } from '../../src/store/lock-folder.js';
import { lockedFile } from '../../src/store/lock-place.js';
import { StoreError } from '../../src/store/store-errors.js';
import { Store } from '../../src/store/store.js';
import { newStoreHome } from '../helpers/store-home.js';
import { caught } from '../helpers/caught.js';

let root: string;
let file: string;

beforeEach(() => {
  ({ root, file } = newStoreHome('itb-session-lock-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

/** A session lock left behind, as its folder dated `at`: its path. */
function leftLock(at: Date): string {
  const lock = join(dirname(file), 'session.lock');
  mkdirSync(lock, { recursive: true });
  utimesSync(lock, at, at);
  return lock;
}

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

  it('is a private folder (0700), like every folder itb makes', async () => {
    const release = await acquireSessionLock(file);
    expect(statSync(join(dirname(file), 'session.lock')).mode & 0o777).toBe(0o700);
    await release();
  });

  it('makes the store folder private (0700) when a session is the first to need it', async () => {
    const inside = join(root, 'new', 'home', 'store.json');
    const release = await acquireSessionLock(inside);
    expect(statSync(dirname(inside)).mode & 0o777).toBe(0o700);
    await release();
  });

  it('tells a second session, in plain words, where the first may be and what to do', async () => {
    const release = await acquireSessionLock(file);
    const error = await caught(() => acquireSessionLock(file));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('another itb session is open, in another window or paused with Ctrl-Z: finish or close it first');
    expect((error as UserError).hint).toBe(
      'To go back to a session paused with Ctrl-Z, type fg in its window. If no other session is open (one closed abruptly counts as open for 10 seconds), wait 10 seconds and try again.',
    );
    await release();
  });

  it('counts a lock left by a killed session as stale after about ten seconds, as its hint says', async () => {
    const leftAt = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);
    const lock = leftLock(leftAt(5));
    expect(sessionIsOpen(file)).toBe(true);
    await expect(acquireSessionLock(file)).rejects.toMatchObject({ hint: expect.stringContaining('wait 10 seconds') });
    utimesSync(lock, leftAt(11), leftAt(11));
    expect(sessionIsOpen(file)).toBe(false);
    const release = await acquireSessionLock(file);
    await release();
  });

  it('counts a lock dated in the future, left before the clock was set back, as stale at once', async () => {
    const lock = leftLock(new Date('2030-01-01'));
    expect(sessionIsOpen(file)).toBe(false);
    const release = await acquireSessionLock(file);
    expect(sessionIsOpen(file)).toBe(true);
    await release();
    expect(existsSync(lock)).toBe(false);
  });

  it('counts as stale at once a lock dated a minute ahead, left before the clock was put back by a minute', async () => {
    leftLock(new Date(Date.now() + 60_000));
    expect(sessionIsOpen(file)).toBe(false);
    const release = await acquireSessionLock(file);
    await release();
  });

  it('still counts as held a lock dated a moment ahead, as the lock library dates a fresh one', async () => {
    leftLock(new Date(Date.now() + 1500));
    expect(sessionIsOpen(file)).toBe(true);
    await expect(acquireSessionLock(file)).rejects.toThrow('another itb session is open');
  });

  it('ends quietly when the lock is already gone, as after a laptop slept through its refresh', async () => {
    const release = await acquireSessionLock(file);
    await release();
    // The lock library answers a second release as it answers one after losing the lock.
    await expect(release()).resolves.toBeUndefined();
  });

  it('is kept through a pause no one used, and said lost when another session took it over meanwhile', async () => {
    // The refresh does not run while itb is stopped (Ctrl-Z): the clock jumps on as it goes on.
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const lost = vi.fn();
      const release = await acquireSessionLock(file, lost);
      vi.setSystemTime(Date.now() + 60_000);
      expect(sessionIsOpen(file)).toBe(false);
      vi.advanceTimersByTime(5000);
      await vi.waitFor(() => expect(sessionIsOpen(file)).toBe(true), { interval: 20, timeout: 10_000 });
      expect(lost).not.toHaveBeenCalled();

      // Taken over by another session while this one was stopped.
      vi.setSystemTime(Date.now() + 60_000);
      const lock = join(dirname(file), 'session.lock');
      rmSync(lock, { recursive: true });
      mkdirSync(lock);
      vi.advanceTimersByTime(5000);
      await vi.waitFor(() => expect(lost).toHaveBeenCalledTimes(1), { interval: 20, timeout: 10_000 });
      // Its end leaves the other's lock alone.
      await release();
      expect(existsSync(lock)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
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

  it('says when it cannot be taken because the folder may not be written to, naming the store (exit 2)', async () => {
    mkdirSync(dirname(file));
    // Tests run as root here, who may write anywhere: the lock library meets the refusal that a
    // folder made read-only (chmod 555) gives everyone else.
    const lockFolder = join(dirname(file), 'session.lock');
    vi.spyOn(lockfile, 'lock').mockRejectedValueOnce(Object.assign(new Error(`EACCES: permission denied, mkdir '${lockFolder}'`), { code: 'EACCES' }));
    const error = await caught(() => acquireSessionLock(file));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(`the itb store ${file} cannot be locked for a session (permission denied)`);
    expect((error as StoreError).hint).toMatch(/you may write to it/);
    expect((error as StoreError).exitCode).toBe(2);
  });

  it.skipIf(process.getuid?.() === 0)('says so for a folder made read-only, naming the store', async () => {
    mkdirSync(dirname(file));
    writeFileSync(file, '{}');
    chmodSync(dirname(file), 0o555);
    try {
      const error = await caught(() => acquireSessionLock(file));
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toBe(`the itb store ${file} cannot be locked for a session (permission denied)`);
    } finally {
      chmodSync(dirname(file), 0o700);
    }
  });

  it('says when a file stands where the lock goes, rather than fail unexpectedly', async () => {
    mkdirSync(dirname(file));
    const lock = join(dirname(file), 'session.lock');
    writeFileSync(lock, 'not a lock folder');
    utimesSync(lock, new Date('2026-01-01'), new Date('2026-01-01'));
    const error = await caught(() => acquireSessionLock(file));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(`the itb store ${file} cannot be locked for a session: session.lock, a file, is where itb keeps its lock folder`);
    expect((error as StoreError).hint).toContain('Move that file away');
  });

  it('names a lock folder left behind with files put in it (by a sync tool, say), and leaves them there', async () => {
    const lock = leftLock(new Date('2026-01-01'));
    writeFileSync(join(lock, 'desktop.ini'), 'not itb\'s');
    utimesSync(lock, new Date('2026-01-01'), new Date('2026-01-01'));
    const error = await caught(() => acquireSessionLock(file));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(
      `the itb store ${file} cannot be locked for a session: session.lock, a lock folder left behind, holds files itb did not put there`,
    );
    expect((error as StoreError).hint).toContain('move that folder away');
    expect(existsSync(join(lock, 'desktop.ini'))).toBe(true);
  });

  it('ends quietly when a file was put in the lock while held, and the next session names the folder left behind', async () => {
    const release = await acquireSessionLock(file);
    const lock = join(dirname(file), 'session.lock');
    writeFileSync(join(lock, '.DS_Store'), 'not itb\'s');
    await release();
    utimesSync(lock, new Date('2026-01-01'), new Date('2026-01-01'));
    const error = await caught(() => acquireSessionLock(file));
    expect((error as StoreError).message).toBe(
      `the itb store ${file} cannot be locked for a session: session.lock, a lock folder left behind, holds files itb did not put there`,
    );
  });

  it('ends quietly when a file was put in place of the lock while held (by a sync tool, say), which the next session names', async () => {
    const release = await acquireSessionLock(file);
    const lock = join(dirname(file), 'session.lock');
    rmSync(lock, { recursive: true });
    writeFileSync(lock, 'synced');
    await release();
    const error = await caught(() => acquireSessionLock(file));
    expect((error as StoreError).message).toBe(`the itb store ${file} cannot be locked for a session: session.lock, a file, is where itb keeps its lock folder`);
  });

  it('says at once that a file stands where the lock goes, even one just made (by a sync tool, say), not that another session is open', async () => {
    mkdirSync(dirname(file));
    writeFileSync(file, '{}');
    const lock = join(dirname(file), 'session.lock');
    writeFileSync(lock, 'not a lock folder');
    const ahead = new Date(Date.now() + 3_600_000);
    for (const date of [new Date(), ahead]) {
      utimesSync(lock, date, date);
      expect(sessionIsOpen(file)).toBe(false);
      const error = await caught(() => acquireSessionLock(file));
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toBe(`the itb store ${file} cannot be locked for a session: session.lock, a file, is where itb keeps its lock folder`);
    }
    // The file is left as it was, its date too.
    expect(Math.round(statSync(lock).mtimeMs)).toBe(ahead.getTime());
  });

  it('says when the store folder cannot be made, naming the store', async () => {
    writeFileSync(join(root, 'a-file'), 'x');
    const inside = join(root, 'a-file', 'home', 'store.json');
    const error = await caught(() => acquireSessionLock(inside));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(`the itb store ${inside} cannot be locked for a session: its folder cannot be created (part of its path is a file, not a folder)`);
    // The folder is not there, so neither is a store: there is no earlier data to speak of.
    expect((error as StoreError).hint).toBe('There is no store there yet, and nothing was saved. Point ITB_HOME at a folder you may write to.');
  });
});

describe('a session beginning while another itb saves', () => {
  it('is under way only once that save is done, so that it reads the store as saved', async () => {
    const home = dirname(file);
    mkdirSync(home, { recursive: true });
    // Another itb has checked that no session is open and is saving: it holds the save lock.
    const save = lockfile.lockSync(lockedFile(file), { realpath: false, stale: 5000, fs: privateLockFs });
    const order: string[] = [];
    const session = Store.open({ ITB_HOME: home })
      .lockSession(() => {})
      .then((release) => {
        order.push('session under way');
        return release;
      });
    await vi.waitFor(() => expect(sessionIsOpen(file)).toBe(true));
    order.push('other save done');
    save();
    const release = await session;
    await release();
    expect(order).toEqual(['other save done', 'session under way']);
  });

  it('says it waits for that save before the session begins, not that it waits to save', async () => {
    const home = dirname(file);
    mkdirSync(home, { recursive: true });
    const save = lockfile.lockSync(lockedFile(file), { realpath: false, stale: 5000, fs: privateLockFs });
    const said: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => said.push(String(text)) > 0);
    const session = Store.open({ ITB_HOME: home }).lockSession(() => {});
    await vi.waitFor(() => expect(said).toHaveLength(1), { timeout: 5000 });
    save();
    await (await session)();
    expect(said.join('').replace(/\s*\n\s*/g, ' ')).toBe(
      'Waiting for another itb to finish saving before the session begins (or for the lock of one closed in the middle of a save, which is cleared within 5 seconds). This waits up to 20 seconds; Ctrl-C stops it. ',
    );
  });

  it('leaves no session lock when that save keeps the store locked too long', async () => {
    const home = dirname(file);
    mkdirSync(home, { recursive: true });
    const save = lockfile.lockSync(lockedFile(file), { realpath: false, stale: 5000, fs: privateLockFs });
    try {
      const error = await caught(() => Store.open({ ITB_HOME: home }, { lockWaitMs: 0 }).lockSession(() => {}));
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toContain('is busy');
      expect(sessionIsOpen(file)).toBe(false);
    } finally {
      save();
    }
  });
});

describe('a change saved while a session is paused past its lock', () => {
  const home = () => dirname(file);
  const lock = () => join(home(), 'session.lock');

  it('clears the lock before its save, and the session finds it lost when it goes on', async () => {
    // The refresh does not run while itb is stopped (Ctrl-Z), so its lock is left as a minute of that leaves it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const lost = vi.fn();
      const release = await acquireSessionLock(file, lost);
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(lock(), minuteAgo, minuteAgo);
      // Not kept while it saves: another change, or a session beginning, meanwhile would be told
      // that a session is open.
      let openWhileSaving = true;
      const saved = await Store.open({ ITB_HOME: home() }).update((data) => {
        openWhileSaving = sessionIsOpen(file);
        data.settings.minImprovement = 3;
      });
      expect(saved.settings.minImprovement).toBe(3);
      expect(openWhileSaving).toBe(false);
      expect(existsSync(lock())).toBe(false);
      // fg: the session's refresh runs again, and finds its lock gone.
      vi.advanceTimersByTime(5000);
      await vi.waitFor(() => expect(lost).toHaveBeenCalledTimes(1), { interval: 20, timeout: 10_000 });
      await release();
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets two changes made at once both go through, neither told that a session is open', async () => {
    const store = () => Store.open({ ITB_HOME: home() });
    await store().update(() => {});
    // Both wait for a save under way, so that they take turns at the save lock.
    for (let round = 0; round < 6; round++) {
      leftLock(new Date(Date.now() - 60_000));
      const save = lockfile.lockSync(lockedFile(file), { realpath: false, stale: 5000, fs: privateLockFs });
      const tries = vi.spyOn(lockfile, 'lock');
      const changes = Promise.allSettled([
        store().update((data) => void (data.settings.minImprovement = 3)),
        store().update((data) => void (data.settings.side = 'left')),
      ]);
      await vi.waitFor(() => expect(tries.mock.calls.filter(([path]) => path === lockedFile(file)).length).toBeGreaterThanOrEqual(2));
      tries.mockRestore();
      save();
      const results = await changes;
      expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'saved'))).toEqual(['saved', 'saved']);
      expect(store().read().settings).toMatchObject({ minImprovement: 3, side: 'left' });
      expect(existsSync(lock())).toBe(false);
      await store().update((data) => void (data.settings.minImprovement = 2));
    }
  });

  it('leaves alone the lock of the session that saves, even one looking stale as it goes on after a pause', async () => {
    const lost = vi.fn();
    const session = Store.open({ ITB_HOME: home() });
    const release = await session.lockSession(lost);
    try {
      // fg: its first save may come before its refresh runs again.
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(lock(), minuteAgo, minuteAgo);
      const dated = statSync(lock()).mtimeMs;
      await session.update((data) => void (data.settings.minImprovement = 3));
      expect(existsSync(lock())).toBe(true);
      expect(statSync(lock()).mtimeMs).toBe(dated);
      expect(lost).not.toHaveBeenCalled();
    } finally {
      await release();
    }
  });

  it('is still refused while the session keeps its lock fresh, and leaves the lock alone', async () => {
    const lost = vi.fn();
    const release = await acquireSessionLock(file, lost);
    try {
      const dated = statSync(lock()).mtimeMs;
      const error = await caught(() => Store.open({ ITB_HOME: home() }).update((data) => void (data.settings.minImprovement = 3)));
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toContain('cannot be changed while it runs');
      expect(statSync(lock()).mtimeMs).toBe(dated);
      expect(sessionIsOpen(file)).toBe(true);
      expect(lost).not.toHaveBeenCalled();
    } finally {
      await release();
    }
  });

  it('leaves alone the fresh lock of a session beginning just after the left one was found stale', async () => {
    const left = leftLock(new Date(Date.now() - 60_000));
    // A session begins right after the change found the lock stale: the lock library takes the
    // stale lock away and makes a fresh one in its place, before the change clears what it found.
    const check = lockfile.checkSync;
    let fresh: number | undefined;
    vi.spyOn(lockfile, 'checkSync').mockImplementation((path, options) => {
      const held = check(path, options);
      if (fresh === undefined) {
        rmSync(left, { recursive: true });
        mkdirSync(left);
        fresh = statSync(left).mtimeMs;
      }
      return held;
    });
    // That session is now open: the change is refused, and the session keeps its lock.
    const error = await caught(() => Store.open({ ITB_HOME: home() }).update((data) => void (data.settings.minImprovement = 3)));
    expect((error as UserError).message).toContain('cannot be changed while it runs');
    expect(statSync(left).mtimeMs).toBe(fresh);
    expect(sessionIsOpen(file)).toBe(true);
    expect(readdirSync(home()).filter((name) => name.startsWith('session.lock'))).toEqual(['session.lock']);
  });

  it('clears a lock dated ahead, left before the clock was set back, so that its session stops when it goes on', async () => {
    leftLock(new Date(Date.now() + 3_600_000));
    const saved = await Store.open({ ITB_HOME: home() }).update((data) => void (data.settings.minImprovement = 3));
    expect(saved.settings.minImprovement).toBe(3);
    expect(readdirSync(home()).filter((name) => name.startsWith('session.lock'))).toEqual([]);
  });

  it('clears a stale lock without leaving anything beside the store', async () => {
    leftLock(new Date(Date.now() - 60_000));
    await Store.open({ ITB_HOME: home() }).update((data) => void (data.settings.minImprovement = 3));
    expect(readdirSync(home()).filter((name) => name.startsWith('session.lock'))).toEqual([]);
  });

  it('goes through as before when the lock left behind cannot be taken (files put in it), and leaves it there', async () => {
    const left = leftLock(new Date());
    writeFileSync(join(left, '.DS_Store'), '');
    utimesSync(left, new Date('2026-01-01'), new Date('2026-01-01'));
    const saved = await Store.open({ ITB_HOME: home() }).update((data) => void (data.settings.minImprovement = 3));
    expect(saved.settings.minImprovement).toBe(3);
    expect(existsSync(join(left, '.DS_Store'))).toBe(true);
  });

  it('never moves a lock left behind with files in it, even for a moment: a session beginning in that moment would have its own lock replaced', async () => {
    const left = leftLock(new Date());
    writeFileSync(join(left, '.DS_Store'), '');
    utimesSync(left, new Date('2026-01-01'), new Date('2026-01-01'));
    // Moving the lock aside and back would date the folder holding it now.
    const before = new Date('2026-01-02');
    utimesSync(home(), before, before);
    clearLeftSession(file);
    expect(statSync(home()).mtimeMs).toBe(before.getTime());
    expect(readdirSync(left)).toEqual(['.DS_Store']);
  });
});
