// A lock held on a FAT stick, which keeps a folder's date to the even second: still the holder's
// at its next refresh, not taken for one another itb took over.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { privateLockFs } from '../../src/store/lock-folder.js';

/** Dates set as FAT keeps them: to the even second below. */
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const toEvenSecond = (date: Date) => new Date(Math.floor(date.getTime() / 2000) * 2000);
  const utimes = ((path: string, atime: Date, mtime: Date, callback: (error: NodeJS.ErrnoException | null) => void) =>
    fs.utimes(path, toEvenSecond(atime), toEvenSecond(mtime), callback)) as unknown as typeof fs.utimes;
  return { ...fs, default: { ...fs, utimes }, utimes };
});

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'itb-fat-dates-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(folder, { recursive: true, force: true });
});

describe('a lock on a file system that keeps dates to the even second', () => {
  it('reads as dated when it was last refreshed', async () => {
    const lock = join(folder, 'session.lock');
    await new Promise<void>((resolve, reject) => privateLockFs.mkdir(lock, (error) => (error ? reject(error) : resolve())));
    const odd = new Date(Date.UTC(2026, 0, 1, 10, 0, 1));
    await new Promise<void>((resolve, reject) => privateLockFs.utimes(lock, odd, odd, (error) => (error ? reject(error) : resolve())));
    const read = await new Promise<Date>((resolve, reject) => privateLockFs.stat(lock, (error, stat) => (error ? reject(error) : resolve(stat.mtime))));
    expect(read.getTime()).toBe(odd.getTime());
  });

  it('is kept by its holder through its refreshes', async () => {
    // The clock held half a second before an odd second: each refresh dates the lock to that odd second.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2026, 0, 1, 10, 0, 0, 500)));
    const lost = vi.fn();
    const release = await lockfile.lock(folder, { realpath: false, stale: 5000, update: 1000, fs: privateLockFs, onCompromised: lost });
    // Two refreshes: the second finds the date the first gave, or takes the lock for lost.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(lost).not.toHaveBeenCalled();
    await release();
  });
});
