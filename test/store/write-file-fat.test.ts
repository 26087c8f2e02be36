// A report written to a FAT USB stick, which has no hard links and gives no file its permissions:
// written there whole, not refused as "permission denied" on a stick the person may write to.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writePrivateFile } from '../../src/store/write-file.js';

/** How the stick refuses to give a file permissions: EPERM (Linux's vfat), ENOSYS (fusefat). */
const stick = vi.hoisted(() => ({ refusal: 'EPERM' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refused = (call: string) => Object.assign(new Error(`${stick.refusal}: ${call}`), { code: stick.refusal });
  const linkSync: typeof fs.linkSync = () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  // A copy is given its original's permissions once made (libuv's fchmod), which the stick refuses.
  const copyFileSync: typeof fs.copyFileSync = () => {
    throw refused('copyfile');
  };
  const chmodSync: typeof fs.chmodSync = () => {
    throw refused('chmod');
  };
  const fchmodSync: typeof fs.fchmodSync = () => {
    throw refused('fchmod');
  };
  const stubs = { linkSync, copyFileSync, chmodSync, fchmodSync };
  return { ...fs, default: { ...fs, ...stubs }, ...stubs };
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'itb-write-fat-'));
});
afterEach(() => {
  stick.refusal = 'EPERM';
  rmSync(folder, { recursive: true, force: true });
});

describe('writing a new report on a FAT stick', () => {
  for (const refusal of ['EPERM', 'ENOSYS']) {
    it(`writes it whole where permissions are refused with ${refusal}, leaving nothing else`, () => {
      stick.refusal = refusal;
      const file = join(folder, 'report.md');
      const text = `# Report\n${'é – 🦵\n'.repeat(20_000)}`;
      writePrivateFile(file, text);
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(readdirSync(folder)).toEqual(['report.md']);
    });
  }
});
