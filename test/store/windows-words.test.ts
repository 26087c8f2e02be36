// What the store's problems say on Windows, which has no chmod and where a file another program
// has open (and shares with no one) cannot be opened: the way out named is one a person there can take.
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store, StoreError } from '../../src/store/store.js';
import { readFailureHint } from '../../src/store/store-errors.js';
import { sampleSession } from '../fixtures/sample-session.js';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { caught } from '../helpers/caught.js';
import { newStoreHome } from '../helpers/store-home.js';

// Opening this file fails as Windows fails it while another program has it open, shared with no one.
const opening = vi.hoisted(() => ({ heldOpen: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => (await import('../helpers/busy-open.js')).busyOpenFs(await importOriginal(), opening));

let root: string;
let home: string;
let file: string;
beforeEach(() => {
  ({ root, home, file } = newStoreHome('itb-windows-'));
  asOnWindows();
});
afterEach(() => {
  opening.heldOpen = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe('the store on Windows', () => {
  it('says how to clear "Read-only" from a store marked so, not chmod', async () => {
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(sampleSession('s1')));
    // What Node reports on Windows for a file with the Read-only attribute.
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const error = (await caught(() => Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(sampleSession('s2'))))) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toBe(`the itb store ${file} is read-only`);
    expect(error.hint).toBe(`Nothing was changed. Make it writable again to save to it: clear "Read-only" in its Properties (right-click it in File Explorer), or run \`attrib -r ${file}\`.`);
    expect(error.hint).not.toContain('chmod');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('names a read-only store with "$" in its path in single quotes, which PowerShell does not read into', async () => {
    // As in a folder named $data, or an administrative share (\\server\c$\…).
    const dollar = newStoreHome('itb-windows-$data-');
    try {
      await Store.open({ ITB_HOME: dollar.home }).update((data) => void data.sessions.push(sampleSession('s1')));
      chmodSync(dollar.file, 0o444);
      const error = (await caught(() => Store.open({ ITB_HOME: dollar.home }).update((data) => void data.sessions.push(sampleSession('s2'))))) as StoreError;
      expect(error.hint).toContain(`or run \`attrib -r '${dollar.file}'\`.`);
    } finally {
      rmSync(dollar.root, { recursive: true, force: true });
    }
  });

  it('says where to let the account read a store it may not, not chmod', () => {
    const denied = Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
    expect(readFailureHint(denied, file)).toBe(
      'Nothing was changed. Make the file readable by you again (in its Properties, on the Security tab), or move it away and restore your data from an export with `itb import FILE`.',
    );
  });

  it('says a store another program has open is busy, to try again, and never to move it away', async () => {
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(sampleSession('s1')));
    opening.heldOpen = file;
    const error = (await caught(() => Store.open({ ITB_HOME: home }).read())) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toBe(`the itb store ${file} cannot be read: another program has it open (a backup, sync or virus-scanning program, perhaps)`);
    expect(error.hint).toBe('Nothing was changed. Try again in a moment; if this goes on, close the program that has it open, or restart the computer.');
    opening.heldOpen = undefined;
    expect(Store.open({ ITB_HOME: home }).read().sessions).toHaveLength(1);
  });
});
