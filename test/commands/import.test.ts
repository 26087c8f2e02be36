import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore, sessionThree } from '../export/fixtures.js';
import { run, tempHome } from '../helpers/run.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
let source: ReturnType<typeof tempHome>;
let target: ReturnType<typeof tempHome>;
let backup: string;

beforeEach(async () => {
  source = tempHome();
  target = tempHome();
  await Store.open({ ITB_HOME: source.home }).update(() => sampleStore());
  backup = join(source.home, 'backup.json');
  const exported = await run(['export', '--format', 'json', '-o', backup], { home: source.home, now: NOW });
  expect(exported.code).toBe(0);
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

const importInto = (home: string, args: string[]) => run(['import', ...args], { home, now: NOW });
const storeBytes = (home: string) => readFileSync(join(home, 'store.json'));
const withoutGeneratedAt = (stdout: string) => {
  const { generatedAt: _, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
};

describe('itb import', () => {
  it('restores a backup so that buckets and history read exactly as before', async () => {
    const result = await importInto(target.home, [backup]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Imported 3 sessions, 1 manual move, 1 red-flag screen.');
    expect(result.stderr).toContain('Settings restored from the file.');

    for (const command of [['buckets', '--json'], ['history', '--json']]) {
      const before = await run(command, { home: source.home, now: NOW });
      const after = await run(command, { home: target.home, now: NOW });
      expect(before.code).toBe(0);
      expect(withoutGeneratedAt(after.stdout)).toEqual(withoutGeneratedAt(before.stdout));
    }
    const original = Store.open({ ITB_HOME: source.home }).read();
    const restored = Store.open({ ITB_HOME: target.home }).read();
    expect(restored).toEqual(original);
  });

  it('changes nothing when the same file is imported again', async () => {
    expect((await importInto(target.home, [backup])).code).toBe(0);
    const first = storeBytes(target.home);
    const again = await importInto(target.home, [backup]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Imported 0 sessions (3 already present), 0 manual moves.');
    expect(storeBytes(target.home).equals(first)).toBe(true);
  });

  it('merges into a store with sessions of its own, keeping its settings', async () => {
    const own: StoreData = {
      ...emptyStore(),
      settings: { minImprovement: 2, flareRise: 4, retestAfterDays: 7 },
      sessions: [{ ...structuredClone(sessionThree), id: 'own-session', startedAt: '2026-11-01T12:00:00.000Z' }],
    };
    await Store.open({ ITB_HOME: target.home }).update(() => own);
    const result = await importInto(target.home, [backup]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Imported 3 sessions, 1 manual move');
    expect(result.stderr).toContain('Your own settings were kept');
    const merged = Store.open({ ITB_HOME: target.home }).read();
    expect(merged.settings).toEqual(own.settings);
    expect(merged.sessions.map((s) => s.id)).toEqual(['session-one', 'session-two', 'session-three', 'own-session']);
  });

  it('refuses a file whose session differs from the store’s one with the same id, writing nothing', async () => {
    const changed = sampleStore();
    changed.sessions[1]!.baseline = 9;
    await Store.open({ ITB_HOME: target.home }).update(() => changed);
    const before = storeBytes(target.home);
    const result = await importInto(target.home, [backup]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('session-two');
    expect(result.stderr).toContain('Nothing was imported');
    expect(storeBytes(target.home).equals(before)).toBe(true);
  });

  it('only reports with --dry-run', async () => {
    const result = await importInto(target.home, [backup, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Would import 3 sessions, 1 manual move');
    expect(result.stderr).toContain('nothing was changed');
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('points at the place where a file stops being JSON', async () => {
    const broken = join(target.home, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 1,\n  "sessions": [oops]\n}\n');
    const result = await importInto(target.home, [broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${broken} is not valid JSON at line 3, column 16`);
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('lists what is wrong with a file that is JSON but not an export', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8'));
    file.sessions[0].attempts[0].after = 12;
    delete file.settings;
    file.extra = true;
    const wrong = join(target.home, 'wrong.json');
    writeFileSync(wrong, JSON.stringify(file));
    const result = await importInto(target.home, [wrong]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}settings: missing$/m);
    expect(result.stderr).toMatch(/^ {2}sessions\.0\.attempts\.0\.after: /m);
    expect(result.stderr).toContain('extra');
    expect(result.stderr).toContain('is not an itb export (3 problems)');
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('explains that a FHIR report cannot be read back', async () => {
    const fhir = join(source.home, 'report.fhir.json');
    expect((await run(['export', '--format', 'fhir', '-o', fhir], { home: source.home, now: NOW })).code).toBe(0);
    const result = await importInto(target.home, [fhir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a FHIR report');
    expect(result.stderr).toContain('--format json');
  });

  it('asks for a newer itb for a newer export, and names a missing file', async () => {
    const newer = join(target.home, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...JSON.parse(readFileSync(backup, 'utf8')), schemaVersion: 2 }));
    const future = await importInto(target.home, [newer]);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('newer itb');

    const missing = await importInto(target.home, [join(target.home, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file not found');
  });
});
