// Ctrl-C during `itb import`: the built binary is sent a real SIGINT, as a terminal sends it on
// Ctrl-C (or SIGTERM, as `kill` does), at a chosen moment (by a file Node loads first, see
// CTRL_C), and says whether it stopped before its save or after it, as the store shows.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadLibraryFile } from '../../src/library/load.js';
import { Store } from '../../src/store/store.js';
import { BIN, requireBuild } from '../fixtures/resilience.js';
import { historyHome } from '../helpers/history-home.js';
import { run, tempHome } from '../helpers/run.js';

const shipped = loadLibraryFile(join(import.meta.dirname, '../../data/library.yaml'));
const now = new Date('2026-11-20T15:00:00.000Z');

/**
 * Loaded before itb: sends the process CTRL_C_SIGNAL when CTRL_C_AT says. `listening`: as soon as
 * the import listens for it, before it reads the file; `locking`: as it takes the store's lock,
 * after reading the file; `saved`: once it says what it imported.
 */
const CTRL_C = `
const signal = process.env.CTRL_C_SIGNAL;
const ctrlC = () => process.kill(process.pid, signal);
if (process.env.CTRL_C_AT === 'listening') {
  const on = process.on;
  process.on = function (event, listener) {
    const result = on.call(this, event, listener);
    if (event === signal && listener.name === 'ctrlCDuringImport') ctrlC();
    return result;
  };
}
if (process.env.CTRL_C_AT === 'locking') {
  // The lock's folder is made once the file is read: the signal is heard before the folder is.
  const fs = require('node:fs');
  const mkdir = fs.mkdir;
  fs.mkdir = function (path, ...rest) {
    if (!String(path).endsWith('.lock')) return mkdir.call(this, path, ...rest);
    // Made once the signal is heard; meanwhile the interval keeps the process waiting for it.
    const waiting = setInterval(() => {}, 1000);
    process.once(signal, () => {
      clearInterval(waiting);
      mkdir.call(this, path, ...rest);
    });
    ctrlC();
  };
}
if (process.env.CTRL_C_AT === 'saved') {
  const write = process.stderr.write;
  process.stderr.write = function (chunk, ...rest) {
    const result = write.call(this, chunk, ...rest);
    if (String(chunk).startsWith('Imported ')) ctrlC();
    return result;
  };
}
`;

let source: ReturnType<typeof tempHome>;
let backup: string;
let sessions: number;
beforeAll(async () => {
  requireBuild();
  // A year of daily sessions.
  source = await historyHome(shipped, 365, now);
  backup = join(source.home, 'backup.json');
  expect((await run(['export', '--format', 'json', '-o', backup], { home: source.home, now })).code).toBe(0);
  sessions = Store.open({ ITB_HOME: source.home }).read().sessions.length;
  writeFileSync(join(source.home, 'ctrl-c.cjs'), CTRL_C);
});
afterAll(() => source?.cleanup());

let target: ReturnType<typeof tempHome>;
beforeEach(() => (target = tempHome()));
afterEach(() => target.cleanup());

/** `itb args` into the target store, sent Ctrl-C (or `signal`) `at` that moment. */
function stoppedAt(at: 'listening' | 'locking' | 'saved', args: string[], signal = 'SIGINT') {
  const result = spawnSync(process.execPath, ['--require', join(source.home, 'ctrl-c.cjs'), BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ITB_HOME: target.home, NO_COLOR: '1', CTRL_C_AT: at, CTRL_C_SIGNAL: signal },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stderr: result.stderr };
}

const storeFile = () => join(target.home, 'store.json');

describe('Ctrl-C during itb import', () => {
  it.each(['SIGINT', 'SIGTERM'])('before the save (%s): exit 130, saying that nothing was imported and how to import the file, with the store as it was', async (signal) => {
    expect((await run(['settings', 'side', 'left'], { home: target.home })).code).toBe(0);
    const before = readFileSync(storeFile());
    const stopped = stoppedAt('listening', ['import', backup], signal);
    expect(stopped).toEqual({
      code: 130,
      stderr: `Stopped before the import was saved: nothing was imported, and your store is as it was.\nTo import the file, run \`itb import ${backup}\` again.\n`,
    });
    expect(readFileSync(storeFile()).equals(before)).toBe(true);
  });

  it('while the lock is taken for the save: exit 130, saying that nothing was imported, with the store as it was', async () => {
    expect((await run(['settings', 'side', 'left'], { home: target.home })).code).toBe(0);
    const before = readFileSync(storeFile());
    const stopped = stoppedAt('locking', ['import', backup]);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/^Stopped before the import was saved: nothing was imported/);
    expect(readFileSync(storeFile()).equals(before)).toBe(true);
  });

  it('before the save, names a file with a space in the command to import it, quoted for the shell', () => {
    const spaced = join(source.home, 'my backup.json');
    copyFileSync(backup, spaced);
    const stopped = stoppedAt('listening', ['import', spaced]);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`To import the file, run \`itb import '${spaced}'\` again.\n`);
  });

  it('after the save: exit 130, saying that all of the file is in the store, which holds it', () => {
    const stopped = stoppedAt('saved', ['import', backup]);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(new RegExp(`^Imported ${sessions} sessions, .*\\nStopped after the import was saved: everything in the file is in your store\\.\\n$`, 's'));
    expect(Store.open({ ITB_HOME: target.home }).read().sessions).toHaveLength(sessions);
  });

  it('in a dry run: exit 130, saying that a dry run changes nothing', () => {
    const stopped = stoppedAt('listening', ['import', '--dry-run', backup]);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/\nDry run: nothing was changed\.\nStopped\. A dry run changes nothing: your store is as it was\.\n$/);
    expect(existsSync(storeFile())).toBe(false);
  });
});
