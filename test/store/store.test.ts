import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/records.js';
import { UserError } from '../../src/errors.js';
import { emptyStore, Store, StoreBusy, StoreError, storeFile } from '../../src/store/store.js';
import { reason, writeHint } from '../../src/store/store-errors.js';
import { sampleSession } from '../fixtures/sample-session.js';
import { newStoreHome, saveAsAnotherItb } from '../helpers/store-home.js';
import { caught } from '../helpers/caught.js';

let root: string;
let home: string;
let file: string;
const env = () => ({ ITB_HOME: home });

beforeEach(() => {
  ({ root, home, file } = newStoreHome('itb-store-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('storeFile', () => {
  it('puts the store in ITB_HOME when set', () => {
    expect(storeFile({ ITB_HOME: '/some/where' })).toBe('/some/where/store.json');
  });

  it('reads a ~ leading ITB_HOME as the home folder, as the shell does when it is not quoted', () => {
    expect(storeFile({ ITB_HOME: '~/itb', HOME: '/home/sam' })).toBe('/home/sam/itb/store.json');
    expect(storeFile({ ITB_HOME: '~', HOME: '/home/sam' })).toBe('/home/sam/store.json');
    // Only a ~ on its own or before a slash: a ~ further on is a name like any other.
    expect(storeFile({ ITB_HOME: '/data/~/itb', HOME: '/home/sam' })).toBe('/data/~/itb/store.json');
    // ~sam is no folder here: the shell left it, in quotes, rather than a folder to make (see unreplaced-tilde.test.ts).
    expect(() => storeFile({ ITB_HOME: '~sam', HOME: '/home/sam' })).toThrow(`ITB_HOME is ~sam, but there is no folder ~sam in ${process.cwd()}`);
  });

  it('takes an empty ITB_HOME as not set, not as the folder itb is started from', () => {
    const { ITB_HOME: _ignored, ...rest } = process.env;
    expect(storeFile({ ...rest, ITB_HOME: '' })).toBe(storeFile(rest));
  });

  it('takes a relative ITB_HOME from the folder itb is started from, as a full path', () => {
    expect(storeFile({ ITB_HOME: 'my-itb' })).toBe(join(process.cwd(), 'my-itb', 'store.json'));
    expect(storeFile({ ITB_HOME: './a/../b' })).toBe(join(process.cwd(), 'b', 'store.json'));
  });

  it('otherwise uses the folder conf uses for the project itb', () => {
    const { ITB_HOME: _ignored, ...rest } = process.env;
    expect(storeFile(rest)).toBe(join(envPaths('itb', { suffix: 'nodejs' }).config, 'store.json'));
  });

  it.skipIf(process.platform !== 'linux')('takes XDG_CONFIG_HOME when it is a full path, and passes over a relative one, which names no one place', () => {
    expect(storeFile({ XDG_CONFIG_HOME: '/srv/config' })).toBe('/srv/config/itb-nodejs/store.json');
    for (const relative of ['config', './config', '~/.config']) {
      expect(storeFile({ XDG_CONFIG_HOME: relative }), relative).toBe(join(homedir(), '.config', 'itb-nodejs', 'store.json'));
    }
  });
});

describe('an empty or relative HOME', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const account = () => userInfo().homedir;

  it.skipIf(process.platform !== 'linux')('puts the store in the home folder the system knows, not under the folder itb is started from', () => {
    for (const given of ['', 'relative', './home']) {
      vi.stubEnv('HOME', given);
      expect(storeFile({ HOME: given }), given).toBe(join(account(), '.config', 'itb-nodejs', 'store.json'));
      expect(storeFile({ HOME: given, ITB_HOME: '~/itb' }), given).toBe(join(account(), 'itb', 'store.json'));
    }
  });
});

describe('a store with no file yet', () => {
  it('opens and reads as the empty store without creating anything', () => {
    const store = Store.open(env());
    expect(store.path).toBe(file);
    expect(store.read()).toEqual(emptyStore());
    expect(existsSync(home)).toBe(false);
  });

  it('reads an empty object as the empty store', () => {
    mkdirSync(home);
    writeFileSync(file, '{}');
    expect(Store.open(env()).read()).toEqual(emptyStore());
  });

  it('reads a store of version 1 as it is, leaves the file alone, and writes the current version with the next save', async () => {
    mkdirSync(home);
    const session = sampleSession('s1');
    const versionOne = `${JSON.stringify({ ...emptyStore(), schemaVersion: 1, sessions: [session] })}\n`;
    writeFileSync(file, versionOne);
    const store = Store.open(env());
    expect(store.read()).toEqual({ ...emptyStore(), sessions: [session] });
    expect(readFileSync(file, 'utf8')).toBe(versionOne);
    await store.update((data) => void data.sessions.push(sampleSession('s2')));
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number; sessions: { id: string }[] };
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
    expect(saved.sessions.map((session) => session.id)).toEqual(['s1', 's2']);
  });
});

describe('update', () => {
  it('creates the folder 0700 and the file 0600, and saves what mutate did', async () => {
    const store = Store.open(env());
    const written = await store.update((data) => {
      data.sessions.push(sampleSession('s1'));
      data.settings.flareRise = 4;
    });
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(written.sessions.map((session) => session.id)).toEqual(['s1']);
    expect(store.read()).toEqual(written);
    // The file holds exactly the store: nothing of conf's own, nothing left beside it but the
    // fingerprint of what was checked and written, and the summary of it for `itb buckets`.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(written);
    expect(readdirSync(home).sort()).toEqual(['store.json', 'store.json.checked', 'store.json.summary']);
    expect(statSync(`${file}.checked`).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}.summary`).mode & 0o777).toBe(0o600);
  });

  it('keeps its lock folder private (0700) while it saves', async () => {
    let lockMode: number | undefined;
    await Store.open(env()).update(() => {
      lockMode = statSync(`${file}.lock`).mode & 0o777;
    });
    expect(lockMode).toBe(0o700);
  });

  it('reports a save as done when the lock cannot be taken away after it (a sync tool put a file in its place): the lock goes stale on its own', async () => {
    const store = Store.open(env());
    const saved = await store.update((data) => {
      rmSync(`${file}.lock`, { recursive: true });
      writeFileSync(`${file}.lock`, 'synced');
      data.sessions.push(sampleSession('s1'));
    });
    expect(saved.sessions.map((session) => session.id)).toEqual(['s1']);
    expect(Store.open(env()).read().sessions.map((session) => session.id)).toEqual(['s1']);
  });

  it('saves the value mutate returns', async () => {
    const store = Store.open(env());
    await store.update((data) => ({ ...data, moves: [{ exerciseId: 'hip-cars', bucket: 'avoid', at: '2024-05-01T09:00:00.000Z' }] }));
    expect(Store.open(env()).read().moves).toEqual([{ exerciseId: 'hip-cars', bucket: 'avoid', at: '2024-05-01T09:00:00.000Z' }]);
  });

  it('re-reads the file, so changes saved by another itb are kept', async () => {
    const mine = Store.open(env());
    const theirs = Store.open(env());
    await mine.update((data) => void data.sessions.push(sampleSession('mine-1')));
    await theirs.update((data) => void data.sessions.push(sampleSession('theirs-1')));
    await mine.update((data) => void data.sessions.push(sampleSession('mine-2')));
    expect(mine.read().sessions.map((session) => session.id)).toEqual(['mine-1', 'theirs-1', 'mine-2']);
  });

  it('loses nothing when updates of one process overlap', async () => {
    const stores = [Store.open(env()), Store.open(env())];
    const ids = Array.from({ length: 12 }, (_, index) => `s${index}`);
    await Promise.all(ids.map((id, index) => stores[index % 2]!.update((data) => void data.sessions.push(sampleSession(id)))));
    expect(new Set(stores[0]!.read().sessions.map((session) => session.id))).toEqual(new Set(ids));
  });

  it('starts again, rather than write over it, when another itb saved while this one stalled', async () => {
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    // As if this process had stalled past the lock's stale time: another itb took the lock over
    // and saved its own change (a new file in place) while this update was under way.
    let calls = 0;
    const saved = await store.update((data) => {
      calls++;
      if (calls === 1) {
        const theirs = { ...JSON.parse(readFileSync(file, 'utf8')), settings: { ...data.settings, flareRise: 5 } };
        writeFileSync(`${file}.theirs`, JSON.stringify(theirs));
        renameSync(`${file}.theirs`, file);
      }
      data.sessions.push(sampleSession('s2'));
    });
    expect(calls).toBe(2);
    expect(saved.settings.flareRise).toBe(5);
    const after = Store.open(env()).read();
    expect(after.settings.flareRise).toBe(5);
    expect(after.sessions.map((session) => session.id)).toEqual(['s1', 's2']);
  });

  it('gives up as busy, keeping every save of the others, when other itb processes save each time it tries', async () => {
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    let calls = 0;
    const error = await caught(() =>
      store.update((data) => {
        calls++;
        const theirs = { ...JSON.parse(readFileSync(file, 'utf8')), settings: { ...data.settings, flareRise: calls + 2 } };
        writeFileSync(`${file}.theirs`, JSON.stringify(theirs));
        renameSync(`${file}.theirs`, file);
        data.sessions.push(sampleSession('s2'));
      }),
    );
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(StoreBusy);
    expect((error as StoreBusy).message).toBe(`the itb store ${file} is busy: other itb processes kept changing it`);
    expect((error as StoreBusy).hint).toMatch(/^Nothing was changed\. /);
    const after = Store.open(env()).read();
    expect(after.settings.flareRise).toBe(5);
    expect(after.sessions.map((session) => session.id)).toEqual(['s1']);
  });

  it('gives back the sessions it wrote frozen, so that none is changed in place behind its back', async () => {
    const store = Store.open(env());
    const saved = await store.update((data) => void data.sessions.push(sampleSession('s1')));
    expect(Object.isFrozen(saved.sessions[0])).toBe(true);
    expect(() => Object.assign(saved.sessions[0]!, { status: 'interrupted' })).toThrow(TypeError);
    expect(Store.open(env()).read().sessions[0]!.status).toBe(sampleSession('s1').status);
  });

  it('notes, for the save that found it only, a file removed or replaced since its last save, and keeps its data when removed', async () => {
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('earlier')));
    const store = Store.open(env());
    const ids = () => store.read().sessions.map((session) => session.id);
    // Its first save finds the file as another itb left it: nothing happened to it.
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    expect(store.changedOutside).toBeUndefined();
    rmSync(file);
    await store.update((data) => void data.sessions.push(sampleSession('s2')));
    expect(store.changedOutside).toBe('removed');
    expect(ids()).toEqual(['earlier', 's1', 's2']);
    await store.update((data) => void data.sessions.push(sampleSession('s3')));
    expect(store.changedOutside).toBeUndefined();
    saveAsAnotherItb(file);
    await store.update((data) => void data.sessions.push(sampleSession('s4')));
    expect(store.changedOutside).toBe('replaced');
    expect(ids()).toEqual(['s4']);
    await store.update((data) => void data.sessions.push(sampleSession('s5')));
    expect(store.changedOutside).toBeUndefined();
  });

  it('starts again too when the other save is just as long and dated the same (a disk that keeps times to the second)', async () => {
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    const second = 1_700_000_000;
    utimesSync(file, second, second);
    let calls = 0;
    await store.update((data) => {
      calls++;
      if (calls === 1) {
        // Only the setting's digit differs: the same number of bytes, put in place as a new file.
        const theirs = readFileSync(file, 'utf8').replace('"flareRise":3', '"flareRise":5');
        writeFileSync(`${file}.theirs`, theirs);
        utimesSync(`${file}.theirs`, second, second);
        renameSync(`${file}.theirs`, file);
      }
      data.sessions.push(sampleSession('s2'));
    });
    expect(calls).toBe(2);
    const after = Store.open(env()).read();
    expect(after.settings.flareRise).toBe(5);
    expect(after.sessions.map((session) => session.id)).toEqual(['s1', 's2']);
  });

  it('says at once when a file stands where the lock goes, rather than wait for it', async () => {
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    const before = readFileSync(file);
    writeFileSync(`${file}.lock`, 'not a lock folder');
    utimesSync(`${file}.lock`, new Date('2026-01-01'), new Date('2026-01-01'));
    const error = await caught(() => store.update((data) => void data.sessions.push(sampleSession('s2'))));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(`the itb store ${file} cannot be locked for saving: store.json.lock, a file, is where itb keeps its lock folder`);
    expect((error as StoreError).hint).toBe('Nothing was changed. Move that file away, then try again.');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('names a lock folder left behind with files put in it (by a file manager, say), and leaves them and the store as they were', async () => {
    const store = Store.open(env(), { lockWaitMs: 2000 });
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    const before = readFileSync(file);
    mkdirSync(`${file}.lock`);
    writeFileSync(join(`${file}.lock`, '.DS_Store'), 'not itb\'s');
    utimesSync(`${file}.lock`, new Date('2026-01-01'), new Date('2026-01-01'));
    const error = await caught(() => store.update((data) => void data.sessions.push(sampleSession('s2'))));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(
      `the itb store ${file} cannot be locked for saving: store.json.lock, a lock folder left behind, holds files itb did not put there`,
    );
    expect((error as StoreError).hint).toContain('move that folder away');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(`${file}.lock`)).toEqual(['.DS_Store']);
  });

  it('says at once when a link stands where the lock goes, even one to a folder, and changes nothing', async () => {
    const store = Store.open(env(), { lockWaitMs: 2000 });
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    const before = readFileSync(file);
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, `${file}.lock`);
    const error = await caught(() => store.update((data) => void data.sessions.push(sampleSession('s2'))));
    expect((error as StoreError).message).toBe(`the itb store ${file} cannot be locked for saving: store.json.lock, a file, is where itb keeps its lock folder`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('says so at once for a file just made where the lock goes (by a sync tool, say), not that another itb is saving', async () => {
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    const before = readFileSync(file);
    writeFileSync(`${file}.lock`, 'not a lock folder');
    const said: unknown[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((text) => said.push(text) > 0);
    let error: unknown;
    try {
      error = await caught(() => store.update((data) => void data.sessions.push(sampleSession('s2'))));
    } finally {
      stderr.mockRestore();
    }
    expect((error as StoreError).message).toBe(`the itb store ${file} cannot be locked for saving: store.json.lock, a file, is where itb keeps its lock folder`);
    expect(said).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('names the lock in the way by its name when the store folder is reached through a link, by its path when beside the file a link leads to', async () => {
    const realFolder = join(root, 'real');
    mkdirSync(realFolder);
    symlinkSync(realFolder, home);
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1')));
    writeFileSync(join(realFolder, 'store.json.lock'), 'not a lock folder');
    utimesSync(join(realFolder, 'store.json.lock'), new Date('2026-01-01'), new Date('2026-01-01'));
    const throughFolder = await caught(() => Store.open(env()).update(() => undefined));
    expect((throughFolder as StoreError).message).toBe(`the itb store ${file} cannot be locked for saving: store.json.lock, a file, is where itb keeps its lock folder`);

    const other = join(root, 'other');
    mkdirSync(other);
    symlinkSync(join(realFolder, 'store.json'), join(other, 'store.json'));
    const throughLink = await caught(() => Store.open({ ITB_HOME: other }).update(() => undefined));
    expect((throughLink as StoreError).message).toBe(
      `the itb store ${join(other, 'store.json')} cannot be locked for saving: ${join(realFolder, 'store.json.lock')}, a file, is where itb keeps its lock folder`,
    );
  });

  it('has saves waiting for the lock at once in one process listen for Ctrl-C together, and stop listening once saved', async () => {
    const store = Store.open(env());
    await store.update(() => undefined);
    const before = process.listenerCount('SIGINT');
    // Another itb holds the lock, keeping it fresh.
    mkdirSync(`${file}.lock`);
    const freshen = setInterval(() => utimesSync(`${file}.lock`, new Date(), new Date()), 500);
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const saves = Array.from({ length: 12 }, (_, index) => store.update((data) => void data.sessions.push(sampleSession(`s${index}`))));
      await vi.waitFor(() => expect(process.listenerCount('SIGINT')).toBeGreaterThan(before));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // One listener, not one per save: a dozen would set Node warning of a leak.
      expect(process.listenerCount('SIGINT')).toBe(before + 1);
      clearInterval(freshen);
      rmSync(`${file}.lock`, { recursive: true });
      await Promise.all(saves);
    } finally {
      clearInterval(freshen);
      said.mockRestore();
    }
    expect(process.listenerCount('SIGINT')).toBe(before);
    expect(Store.open(env()).read().sessions).toHaveLength(12);
  });

  it('takes over at once a lock dated in the future, left before the clock was set back', async () => {
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    mkdirSync(`${file}.lock`);
    utimesSync(`${file}.lock`, new Date('2030-01-01'), new Date('2030-01-01'));
    const started = Date.now();
    await store.update((data) => void data.sessions.push(sampleSession('s2')));
    // Not after waiting for it in vain: that wait is 20 seconds, and a slow machine may take a few.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(Store.open(env()).read().sessions.map((session) => session.id)).toEqual(['s1', 's2']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 30_000);

  it('takes over a lock untouched for more than 5 seconds, as left by an itb killed in the middle of a save', async () => {
    const store = Store.open(env(), { lockWaitMs: 2000 });
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    mkdirSync(`${file}.lock`);
    const left = new Date(Date.now() - 8000);
    utimesSync(`${file}.lock`, left, left);
    await store.update((data) => void data.sessions.push(sampleSession('s2')));
    expect(Store.open(env()).read().sessions.map((session) => session.id)).toEqual(['s1', 's2']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('replaces the file whole (a new file renamed into place) even under SNAP, where conf would write over it', async () => {
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1')));
    const before = statSync(file).ino;
    process.env.SNAP = '/snap/node/1';
    try {
      await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s2')));
      // Set again for whatever else runs in this process.
      expect(process.env.SNAP).toBe('/snap/node/1');
    } finally {
      delete process.env.SNAP;
    }
    expect(statSync(file).ino).not.toBe(before);
    expect(Store.open(env()).read().sessions).toHaveLength(2);
  });

  it('keeps the file private even when it was readable by others', async () => {
    mkdirSync(home);
    writeFileSync(file, JSON.stringify(emptyStore()), { mode: 0o644 });
    chmodSync(file, 0o644);
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1')));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves an existing ITB_HOME folder as it is', async () => {
    mkdirSync(home, { mode: 0o755 });
    chmodSync(home, 0o755);
    await Store.open(env()).update(() => undefined);
    expect(statSync(home).mode & 0o777).toBe(0o755);
  });

  it('clears away temporary files left by a write that was cut short, and nothing else', async () => {
    mkdirSync(home);
    writeFileSync(file, validText);
    writeFileSync(`${file}.tmp-1718000000abc123`, validText.slice(0, 40));
    writeFileSync(`${file}.checked.tmp-5f3a9c1b2e4d`, 'itb store');
    writeFileSync(`${file}.summary.tmp-4242-1718000000000-0`, '{"summ');
    writeFileSync(join(home, 'notes.txt'), 'mine');
    await Store.open(env()).update(() => undefined);
    expect(readdirSync(home).sort()).toEqual(['notes.txt', 'store.json', 'store.json.checked', 'store.json.summary']);
  });

  it.skipIf(process.platform === 'win32')('clears those of a store that is a link beside the file it leads to, under that file’s name', async () => {
    mkdirSync(home);
    const elsewhere = join(home, 'synced');
    mkdirSync(elsewhere);
    const real = join(elsewhere, 'itb-data.json');
    writeFileSync(real, validText);
    symlinkSync(real, file);
    writeFileSync(`${real}.tmp-1718000000abc123`, validText.slice(0, 40));
    writeFileSync(join(elsewhere, 'itb-data.json.bak'), 'mine');
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1')));
    expect(readdirSync(elsewhere).sort()).toEqual(['itb-data.json', 'itb-data.json.bak']);
    expect(readlinkSync(file)).toBe(real);
    expect(readdirSync(home).sort()).toEqual(['store.json', 'store.json.checked', 'store.json.summary', 'synced']);
  });

  it('passes on an error thrown by mutate, saving nothing and letting go of the lock', async () => {
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    const before = readFileSync(file);
    const refusal = new UserError('No exercise with the id "nope".');
    expect(await caught(() => store.update(() => { throw refusal; }))).toBe(refusal);
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(home).sort()).toEqual(['store.json', 'store.json.checked', 'store.json.summary']);
  });

  it('refuses to save a store that does not validate, and writes nothing', async () => {
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s1')));
    const before = readFileSync(file);
    const error = await caught(() =>
      store.update((data) => {
        data.settings.minImprovement = 7;
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/settings\.minImprovement/);
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(home).sort()).toEqual(['store.json', 'store.json.checked', 'store.json.summary']);
  });
});

const validText = JSON.stringify({ ...emptyStore(), sessions: [sampleSession('s1')] }, null, '\t');

describe.each([
  ['truncated JSON', validText.slice(0, validText.length / 2), /is cut short/],
  ['JSON cut short within a word', '{"schemaVersion": 1, "bucketsResetAt": nu', /is cut short/],
  ['JSON cut short within a text, then a line end', '{"schemaVersion": 1, "settings": {"movement": "stairs\n', /is cut short/],
  // The two bytes of the é in fléchi, cut after the first.
  ['JSON cut short within a character', Buffer.from('{"schemaVersion": 1, "settings": {"movement": "descente, genou fléchi"}}').subarray(0, 66), /is cut short/],
  ['text that is not JSON', 'not json', /is not valid JSON/],
  ['an empty file', '', /is empty/],
  ['only white space', ' \n', /is empty/],
  ['a list', '[]', /does not hold itb data \(expected a JSON object, found a list\)/],
  ['JSON null', 'null\n', /does not hold itb data \(expected a JSON object, found null\)/],
  ['an object of another program', '{"theme":"dark"}', /has no schemaVersion/],
  [
    'a wrong shape',
    JSON.stringify({ ...emptyStore(), sessions: [{ ...sampleSession('s1'), baseline: 11 }] }),
    /does not have the expected shape: sessions\.0\.baseline: /,
  ],
  ['a newer schemaVersion', JSON.stringify({ ...emptyStore(), schemaVersion: SCHEMA_VERSION + 1 }), /newer itb/],
  [
    // Saved as Latin-1: the é is the lone byte 0xE9, which UTF-8 would read as U+FFFD and a save would keep.
    'bytes that are not UTF-8',
    Buffer.from(JSON.stringify({ ...emptyStore(), settings: { ...emptyStore().settings, movement: 'descente, genou fléchi' } }), 'latin1'),
    /is not UTF-8 text/,
  ],
])('a store file holding %s', (_what, content, problem) => {
  beforeEach(() => {
    mkdirSync(home);
    writeFileSync(file, content, { mode: 0o600 });
  });

  it('is reported by read() and update(), naming the file, and left byte for byte as it was', async () => {
    const before = readFileSync(file);
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update((data) => void data.sessions.push(sampleSession('new')))]) {
      const error = await caught(attempt);
      expect(error).toBeInstanceOf(StoreError);
      const { message, hint, exitCode } = error as StoreError;
      expect(message).toContain(file);
      expect(message).toMatch(problem);
      expect(hint).toMatch(/Nothing was changed/);
      expect(exitCode).toBe(2);
      expect(readFileSync(file)).toEqual(before);
    }
    // The lock was let go and no temporary file was left.
    expect(readdirSync(home)).toEqual(['store.json']);
  });
});

describe('hints for a damaged store', () => {
  it('point to moving the file away, then restoring it from an export (itb import cannot read the damaged file either)', async () => {
    mkdirSync(home);
    writeFileSync(file, 'not json');
    const error = (await caught(() => Store.open(env()).read())) as StoreError;
    expect(error.hint).toMatch(/move the file away.*; then, .*`itb import FILE`/i);
  });

  it('name the place of a slip made editing the store by hand, and say it can be put right there', async () => {
    mkdirSync(home);
    // Saved by an editor with Windows line endings, and a comma too many after flareRise.
    const edited = JSON.stringify({ ...emptyStore(), sessions: [sampleSession('s1')] }, null, 2)
      .replace('"flareRise": 3,', '"flareRise": 3,,')
      .replaceAll('\n', '\r\n');
    writeFileSync(file, edited);
    const line = edited.split('\r\n').findIndex((text) => text.includes(',,')) + 1;
    const col = edited.split('\r\n')[line - 1]!.indexOf(',,') + 2;
    const error = (await caught(() => Store.open(env()).read())) as StoreError;
    expect(error.message).toBe(`the itb store ${file} is not valid JSON at line ${line}, column ${col}: expected a property name in double quotes`);
    expect(error.hint).toMatch(/^Nothing was changed\. If you edited it, put that place right in a text editor and save it again; or move the file away/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    // Put right as the hint says, the store is read again, with what it held.
    writeFileSync(file, edited.replace(',,', ','));
    expect(Store.open(env()).read().sessions.map((session) => session.id)).toEqual(['s1']);
  });

  it('name the place of a slip at the start of a line after the first', async () => {
    mkdirSync(home);
    // A line of a hand edit that lost its opening quote: the slip is at column 1 of line 3.
    const edited = JSON.stringify({ ...emptyStore() }, null, 2).replace('\n  "sessions"', '\nsessions"');
    writeFileSync(file, edited);
    const line = edited.split('\n').findIndex((text) => text.startsWith('sessions"')) + 1;
    expect(line).toBeGreaterThan(1);
    const error = (await caught(() => Store.open(env()).read())) as StoreError;
    expect(error.message).toBe(`the itb store ${file} is not valid JSON at line ${line}, column 1: expected a property name in double quotes`);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('say how to save a store an editor wrote in another encoding as UTF-8', async () => {
    mkdirSync(home);
    writeFileSync(file, Buffer.from(JSON.stringify({ ...emptyStore(), settings: { ...emptyStore().settings, movement: 'descente, genou fléchi' } }), 'latin1'));
    const error = (await caught(() => Store.open(env()).read())) as StoreError;
    expect(error.message).toBe(`the itb store ${file} is not UTF-8 text (an editor may have saved it in another encoding)`);
    expect(error.hint).toBe(
      'Nothing was changed. Open it in an editor and save it as UTF-8, or move it away and restore your data from an export with `itb import FILE`.',
    );
  });

  it('tell the user to update itb for a newer store', async () => {
    mkdirSync(home);
    writeFileSync(file, JSON.stringify({ ...emptyStore(), schemaVersion: SCHEMA_VERSION + 1 }));
    const error = (await caught(() => Store.open(env()).read())) as StoreError;
    expect(error.hint).toMatch(/update itb/i);
  });
});

describe('a store path that is not a readable file', () => {
  it('reports a folder in place of the file, from read() and update()', async () => {
    mkdirSync(file, { recursive: true });
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update(() => undefined)]) {
      const error = await caught(attempt);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toBe(`the itb store ${file} is a folder, not a file`);
      // A folder, not a file, to move away; and the store may be what it holds.
      expect((error as StoreError).hint).toBe(
        'Nothing was changed. Move that folder away (your store file may be inside it: put that in its place); without one, itb starts afresh, and `itb import FILE` restores your data from an export.',
      );
    }
    expect(statSync(file).isDirectory()).toBe(true);
    expect(readdirSync(home)).toEqual(['store.json']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read and leaves it alone', async () => {
    mkdirSync(home);
    writeFileSync(file, validText);
    chmodSync(file, 0o000);
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update(() => undefined)]) {
      const error = await caught(attempt);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toBe(`the itb store ${file} cannot be read: permission denied`);
    }
    chmodSync(file, 0o600);
    expect(readFileSync(file, 'utf8')).toBe(validText);
  });

  it('reports a link to a store that is not there, rather than start a fresh one in its place', async () => {
    mkdirSync(home);
    const target = join(root, 'unplugged-drive', 'store.json');
    symlinkSync(target, file);
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update(() => undefined)]) {
      const error = await caught(attempt);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toBe(`the itb store ${file} is a link to ${target}, which is not there`);
    }
    expect(readlinkSync(file)).toBe(target);
  });

  it('reports a store folder reached through a link to a folder that is not there, rather than show an empty store or make one', async () => {
    const drive = join(root, 'unplugged-drive');
    const link = join(root, 'itb-on-drive');
    symlinkSync(drive, link);
    // ITB_HOME is the link itself, or a folder inside it.
    for (const folder of [link, join(link, 'itb')]) {
      const inside = join(folder, 'store.json');
      const store = Store.open({ ITB_HOME: folder });
      for (const attempt of [() => store.read(), () => store.update(() => undefined)]) {
        const error = await caught(attempt);
        expect(error).toBeInstanceOf(StoreError);
        expect((error as StoreError).message).toBe(`the itb store ${inside} cannot be reached: ${link} is a link to ${drive}, which is not there`);
        expect((error as StoreError).hint).toBe('Nothing was changed. Connect the drive it is on, or point ITB_HOME at the folder that holds your store.');
      }
    }
    expect(readlinkSync(link)).toBe(drive);
    expect(existsSync(drive)).toBe(false);
    // A folder not made yet beyond a link that leads somewhere is a new store, as ever.
    mkdirSync(drive);
    expect(Store.open({ ITB_HOME: join(link, 'itb') }).read()).toEqual(emptyStore());
  });

  it.skipIf(process.platform === 'win32')('reports a named pipe in place of the file at once, rather than wait for a writer', async () => {
    mkdirSync(home);
    execFileSync('mkfifo', [file]);
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update(() => undefined)]) {
      const error = await caught(attempt);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toBe(`the itb store ${file} is a named pipe (FIFO), not a regular file`);
      expect((error as StoreError).hint).toMatch(/^Nothing was changed\./);
    }
    expect(statSync(file).isFIFO()).toBe(true);
    expect(readdirSync(home)).toEqual(['store.json']);
  });

  it.skipIf(process.platform === 'win32')('refuses a save to a link to a pipe before taking a lock beside the pipe, where it may not be made', async () => {
    mkdirSync(home);
    const pipe = join(root, 'pipe');
    execFileSync('mkfifo', [pipe]);
    symlinkSync(pipe, file);
    // What stands where the save's lock would go (as /dev/zero.lock may not be made by a user):
    // the store is named for what it is, not for the lock.
    writeFileSync(`${pipe}.lock`, '');
    const error = (await caught(() => Store.open(env()).update(() => undefined))) as StoreError;
    expect(error.message).toBe(`the itb store ${file} is a named pipe (FIFO), not a regular file`);
    expect(error.hint).toMatch(/^Nothing was changed\. Move it away/);
    expect(readdirSync(home)).toEqual(['store.json']);
  });

  it.skipIf(!existsSync('/dev/zero'))('reports a link to a device, which never ends, without reading it', async () => {
    mkdirSync(home);
    symlinkSync('/dev/zero', file);
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update(() => undefined)]) {
      const error = await caught(attempt);
      expect((error as StoreError).message).toBe(`the itb store ${file} is a device, not a regular file`);
    }
    expect(readlinkSync(file)).toBe('/dev/zero');
    expect(readdirSync(home)).toEqual(['store.json']);
  });

  it('says in words that the store is a link that leads back to itself, or lies behind one', async () => {
    mkdirSync(home);
    symlinkSync(file, file);
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update(() => undefined)]) {
      const error = (await caught(attempt)) as StoreError;
      expect(error.message).toBe(`the itb store ${file} is a link that leads back to itself`);
      expect(error.hint).toBe('Nothing was changed. Point the link at your store file, or point ITB_HOME at the folder that holds your store.');
    }
    expect(readlinkSync(file)).toBe(file);
    const looped = join(root, 'looped');
    symlinkSync(looped, looped);
    const behind = storeFile({ ITB_HOME: looped });
    const error = (await caught(() => Store.open({ ITB_HOME: looped }).read())) as StoreError;
    expect(error.message).toBe(`the itb store ${behind} cannot be read: a link on its path leads back to itself`);
  });

  it('says that a path too long to use is too long, not that a file should be moved away', async () => {
    const long = join(root, 'a'.repeat(5000));
    const longFile = storeFile({ ITB_HOME: long });
    const store = Store.open({ ITB_HOME: long });
    const read = (await caught(() => store.read())) as StoreError;
    expect(read).toBeInstanceOf(StoreError);
    expect(read.message).toBe(`the itb store ${longFile} cannot be read: the path is too long`);
    expect(read.hint).toBe('Nothing was changed. Point ITB_HOME at a folder with a shorter path.');
    const saved = (await caught(() => store.update(() => undefined))) as StoreError;
    expect(saved.message).toBe(`the itb store ${longFile} cannot be saved: its folder cannot be created (the path is too long)`);
    expect(saved.hint).toBe('There is no store there yet, and nothing was saved. Point ITB_HOME at a folder you may write to.');
  });

  it('says that a store too large to be read is not one itb wrote, and leaves it as it is', async () => {
    mkdirSync(home, { recursive: true });
    // Past the longest text Node holds (512 MB), though less than it reads at once (2 GB), and past both.
    for (const size of [600 * 1024 ** 2, 3 * 1024 ** 3]) {
      // Sparse: hundreds of megabytes on paper, nothing on the disk.
      writeFileSync(file, '');
      truncateSync(file, size);
      const store = Store.open(env());
      for (const attempt of [() => store.read(), () => store.update((data) => void data.sessions.push(sampleSession('s1')))]) {
        const error = (await caught(attempt)) as StoreError;
        expect(error).toBeInstanceOf(StoreError);
        expect(error.message).toBe(`the itb store ${file} is too large to be read (over 512 MB): it is not a store itb wrote`);
        expect(error.hint).toContain('Move the file away');
      }
      expect(statSync(file).size).toBe(size);
    }
  });

  it('reads a store made read-only, but does not save over it', async () => {
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1')));
    chmodSync(file, 0o400);
    const before = readFileSync(file);
    const store = Store.open(env());
    expect(store.read().sessions).toHaveLength(1);
    const error = await caught(() => store.update((data) => void data.sessions.push(sampleSession('s2'))));
    expect((error as StoreError).message).toBe(`the itb store ${file} is read-only`);
    // The whole command, with the file it makes writable, in backquotes: kept whole on its line.
    expect((error as StoreError).hint).toBe(`Nothing was changed. Make it writable again to save to it: \`chmod u+w ${file}\`.`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o400);
  });

  it('reads a store an editor saved with a byte order mark', () => {
    mkdirSync(home);
    writeFileSync(file, `\uFEFF${JSON.stringify({ ...emptyStore(), settings: { minImprovement: 2, flareRise: 3, retestAfterDays: 14, movement: 'Treppe hinunter' } })}`);
    expect(Store.open(env()).read().settings.minImprovement).toBe(2);
  });

  it('reports an ITB_HOME set to the store file itself as such, never as a folder with no store yet, and points to its folder', async () => {
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1')));
    const before = readFileSync(file);
    const inside = join(file, 'store.json');
    const store = Store.open({ ITB_HOME: file });
    for (const attempt of [() => store.read(), () => store.update((data) => void data.sessions.push(sampleSession('s2')))]) {
      const error = (await caught(attempt)) as StoreError;
      expect(error).toBeInstanceOf(StoreError);
      expect(error.message).toBe(`the itb store ${inside} cannot be used: ${file} is a file, not a folder`);
      expect(error.hint).toBe(`Nothing was changed. That file looks like your store itself: point ITB_HOME at the folder that holds it, ${home}.`);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    // Done as the hint says, the store is there.
    expect(Store.open({ ITB_HOME: home }).read().sessions.map((session) => session.id)).toEqual(['s1']);
  });

  it('names a backup written by `itb export` put in the store\'s place, keeps it, and says how to bring it in', async () => {
    mkdirSync(home);
    // What `itb export` writes: its own schemaVersion, with exportedAt and the period beside the data.
    const backup = JSON.stringify(
      { ...emptyStore(), exportedAt: '2026-10-01T12:00:00.000Z', period: { since: null, until: '2026-10-01' }, sessions: [sampleSession('s1')] },
      null,
      2,
    );
    writeFileSync(file, backup, { mode: 0o600 });
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update((data) => void data.sessions.push(sampleSession('s2')))]) {
      const error = (await caught(attempt)) as StoreError;
      expect(error).toBeInstanceOf(StoreError);
      expect(error.message).toBe(`the itb store ${file} is a backup written by \`itb export\`, put in the store's place`);
      const renamed = join(home, 'backup.json');
      expect(error.hint).toBe(`Nothing was changed. Rename it (to ${renamed}, say), then bring it in with \`itb import ${renamed}\`.`);
    }
    expect(readFileSync(file, 'utf8')).toBe(backup);
  });

  it('quotes a folder with spaces in the import it gives for a backup put in the store\'s place', async () => {
    const spaced = join(root, 'my itb data');
    mkdirSync(spaced);
    writeFileSync(join(spaced, 'store.json'), JSON.stringify({ ...emptyStore(), exportedAt: '2026-10-01T12:00:00.000Z', sessions: [] }), { mode: 0o600 });
    const error = (await caught(() => Store.open({ ITB_HOME: spaced }).read())) as StoreError;
    expect(error.hint).toBe(`Nothing was changed. Rename it (to ${join(spaced, 'backup.json')}, say), then bring it in with \`itb import '${join(spaced, 'backup.json')}'\`.`);
  });

  it('says when a folder on the way to the store is a file, and to point ITB_HOME at a folder', async () => {
    const notAFolder = join(root, 'notes.txt');
    writeFileSync(notAFolder, 'x');
    const deeper = { ITB_HOME: join(notAFolder, 'itb') };
    const error = (await caught(() => Store.open(deeper).read())) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toBe(`the itb store ${storeFile(deeper)} cannot be read: part of its path is a file, not a folder`);
    expect(error.hint).toBe('Nothing was changed. Point ITB_HOME at a folder.');
    expect(readFileSync(notAFolder, 'utf8')).toBe('x');
  });

  it('reports an ITB_HOME that is a file, and to point it at a folder', async () => {
    writeFileSync(home, 'x');
    const error = await caught(() => Store.open(env()).read());
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(`the itb store ${file} cannot be used: ${home} is a file, not a folder`);
    expect((error as StoreError).hint).toBe('Nothing was changed. Point ITB_HOME at a folder.');
    expect(readFileSync(home, 'utf8')).toBe('x');
  });
});

describe('what a save that failed says', () => {
  const failure = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

  it('says the disk is full, that earlier data is kept, and to free some space', async () => {
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1')));
    expect(reason(failure('ENOSPC'))).toBe('the disk is full');
    expect(writeHint(file, failure('ENOSPC'))).toBe('Your earlier data is still there. Free some space on the disk, then try again.');
  });

  it('says there is no store yet when none was saved before', () => {
    expect(writeHint(file, failure('ENOSPC'))).toBe('There is no store there yet, and nothing was saved. Free some space on the disk, then try again.');
    const underAFile = join(root, 'notes.txt', 'itb', 'store.json');
    writeFileSync(join(root, 'notes.txt'), 'x');
    expect(writeHint(underAFile, failure('ENOSPC'))).toMatch(/^There is no store there yet, and nothing was saved\./);
  });

  it('says how to go on from a disk that may only be read, and what to check for any other failure', async () => {
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1')));
    expect(reason(failure('EROFS'))).toBe('the disk is read-only');
    expect(writeHint(file, failure('EROFS'))).toBe(
      'Your earlier data is still there. The disk it is on may only be read (a drive or card locked against writing, say): make it writable, or copy the store to a folder you may write to and point ITB_HOME there.',
    );
    expect(writeHint(file, failure('EIO'))).toBe('Your earlier data is still there. Check the folder exists and that you may write to it, and that the disk is not full.');
  });

  it('says only that nothing was changed when it cannot tell whether a store is there, never that there is none', () => {
    // A link on the way to the store that leads back to itself: what lies behind it cannot be seen.
    const loop = join(root, 'loop');
    symlinkSync(loop, loop);
    expect(writeHint(join(loop, 'store.json'), failure('ELOOP'))).toBe('Nothing was changed. Check the folder exists and that you may write to it, and that the disk is not full.');
  });
});

describe("a session's store replaced before the session saved anything", () => {
  it('notes it at the first save, which keeps the store now in its place', async () => {
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('earlier')));
    const session = Store.open(env());
    session.read();
    const release = await session.lockSession(() => {});
    try {
      // Another store put in its place (an older copy, say), itb's own bytes and fingerprint alike.
      const other = join(root, 'other');
      await Store.open({ ITB_HOME: other }).update((data) => void (data.settings.minImprovement = 3));
      writeFileSync(file, readFileSync(join(other, 'store.json')));
      await session.update((data) => void (data.settings.side = 'left'));
      expect(session.changedOutside).toBe('replaced');
      expect(session.read()).toMatchObject({ sessions: [], settings: { minImprovement: 3, side: 'left' } });
      // As it was left: nothing to say.
      await session.update((data) => void (data.settings.symptom = 'pain'));
      expect(session.changedOutside).toBeUndefined();
    } finally {
      await release();
    }
  });

  it('notes nothing when the store is as the session read it', async () => {
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('earlier')));
    const session = Store.open(env());
    session.read();
    const release = await session.lockSession(() => {});
    try {
      await session.update((data) => void (data.settings.side = 'left'));
      expect(session.changedOutside).toBeUndefined();
    } finally {
      await release();
    }
  });
});
