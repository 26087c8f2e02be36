// What makes reading and saving years of history quick, and why it is still safe: the compact
// file, the fingerprint of checked bytes, and an update that checks only what it changed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, storeSchema, type Session, type StoreData } from '../../src/core/records.js';
import { hashOf } from '../../src/store/fingerprint.js';
import { emptyStore, Store, StoreError } from '../../src/store/store.js';
import { readStore } from '../../src/store/store-file.js';
import { sampleSession } from '../fixtures/sample-session.js';
import { newStoreHome } from '../helpers/store-home.js';
import { caught } from '../helpers/caught.js';
import { standInsAt } from '../helpers/stand-ins.js';

let root: string;
let home: string;
let file: string;
let fingerprint: string;
const env = () => ({ ITB_HOME: home });

beforeEach(() => {
  ({ root, home, file } = newStoreHome('itb-fingerprint-'));
  fingerprint = `${file}.checked`;
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

/** Counts the checks against the whole store schema, and keeps what each one was given. */
function watchChecks() {
  return vi.spyOn(storeSchema, 'safeParse');
}

const three = () => ['s1', 's2', 's3'].map((id, index) => sampleSession(id, new Date(Date.UTC(2026, 0, 1 + index, 9))));

async function seeded(): Promise<StoreData> {
  return Store.open(env()).update((data) => void data.sessions.push(...three()));
}

describe('the file itb writes', () => {
  it('is compact JSON in plain ASCII, and reads back as what was saved', async () => {
    const written = await Store.open(env()).update((data) => {
      data.sessions.push({ ...sampleSession('s1'), movement: 'Forward 45° lunge — “deep”' });
    });
    const bytes = readFileSync(file);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const text = bytes.toString('latin1');
    expect(text).not.toMatch(/\n|\t|": /);
    expect(text).toContain('Forward 45\\u00b0 lunge \\u2014 \\u201cdeep\\u201d');
    expect(JSON.parse(text)).toEqual(written);
    expect(Store.open(env()).read().sessions[0]!.movement).toBe('Forward 45° lunge — “deep”');
  });

  it('holds exactly the JSON of what was saved, with no session, one or several', async () => {
    const store = Store.open(env());
    let written = await store.update(() => undefined);
    expect(readFileSync(file, 'latin1')).toBe(JSON.stringify(written));
    written = await store.update((data) => void data.sessions.push(sampleSession('s1')));
    expect(readFileSync(file, 'latin1')).toBe(JSON.stringify(written));
    written = await store.update((data) => {
      data.sessions.push(sampleSession('s2'), sampleSession('s3'));
      data.bucketsResetAt = '2026-01-01T00:00:00.000Z';
    });
    expect(readFileSync(file, 'latin1')).toBe(JSON.stringify(written));
  });

  it('is read whether it is compact or indented, and in UTF-8 written by hand', () => {
    mkdirSync(home);
    const data = { ...emptyStore(), sessions: [{ ...sampleSession('s1'), movement: 'Treppe hinunter, ½ Tempo' }] };
    writeFileSync(file, JSON.stringify(data, undefined, '\t'));
    expect(Store.open(env()).read()).toEqual(data);
    writeFileSync(file, JSON.stringify(data));
    expect(Store.open(env()).read()).toEqual(data);
  });
});

describe('the fingerprint', () => {
  it('lets a store itb wrote be read without checking it again', async () => {
    const written = await seeded();
    expect(readFileSync(fingerprint, 'utf8')).toBe(`itb store schemaVersion ${SCHEMA_VERSION} sha256 ${hashOf(readFileSync(file))}\n`);
    const checks = watchChecks();
    expect(Store.open(env()).read()).toEqual(written);
    expect(checks).not.toHaveBeenCalled();
  });

  it('lets a store itb saved over one it wrote before be read without checking it again', async () => {
    await seeded();
    const written = await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s4', new Date(Date.UTC(2026, 0, 4, 9)))));
    const checks = watchChecks();
    expect(Store.open(env()).read()).toEqual(written);
    expect(checks).not.toHaveBeenCalled();
  });

  it('does not vouch for a store edited by hand, even into something valid', async () => {
    const written = await seeded();
    const edited = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
    edited.settings.retestAfterDays = 21;
    writeFileSync(file, JSON.stringify(edited));
    const checks = watchChecks();
    expect(Store.open(env()).read()).toEqual({ ...written, settings: { ...written.settings, retestAfterDays: 21 } });
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it('does not vouch for a store damaged after it was written: it is refused and left as it is', async () => {
    await seeded();
    const damaged = readFileSync(file, 'utf8').replace('"baseline":6', '"baseline":11');
    writeFileSync(file, damaged);
    const fingerprintBefore = readFileSync(fingerprint);
    const store = Store.open(env());
    for (const attempt of [() => store.read(), () => store.update((data) => void data.sessions.push(sampleSession('new')))]) {
      const error = await caught(attempt);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toMatch(/sessions\.0\.baseline/);
    }
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    expect(readFileSync(fingerprint)).toEqual(fingerprintBefore);
  });

  it('vouches for damaged bytes only in the exact line itb writes: one with more around it is no voucher', async () => {
    await seeded();
    const kept = readFileSync(fingerprint, 'utf8');
    const damaged = readFileSync(file, 'utf8').replace('"baseline":6', '"baseline":11');
    writeFileSync(file, damaged);
    const hash = createHash('sha256').update(damaged).digest('hex');
    const line = kept.replace(/[0-9a-f]{64}/, hash);
    for (const tampered of [`${line}${kept}`, `${kept}${line}`, `${hash}\n`, `# ${line}`, line.replace('sha256', 'sha1'), '', 'itb store ']) {
      writeFileSync(fingerprint, tampered);
      expect(() => Store.open(env()).read(), tampered).toThrow(/sessions\.0\.baseline/);
      await expect(readStore(env()), tampered).rejects.toThrow(/sessions\.0\.baseline/);
    }
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });

  it('left stale by a crash between saving the store and its fingerprint only costs a full check', async () => {
    await seeded();
    const stale = readFileSync(fingerprint);
    const written = await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s4')));
    // As if the process had died right after renaming the new store into place.
    writeFileSync(fingerprint, stale);
    const checks = watchChecks();
    expect(Store.open(env()).read()).toEqual(written);
    expect(checks).toHaveBeenCalledTimes(1);

    // The next save writes a fingerprint that matches again.
    await Store.open(env()).update(() => undefined);
    checks.mockClear();
    Store.open(env()).read();
    expect(checks).not.toHaveBeenCalled();
  });

  it('is never a reason to fail: unreadable, garbled or impossible to write, the store is checked in full', async () => {
    await seeded();
    const checks = watchChecks();
    writeFileSync(fingerprint, 'not a fingerprint');
    expect(Store.open(env()).read().sessions).toHaveLength(3);
    rmSync(fingerprint);
    expect(Store.open(env()).read().sessions).toHaveLength(3);
    expect(checks).toHaveBeenCalledTimes(2);

    // A folder in its place: it cannot be read, and cannot be replaced by a save or a read.
    rmSync(fingerprint);
    mkdirSync(fingerprint);
    const written = await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s4')));
    expect(Store.open(env()).read()).toEqual(written);
    expect(Store.open(env()).read()).toEqual(written);
    expect(statSync(fingerprint).isDirectory()).toBe(true);
    expect(readdirSync(home).sort()).toEqual(['store.json', 'store.json.checked', 'store.json.summary']);
  });

  it.skipIf(process.platform === 'win32')('is passed over, unread, when it is a named pipe, a device or far too large', async () => {
    const written = await seeded();
    // Without the summary, which vouches for the store file it was kept for by itself.
    rmSync(`${file}.summary`);
    const checks = watchChecks();
    for (const [what, make] of standInsAt(fingerprint)) {
      rmSync(fingerprint);
      make();
      checks.mockClear();
      expect(await readStore(env()), what).toEqual(written);
      // Checked in full, and the fingerprint written afresh in place of the stand-in.
      expect(checks, what).toHaveBeenCalledTimes(1);
      expect(statSync(fingerprint).isFile(), what).toBe(true);
      expect(statSync(fingerprint).size, what).toBeLessThan(200);
    }
  });

  it('is kept by a read that checked the store in full, so a store copied or restored is checked once', async () => {
    const written = await seeded();
    // As a store copied from another computer or restored from a backup arrives: the file alone.
    rmSync(fingerprint);
    const checks = watchChecks();
    expect(Store.open(env()).read()).toEqual(written);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(statSync(fingerprint).mode & 0o777).toBe(0o600);
    expect(Store.open(env()).read()).toEqual(written);
    expect(await readStore(env())).toEqual(written);
    expect(checks).toHaveBeenCalledTimes(1);

    // The same for a valid edit by hand: checked at the first read after it, not at every one.
    const edited = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
    edited.settings.flareRise = 4;
    writeFileSync(file, JSON.stringify(edited, undefined, 2));
    expect(Store.open(env()).read().settings.flareRise).toBe(4);
    expect(Store.open(env()).read().settings.flareRise).toBe(4);
    expect(checks).toHaveBeenCalledTimes(2);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(edited, undefined, 2));
  });

  it('is not kept for a store that fails its check', async () => {
    await seeded();
    rmSync(fingerprint);
    const damaged = readFileSync(file, 'utf8').replace('"baseline":6', '"baseline":"six"');
    writeFileSync(file, damaged);
    for (let read = 0; read < 2; read++) expect(() => Store.open(env()).read()).toThrow(/sessions\.0\.baseline/);
    expect(readdirSync(home).sort()).toEqual(['store.json', 'store.json.summary']);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });

  it('does not skip the check of a store an older itb wrote, whatever its fingerprint says', async () => {
    await seeded();
    const old = readFileSync(fingerprint, 'utf8').replace(`schemaVersion ${SCHEMA_VERSION}`, `schemaVersion ${SCHEMA_VERSION - 1}`);
    writeFileSync(fingerprint, old);
    const checks = watchChecks();
    Store.open(env()).read();
    expect(checks).toHaveBeenCalledTimes(1);
  });
});

describe('an update', () => {
  it('checks the rest of the store and only the sessions it added or replaced', async () => {
    await seeded();
    const checks = watchChecks();
    await Store.open(env()).update((data) => {
      data.sessions.push(sampleSession('s4'));
      data.sessions[0] = { ...data.sessions[0]!, status: 'interrupted' };
    });
    expect(checks).toHaveBeenCalledTimes(1);
    const checked = checks.mock.calls[0]![0] as StoreData;
    expect(checked.sessions.map((session) => [session.id, session.status])).toEqual([
      ['s1', 'interrupted'],
      ['s4', 'completed'],
    ]);
    expect(Store.open(env()).read().sessions.map((session) => [session.id, session.status])).toEqual([
      ['s1', 'interrupted'],
      ['s2', 'completed'],
      ['s3', 'completed'],
      ['s4', 'completed'],
    ]);
  });

  it('refuses a session it changed in place: nothing is written', async () => {
    await seeded();
    const before = readFileSync(file);
    const error = await caught(() =>
      Store.open(env()).update((data) => {
        data.sessions[1]!.baseline = 11;
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    for (const change of [
      (data: StoreData) => void data.sessions[0]!.attempts.push({ ...data.sessions[0]!.attempts[0]! }),
      (data: StoreData) => void (data.sessions[2]!.results[0]!.outcome = 'avoid'),
      (data: StoreData) => void (data.sessions[2]!.thresholds.flareRise = 5),
      (data: StoreData) => void (data.sessions[1]!.attempts[0]!.after = 0),
      (data: StoreData) => void data.sessions[1]!.results.push({ ...data.sessions[1]!.results[0]! }),
    ]) {
      expect(await caught(() => Store.open(env()).update(change))).toBeInstanceOf(TypeError);
    }
    expect(readFileSync(file)).toEqual(before);
  });

  it('refuses to save a store that does not pass, as a mistake in itb, and writes nothing', async () => {
    await seeded();
    const before = readFileSync(file);
    const fingerprintBefore = readFileSync(fingerprint);
    const broken: ((data: StoreData) => StoreData | void)[] = [
      (data) => void (data.settings.minImprovement = 9),
      (data) => ({ ...data, sessions: undefined as unknown as Session[] }),
      (data) => void data.sessions.push({ ...sampleSession('s4'), baseline: 11 }),
    ];
    for (const change of broken) {
      const error = await caught(() => Store.open(env()).update(change));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('Error');
      expect((error as Error).message).toMatch(/^itb refused to save an invalid store: (settings\.minImprovement|sessions)\b/);
    }
    expect(readFileSync(file)).toEqual(before);
    expect(readFileSync(fingerprint)).toEqual(fingerprintBefore);
  });

  it('saves what the check made of the store: a remembered movement without the spaces around it', async () => {
    await seeded();
    const written = await Store.open(env()).update((data) => void (data.settings.movement = '  Stairs down  '));
    expect(written.settings.movement).toBe('Stairs down');
    expect(Store.open(env()).read().settings.movement).toBe('Stairs down');
  });

  it('names the right session when a new one does not validate', async () => {
    await seeded();
    const error = await caught(() => Store.open(env()).update((data) => void data.sessions.push({ ...sampleSession('s4'), baseline: 11 })));
    expect((error as Error).message).toMatch(/sessions\.3\.baseline/);
  });

  it('leaves the objects mutate handed over free to change, and saves them as they were', async () => {
    const mine: Session = sampleSession('mine');
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(mine));
    expect(Object.isFrozen(mine)).toBe(false);
    mine.attempts.push({ ...mine.attempts[0]!, attempt: 2 });
    expect(store.read().sessions[0]!.attempts).toHaveLength(1);
  });

  it('made one after another by the same itb, keep every change and notice one made by another itb', async () => {
    const mine = Store.open(env());
    await mine.update((data) => void data.sessions.push(...three()));
    await mine.update((data) => {
      data.sessions[2] = { ...data.sessions[2]!, status: 'stopped' };
      data.settings.retestAfterDays = 10;
    });
    // Another itb adds a session and changes a setting between two saves of this one.
    await Store.open(env()).update((data) => {
      data.sessions.push(sampleSession('theirs'));
      data.settings.flareRise = 4;
    });
    const written = await mine.update((data) => void data.sessions.push(sampleSession('mine-2')));
    expect(written.sessions.map((session) => [session.id, session.status])).toEqual([
      ['s1', 'completed'],
      ['s2', 'completed'],
      ['s3', 'stopped'],
      ['theirs', 'completed'],
      ['mine-2', 'completed'],
    ]);
    expect(written.settings).toMatchObject({ retestAfterDays: 10, flareRise: 4 });
    expect(Store.open(env()).read()).toEqual(written);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(written);
  });

  it('that follows a hand edit between two saves of the same itb keeps the edit', async () => {
    const mine = Store.open(env());
    await mine.update((data) => void data.sessions.push(...three()));
    const edited = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
    edited.sessions[0]!.movement = 'stairs';
    writeFileSync(file, JSON.stringify(edited));
    const written = await mine.update((data) => void data.sessions.push(sampleSession('s4')));
    expect(written.sessions[0]!.movement).toBe('stairs');
  });
});

describe('readStore, for commands that only show the store', () => {
  it('gives what Store.read() gives: vouched for, edited by hand, or missing', async () => {
    expect(await readStore(env())).toEqual(emptyStore());
    const written = await seeded();
    const checks = watchChecks();
    expect(await readStore(env())).toEqual(written);
    expect(checks).not.toHaveBeenCalled();
    writeFileSync(file, JSON.stringify(written, undefined, 2));
    expect(await readStore(env())).toEqual(written);
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it.skipIf(process.platform === 'win32')('reports a named pipe or a device in place of the store as Store.read() does, at once', async () => {
    mkdirSync(home);
    execFileSync('mkfifo', [file]);
    expect(((await caught(() => readStore(env()))) as StoreError).message).toBe(`the itb store ${file} is a named pipe (FIFO), not a regular file`);
    rmSync(file);
    symlinkSync('/dev/zero', file);
    expect(((await caught(() => readStore(env()))) as StoreError).message).toBe(`the itb store ${file} is a device, not a regular file`);
  });

  it('reports a damaged store as Store.read() does', async () => {
    await seeded();
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));
    const error = await caught(() => readStore(env()));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/is cut short/);
  });
});
