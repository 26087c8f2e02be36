// `itb import` restoring a backup or merging it into a store: what comes back, what is kept, and what it names of the library.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDateTime } from '../../src/core/history.js';
import type { StoreData } from '../../src/core/records.js';
import { EXPORT_SCHEMA_VERSION, type ExportFile } from '../../src/export/schema.js';
import { Store } from '../../src/store/store.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore, sessionThree } from '../export/fixtures.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';
import { importInto, NOW, storeBytes, withoutGeneratedAt } from '../helpers/import-backup.js';

const homes = useBackupHomes(NOW);

describe('itb import', () => {
  it('restores a backup so that buckets and history read exactly as before', async () => {
    const result = await importInto(homes.target.home, [homes.backup]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Imported 3 sessions, 1 manual move, 1 red-flag screen.');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('Settings restored from the file (side: not set → left; symptom: not set → pain; movement: not set → single-leg squat).');

    for (const command of [['buckets', '--json'], ['history', '--json']]) {
      const before = await run(command, { home: homes.source.home, now: NOW });
      const after = await run(command, { home: homes.target.home, now: NOW });
      expect(before.code).toBe(0);
      expect(withoutGeneratedAt(after.stdout)).toEqual(withoutGeneratedAt(before.stdout));
    }
    const original = Store.open({ ITB_HOME: homes.source.home }).read();
    const restored = Store.open({ ITB_HOME: homes.target.home }).read();
    expect(restored).toEqual(original);
  });

  it('restores a backup saved again on Windows, with CRLF line endings and a byte order mark, as the backup itself', async () => {
    const windows = join(homes.target.home, 'backup-windows.json');
    writeFileSync(windows, `\uFEFF${readFileSync(homes.backup, 'utf8').replaceAll('\n', '\r\n')}`);
    const result = await importInto(homes.target.home, [windows]);
    expect(result.stderr).toContain('Imported 3 sessions, 1 manual move, 1 red-flag screen.');
    expect(result.code).toBe(0);
    expect(Store.open({ ITB_HOME: homes.target.home }).read()).toEqual(Store.open({ ITB_HOME: homes.source.home }).read());
  });

  it('gives back the holds an attempt timed, and reads a backup of version 1, made before they were kept, as before', async () => {
    const timed = sampleStore();
    const attempt = timed.sessions[0]!.attempts[0]!;
    attempt.holds = { timed: 2, of: 6 };
    await Store.open({ ITB_HOME: homes.source.home }).update(() => timed);
    const withHolds = join(homes.source.home, 'with-holds.json');
    expect((await run(['export', '-o', withHolds], { home: homes.source.home, now: NOW })).code).toBe(0);
    const file = JSON.parse(readFileSync(withHolds, 'utf8')) as { schemaVersion: number; sessions: { attempts: { holds?: unknown }[] }[] };
    expect(file.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(file.sessions[0]!.attempts[0]!.holds).toEqual({ timed: 2, of: 6 });
    expect((await importInto(homes.target.home, [withHolds])).code).toBe(0);
    expect(Store.open({ ITB_HOME: homes.target.home }).read()).toEqual(Store.open({ ITB_HOME: homes.source.home }).read());

    // The sample backup, as an itb of version 1 wrote it: no holds anywhere, read as it was.
    const older = join(homes.source.home, 'version-1.json');
    writeFileSync(older, readFileSync(homes.backup, 'utf8').replace(/"schemaVersion": *2/, '"schemaVersion": 1'));
    expect(readFileSync(older, 'utf8')).toMatch(/"schemaVersion": *1,/);
    const other = tempHome();
    try {
      const restored = await importInto(other.home, [older]);
      expect(restored.code).toBe(0);
      expect(restored.stderr).toContain('Imported 3 sessions, 1 manual move, 1 red-flag screen.');
      expect(Store.open({ ITB_HOME: other.home }).read()).toEqual({ ...Store.open({ ITB_HOME: homes.source.home }).read(), sessions: sampleStore().sessions });
    } finally {
      other.cleanup();
    }
  });

  it('takes back its own backup made after a session was cut off by a crash', async () => {
    // The latest session never finished: the store keeps it in progress, the export cuts it off.
    const crashed = sampleStore();
    crashed.sessions.at(-1)!.status = 'in-progress';
    delete crashed.sessions.at(-1)!.endedAt;
    await Store.open({ ITB_HOME: homes.source.home }).update(() => crashed);
    const own = join(homes.source.home, 'after-crash.json');
    expect((await run(['export', '-o', own], { home: homes.source.home, now: NOW })).code).toBe(0);
    expect(JSON.parse(readFileSync(own, 'utf8')).sessions.at(-1).status).toBe('interrupted');
    const before = storeBytes(homes.source.home);
    const again = await importInto(homes.source.home, [own]);
    expect(again.code).toBe(0);
    expect(again.stderr.replace(/\s+/g, ' ')).toContain('Nothing changed: your store is as it was. It already held all the file has: 3 sessions');
    expect(storeBytes(homes.source.home).equals(before)).toBe(true);
    // Restored elsewhere and exported again, it reads the same, line for line (a diff of two
    // backups shows only what changed).
    expect((await importInto(homes.target.home, [own])).code).toBe(0);
    const restored = join(homes.target.home, 'restored.json');
    expect((await run(['export', '-o', restored], { home: homes.target.home, now: NOW })).code).toBe(0);
    expect(readFileSync(restored, 'utf8')).toBe(readFileSync(own, 'utf8'));
  });

  it('takes a backup made while a session ran, and later full backups after it', async () => {
    // The backup caught the first session two answers in, still running.
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    const running = file.sessions[0]!;
    delete running.endedAt;
    Object.assign(running, { status: 'in-progress', attempts: running.attempts.slice(0, 1), results: running.results.slice(0, 1) });
    const midSession = join(homes.source.home, 'mid-session.json');
    writeFileSync(midSession, JSON.stringify(file));

    // Into the store where the session went on: nothing to take.
    const before = storeBytes(homes.source.home);
    const back = await importInto(homes.source.home, [midSession]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr.replace(/\s+/g, ' ')).toContain('Nothing changed: your store is as it was. It already held all the file has: 3 sessions');
    expect(storeBytes(homes.source.home).equals(before)).toBe(true);

    // Restored elsewhere, then the full backup: the session is brought up to date.
    expect((await importInto(homes.target.home, [midSession])).code).toBe(0);
    const full = await importInto(homes.target.home, [homes.backup]);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stderr).toContain('Imported 0 sessions (2 already present)');
    expect(full.stderr).toContain('1 session your store held unfinished was brought up to date from the file.');
    const buckets = await Promise.all([homes.source.home, homes.target.home].map((home) => run(['buckets', '--json'], { home, now: NOW })));
    expect(withoutGeneratedAt(buckets[1]!.stdout)).toEqual(withoutGeneratedAt(buckets[0]!.stdout));
  });

  it('names each setting of its own that a store with no sessions has replaced by the file’s, in a dry run too', async () => {
    // A new computer, set up before the backup came: a setting of its own, no session yet.
    await Store.open({ ITB_HOME: homes.target.home }).update(() => ({ ...emptyStore(), settings: { ...sampleStore().settings, minImprovement: 2, side: 'right' } }));
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const dry = await importInto(homes.target.home, [homes.backup, '--dry-run']);
    expect(oneLine(dry.stderr)).toContain('Your settings would be restored from the file (minImprovement: 2 → 1; side: right → left).');
    const result = await importInto(homes.target.home, [homes.backup]);
    expect(result.code, result.stderr).toBe(0);
    expect(oneLine(result.stderr)).toContain('Settings restored from the file (minImprovement: 2 → 1; side: right → left).');
    expect(Store.open({ ITB_HOME: homes.target.home }).read().settings).toEqual(sampleStore().settings);
  });

  it('names the drills of the file that the library in use does not have, and says to copy a library of one’s own', async () => {
    const library = libraryFile('good.yaml');
    const session = buildSession({ id: 'own', startedAt: '2026-11-02T09:00:00Z', routine: 'clinic-plan', baseline: 5, drills: [{ id: 'ankle-rocks', scores: [3] }, { id: 'wall-clamshells', scores: [5, 5] }] });
    // The other computer's store held only sessions of its own library.
    const mine = tempHome();
    await Store.open({ ITB_HOME: mine.home }).update((data) => void data.sessions.push(session));
    const own = join(homes.source.home, 'own.json');
    expect((await run(['--data', library, 'export', '--format', 'json', '-o', own], { home: mine.home, now: NOW })).code).toBe(0);
    mine.cleanup();

    const dry = await importInto(homes.target.home, [own, '--dry-run']);
    expect(dry.stderr.replace(/\s+/g, ' ')).toContain('(ankle-rocks, wall-clamshells): their results would be kept, and `itb buckets` would mark them "not in the built-in library"');

    const bare = await importInto(homes.target.home, [own]);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr.replace(/\s+/g, ' ')).toContain(
      '2 drills of the file are not in the exercise library in use here (ankle-rocks, wall-clamshells): their results are kept, and `itb buckets` marks them "not in the built-in library". A backup does not hold a library of your own: if you used one on the other computer, copy that file too and use it with --data or ITB_DATA.',
    );
    expect(Store.open({ ITB_HOME: homes.target.home }).read().sessions.map(({ id }) => id)).toContain('own');

    const other = tempHome();
    try {
      const withLibrary = await run(['--data', library, 'import', own], { home: other.home, now: NOW });
      expect(withLibrary.code, withLibrary.stderr).toBe(0);
      expect(withLibrary.stderr).not.toContain('not in the exercise library');
    } finally {
      other.cleanup();
    }
  });

  it('takes a backup whose library drill has a name longer than a library may now give, with the name its session kept', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    const long = `${file.exercises[0]!.name}, ${'slowly and gently, '.repeat(5)}as your therapist showed you`;
    file.exercises[0]!.name = long;
    for (const session of file.sessions) for (const result of session.results) if (result.exerciseId === file.exercises[0]!.id) result.name = long;
    const old = join(homes.target.home, 'old.json');
    writeFileSync(old, JSON.stringify(file));
    const result = await importInto(homes.target.home, [old]);
    expect(result.code, result.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: homes.target.home }).read().sessions.flatMap((session) => session.results.map((r) => r.name))).toContain(long);
  });

  it('names the library in use in the commands it suggests, as buckets go by it', async () => {
    // Drills of the built-in library, imported with a library of one's own that has none of them.
    const library = libraryFile('good.yaml');
    const imported = await run(['--data', library, 'import', homes.backup], { home: homes.target.home, now: NOW });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr.replace(/\s+/g, ' ')).toContain("are not in the exercise library in use here (lateral-ankle-tilts, ");
    // Marked as that library's buckets mark them: not in this one, which is no word on where they are.
    expect(imported.stderr.replace(/\s+/g, ' ')).toContain(`\`itb --data ${library} buckets\` marks them "not in this library".`);
  });

  it('changes nothing when the same file is imported again', async () => {
    expect((await importInto(homes.target.home, [homes.backup])).code).toBe(0);
    const first = storeBytes(homes.target.home);
    const changed = statSync(join(homes.target.home, 'store.json'), { bigint: true }).mtimeNs;
    await new Promise((resolve) => setTimeout(resolve, 20)); // beyond the file system's clock step
    const again = await importInto(homes.target.home, [homes.backup]);
    expect(again.code).toBe(0);
    // Said first, in plain words, rather than as "Imported 0 sessions", which reads as a failure;
    // then what the file holds, the manual move and the red-flag screen too, rather than seem left behind.
    expect(again.stderr.startsWith('Nothing changed: your store is as it was.')).toBe(true);
    expect(again.stderr.replace(/\s+/g, ' ')).toContain('Nothing changed: your store is as it was. It already held all the file has: 3 sessions, 1 manual move and 1 red-flag screen.');
    expect(again.stderr).not.toContain('Imported');
    // A dry run says the same of what it would do.
    const dry = await importInto(homes.target.home, [homes.backup, '--dry-run']);
    expect(dry.stderr.replace(/\s+/g, ' ')).toContain('Nothing would change: your store already holds all the file has: 3 sessions, 1 manual move and 1 red-flag screen.');
    expect(storeBytes(homes.target.home).equals(first)).toBe(true);
    // Not even written again: a backup tool that goes by the time of change copies it no more.
    expect(statSync(join(homes.target.home, 'store.json'), { bigint: true }).mtimeNs).toBe(changed);
  });

  it('merges into a store with sessions of its own, keeping its settings', async () => {
    const own: StoreData = {
      ...emptyStore(),
      settings: { minImprovement: 2, flareRise: 4, retestAfterDays: 7 },
      sessions: [{ ...structuredClone(sessionThree), id: 'own-session', startedAt: '2026-11-01T12:00:00.000Z' }],
    };
    await Store.open({ ITB_HOME: homes.target.home }).update(() => own);
    const result = await importInto(homes.target.home, [homes.backup]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Imported 3 sessions, 1 manual move');
    // Each setting that differs, with both values: this computer goes on judging by its own.
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(
      'Your own settings were kept: minImprovement 2 (the file has 1), flareRise 4 (the file has 3), retestAfterDays 7 (the file has 14), side not set (the file has left), symptom not set (the file has pain), movement not set (the file has single-leg squat). ' +
        "A file's settings are taken only into a store with no sessions yet; `itb settings KEY VALUE` changes one.",
    );
    const merged = Store.open({ ITB_HOME: homes.target.home }).read();
    expect(merged.settings).toEqual(own.settings);
    expect(merged.sessions.map((s) => s.id)).toEqual(['session-one', 'session-two', 'session-three', 'own-session']);
  });

  it('says when records of the file are dated after now, and that a later session or move still counts', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ');
    const latest = localDateTime(new Date(sessionThree.startedAt));
    // Made on a computer whose clock ran ahead: two sessions and a manual move are "in the future".
    const early = await run(['import', '--dry-run', homes.backup], { home: homes.target.home, now: new Date('2026-10-05T12:00:00Z') });
    expect(early.code).toBe(0);
    expect(said(early.stderr)).toContain(
      `3 records in the file are dated after now, up to ${latest}: the clock of the computer that made them was likely ahead, or this one's is behind. ` +
        'They would be imported as dated. A later session or `itb buckets move` still changes a drill they decided, dated just after them: a drill set aside by hand is then offered for a re-test only after that time, one a session set aside from the day it was tested.',
    );
    const one = await run(['import', homes.backup], { home: homes.target.home, now: new Date('2026-10-15T12:00:00Z') });
    expect(one.code).toBe(0);
    expect(said(one.stderr)).toContain(`1 record in the file is dated after now, up to ${latest}: the clock of the computer that made it was likely ahead`);
    expect(said(one.stderr)).toContain('It was imported as dated. A later session or `itb buckets move` still changes a drill it decided, dated just after it:');
    // Half an hour ahead is two clocks that differ a little: nothing said.
    const skewed = await run(['import', '--dry-run', homes.backup], { home: homes.source.home, now: new Date(Date.parse(sessionThree.startedAt) - 30 * 60_000) });
    expect(skewed.code).toBe(0);
    expect(skewed.stderr).not.toContain('dated after now');
  });
});
