// A save that does not fit on the disk is refused before anything is written: the store stays
// as it was and the command says why. (A write the disk takes only part of is put back: see
// test/store/whole-write.test.ts.)
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itb, Random, requireBuild, SEED, sessionsFor, tempFolder, writeExport } from '../fixtures/resilience.js';

let scratch: ReturnType<typeof tempFolder>;
let backup: string;

beforeAll(async () => {
  requireBuild();
  scratch = tempFolder('itb-full-disk-');
  backup = join(scratch.path, 'backup.json');
  await writeExport(backup, sessionsFor('full', 60, new Random(SEED)));
});
afterAll(() => scratch?.remove());

/** A store holding one changed setting: small, and easy to recognise afterwards. */
async function smallStore(home: string): Promise<Buffer> {
  const set = await itb(['settings', 'minImprovement', '2'], home);
  expect(set.code, set.stderr).toBe(0);
  return readFileSync(join(home, 'store.json'));
}

async function expectUnchanged(home: string, before: Buffer): Promise<void> {
  expect(readFileSync(join(home, 'store.json')).equals(before)).toBe(true);
  expect(readdirSync(home).filter((name) => name.includes('.tmp'))).toEqual([]);
  const read = await itb(['settings', 'minImprovement'], home);
  expect(read.stdout).toBe('2\n');
}

describe('a save that does not fit', () => {
  it('on a disk without room for it is refused before anything is written', async (context) => {
    // Mounting a small disk needs root; CI runs as root, a developer's machine may not.
    const disk = join(scratch.path, 'disk');
    mkdirSync(disk);
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]).status !== 0) {
      context.skip('mounting a small disk needs root');
    }
    try {
      const home = join(disk, 'home');
      const before = await smallStore(home);
      // Leave less room than the imported store needs, but some.
      writeFileSync(join(disk, 'filler'), Buffer.alloc(192 * 1024));
      const ran = await itb(['import', backup], home);
      expect(ran.code, ran.stderr).toBe(2);
      expect(ran.stderr).toContain('cannot be saved: the disk is full');
      await expectUnchanged(home, before);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});

describe('a disk that may only be read', () => {
  it('shows the store, refuses a change saying the disk is read-only and what to do, and saves again once it is writable', async (context) => {
    const disk = join(scratch.path, 'read-only');
    mkdirSync(disk);
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]).status !== 0) {
      context.skip('mounting a disk needs root');
    }
    try {
      const home = join(disk, 'home');
      const before = await smallStore(home);
      expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
      const shown = await itb(['buckets'], home);
      expect(shown.code, shown.stderr).toBe(0);
      const moved = await itb(['buckets', 'move', 'clamshells', 'avoid'], home);
      expect(moved.code).toBe(2);
      expect(moved.stderr.replace(/\s+/g, ' ')).toBe(
        `error: the itb store ${join(home, 'store.json')} cannot be locked for saving (the disk is read-only) Your earlier data is still there. ` +
          'The disk it is on may only be read (a drive or card locked against writing, say): make it writable, or copy the store to a folder you may write to and point ITB_HOME there. ',
      );
      // A folder not made yet says the disk is read-only too, rather than that a folder is missing.
      const fresh = join(disk, 'new', 'home');
      const made = await itb(['settings', 'minImprovement', '2'], fresh);
      expect(made.code).toBe(2);
      expect(made.stderr).toContain(`the itb store ${join(fresh, 'store.json')} cannot be saved: its folder cannot be created (the disk is read-only)`);
      expect(readFileSync(join(home, 'store.json')).equals(before)).toBe(true);
      // Made writable as the hint says, the change is saved.
      expect(spawnSync('mount', ['-o', 'remount,rw', disk]).status).toBe(0);
      const again = await itb(['buckets', 'move', 'clamshells', 'avoid'], home);
      expect(again.code, again.stderr).toBe(0);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});
