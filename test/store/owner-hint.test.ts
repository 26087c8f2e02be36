// The command a save's hint gives to make the store's folder yours again names your account as a
// shell reads it: an account name with a space (some systems joined to a company's directory
// have them) is quoted, as the folder is.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeHint } from '../../src/store/store-errors.js';

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
});
