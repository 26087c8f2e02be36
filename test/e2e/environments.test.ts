// The built binary in the places people run it other than a plain terminal: messages piped into a
// reader that stops early, an account without a home folder, and more.
// Needs `npm run build` first (`npm test` does it).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/itb.js');
const fixtures = join(root, 'test/fixtures/libraries');

let home: string;
let cleanup: () => void;
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  ({ home, cleanup } = tempHome());
});
afterAll(() => cleanup?.());

/** Runs the binary with its messages (stderr) going into a pipe that is closed before it starts. */
function withMessagesUnread(args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.destroy();
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('messages piped into a reader that has stopped (2>&1 | head)', () => {
  it('keep the exit code of what went wrong: 2 for a usage error or a bad library, not 1 for a crash', async () => {
    expect(await withMessagesUnread(['bogus'])).toBe(2);
    expect(await withMessagesUnread(['exercises', 'no-such-drill'])).toBe(2);
    expect(await withMessagesUnread(['validate', join(fixtures, 'many-problems.yaml')])).toBe(2);
  });

  it('keep exit 0 when all went well', async () => {
    expect(await withMessagesUnread(['settings', 'side', 'left'])).toBe(0);
  });
});

/**
 * A user id the system knows no account for, to run the binary as, as a container started with
 * a user id of its own does: only root may, on Linux. Undefined when there is none to use.
 */
function unknownAccount(): number | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  for (let uid = 54321; uid < 54400; uid++) {
    // getent exits 2 for an id no account has.
    if (spawnSync('getent', ['passwd', String(uid)]).status !== 2) continue;
    const tried = spawnSync(process.execPath, [bin, '--version'], { uid, gid: uid, cwd: '/' });
    return tried.status === 0 ? uid : undefined;
  }
  return undefined;
}

describe('an account with no home folder: HOME unset, and none known to the system', () => {
  const uid = unknownAccount();
  const homeless = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [bin, ...args], {
      uid,
      gid: uid,
      cwd: '/',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  /** A folder of the temporary home that the account may write to. */
  const folderFor = (name: string) => {
    // The account may pass through the home (made private) to its folder there.
    chmodSync(home, 0o711);
    const folder = join(home, name);
    mkdirSync(folder);
    chownSync(folder, uid!, uid!);
    return folder;
  };

  it.runIf(uid !== undefined)('is told it has no home folder for its data, and how to give one', () => {
    const result = homeless(['settings', 'side', 'left']);
    expect(result.stderr).toBe(
      'error: cannot find your home folder, where itb keeps your data: HOME is not set, and the system knows of no home folder for this account\n' +
        'Set HOME, or point ITB_HOME at the folder to keep your data in.\n',
    );
    expect(result.code).toBe(2);
  });

  it.runIf(uid !== undefined)('saves with ITB_HOME, or XDG_CONFIG_HOME, as it is told to', () => {
    const itbHome = folderFor('itb-home');
    const saved = homeless(['settings', 'side', 'left'], { ITB_HOME: itbHome });
    expect(saved.stderr).toBe('side: not set → left\n');
    expect(saved.code).toBe(0);
    expect(JSON.parse(readFileSync(join(itbHome, 'store.json'), 'utf8')).settings.side).toBe('left');

    const config = folderFor('config');
    expect(homeless(['settings', 'symptom', 'pain'], { XDG_CONFIG_HOME: config }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(config, 'itb-nodejs', 'store.json'), 'utf8')).settings.symptom).toBe('pain');
  });
});

describe('started in a folder deleted since (made anew, perhaps, by another window)', () => {
  /** Runs the binary from a folder removed just before it starts, as a shell left standing in it does. */
  const fromGoneFolder = (args: string[], env: Record<string, string> = {}) => {
    const folder = join(home, 'gone');
    mkdirSync(folder);
    const result = spawnSync('sh', ['-c', 'cd "$0" && rmdir "$0" && exec "$@"', folder, process.execPath, bin, ...args], {
      env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1', ...env },
      encoding: 'utf8',
    });
    return { code: result.status, stderr: result.stderr };
  };
  const gone = 'the folder you are in no longer exists (it was deleted or moved)';

  it('says so for a file named from it, rather than "file not found" or "the folder . does not exist"', () => {
    expect(fromGoneFolder(['validate', 'my-library.yaml'])).toEqual({ code: 2, stderr: expect.stringMatching(`^error: cannot read my-library.yaml: ${escaped(gone)}\n`) });
    expect(fromGoneFolder(['import', 'backup.json'])).toEqual({ code: 2, stderr: expect.stringMatching(`^error: cannot read backup.json: ${escaped(gone)}\n`) });
    expect(fromGoneFolder(['export', '-o', 'report.html'])).toEqual({
      code: 2,
      stderr: `error: cannot write report.html: ${gone}\nGo to a folder that exists (cd), or give -o a full path.\n`,
    });
  });

  it('says so for an ITB_HOME named from it, rather than an unexpected error', () => {
    for (const args of [['buckets'], ['settings', 'side', 'left']]) {
      expect(fromGoneFolder(args, { ITB_HOME: 'itb-data' })).toEqual({ code: 2, stderr: `error: ${gone}\nGo to a folder that exists (cd) and run the command again.\n` });
    }
  });

  it('leaves alone what names no file from it', () => {
    expect(fromGoneFolder(['exercises', 'clamshells'])).toEqual({ code: 0, stderr: '' });
    // A full path does not depend on the folder: a missing file is simply not found, and a report is written.
    const missing = join(home, 'missing.yaml');
    expect(fromGoneFolder(['validate', missing])).toEqual({ code: 2, stderr: expect.stringMatching(`^error: cannot read ${missing}: file not found\n`) });
    const report = join(home, 'report.md');
    expect(fromGoneFolder(['export', '-o', report])).toEqual({ code: 0, stderr: expect.stringContaining(`Wrote ${report}`) });
    expect(existsSync(report)).toBe(true);
  });
});

function escaped(text: string): string {
  return text.replace(/[()]/g, '\\$&');
}
