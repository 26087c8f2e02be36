// A library file ITB_DATA names that may not be read (another account's, say) stops every
// command, `itb buckets` and `itb history` too: the error says that ITB_DATA names it, set long
// ago in a shell profile perhaps, and how to go back to the built-in library meanwhile. Whether
// the file may be read is simulated, so that the test says the same whoever runs it (root may
// read any file).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadLibraryFile } from '../../src/library/load.js';

const refused = vi.hoisted(() => new Set<string>());

vi.mock('../../src/regular-file.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/regular-file.js')>();
  const readRegularFile = (file: string, limit?: number) => {
    if (refused.has(file)) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    return original.readRegularFile(file, limit);
  };
  return { ...original, readRegularFile };
});

let folder: string;
let file: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'itb-unreadable-data-'));
  file = join(folder, 'clinic.yaml');
  writeFileSync(file, 'exercises: []\n');
  refused.add(file);
});
afterEach(() => {
  refused.clear();
  rmSync(folder, { recursive: true, force: true });
});

/** The error loading `file` gives, as message and hint on one line. */
function said(fromEnv: boolean): string {
  try {
    loadLibraryFile(file, undefined, fromEnv, {});
  } catch (error) {
    if (error instanceof UserError) return `${error.message} ${error.hint ?? ''}`;
    throw error;
  }
  throw new Error('the file was read');
}

describe.skipIf(process.platform === 'win32')('a library file that may not be read', () => {
  it('named by ITB_DATA: says so, with the way back to the built-in library', () => {
    const words = said(true);
    expect(words).toContain(`cannot read ${file}: permission denied`);
    expect(words).toContain('ITB_DATA names this file; meanwhile, unset it (`unset ITB_DATA`) to use the built-in library. Your sessions and buckets are kept either way.');
  });

  it('named with --data, just typed: nothing about ITB_DATA', () => {
    expect(said(false)).not.toContain('ITB_DATA');
  });
});
