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
