// Files and folders a person may not use, met by the built binary as a real account meets them:
// a store they may not read, a store folder they may not write to. Each is reported with exit 2,
// and the store keeps its bytes. Root may read and write anything, so when the tests run as root
// (as in many containers) the binary runs as the account "nobody" instead; where that account
// cannot reach the binary either, these tests are skipped.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sampleStore } from '../export/fixtures.js';
import { BIN, Terminal } from '../helpers/pty.js';
import { tempHome } from '../helpers/run.js';

const NOBODY = { uid: 65534, gid: 65534 };

/** The account to run the binary as: this one, unless it is root; undefined when there is none to use. */
function unprivilegedUser(): { uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return {};
  const tried = spawnSync(process.execPath, [BIN, '--version'], { ...NOBODY, cwd: '/', encoding: 'utf8' });
  return tried.status === 0 ? NOBODY : undefined;
}

const user = process.platform === 'win32' ? undefined : unprivilegedUser();

let home: string;
let cleanup: () => void;
let storeFile: string;
beforeEach(async () => {
  ({ home, cleanup } = tempHome());
  storeFile = join(home, 'store.json');
  await Store.open({ ITB_HOME: home }).update(() => sampleStore());
  if (user?.uid !== undefined) {
    for (const name of ['', ...readdirSync(home)]) chownSync(join(home, name), user.uid, user.gid!);
  }
});
afterEach(() => {
  chmodSync(home, 0o700);
  if (existsSync(storeFile)) chmodSync(storeFile, 0o600);
  cleanup();
});

/** The binary run as `user` from the test's folder, with its store in `store` (the test's folder unless given). */
function itb(args: string[], store = home) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    ...user,
    cwd: home,
    env: { PATH: process.env.PATH ?? '', ITB_HOME: store, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(user === undefined)('a store the user may not use', () => {
  it('reports a store file they may not read, by every command, and leaves it and the folder as they were', () => {
    const bytes = readFileSync(storeFile);
    const before = readdirSync(home).sort();
    chmodSync(storeFile, 0o000);
    const unreadable = `error: the itb store ${storeFile} cannot be read: permission denied\n`;
    for (const args of [['buckets'], ['history'], ['buckets', 'move', 'clamshells', 'avoid'], ['settings', 'minImprovement', '2'], ['export', '-o', 'report.md']]) {
      const result = itb(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(new RegExp(`^${unreadable.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}Nothing was changed\\.`));
      expect(result.stdout).toBe('');
    }
    chmodSync(storeFile, 0o600);
    expect(readFileSync(storeFile)).toEqual(bytes);
    // No report, no lock left behind.
    expect(readdirSync(home).sort()).toEqual(before);
  });

  it('shows a store in a folder they may not write to, and refuses to change it, saying why', () => {
    const bytes = readFileSync(storeFile);
    chmodSync(home, 0o555);
    const shown = itb(['buckets']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Rehab — your rehab routine');
    for (const args of [['buckets', 'move', 'clamshells', 'avoid'], ['settings', 'minImprovement', '2']]) {
      const result = itb(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(`error: the itb store ${storeFile} cannot be locked for saving (permission denied)\nYour earlier data is still there.`);
      expect(result.stderr.replace(/\s+/g, ' '), args.join(' ')).toContain(`${home} may not be written to: make it writable (\`chmod u+w ${home}\`)`);
    }
    expect(readFileSync(storeFile)).toEqual(bytes);
    // Done as said, the change is saved.
    chmodSync(home, 0o755);
    expect(itb(['buckets', 'move', 'clamshells', 'avoid']).code).toBe(0);
  });

  it('says that a store folder they may not make holds no store yet, rather than that their earlier data is safe', () => {
    chmodSync(home, 0o555);
    const elsewhere = join(home, 'new-folder');
    const file = join(elsewhere, 'store.json');
    const result = itb(['settings', 'minImprovement', '2'], elsewhere);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: the itb store ${file} cannot be saved: its folder cannot be created (permission denied)\nThere is no store there yet, and nothing was saved. Point ITB_HOME at a folder\nyou may write to.\n`,
    );
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('says that a folder they may not write to holds no store yet, when it has none, for a save and for a session', async () => {
    const empty = join(home, 'empty');
    mkdirSync(empty, { mode: 0o555 });
    if (user?.uid !== undefined) chownSync(empty, user.uid, user.gid!);
    const file = join(empty, 'store.json');
    const result = itb(['settings', 'minImprovement', '2'], empty);
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(
      `error: the itb store ${file} cannot be locked for saving (permission denied) There is no store there yet, and nothing was saved. ${empty} may not be written to: make it writable (\`chmod u+w ${empty}\`), or point ITB_HOME at a folder you may write to. `,
    );
    const terminal = new Terminal(['session'], { ITB_HOME: empty, NO_COLOR: '1' }, 80, 24, user);
    expect(await terminal.exited).toBe(2);
    expect(terminal.text.replace(/\s+/g, ' ')).toContain(`cannot be locked for a session (permission denied) There is no store there yet, and nothing was saved.`);
    expect(readdirSync(empty)).toEqual([]);
    chmodSync(empty, 0o700);
  });

  it('says before the first question that a session cannot be kept there, in a real terminal', async () => {
    chmodSync(home, 0o555);
    // Wide enough for the error on one line: a narrower terminal gets it broken between words.
    const terminal = new Terminal(['session'], { ITB_HOME: home, NO_COLOR: '1' }, 200, 24, user);
    expect(await terminal.exited).toBe(2);
    expect(terminal.text).toContain(`the itb store ${storeFile} cannot be locked for a session (permission denied)`);
    expect(terminal.text).not.toContain('?');
  });
});

describe.skipIf(user === undefined)('a file the user names but may not read', () => {
  /** stderr with its lines joined, as the hint is broken between words to fit the width. */
  const said = (result: { stderr: string }) => result.stderr.replace(/\s+/g, ' ');

  it('tells them to make a backup or library of their own readable, not to check its path', () => {
    const backup = join(home, 'backup.json');
    const library = join(home, 'my-library.yaml');
    itb(['export', '-o', 'backup.json']);
    copyFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), library);
    if (user?.uid !== undefined) chownSync(library, user.uid, user.gid!);
    chmodSync(backup, 0o000);
    chmodSync(library, 0o000);
    const imported = itb(['import', 'backup.json']);
    expect(imported.code).toBe(2);
    expect(said(imported)).toBe('error: cannot read backup.json: permission denied Make it readable by you (`chmod u+r backup.json`), then try again. ');
    for (const args of [['validate', 'my-library.yaml'], ['--data', 'my-library.yaml', 'exercises']]) {
      const result = itb(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(said(result), args.join(' ')).toBe('error: cannot read my-library.yaml: permission denied Make it readable by you (`chmod u+r my-library.yaml`), then try again. ');
    }
    // Done as said, the backup is read.
    chmodSync(backup, 0o600);
    expect(itb(['import', 'backup.json', '--dry-run']).code).toBe(0);
  });

  it.skipIf(user?.uid === undefined)('names the account a file belongs to, and how to make it theirs', () => {
    const library = join(home, 'their-library.yaml');
    copyFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), library);
    chmodSync(library, 0o600);
    const result = itb(['validate', 'their-library.yaml']);
    expect(result.code).toBe(2);
    expect(said(result)).toBe(
      'error: cannot read their-library.yaml: permission denied It belongs to root (the administrator), as happens to a file written with sudo: make it yours with `sudo chown nobody their-library.yaml`, or ask for a copy you may read. ',
    );
  });

  it.skipIf(user?.uid === undefined)('says that a store in another account’s closed folder is out of reach, not to chmod a file that is not there', () => {
    const theirs = join(home, 'theirs');
    mkdirSync(theirs, { mode: 0o700 });
    const store = join(theirs, 'itb');
    for (const args of [['buckets'], ['settings', 'side', 'left']]) {
      const result = itb(args, store);
      expect(result.code, args.join(' ')).toBe(2);
      expect(said(result), args.join(' ')).toContain(`${theirs} belongs to root (the administrator) and may not be opened by you: point ITB_HOME at a folder of yours.`);
      expect(said(result), args.join(' ')).not.toContain('chmod');
    }
  });
});
