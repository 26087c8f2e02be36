// While a session runs (in another window, or paused with Ctrl-Z), the commands that change the
// buckets, the history or the settings are refused and change nothing: the session's summary
// compares the buckets as it began with what it saves, and would contradict itself. Commands that
// only show the store still run.
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDateTime } from '../../src/core/history.js';
import { privateLockFs } from '../../src/store/lock-folder.js';
import { lockedFile } from '../../src/store/lock-place.js';
import { acquireSessionLock } from '../../src/store/session-lock.js';
import { Store } from '../../src/store/store.js';
import { backupHomes } from '../helpers/backup-homes.js';
import { run, tempHome } from '../helpers/run.js';
import type { Answer } from '../helpers/scripted.js';
import { setUpFlags } from '../helpers/sessions.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
let source: ReturnType<typeof tempHome>;
let target: ReturnType<typeof tempHome>;
let backup: string;
let release: (() => Promise<void>) | undefined;

// The store a session is open on: one drill moved to rehab by hand, so that a reset has work to do.
beforeEach(async () => {
  ({ source, target, backup } = await backupHomes(NOW));
  expect((await run(['buckets', 'move', 'lateral-ankle-tilts', 'rehab'], { home: target.home, now: NOW })).code).toBe(0);
});
afterEach(async () => {
  await release?.();
  release = undefined;
  source.cleanup();
  target.cleanup();
});

const file = () => join(target.home, 'store.json');
const lock = () => join(target.home, 'session.lock');
/** stderr as one line, as a wide terminal shows it. */
const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ');
const openSession = async () => (release = await acquireSessionLock(file()));

const changes: [string, string[]][] = [
  ['buckets reset --force', ['buckets', 'reset', '--force']],
  ['buckets move', ['buckets', 'move', 'lateral-ankle-tilts', 'avoid', '--note', 'sore']],
  ['import', ['import', '<backup>']],
  ['settings (a threshold)', ['settings', 'minImprovement', '3']],
  ['settings (a default answer)', ['settings', 'side', 'right']],
];

describe('while a session is open on the store', () => {
  it.each(changes)('itb %s is refused, says why and what to do, and changes nothing', async (_name, args) => {
    await openSession();
    const before = readFileSync(file());
    const result = await run(args.map((arg) => (arg === '<backup>' ? backup : arg)), { home: target.home, now: NOW });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toBe(
      `error: an itb session is open (since ${localDateTime(statSync(lock()).birthtime)}), in another window or paused with Ctrl-Z: your buckets, history and settings cannot be changed while it runs ` +
        'Nothing was changed. Finish that session, or stop it with Ctrl-C in its window (type fg there first if it is paused), then try again. ' +
        'If no session is open (one closed abruptly counts as open for 10 seconds), wait 10 seconds and try again. ',
    );
    expect(readFileSync(file()).equals(before)).toBe(true);
    expect(result.stdout).toBe('');
  });

  it('itb buckets reset is refused before it asks, not after the answer', async () => {
    await openSession();
    const before = readFileSync(file());
    const result = await run(['buckets', 'reset'], { home: target.home, now: NOW, tty: true, answers: [true] });
    expect(result.code).toBe(2);
    expect(result.prompter.asked).toEqual([]);
    expect(result.stderr).toContain('cannot be changed while it runs');
    expect(readFileSync(file()).equals(before)).toBe(true);
  });

  it('the commands that only show the store still run', async () => {
    await openSession();
    const before = readFileSync(file());
    for (const args of [['history'], ['buckets'], ['buckets', '--json'], ['export', '-o', join(target.home, 'report.md')], ['exercises'], ['settings'], ['import', backup, '--dry-run']]) {
      const result = await run(args, { home: target.home, now: NOW });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stderr, args.join(' ')).not.toContain('session is open');
    }
    expect(readFileSync(file()).equals(before)).toBe(true);
  });

  it('the same change goes through once the session has ended', async () => {
    await openSession();
    expect((await run(['buckets', 'reset', '--force'], { home: target.home, now: NOW })).code).toBe(2);
    await release!();
    release = undefined;
    const result = await run(['buckets', 'reset', '--force'], { home: target.home, now: NOW });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Emptied rehab (1 drill): every drill is untested again.');
  });

  it.each(changes)('itb %s goes through when the lock was left more than 10 seconds ago (a session closed abruptly, or paused with Ctrl-Z), clearing it before it saves', async (_name, args) => {
    mkdirSync(lock(), { mode: 0o700 });
    const longAgo = new Date(Date.now() - 11_000);
    utimesSync(lock(), longAgo, longAgo);
    const before = readFileSync(file());
    // Gone before the save: a paused session brought back finds it lost, and stops; a second
    // change or a session beginning meanwhile finds no session open.
    const openWhileSaving: boolean[] = [];
    const update = Store.prototype.update;
    const spy = vi.spyOn(Store.prototype, 'update').mockImplementation(function (this: Store, mutate, options) {
      return update.call(this, (data) => (openWhileSaving.push(existsSync(lock())), mutate(data)), options);
    });
    try {
      const result = await run(args.map((arg) => (arg === '<backup>' ? backup : arg)), { home: target.home, now: NOW });
      expect(result.code, result.stderr).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(openWhileSaving).toEqual([false]);
    expect(readFileSync(file()).equals(before)).toBe(false);
    expect(existsSync(lock())).toBe(false);
  });

  it('is refused too when the session begins while the change waits for another itb to finish saving', async () => {
    // Another itb is saving; the reset waits for it, with no session open as it starts.
    let held: (() => void) | undefined = lockfile.lockSync(lockedFile(file()), { realpath: false, stale: 5000, fs: privateLockFs });
    const tries = vi.spyOn(lockfile, 'lock');
    try {
      const reset = run(['buckets', 'reset', '--force'], { home: target.home, now: NOW });
      await vi.waitFor(() => expect(tries).toHaveBeenCalled());
      // Only now does a session begin, before the reset could save.
      await openSession();
      const before = readFileSync(file());
      held();
      held = undefined;
      const result = await reset;
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('cannot be changed while it runs');
      expect(readFileSync(file()).equals(before)).toBe(true);
    } finally {
      held?.();
      tries.mockRestore();
    }
  });
});

describe('a session that begins just after another window changed the store', () => {
  it('starts from the store as changed, so its summary agrees with itself', async () => {
    // The reset is saved after the session read the store, just before it took its lock.
    const lockSession = Store.prototype.lockSession;
    const spy = vi.spyOn(Store.prototype, 'lockSession').mockImplementation(async function (this: Store, onLost) {
      expect((await run(['buckets', 'reset', '--force'], { home: target.home, now: NOW })).code).toBe(0);
      return lockSession.call(this, onLost);
    });
    try {
      // Lateral ankle tilts helps (6 → 4), then the session stops.
      const answers: Answer[] = [false, false, false, false, false, false, 6, 'done', 4, 'stop'];
      const result = await run(['session', 'joint-chain', ...setUpFlags], { home: target.home, now: NOW, tty: true, answers });
      expect(result.code).toBe(0);
      const closing = result.stdout.slice(result.stdout.indexOf('Bucket changes'));
      expect(closing).toMatch(/Lateral ankle tilts: untested → rehab/);
      // Its verdict, as it is given, says where the drill stood after the reset, not before it.
      expect(result.stdout.replace(/\s+/g, ' ')).toContain('Lateral ankle tilts goes into your rehab bucket');
      expect(result.stdout).not.toContain('moved to rehab by hand');
    } finally {
      spy.mockRestore();
    }
  });
});
