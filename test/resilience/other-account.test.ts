// A store left to another account — root's, most often, after `sudo itb session` made the store
// folder or the store — met by the built binary as the person's own account meets it: every
// command stops with exit 2, says whose the files are and how to make them yours again, never
// that there is no store, and the store keeps its bytes. Done as the hint says, itb works again.
// Root may read and write anything, so this runs as root and the binary as the account "nobody";
// elsewhere (or where that account cannot reach the binary) it is skipped.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lchownSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Random, requireBuild, SEED, sessionsFor, STACK_LINE, tempFolder, writeExport } from '../fixtures/resilience.js';
import { Store } from '../../src/store/store.js';

const NOBODY = { uid: 65534, gid: 65534 };

const canSwitch =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync(process.execPath, [BIN, '--version'], { ...NOBODY, cwd: '/', encoding: 'utf8' }).status === 0;

let scratch: ReturnType<typeof tempFolder>;
let seeded: Buffer;
/** A backup the account "nobody" may read. */
let backup: string;

beforeAll(async () => {
  requireBuild();
  scratch = tempFolder('itb-other-account-');
  // The account the binary runs as must reach the folders inside.
  chmodSync(scratch.path, 0o755);
  const home = join(scratch.path, 'seed');
  await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(...sessionsFor('kept', 3, new Random(SEED))));
  seeded = readFileSync(join(home, 'store.json'));
  backup = join(scratch.path, 'backup.json');
  await writeExport(backup, sessionsFor('backup', 2, new Random(SEED)));
  chmodSync(backup, 0o644);
});
afterAll(() => scratch?.remove());

/** The binary run as "nobody", with its store in `home`. */
function itb(args: string[], home: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    ...NOBODY,
    cwd: '/',
    env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.replace(/\s+/g, ' ').trim() };
}

/** Does what the hint's `sudo chown nobody PATH…` says (this test runs as root). */
function followChown(stderr: string): string[] {
  const asked = /`sudo chown nobody ([^`]+)`/.exec(stderr);
  expect(asked, stderr).not.toBeNull();
  const paths = asked![1]!.split(' ');
  for (const path of paths) chownSync(path, NOBODY.uid, NOBODY.gid);
  return paths;
}

describe.skipIf(!canSwitch)('a store you may not open', () => {
  it('in a folder that root made, as after `sudo itb`, and of root itself: each is named with how to make it yours, never said to hold no store, and itb works again once that is done', () => {
    const home = join(scratch.path, 'after-sudo');
    mkdirSync(home, { mode: 0o700 });
    const file = join(home, 'store.json');
    writeFileSync(file, seeded, { mode: 0o600 });

    for (const args of [['buckets'], ['settings', 'minImprovement', '2'], ['buckets', 'move', 'clamshells', 'avoid']]) {
      const ran = itb(args, home);
      const what = `itb ${args.join(' ')}: ${ran.stderr}`;
      expect(ran.code, what).toBe(2);
      expect(ran.stderr, what).toMatch(new RegExp(`^error: the itb store ${file} cannot be (read|locked for saving)`));
      expect(ran.stderr, what).toContain(`${home} belongs to root (the administrator), not to you, as happens when itb is run with sudo`);
      expect(ran.stderr, what).toContain(`\`sudo chown nobody ${home}\``);
      expect(ran.stderr, what).not.toContain('There is no store there yet');
      expect(ran.stderr, what).not.toMatch(STACK_LINE);
    }
    expect(readFileSync(file).equals(seeded)).toBe(true);

    // The folder made yours, the store itself is still root's: named next, the same way.
    expect(followChown(itb(['buckets'], home).stderr)).toEqual([home]);
    const next = itb(['buckets', 'move', 'clamshells', 'avoid'], home);
    expect(next.code, next.stderr).toBe(2);
    expect(next.stderr).toContain(`${file} belongs to root (the administrator), not to you`);
    expect(followChown(next.stderr)).toEqual([file]);
    expect(readFileSync(file).equals(seeded)).toBe(true);

    const moved = itb(['buckets', 'move', 'clamshells', 'avoid'], home);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toContain('Moved Clamshells to avoid for now');
    // Nothing was lost on the way.
    expect(Store.open({ ITB_HOME: home }).read().sessions.map((session) => session.id)).toEqual(['kept-0', 'kept-1', 'kept-2']);
  });

  it('in a folder of root that others may open: the folder and the store are named in one command, and the data is said to be there', () => {
    const home = join(scratch.path, 'shared-folder');
    mkdirSync(home);
    // Set apart from mkdir, whose mode a umask such as 077 would cut down to a private folder.
    chmodSync(home, 0o755);
    const file = join(home, 'store.json');
    writeFileSync(file, seeded, { mode: 0o600 });
    const ran = itb(['buckets', 'move', 'clamshells', 'avoid'], home);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`Your earlier data is still there. ${home} and ${file} belong to root`);
    expect(followChown(ran.stderr)).toEqual([home, file]);
    expect(itb(['buckets', 'move', 'clamshells', 'avoid'], home).code).toBe(0);
  });

  it('through a store.json link of yours to a file in a folder of root: the folder saves go to is named, and doing as said works', () => {
    const elsewhere = join(scratch.path, 'root-folder');
    mkdirSync(elsewhere);
    chmodSync(elsewhere, 0o755);
    const target = join(elsewhere, 'store.json');
    writeFileSync(target, seeded, { mode: 0o644 });
    const home = join(scratch.path, 'linked');
    mkdirSync(home, { mode: 0o700 });
    const file = join(home, 'store.json');
    symlinkSync(target, file);
    chownSync(home, NOBODY.uid, NOBODY.gid);
    lchownSync(file, NOBODY.uid, NOBODY.gid);
    const ran = itb(['buckets', 'move', 'clamshells', 'avoid'], home);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`Your earlier data is still there. ${elsewhere} and ${target} belong to root`);
    expect(ran.stderr).not.toMatch(STACK_LINE);
    expect(readFileSync(target).equals(seeded)).toBe(true);
    expect(followChown(ran.stderr)).toEqual([elsewhere, target]);
    const moved = itb(['buckets', 'move', 'clamshells', 'avoid'], home);
    expect(moved.code, moved.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: home }).read().sessions.map((session) => session.id)).toEqual(['kept-0', 'kept-1', 'kept-2']);
  });

  it('in a folder whose name has spaces and letters beyond ASCII: each command the hints give works typed in a shell as it is', () => {
    const home = join(scratch.path, 'Mes données à moi');
    mkdirSync(home, { mode: 0o700 });
    const file = join(home, 'store.json');
    writeFileSync(file, seeded, { mode: 0o600 });
    /** The command in backquotes right after `before` in the hint, run by a shell as `as` (root when not given). */
    const follow = (stderr: string, before: string, as: { uid: number; gid: number } | object = {}) => {
      const command = new RegExp(`${before}\`(?:sudo )?([^\`]+)\``).exec(stderr)?.[1];
      expect(command, stderr).toBeDefined();
      expect(spawnSync('sh', ['-c', command!], { ...as, encoding: 'utf8' }).status, command).toBe(0);
      return command;
    };

    // Root's folder, then root's store in it.
    expect(follow(itb(['buckets'], home).stderr, 'yours again with ')).toBe(`chown nobody '${home}'`);
    expect(follow(itb(['buckets'], home).stderr, 'yours again with ')).toBe(`chown nobody '${file}'`);
    // Made unreadable by its owner.
    chmodSync(file, 0o000);
    const unreadable = itb(['buckets'], home);
    expect(unreadable.code).toBe(2);
    expect(follow(unreadable.stderr, 'readable by you again \\(', NOBODY)).toBe(`chmod u+rw '${file}'`);
    // Its folder made read-only by its owner.
    chmodSync(home, 0o500);
    const readOnly = itb(['buckets', 'move', 'clamshells', 'avoid'], home);
    expect(readOnly.code).toBe(2);
    expect(follow(readOnly.stderr, 'make it writable \\(', NOBODY)).toBe(`chmod u+w '${home}'`);

    const moved = itb(['buckets', 'move', 'clamshells', 'avoid'], home);
    expect(moved.code, moved.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: home }).read().sessions.map((session) => session.id)).toEqual(['kept-0', 'kept-1', 'kept-2']);
  });

  it('of your own, made unreadable: the hint says how to read it again, and that works', () => {
    const home = join(scratch.path, 'unreadable');
    mkdirSync(home, { mode: 0o700 });
    const file = join(home, 'store.json');
    writeFileSync(file, seeded, { mode: 0o000 });
    chownSync(home, NOBODY.uid, NOBODY.gid);
    chownSync(file, NOBODY.uid, NOBODY.gid);
    const ran = itb(['buckets'], home);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`Make the file readable by you again (\`chmod u+rw ${file}\`)`);
    chmodSync(file, 0o600);
    expect(readFileSync(file).equals(seeded)).toBe(true);
    expect(itb(['buckets'], home).code).toBe(0);
  });

  it('of your own, in a folder made 600 with all in it, folders too: the outer folder is named first, then the one in it, and that works', () => {
    const outer = join(scratch.path, 'closed outer');
    const home = join(outer, 'itb');
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const file = join(home, 'store.json');
    writeFileSync(file, seeded, { mode: 0o600 });
    for (const path of [outer, home, file]) chownSync(path, NOBODY.uid, NOBODY.gid);
    chmodSync(home, 0o600);
    chmodSync(outer, 0o600);
    // From the outside in: nothing inside a closed folder can be looked at, so it goes first.
    for (const folder of [outer, home]) {
      const ran = itb(['buckets'], home);
      expect(ran.code, ran.stderr).toBe(2);
      const command = /`(chmod [^`]+)`/.exec(ran.stderr)?.[1];
      expect(command, ran.stderr).toBe(`chmod u+rwx '${folder}'`);
      expect(spawnSync('sh', ['-c', command!], NOBODY).status, command).toBe(0);
    }
    expect(itb(['buckets'], home).code).toBe(0);
  });

  it('of your own, in a folder made 600 with its files (`chmod -R 600`): the folder is named with how to open it again, not the file, and that works', () => {
    const home = join(scratch.path, 'closed folder');
    mkdirSync(home, { mode: 0o700 });
    const file = join(home, 'store.json');
    writeFileSync(file, seeded, { mode: 0o600 });
    chownSync(home, NOBODY.uid, NOBODY.gid);
    chownSync(file, NOBODY.uid, NOBODY.gid);
    chmodSync(home, 0o600);
    // A read, and a save, which finds it cannot take its lock there.
    for (const args of [['buckets'], ['import', backup]]) {
      const ran = itb(args, home);
      const what = `itb ${args.join(' ')}: ${ran.stderr}`;
      expect(ran.code, what).toBe(2);
      expect(ran.stderr, what).toContain(`Nothing was changed. ${home} may not be opened: make it open to you again (\`chmod u+rwx '${home}'\`), then try again.`);
      expect(ran.stderr, what).not.toContain('chmod u+rw ');
    }
    // As the hint says, typed in a shell as it is.
    const command = /`(chmod [^`]+)`/.exec(itb(['buckets'], home).stderr)![1]!;
    expect(spawnSync('sh', ['-c', command], NOBODY).status, command).toBe(0);
    expect(readFileSync(file).equals(seeded)).toBe(true);
    const imported = itb(['import', backup], home);
    expect(imported.code, imported.stderr).toBe(0);
  });
});
