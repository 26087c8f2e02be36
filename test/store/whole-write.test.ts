// A save the disk takes only part of: the earlier file comes back, and the error says so.
import { mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store, StoreDiskRefused } from '../../src/store/store.js';
import { readSummary } from '../../src/store/summary-file.js';
import { writeWhole } from '../../src/store/whole-write.js';
import { sampleSession } from '../fixtures/sample-session.js';

/** The room the disk says it has, in bytes (undefined: what it really has; null: it cannot say; 'sizeless': 0 of everything). */
const disk = vi.hoisted(() => ({ room: undefined as number | null | 'sizeless' | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const statfsSync = ((path: string) => {
    if (disk.room === null) throw Object.assign(new Error('ENOSYS: function not implemented, statfs'), { code: 'ENOSYS' });
    const real = fs.statfsSync(path);
    if (disk.room === 'sizeless') return { ...real, blocks: 0, bfree: 0, bavail: 0 };
    return disk.room === undefined ? real : { ...real, bavail: disk.room, bsize: 1 };
  }) as typeof fs.statfsSync;
  return { ...fs, default: { ...fs, statfsSync }, statfsSync };
});

let folder: string;
let file: string;
const fail = (problem: string, hint: string, full?: boolean) => new Error(`${problem} | ${hint}${full ? ' | may be tried again' : ''}`);
const text = `{"sessions":[${'"x",'.repeat(5000)}"x"]}`;
/** Writes the text the way a nearly full disk takes it: the first part only. */
const cutShort = (target: string) => () => writeFileSync(target, text.slice(0, 4096));

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'itb-whole-write-'));
  file = join(folder, 'store.json');
});
afterEach(() => {
  disk.room = undefined;
  rmSync(folder, { recursive: true, force: true });
});

describe('writeWhole', () => {
  it('writes when the disk takes the whole text', () => {
    writeWhole(file, text, undefined, () => writeFileSync(file, text), fail);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('puts the earlier file back when the write came out short', () => {
    writeFileSync(file, '{"earlier":true}');
    const before = readFileSync(file);
    expect(() => writeWhole(file, text, before, cutShort(file), fail)).toThrow(
      'could not be saved: the disk is full | Nothing was changed: the store is as it was. Free some space on the disk, then try again. | may be tried again',
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('leaves no file when there was none before', () => {
    expect(() => writeWhole(file, text, undefined, cutShort(file), fail)).toThrow('could not be saved');
    expect(existsSync(file)).toBe(false);
  });

  it('puts back the file a link points to, keeping the link', () => {
    const real = join(folder, 'synced-store.json');
    writeFileSync(real, '{"earlier":true}');
    symlinkSync(real, file);
    expect(() => writeWhole(file, text, readFileSync(real), cutShort(real), fail)).toThrow('could not be saved');
    expect(readlinkSync(file)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('{"earlier":true}');
  });

  it('writes nothing when the disk has room for the file but not for the small files beside it (64 KB more)', () => {
    writeFileSync(file, '{"earlier":true}');
    let written = false;
    for (const room of [1000, text.length + 60 * 1024]) {
      disk.room = room;
      expect(() => writeWhole(file, text, readFileSync(file), () => (written = true), fail), String(room)).toThrow(
        'cannot be saved: the disk is full | Nothing was changed. Free some space on the disk, then try again. | may be tried again',
      );
    }
    expect(written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('{"earlier":true}');
    disk.room = text.length + 64 * 1024;
    writeWhole(file, text, readFileSync(file), () => writeFileSync(file, text), fail);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('writes when the disk cannot say how much room it has: the size after the write is still checked', () => {
    disk.room = null;
    writeWhole(file, text, undefined, () => writeFileSync(file, text), fail);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(() => writeWhole(file, text, readFileSync(file), cutShort(file), fail)).toThrow('could not be saved: the disk is full');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('writes when the disk says it has no size at all (a USB stick mounted with fusefat): its room is untold, not none', () => {
    disk.room = 'sizeless';
    writeWhole(file, text, undefined, () => writeFileSync(file, text), fail);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(() => writeWhole(file, text, readFileSync(file), cutShort(file), fail)).toThrow('could not be saved: the disk is full');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('a save of the store with no room for it', () => {
  it('leaves the summary as it was, so that itb buckets never shows a change that was not saved', async () => {
    const env = { ITB_HOME: join(folder, 'home') };
    await Store.open(env).update((data) => void data.sessions.push(sampleSession('s1', new Date(Date.UTC(2026, 0, 1, 9)))));
    disk.room = 0;
    await expect(Store.open(env).update((data) => void data.sessions.push(sampleSession('s2', new Date(Date.UTC(2026, 0, 2, 9)))))).rejects.toThrow('the disk is full');
    disk.room = undefined;
    expect(Store.open(env).read().sessions.map((session) => session.id)).toEqual(['s1']);
    expect((await readSummary(env)).sessionCount).toBe(1);
  });

  it('is refused as a save that may be tried again once there is room, as a session offers to', async () => {
    const env = { ITB_HOME: join(folder, 'home') };
    await Store.open(env).update((data) => void data.sessions.push(sampleSession('s1', new Date(Date.UTC(2026, 0, 1, 9)))));
    disk.room = 0;
    const refused = await Store.open(env).update((data) => void data.sessions.push(sampleSession('s2', new Date(Date.UTC(2026, 0, 2, 9))))).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreDiskRefused);
    expect(refused).toMatchObject({ disk: 'full' });
  });
});
