// The command a save's hint gives to make the store's folder yours again names your account as a
// shell reads it: an account name with a space (some systems joined to a company's directory
// have them) is quoted, as the folder is.
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refuseReadOnly } from '../../src/store/save-refusals.js';
import { type StoreError, writeHint } from '../../src/store/store-errors.js';

const account = vi.hoisted(() => ({ name: 'sam' }));
vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  const userInfo = ((options?: { encoding: BufferEncoding }) => ({ ...os.userInfo(options), username: account.name })) as typeof os.userInfo;
  return { ...os, default: { ...os, userInfo }, userInfo };
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'itb owner hint-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('the hint for a store that belongs to another account', () => {
  it('quotes an account name the shell would split', () => {
    const file = join(folder, 'store.json');
    writeFileSync(file, '{}');
    // Some other account than the one that owns the files: they then belong to "another account".
    vi.spyOn(process, 'getuid').mockReturnValue(statSync(file).uid + 1);
    account.name = 'Sam Smith';
    expect(writeHint(file, Object.assign(new Error('EACCES'), { code: 'EACCES' }))).toContain(`\`sudo chown 'Sam Smith' '${folder}' '${file}'\``);
    account.name = 'sam';
    expect(writeHint(file, Object.assign(new Error('EACCES'), { code: 'EACCES' }))).toContain(`\`sudo chown sam '${folder}' '${file}'\``);
  });

  it('says whose a read-only store is, rather than give a chmod that only its owner may run', () => {
    const file = join(folder, 'store.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o444);
    const hintFor = () => {
      try {
        refuseReadOnly(file);
      } catch (error) {
        return (error as StoreError).hint;
      }
      return undefined;
    };
    // The account's own: made writable again with chmod.
    vi.spyOn(process, 'getuid').mockReturnValue(statSync(file).uid);
    expect(hintFor()).toBe(`Nothing was changed. Make it writable again to save to it: \`chmod u+w '${file}'\`.`);
    // Another account's: chmod would be refused ("Operation not permitted").
    vi.spyOn(process, 'getuid').mockReturnValue(statSync(file).uid + 1);
    account.name = 'sam';
    const hint = hintFor();
    expect(hint).toContain(`\`sudo chown sam '${folder}' '${file}'\``);
    expect(hint).not.toContain('chmod');
  });
});
