import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate, localDateTime } from '../../src/core/history.js';
import type { StoreData } from '../../src/core/records.js';
import { EXPORT_SCHEMA_VERSION, type ExportFile } from '../../src/export/schema.js';
import { Store } from '../../src/store/store.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore, sessionOne, sessionThree } from '../export/fixtures.js';
import { backupHomes } from '../helpers/backup-homes.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, setUpFlags } from '../helpers/sessions.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';
import { libraryFile } from '../helpers/libraries.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
let source: ReturnType<typeof tempHome>;
let target: ReturnType<typeof tempHome>;
let backup: string;

beforeEach(async () => {
  ({ source, target, backup } = await backupHomes(NOW));
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

const importInto = (home: string, args: string[]) => run(['import', ...args], { home, now: NOW });
const storeBytes = (home: string) => readFileSync(join(home, 'store.json'));
/** The line (from 1) of the first line of `text` that holds `needle`. */
const lineHolding = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const withoutGeneratedAt = (stdout: string) => {
  const { generatedAt: _, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
};

describe('itb import', () => {
  it('restores a backup so that buckets and history read exactly as before', async () => {
    const result = await importInto(target.home, [backup]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Imported 3 sessions, 1 manual move, 1 red-flag screen.');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('Settings restored from the file (side: not set → left; symptom: not set → pain; movement: not set → single-leg squat).');

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

  it('restores a backup saved again on Windows, with CRLF line endings and a byte order mark, as the backup itself', async () => {
    const windows = join(target.home, 'backup-windows.json');
    writeFileSync(windows, `\uFEFF${readFileSync(backup, 'utf8').replaceAll('\n', '\r\n')}`);
    const result = await importInto(target.home, [windows]);
    expect(result.stderr).toContain('Imported 3 sessions, 1 manual move, 1 red-flag screen.');
    expect(result.code).toBe(0);
    expect(Store.open({ ITB_HOME: target.home }).read()).toEqual(Store.open({ ITB_HOME: source.home }).read());
  });

  it('gives back the holds an attempt timed, and reads a backup of version 1, made before they were kept, as before', async () => {
    const timed = sampleStore();
    const attempt = timed.sessions[0]!.attempts[0]!;
    attempt.holds = { timed: 2, of: 6 };
    await Store.open({ ITB_HOME: source.home }).update(() => timed);
    const withHolds = join(source.home, 'with-holds.json');
    expect((await run(['export', '-o', withHolds], { home: source.home, now: NOW })).code).toBe(0);
    const file = JSON.parse(readFileSync(withHolds, 'utf8')) as { schemaVersion: number; sessions: { attempts: { holds?: unknown }[] }[] };
    expect(file.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(file.sessions[0]!.attempts[0]!.holds).toEqual({ timed: 2, of: 6 });
    expect((await importInto(target.home, [withHolds])).code).toBe(0);
    expect(Store.open({ ITB_HOME: target.home }).read()).toEqual(Store.open({ ITB_HOME: source.home }).read());

    // The sample backup, as an itb of version 1 wrote it: no holds anywhere, read as it was.
    const older = join(source.home, 'version-1.json');
    writeFileSync(older, readFileSync(backup, 'utf8').replace(/"schemaVersion": *2/, '"schemaVersion": 1'));
    expect(readFileSync(older, 'utf8')).toMatch(/"schemaVersion": *1,/);
    const other = tempHome();
    try {
      const restored = await importInto(other.home, [older]);
      expect(restored.code).toBe(0);
      expect(restored.stderr).toContain('Imported 3 sessions, 1 manual move, 1 red-flag screen.');
      expect(Store.open({ ITB_HOME: other.home }).read()).toEqual({ ...Store.open({ ITB_HOME: source.home }).read(), sessions: sampleStore().sessions });
    } finally {
      other.cleanup();
    }
  });

  it('takes back its own backup made after a session was cut off by a crash', async () => {
    // The latest session never finished: the store keeps it in progress, the export cuts it off.
    const crashed = sampleStore();
    crashed.sessions.at(-1)!.status = 'in-progress';
    delete crashed.sessions.at(-1)!.endedAt;
    await Store.open({ ITB_HOME: source.home }).update(() => crashed);
    const own = join(source.home, 'after-crash.json');
    expect((await run(['export', '-o', own], { home: source.home, now: NOW })).code).toBe(0);
    expect(JSON.parse(readFileSync(own, 'utf8')).sessions.at(-1).status).toBe('interrupted');
    const before = storeBytes(source.home);
    const again = await importInto(source.home, [own]);
    expect(again.code).toBe(0);
    expect(again.stderr.replace(/\s+/g, ' ')).toContain('Nothing changed: your store is as it was. It already held all the file has: 3 sessions');
    expect(storeBytes(source.home).equals(before)).toBe(true);
    // Restored elsewhere and exported again, it reads the same, line for line (a diff of two
    // backups shows only what changed).
    expect((await importInto(target.home, [own])).code).toBe(0);
    const restored = join(target.home, 'restored.json');
    expect((await run(['export', '-o', restored], { home: target.home, now: NOW })).code).toBe(0);
    expect(readFileSync(restored, 'utf8')).toBe(readFileSync(own, 'utf8'));
  });

  it('takes a backup made while a session ran, and later full backups after it', async () => {
    // The backup caught the first session two answers in, still running.
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    const running = file.sessions[0]!;
    delete running.endedAt;
    Object.assign(running, { status: 'in-progress', attempts: running.attempts.slice(0, 1), results: running.results.slice(0, 1) });
    const midSession = join(source.home, 'mid-session.json');
    writeFileSync(midSession, JSON.stringify(file));

    // Into the store where the session went on: nothing to take.
    const before = storeBytes(source.home);
    const back = await importInto(source.home, [midSession]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr.replace(/\s+/g, ' ')).toContain('Nothing changed: your store is as it was. It already held all the file has: 3 sessions');
    expect(storeBytes(source.home).equals(before)).toBe(true);

    // Restored elsewhere, then the full backup: the session is brought up to date.
    expect((await importInto(target.home, [midSession])).code).toBe(0);
    const full = await importInto(target.home, [backup]);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stderr).toContain('Imported 0 sessions (2 already present)');
    expect(full.stderr).toContain('1 session your store held unfinished was brought up to date from the file.');
    const buckets = await Promise.all([source.home, target.home].map((home) => run(['buckets', '--json'], { home, now: NOW })));
    expect(withoutGeneratedAt(buckets[1]!.stdout)).toEqual(withoutGeneratedAt(buckets[0]!.stdout));
  });

  it('says that bucket lists changed by hand in the file are not taken, what the records give instead, and how to move a drill', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    expect(file.buckets.avoid.length).toBeGreaterThan(0);
    // The therapist's edit: the first drill set aside put in the rehab list instead.
    const moved = file.buckets.avoid.shift()!;
    expect(moved).toBe('lunge-knee-circles');
    file.buckets.rehab.push(moved);
    const edited = join(target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');

    const dry = await importInto(target.home, [edited, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(oneLine(dry.stderr)).toContain(
      `The bucket lists in the file do not agree with its sessions and manual moves (the file was edited by hand), so they would not be taken: itb works out the buckets from those records, by which Forward 45° lunge knee circles is in avoid for now (the file has it in rehab). To move a drill yourself, run \`itb buckets move ${moved} rehab\`.`,
    );
    expect(dry.stderr.trimEnd().endsWith('Dry run: nothing was changed.')).toBe(true);

    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(0);
    expect(oneLine(result.stderr)).toContain('so they were not taken');
    const buckets = JSON.parse((await run(['buckets', '--json'], { home: target.home, now: NOW })).stdout);
    expect(buckets.avoid.map((drill: { exerciseId: string }) => drill.exerciseId)).toContain(moved);

    // The backup as written says nothing of its lists.
    const fresh = tempHome();
    try {
      expect((await importInto(fresh.home, [backup])).stderr).not.toContain('bucket lists');
    } finally {
      fresh.cleanup();
    }
  });

  it('says that the lists do not agree with the records, not that they were changed, when a session was taken out of the file', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    // Taken out by hand, as recorded by mistake: its drills keep their places in the lists.
    const [removed] = file.sessions.splice(1, 1);
    const edited = join(target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(0);
    const said = result.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('The bucket lists in the file do not agree with its sessions and manual moves (the file was edited by hand), so they were not taken');
    // Named as the rest of the import names drills, though no session left in the file holds them.
    expect(removed!.results.map((result) => result.exerciseId)).toEqual(['clamshells', 'hip-hikes']);
    expect(said).toContain('Clamshells is untested (the file has it in rehab), Hip hikes is untested (the file has it in avoid for now).');
    expect(said).toContain('run `itb buckets move clamshells rehab`');
    expect(said).not.toContain('changed by hand');
  });

  it('names each setting of its own that a store with no sessions has replaced by the file’s, in a dry run too', async () => {
    // A new computer, set up before the backup came: a setting of its own, no session yet.
    await Store.open({ ITB_HOME: target.home }).update(() => ({ ...emptyStore(), settings: { ...sampleStore().settings, minImprovement: 2, side: 'right' } }));
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const dry = await importInto(target.home, [backup, '--dry-run']);
    expect(oneLine(dry.stderr)).toContain('Your settings would be restored from the file (minImprovement: 2 → 1; side: right → left).');
    const result = await importInto(target.home, [backup]);
    expect(result.code, result.stderr).toBe(0);
    expect(oneLine(result.stderr)).toContain('Settings restored from the file (minImprovement: 2 → 1; side: right → left).');
    expect(Store.open({ ITB_HOME: target.home }).read().settings).toEqual(sampleStore().settings);
  });

  it('names the drills of the file that the library in use does not have, and says to copy a library of one’s own', async () => {
    const library = libraryFile('good.yaml');
    const session = buildSession({ id: 'own', startedAt: '2026-11-02T09:00:00Z', routine: 'clinic-plan', baseline: 5, drills: [{ id: 'ankle-rocks', scores: [3] }, { id: 'wall-clamshells', scores: [5, 5] }] });
    // The other computer's store held only sessions of its own library.
    const mine = tempHome();
    await Store.open({ ITB_HOME: mine.home }).update((data) => void data.sessions.push(session));
    const own = join(source.home, 'own.json');
    expect((await run(['--data', library, 'export', '--format', 'json', '-o', own], { home: mine.home, now: NOW })).code).toBe(0);
    mine.cleanup();

    const dry = await importInto(target.home, [own, '--dry-run']);
    expect(dry.stderr.replace(/\s+/g, ' ')).toContain('(ankle-rocks, wall-clamshells): their results would be kept, and `itb buckets` would mark them "not in the built-in library"');

    const bare = await importInto(target.home, [own]);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr.replace(/\s+/g, ' ')).toContain(
      '2 drills of the file are not in the exercise library in use here (ankle-rocks, wall-clamshells): their results are kept, and `itb buckets` marks them "not in the built-in library". A backup does not hold a library of your own: if you used one on the other computer, copy that file too and use it with --data or ITB_DATA.',
    );
    expect(Store.open({ ITB_HOME: target.home }).read().sessions.map(({ id }) => id)).toContain('own');

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
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    const long = `${file.exercises[0]!.name}, ${'slowly and gently, '.repeat(5)}as your therapist showed you`;
    file.exercises[0]!.name = long;
    for (const session of file.sessions) for (const result of session.results) if (result.exerciseId === file.exercises[0]!.id) result.name = long;
    const old = join(target.home, 'old.json');
    writeFileSync(old, JSON.stringify(file));
    const result = await importInto(target.home, [old]);
    expect(result.code, result.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: target.home }).read().sessions.flatMap((session) => session.results.map((r) => r.name))).toContain(long);
  });

  it('names the library in use in the commands it suggests, as buckets go by it', async () => {
    // Drills of the built-in library, imported with a library of one's own that has none of them.
    const library = libraryFile('good.yaml');
    const imported = await run(['--data', library, 'import', backup], { home: target.home, now: NOW });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr.replace(/\s+/g, ' ')).toContain("are not in the exercise library in use here (lateral-ankle-tilts, ");
    // Marked as that library's buckets mark them: not in this one, which is no word on where they are.
    expect(imported.stderr.replace(/\s+/g, ' ')).toContain(`\`itb --data ${library} buckets\` marks them "not in this library".`);
  });

  it('changes nothing when the same file is imported again', async () => {
    expect((await importInto(target.home, [backup])).code).toBe(0);
    const first = storeBytes(target.home);
    const changed = statSync(join(target.home, 'store.json'), { bigint: true }).mtimeNs;
    await new Promise((resolve) => setTimeout(resolve, 20)); // beyond the file system's clock step
    const again = await importInto(target.home, [backup]);
    expect(again.code).toBe(0);
    // Said first, in plain words, rather than as "Imported 0 sessions", which reads as a failure;
    // then what the file holds, the manual move too, rather than seem left behind.
    expect(again.stderr.startsWith('Nothing changed: your store is as it was.')).toBe(true);
    expect(again.stderr.replace(/\s+/g, ' ')).toContain('Nothing changed: your store is as it was. It already held all the file has: 3 sessions and 1 manual move.');
    expect(again.stderr).not.toContain('Imported');
    // A dry run says the same of what it would do.
    const dry = await importInto(target.home, [backup, '--dry-run']);
    expect(dry.stderr.replace(/\s+/g, ' ')).toContain('Nothing would change: your store already holds all the file has: 3 sessions and 1 manual move.');
    expect(storeBytes(target.home).equals(first)).toBe(true);
    // Not even written again: a backup tool that goes by the time of change copies it no more.
    expect(statSync(join(target.home, 'store.json'), { bigint: true }).mtimeNs).toBe(changed);
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
    // Each setting that differs, with both values: this computer goes on judging by its own.
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(
      'Your own settings were kept: minImprovement 2 (the file has 1), flareRise 4 (the file has 3), retestAfterDays 7 (the file has 14), side not set (the file has left), symptom not set (the file has pain), movement not set (the file has single-leg squat). ' +
        "A file's settings are taken only into a store with no sessions yet; `itb settings KEY VALUE` changes one.",
    );
    const merged = Store.open({ ITB_HOME: target.home }).read();
    expect(merged.settings).toEqual(own.settings);
    expect(merged.sessions.map((s) => s.id)).toEqual(['session-one', 'session-two', 'session-three', 'own-session']);
  });

  it('says so, in a dry run too, when the file’s bucket reset clears the store’s own lists', async () => {
    const own: StoreData = { ...emptyStore(), sessions: [{ ...structuredClone(sessionThree), id: 'own-session', startedAt: '2026-11-01T12:00:00.000Z' }] };
    await Store.open({ ITB_HOME: target.home }).update(() => ({ ...own, buckets: [] }));
    const ownBuckets = await run(['buckets', '--json'], { home: target.home, now: NOW });
    expect(JSON.parse(ownBuckets.stdout).rehab).not.toEqual([]);
    // The other computer's lists were cleared after everything this store decided.
    expect((await run(['buckets', 'reset', '--force'], { home: source.home, now: NOW })).code).toBe(0);
    const cleared = join(source.home, 'cleared.json');
    expect((await run(['export', '--json', '-o', cleared], { home: source.home, now: NOW })).code).toBe(0);
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const words = (would: string) =>
      `The file's buckets were cleared on 2026-11-20, so yours ${would} too: only what was decided since then puts a drill in a list`;
    const dry = await importInto(target.home, [cleared, '--dry-run']);
    expect(oneLine(dry.stderr)).toContain(words('would be'));
    const merged = await importInto(target.home, [cleared]);
    expect(oneLine(merged.stderr)).toContain(words('are'));
    expect(JSON.parse((await run(['buckets', '--json'], { home: target.home, now: NOW })).stdout).rehab).toEqual([]);
    // Restored into an empty store there were no lists of its own: nothing to say. Nor the second time.
    const empty = tempHome();
    try {
      expect(oneLine((await importInto(empty.home, [cleared])).stderr)).not.toContain('were cleared');
    } finally {
      empty.cleanup();
    }
    expect(oneLine((await importInto(target.home, [cleared])).stderr)).not.toContain('were cleared');
  });


  it('says which sessions from the file come from before the buckets were cleared here, and which drills they leave untested', async () => {
    // This computer ran a session of its own, then cleared its lists after everything the file holds.
    const own: StoreData = { ...emptyStore(), sessions: [{ ...structuredClone(sessionThree), id: 'own-session', startedAt: '2026-11-01T12:00:00.000Z' }] };
    await Store.open({ ITB_HOME: target.home }).update(() => own);
    expect((await run(['buckets', 'reset', '--force'], { home: target.home, now: NOW })).code).toBe(0);
    const later = new Date(NOW.getTime() + 60 * 60_000);
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    // By their days, first to last: the drills named next are what to act on.
    const sessions = `3 sessions from the file (${localDate(new Date('2026-10-01T12:00:00.000Z'))} to ${localDate(new Date('2026-10-20T12:00:00.000Z'))})`;
    const words = (kept: string) =>
      `${sessions} are from before your buckets were cleared here on 2026-11-20: they ${kept} in your history and the evidence, but the lists here count only what was decided since then. ` +
      'So Clamshells (rehab there), Forward 45° lunge knee circles (avoid for now there), Gentle IT band stretch (avoid for now there), Glute stretch (rehab there), Hip hikes (avoid for now there) and 2 more show as untested here. ' +
      'To put one back where it was there: `itb buckets move clamshells rehab`.';
    const dryRun = await run(['import', backup, '--dry-run'], { home: target.home, now: later });
    expect(oneLine(dryRun.stderr)).toContain(words('would be kept'));
    const imported = await run(['import', backup], { home: target.home, now: later });
    expect(imported.code, imported.stderr).toBe(0);
    expect(oneLine(imported.stderr)).toContain(words('are kept'));
    expect(JSON.parse((await run(['buckets', '--json'], { home: target.home, now: later })).stdout).rehab).toEqual([]);
    // Said once: the second time, the file brings nothing.
    expect(oneLine((await run(['import', backup], { home: target.home, now: later })).stderr)).not.toContain('from before your buckets were cleared');
  });

  it('says nothing of a reset here that the file has too, made before the two computers parted', async () => {
    expect((await run(['buckets', 'reset', '--force'], { home: source.home, now: NOW })).code).toBe(0);
    const cleared = join(source.home, 'cleared.json');
    expect((await run(['export', '--json', '-o', cleared], { home: source.home, now: NOW })).code).toBe(0);
    // This computer had the first session and the same reset: the file's other sessions were hidden there too.
    const { bucketsResetAt } = Store.open({ ITB_HOME: source.home }).read();
    await Store.open({ ITB_HOME: target.home }).update(() => ({ ...emptyStore(), sessions: [structuredClone(sessionOne)], bucketsResetAt }));
    const imported = await importInto(target.home, [cleared]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('Imported 2 sessions (1 already present)');
    expect(imported.stderr).not.toContain('from before your buckets were cleared');
  });

  it('asks the safety questions again after taking a later screen from the other computer that did not go on, and says so', async () => {
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    // On the second computer, before any backup came over: a yes to swelling, and not gone on.
    const declined = await run(['session', 'joint-chain', ...setUpFlags], { home: target.home, tty: true, now: NOW, answers: [false, true, false, false, false, false, false] });
    expect(declined.stdout).toContain('itb will ask these questions');
    const fromThere = join(target.home, 'declined.json');
    expect((await run(['export', '--format', 'json', '-o', fromThere], { home: target.home, now: NOW })).code).toBe(0);

    // The first computer went on after its screen of 2026-10-01; the one from the other is later.
    const dryRun = await importInto(source.home, [fromThere, '--dry-run']);
    expect(oneLine(dryRun.stderr)).toContain(
      `The file's red-flag screen of ${localDateTime(NOW)} (yes to marked swelling) did not go on, and is the latest: the safety questions would come again before your next session.`,
    );
    const imported = await importInto(source.home, [fromThere]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(oneLine(imported.stderr)).toContain('and is the latest: the safety questions come again before your next session.');
    const nextDay = new Date(NOW.getTime() + 24 * 60 * 60 * 1000);
    const next = await run(['session', 'joint-chain', ...setUpFlags], { home: source.home, tty: true, now: nextDay, answers: [false, false, false, false, false, false, 5, 'stop'] });
    expect(next.code).toBe(0);
    expect(next.prompter.asked.slice(0, 6).map((asked) => asked.kind)).toEqual(Array(6).fill('confirm'));
    expect(next.prompter.asked[6]!.message).toMatch(/Rate your pain/);

    // Gone on with there too, the second computer takes the first's screens without a word of them, and asks no more.
    const back = join(source.home, 'back.json');
    expect((await run(['export', '--format', 'json', '-o', back], { home: source.home, now: nextDay })).code).toBe(0);
    const returned = await run(['import', back], { home: target.home, now: nextDay });
    expect(returned.code, returned.stderr).toBe(0);
    expect(returned.stderr).not.toContain('safety questions');
    const there = await run(['session', 'joint-chain', ...setUpFlags], { home: target.home, tty: true, now: nextDay, answers: [5, 'stop'] });
    expect(there.prompter.asked[0]!.message).toMatch(/Rate your pain/);
  });
  it('says that a backup of a period restores that period only, and says nothing of it when merging', async () => {
    const partial = join(source.home, 'partial.json');
    const exported = await run(['export', '--format', 'json', '--since', '2026-10-08', '-o', partial], { home: source.home, now: NOW });
    // Notes are wrapped to fit the terminal: compared here as one line.
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    expect(oneLine(exported.stderr)).toContain('This backup holds 2026-10-08 to 2026-11-20 only: for a full one, leave out --since and --until.');
    const note = 'The file holds only the records from 2026-10-08 on: a drill set aside or kept before then is not in it';
    const restored = await importInto(target.home, [partial]);
    expect(restored.code).toBe(0);
    expect(oneLine(restored.stderr)).toContain(note);
    // Into a store that has its own history, the file adds to it.
    const merged = await importInto(source.home, [partial]);
    expect(merged.code).toBe(0);
    expect(oneLine(merged.stderr)).not.toContain(note);
    const empty = tempHome();
    const another = tempHome();
    try {
      // A full backup restores with no such note.
      const whole = await importInto(empty.home, [backup]);
      expect(whole.code).toBe(0);
      expect(oneLine(whole.stderr)).not.toMatch(/holds (only|the records up to)/);
      // One that ends early restores the buckets as they stood then, and says so.
      const early = join(source.home, 'early.json');
      expect((await run(['export', '--json', '--until', '2026-10-08', '-o', early], { home: source.home, now: NOW })).code).toBe(0);
      const restored = await importInto(another.home, [early]);
      expect(oneLine(restored.stderr)).toContain('The file holds the records up to 2026-10-08 only: your buckets are restored as they stood then.');
    } finally {
      empty.cleanup();
      another.cleanup();
    }
  });

  it('says what a backup of a period leaves out into a store with no sessions, whatever its settings, and names both ends of the period', async () => {
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const partial = join(source.home, 'partial.json');
    expect((await run(['export', '--json', '--since', '2026-10-08', '-o', partial], { home: source.home, now: NOW })).code).toBe(0);
    // A new computer already set up like the old one: the settings are the file's, and there is no session yet.
    await Store.open({ ITB_HOME: target.home }).update(() => ({ ...emptyStore(), settings: sampleStore().settings }));
    for (const [args, shows] of [[[partial, '--dry-run'], 'would show'], [[partial], 'shows']] as const) {
      const result = await importInto(target.home, [...args]);
      expect(result.code, result.stderr).toBe(0);
      expect(oneLine(result.stderr)).toContain(`The file holds only the records from 2026-10-08 on: a drill set aside or kept before then is not in it, so it ${shows} as untested`);
    }

    const between = join(source.home, 'between.json');
    expect((await run(['export', '--json', '--since', '2026-10-05', '--until', '2026-10-15', '-o', between], { home: source.home, now: NOW })).code).toBe(0);
    const empty = tempHome();
    try {
      const tried = await importInto(empty.home, [between, '--dry-run']);
      expect(oneLine(tried.stderr)).toContain('The file holds only the records from 2026-10-05 to 2026-10-15: your buckets would be restored as they stood at its end');
      const restored = await importInto(empty.home, [between]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(oneLine(restored.stderr)).toContain(
        'The file holds only the records from 2026-10-05 to 2026-10-15: your buckets are restored as they stood at its end, ' +
          'except that a drill set aside or kept before 2026-10-05 is not in it, so it shows as untested until tried again.',
      );
    } finally {
      empty.cleanup();
    }
  });

  it('takes a backup whose period ends on the day it was made, or later, as a whole one', async () => {
    // Written so by an earlier itb, or edited: nothing after the moment of the backup was left out.
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    for (const until of ['2026-11-20', '2027-01-31']) {
      const whole = join(source.home, `until-${until}.json`);
      writeFileSync(whole, JSON.stringify({ ...file, period: { since: null, until } }));
      const empty = tempHome();
      try {
        const restored = await importInto(empty.home, [whole]);
        expect(restored.code, restored.stderr).toBe(0);
        expect(oneLine(restored.stderr)).not.toContain('The file holds');
      } finally {
        empty.cleanup();
      }
    }
    const between = join(source.home, 'between.json');
    writeFileSync(between, JSON.stringify({ ...file, period: { since: '2026-10-08', until: '2026-11-20' } }));
    const restored = await importInto(target.home, [between]);
    expect(oneLine(restored.stderr)).toContain('The file holds only the records from 2026-10-08 on: a drill set aside or kept before then is not in it');
  });

  it('takes a backup written before the period named its time zone, as it took it then', async () => {
    const partial = join(source.home, 'partial.json');
    expect((await run(['export', '--json', '--since', '2026-10-08', '-o', partial], { home: source.home, now: NOW })).code).toBe(0);
    const file = JSON.parse(readFileSync(partial, 'utf8')) as ExportFile;
    expect(file.period).toEqual({ since: '2026-10-08', until: null, timeZone: 'America/St_Johns' });
    delete file.period.timeZone;
    const older = join(source.home, 'older.json');
    writeFileSync(older, JSON.stringify({ ...file, schemaVersion: 1 }));
    const restored = await importInto(target.home, [older]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain('Imported 2 sessions');
    expect(restored.stderr.replace(/\s+/g, ' ')).toContain('The file holds only the records from 2026-10-08 on: a drill set aside or kept before then is not in it');
    expect(Store.open({ ITB_HOME: target.home }).read().sessions).toEqual(file.sessions);
  });

  it("counts the day a backup was made in its period's time zone, and names that zone when it is not this computer's", async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const restore = async (name: string, period: ExportFile['period'], exportedAt: string) => {
      const path = join(source.home, name);
      writeFileSync(path, JSON.stringify({ ...file, exportedAt, period }));
      const empty = tempHome();
      try {
        const restored = await importInto(empty.home, [path]);
        expect(restored.code, restored.stderr).toBe(0);
        return oneLine(restored.stderr);
      } finally {
        empty.cleanup();
      }
    };
    // Made in Tokyo half an hour after midnight, 21 November there and still 20 November here: a
    // backup up to 20 November left out the half hour since, and the buckets are those of its end.
    const tokyo = await restore('tokyo.json', { since: null, until: '2026-11-20', timeZone: 'Asia/Tokyo' }, '2026-11-20T15:30:00.000Z');
    expect(tokyo).toContain('The file holds the records up to 2026-11-20 only (days in Asia/Tokyo): your buckets are restored as they stood then.');
    // Made in Los Angeles in the evening of 20 November, already the 21st here: up to that day is up to then.
    const angeles = await restore('angeles.json', { since: null, until: '2026-11-20', timeZone: 'America/Los_Angeles' }, '2026-11-21T04:00:00.000Z');
    expect(angeles).not.toContain('The file holds');
    // A zone this computer does not know is a zone all the same: the day is then counted here.
    const unknown = await restore('unknown.json', { since: '2026-10-08', until: null, timeZone: 'America/Not_Yet_Named' }, file.exportedAt);
    expect(unknown).toContain('The file holds only the records from 2026-10-08 on (days in America/Not_Yet_Named): a drill set aside');
  });

  it('refuses a file whose session differs from the store’s one with the same id, writing nothing', async () => {
    const changed = sampleStore();
    changed.sessions[1]!.baseline = 9;
    await Store.open({ ITB_HOME: target.home }).update(() => changed);
    const before = storeBytes(target.home);
    const result = await importInto(target.home, [backup]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds a session that differs from your store\'s own record of it');
    expect(result.stderr).toContain('Nothing was imported');
    expect(storeBytes(target.home).equals(before)).toBe(true);
  });

  it('names each differing session as history shows it, with its place and line in the file and what differs, and where the store is', async () => {
    const changed = sampleStore();
    changed.sessions[1]!.baseline = 9;
    changed.sessions[1]!.attempts[0]!.before = 9;
    changed.sessions[2]!.movement = 'running';
    await Store.open({ ITB_HOME: target.home }).update(() => changed);
    const text = readFileSync(backup, 'utf8');
    const backed = JSON.parse(text) as ExportFile;
    const result = await importInto(target.home, [backup, '--dry-run']);
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    expect(result.code).toBe(2);
    // The backup holds each session on a line of its own.
    const about = (index: number) => {
      const session = backed.sessions[index]!;
      return `${localDateTime(new Date(session.startedAt))}, ${session.routine}, line ${lineHolding(text, `{"id":"${session.id}"`)}`;
    };
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      `  sessions.1 (${about(1)}): baseline and attempts differ from your store's`,
      `  sessions.2 (${about(2)}): movement differs from your store's`,
    ]);
    expect(result.stderr).toContain('holds 2 sessions that differ from your store\'s own records of them');
    expect(oneLine(result.stderr)).toContain(`move your store (${join(target.home, 'store.json')}) away and import the file into an empty one`);
  });

  it('names a differing manual move by its own place, time and drill when others come before it in the file', async () => {
    await Store.open({ ITB_HOME: target.home }).update(() => sampleStore());
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    const move = file.moves[0]!;
    const earlier = { exerciseId: 'clamshells', bucket: 'rehab' as const, at: '2026-10-01T09:00:00.000Z' };
    file.moves = [earlier, { ...move, note: 'Keep it out until the knee settles' }];
    const edited = join(target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      `  moves.1 (${localDateTime(new Date(move.at))}, ${move.exerciseId}): note differs from your store's`,
    ]);
    expect(Store.open({ ITB_HOME: target.home }).read().moves).toHaveLength(1);
  });

  it('refuses a file whose manual move differs from the store’s move of the same drill at the same instant, rather than keep both', async () => {
    await Store.open({ ITB_HOME: target.home }).update(() => sampleStore());
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    const move = file.moves[0]!;
    move.note = 'Keep it out until the knee settles';
    const edited = join(target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const before = storeBytes(target.home);
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`  moves.0 (${localDateTime(new Date(move.at))}, ${move.exerciseId}): note differs from your store's`);
    expect(result.stderr).toContain('holds a manual move that differs from your store\'s own record of it');
    expect(storeBytes(target.home).equals(before)).toBe(true);
    expect(Store.open({ ITB_HOME: target.home }).read().moves).toHaveLength(1);
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

  it('says a file with nothing in it is empty, rather than not JSON', async () => {
    for (const [name, content] of [['empty.json', ''], ['blank.json', '\uFEFF \n\n']] as const) {
      const file = join(target.home, name);
      writeFileSync(file, content);
      const result = await importInto(target.home, [file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`error: ${file} is empty\n`);
    }
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('refuses a backup saved in another encoding, naming the first byte that is not UTF-8', async () => {
    const text = readFileSync(backup, 'utf8');
    const at = text.indexOf('"movement": "') + '"movement": "'.length;
    const edited = join(target.home, 'latin1.json');
    // An editor saving "Café squat" as Latin-1 writes é as the one byte 0xE9.
    writeFileSync(edited, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(` ${text.slice(at)}`)]));
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    const line = text.slice(0, at).split('\n').length;
    const col = at - text.lastIndexOf('\n', at - 1) + 3;
    expect(result.stderr.split('\n')[0]).toBe(`error: ${edited} is not UTF-8 text: byte 0xE9 at line ${line}, column ${col}`);
    expect(result.stderr).toContain('Nothing was imported.');
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('lists what is wrong with a backup changed since itb wrote it, and says it is one', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8'));
    file.sessions[0].attempts[0].after = 12;
    delete file.settings;
    file.extra = true;
    const wrong = join(target.home, 'wrong.json');
    writeFileSync(wrong, JSON.stringify(file));
    const result = await importInto(target.home, [wrong]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}settings: missing$/m);
    expect(result.stderr).toMatch(/^ {2}sessions\.0\.attempts\.0\.after: must be at most 10, not 12$/m);
    expect(result.stderr).toMatch(/^ {2}extra: unknown field; an itb backup has: schemaVersion, exportedAt, period, settings, sessions, /m);
    expect(result.stderr).toContain(`error: ${wrong} is an itb backup that cannot be read back as it is (3 problems)`);
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('undo the changes made to it since (listed above), or export again.');
    expect(result.stderr).not.toContain('not an itb export');
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('says that JSON with no time a backup was made is not an itb export', async () => {
    const other = join(target.home, 'other.json');
    writeFileSync(other, JSON.stringify({ name: 'my notes', sessions: [] }));
    const result = await importInto(target.home, [other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}exportedAt: missing$/m);
    expect(result.stderr).toContain(`error: ${other} is not an itb export (`);
    expect(result.stderr).toContain('Use a file written by `itb export -o backup.json`.');
  });

  it('says that another program’s export, with a time it was made but no itb export version, is not an itb export', async () => {
    const other = join(target.home, 'other.json');
    writeFileSync(other, JSON.stringify({ exportedAt: '2026-11-01T08:00:00.000Z', sessions: [] }));
    const result = await importInto(target.home, [other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}schemaVersion: missing$/m);
    expect(result.stderr).toContain(`error: ${other} is not an itb export (`);
    expect(result.stderr).not.toContain('is an itb backup');
  });

  it('names the line of each problem in a backup edited by hand, so that it can be found in a long file', async () => {
    // The backup as itb writes it, each session on a line of its own, edited there in an editor.
    const text = readFileSync(backup, 'utf8');
    const lines = text.split('\n');
    const edit = (id: string, from: RegExp, to: string) => {
      const at = lines.findIndex((line) => line.includes(`{"id":"${id}"`));
      expect(lines[at]).toMatch(from);
      lines[at] = lines[at]!.replace(from, to);
      return at + 1;
    };
    const scored = edit('session-three', /"after":\d+/, '"after":11');
    const unnamed = edit('session-two', /"routine":"[^"]*",/, '');
    const misspelt = edit('session-one', /"startedAt"/, '"startedat"');
    const edited = join(target.home, 'edited.json');
    writeFileSync(edited, lines.join('\n'));
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(problems).toContain(`  sessions.0.startedat (line ${misspelt}): unknown field; a session has: id, startedAt, endedAt, status, routine, side, symptom, movement, thresholds, loading, baseline, attempts, results`);
    // A field taken out is shown on the line of the session that lacks it.
    expect(problems).toContain(`  sessions.0.startedAt (line ${misspelt}): missing`);
    expect(problems).toContain(`  sessions.1.routine (line ${unnamed}): missing`);
    expect(problems).toContain(`  sessions.2.attempts.0.after (line ${scored}): must be at most 10, not 11`);
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('names the line of a problem in a backup an editor laid out afresh, one field a line', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    file.sessions[1]!.attempts[1]!.after = 11;
    const text = JSON.stringify(file, null, 2);
    const edited = join(target.home, 'laid-out.json');
    writeFileSync(edited, text);
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^ {2}sessions\\.1\\.attempts\\.1\\.after \\(line ${lineHolding(text, '"after": 11')}\\): must be at most 10, not 11$`, 'm'));
  });

  it('says how a day of the period is written when one was written another way', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    file.period = { since: '15/10/2026', until: null };
    const edited = join(target.home, 'period.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}period\.since: must be a day such as 2026-11-20, not "15\/10\/2026"$/m);
    expect(result.stderr).not.toContain('expected way');
  });

  it('names each field it does not know where it stands, with the fields that belong there', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8'));
    // Hand edits: a misspelt time, a field of another program, one with a space in its name.
    file.sessions[1].startedat = file.sessions[1].startedAt;
    file.sessions[1].results[0].comment = 'felt good';
    file.settings['flare rise'] = 4;
    file.screenings[0].answers.fall = true;
    const edited = join(target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(problems).toEqual([
      '  settings: unknown field "flare rise"; settings have: minImprovement, flareRise, retestAfterDays, side, symptom, movement',
      '  sessions.1.results.0.comment: unknown field; a result has: exerciseId, name, outcome, flare, at',
      '  sessions.1.startedat: unknown field; a session has: id, startedAt, endedAt, status, routine, side, symptom, movement, thresholds, loading, baseline, attempts, results',
      '  screenings.0.answers.fall: unknown field; the questions are: recent-injury, swelling, locking-or-giving-way, numbness-or-tingling, fever-or-unwell, night-or-rest-pain',
    ]);
    expect(result.stderr).toContain(`error: ${edited} is an itb backup that cannot be read back as it is (4 problems)`);
    expect(result.stderr).not.toMatch(/Unrecognized/);
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('refuses thresholds outside the method\'s ranges, where every unchanged score would count as helping or any rise as a flare-up', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8'));
    file.settings.minImprovement = 0;
    file.sessions[0].thresholds.flareRise = 1;
    const edited = join(target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(problems).toEqual([expect.stringMatching(/^  settings\.minImprovement/), expect.stringMatching(/^  sessions\.0\.thresholds\.flareRise/)]);
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('names the fields of an attempt and of a manual move beside a field they do not have', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8'));
    file.sessions[1].attempts[0].comment = 'slowly';
    file.moves[0].reason = 'sore';
    const edited = join(target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      '  sessions.1.attempts.0.comment: unknown field; an attempt has: exerciseId, attempt, before, after, verdict, at, holds',
      '  moves.0.reason: unknown field; a manual move has: exerciseId, bucket, note, at',
    ]);
  });

  it('says in plain words when the file is a list, not a backup', async () => {
    const list = join(target.home, 'list.json');
    writeFileSync(list, '[]');
    const result = await importInto(target.home, [list]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}\(file\): an itb backup is a set of fields, not a list$/m);
    expect(result.stderr).not.toMatch(/expected|received/i);
  });

  it('refuses a movement longer than itb takes when it is typed', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8'));
    file.sessions[2].movement = 'x'.repeat(100_000);
    const tampered = join(target.home, 'long.json');
    writeFileSync(tampered, JSON.stringify(file));
    const result = await importInto(target.home, [tampered]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}sessions\.2\.movement: must be at most 200 characters/m);
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('refuses text with control characters, which could rewrite a terminal screen, and says where', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8'));
    file.sessions[0].movement = 'squat\u001b[2J';
    file.sessions[0].results[0].name = 'Clams\u202Ehells';
    const tampered = join(target.home, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(file));
    const result = await importInto(target.home, [tampered]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds text with control characters (2 fields)');
    expect(result.stderr).toMatch(/^ {2}sessions\.0\.movement: holds a control character \(U\+001B\)$/m);
    expect(result.stderr).toMatch(/^ {2}sessions\.0\.results\.0\.name: holds a control character \(U\+202E\)$/m);
    expect(result.stderr).not.toContain('\u001b[2J');
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('explains that a FHIR report cannot be read back', async () => {
    const fhir = join(source.home, 'report.fhir.json');
    expect((await run(['export', '--format', 'fhir', '-o', fhir], { home: source.home, now: NOW })).code).toBe(0);
    const result = await importInto(target.home, [fhir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a FHIR report');
    expect(result.stderr).toContain('`itb export -o backup.json` writes one');
  });

  it('says that the CSV, HTML and Markdown reports cannot be read back, rather than where they stop being JSON', async () => {
    for (const [format, kind] of [
      ['csv', 'a CSV report'],
      ['html', 'an HTML report'],
      ['md', 'a Markdown report'],
    ] as const) {
      const report = join(source.home, `report.${format}`);
      expect((await run(['export', '--format', format, '-o', report], { home: source.home, now: NOW })).code).toBe(0);
      const result = await importInto(target.home, [report]);
      expect(result.code, format).toBe(2);
      expect(result.stderr).toBe(`error: ${report} is ${kind}, which itb cannot read back\nImport a backup instead: \`itb export -o backup.json\` writes one.\n`);
      expect(existsSync(join(target.home, 'store.json'))).toBe(false);
    }
  });

  it('says that an exercise library is used where it is, not imported, rather than where it stops being JSON', async () => {
    const library = join(source.home, 'my library.yaml');
    writeFileSync(library, readFileSync(join(import.meta.dirname, '../../data/library.yaml')));
    const result = await importInto(target.home, [library]);
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toBe(
      `error: ${library} looks like an exercise library, not a backup Nothing was imported. A library is used from where it is: ` +
        `\`itb --data '${library}' session\` (or ITB_DATA, see "Your own exercise library" in the README); \`itb validate '${library}'\` checks it. `,
    );
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('says that a zipped or gzipped backup is to be unpacked first, and that a PDF cannot be read back, rather than call them text in another encoding', async () => {
    const json = readFileSync(backup);
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    for (const [name, bytes, error, hint] of [
      ['backup.json.gz', gzipSync(json), 'is a compressed (gzip) file, not a backup itself', 'Unpack it first (open it, or run gunzip)'],
      ['backup.zip', Buffer.concat([zipHeader, deflateRawSync(json)]), 'is a zip archive, not a backup itself', 'Unpack it first (open it, or run unzip)'],
      ['report.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'is a PDF document, which itb cannot read back', 'Import a backup instead: `itb export -o backup.json` writes one.'],
    ] as const) {
      const file = join(source.home, name);
      writeFileSync(file, bytes);
      const result = await importInto(target.home, [file]);
      expect(result.code, name).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`error: ${file} ${error}`);
      expect(result.stderr.replace(/\n/g, ' ')).toContain(hint);
      expect(result.stderr).not.toContain('encoding');
      expect(existsSync(join(target.home, 'store.json'))).toBe(false);
    }
  });

  it('says which command printed a --json summary given as a backup, and how to make one', async () => {
    for (const command of [['history'], ['buckets'], ['settings'], ['exercises'], ['routines']]) {
      const printed = await run([...command, '--json'], { home: source.home, now: NOW });
      expect(printed.code).toBe(0);
      const saved = join(source.home, `${command[0]}.json`);
      writeFileSync(saved, printed.stdout);
      const result = await importInto(target.home, [saved]);
      expect(result.code, command[0]).toBe(2);
      // The hint is wrapped to fit the terminal.
      expect(result.stderr.replace(/\s+/g, ' ')).toBe(
        `error: ${saved} is what \`itb ${command[0]} --json\` prints, which itb cannot read back ` +
          'Nothing was imported. A backup is written by `itb export -o backup.json`. ',
      );
      expect(existsSync(join(target.home, 'store.json'))).toBe(false);
    }
  });

  it('says that a store file is a store, not a backup, and how to use it or make a backup of it', async () => {
    const store = join(source.home, 'store.json');
    const result = await importInto(target.home, [store]);
    expect(result.code).toBe(2);
    const [error, ...hint] = result.stderr.trimEnd().split('\n');
    expect(error).toBe(`error: ${store} is an itb store, not a backup`);
    const advice = hint.join(' ');
    expect(advice).toContain(`ITB_HOME=${source.home} itb buckets`);
    expect(advice).toContain(`ITB_HOME=${source.home} itb export --format json -o backup.json`);
    expect(result.stderr).not.toMatch(/problem|missing/);
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);

    // Under another name, it cannot be used where it is: it has to be store.json.
    const copy = join(source.home, 'old-laptop.json');
    writeFileSync(copy, readFileSync(store));
    const renamed = await importInto(target.home, [copy]);
    expect(renamed.stderr.split('\n')[0]).toBe(`error: ${copy} is an itb store, not a backup`);
    expect(renamed.stderr.replace(/\n/g, ' ')).toContain('copy it under that name into a folder of its own');
  });

  it('says that the store in use, given by its path or through a link, is the store itb is using, with nothing to import', async () => {
    const store = join(source.home, 'store.json');
    const before = storeBytes(source.home);
    const link = join(target.home, 'my-store.json');
    symlinkSync(store, link);
    for (const given of [store, link]) {
      const result = await importInto(source.home, [given]);
      expect(result.code).toBe(2);
      expect(result.stderr.replace(/\s+/g, ' ')).toBe(
        `error: ${given} is the store itb is using, so there is nothing to import from it ` +
          'Nothing was imported. Everything in it is already yours here: `itb history` and `itb buckets` show it. To import, give a backup that `itb export -o backup.json` wrote. ',
      );
    }
    expect(storeBytes(source.home)).toEqual(before);
  });

  it('says that a file kept beside the store is not a backup, and points to the store.json beside it', async () => {
    for (const name of ['store.json.checked', 'store.json.summary']) {
      const sidecar = join(source.home, name);
      expect(existsSync(sidecar)).toBe(true);
      const result = await importInto(target.home, [sidecar]);
      expect(result.code).toBe(2);
      const [error, ...hint] = result.stderr.trimEnd().split('\n');
      expect(error).toBe(`error: ${sidecar} is one of the files itb keeps beside its store to read it faster, not a backup`);
      const advice = hint.join(' ');
      expect(advice).toContain('The store itself is the store.json beside it.');
      expect(advice).toContain(`ITB_HOME=${source.home} itb export --format json -o backup.json`);
      expect(existsSync(join(target.home, 'store.json'))).toBe(false);
    }
  });

  it('keeps each command of the advice for a store on one line, to copy, however long its folder', async () => {
    // A folder path of 27 characters, with which the longer command just fits a line of 80 columns.
    const folder = join(source.home, 'old-laptop'.slice(0, Math.max(1, 26 - source.home.length)));
    mkdirSync(folder);
    copyFileSync(join(source.home, 'store.json'), join(folder, 'store.json'));
    const result = await importInto(target.home, [join(folder, 'store.json')]);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    for (const command of [`ITB_HOME=${folder} itb buckets`, `ITB_HOME=${folder} itb export --format json -o backup.json`]) {
      expect(lines.some((line) => line.includes(command)), command).toBe(true);
    }
  });

  it('quotes a folder with spaces in the advice for a store, so that each command can be typed as it is given', async () => {
    const folder = join(source.home, "Sam's old laptop é");
    mkdirSync(folder);
    copyFileSync(join(source.home, 'store.json'), join(folder, 'store.json'));
    const result = await importInto(target.home, [join(folder, 'store.json')]);
    expect(result.code).toBe(2);
    const advice = result.stderr.split('\n').slice(1).join(' ');
    const quoted = `'${source.home}/Sam'\\''s old laptop é'`;
    expect(advice).toContain(`(\`ITB_HOME=${quoted} itb buckets\`)`);
    expect(advice).toContain(`(\`ITB_HOME=${quoted} itb export --format json -o backup.json\`)`);
    // Read by a shell, the ITB_HOME given names the folder itself.
    const assignment = /`(ITB_HOME=[^`]+) itb buckets`/.exec(advice)![1]!;
    expect(execFileSync('sh', ['-c', `${assignment}; printf %s "$ITB_HOME"`], { encoding: 'utf8' })).toBe(folder);
  });

  it('says that a backup copied in as store.json is a backup, keeps it as it is, and how to bring it in', async () => {
    const store = join(target.home, 'store.json');
    writeFileSync(store, readFileSync(backup), { mode: 0o600 });
    const copied = readFileSync(store);
    for (const args of [['buckets'], ['history'], ['import', backup]]) {
      const result = await run(args, { home: target.home, now: NOW });
      expect(result.code).toBe(2);
      const [error, ...hint] = result.stderr.trimEnd().split('\n');
      expect(error).toBe(`error: the itb store ${store} is a backup written by \`itb export\`, put in the store's place`);
      expect(hint.join(' ')).toContain(`\`itb import ${join(target.home, 'backup.json')}\``);
      expect(readFileSync(store).equals(copied)).toBe(true);
    }
    // Done as the hint says, the backup is restored.
    renameSync(store, join(target.home, 'backup.json'));
    const restored = await importInto(target.home, [join(target.home, 'backup.json')]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: target.home }).read()).toEqual(Store.open({ ITB_HOME: source.home }).read());
  });

  it('into a damaged store, says to move the file away before importing, since the import cannot read it either', async () => {
    const store = join(target.home, 'store.json');
    writeFileSync(store, 'not json', { mode: 0o600 });
    const refused = await importInto(target.home, [backup]);
    expect(refused.code).toBe(2);
    const [error, ...hint] = refused.stderr.trimEnd().split('\n');
    expect(error).toBe(`error: the itb store ${store} is not valid JSON`);
    // The command to run again names the file just given, not a placeholder.
    expect(hint.join(' ')).toBe(`Nothing was changed. Move the file away to start afresh; then, to restore your data from an export, run \`itb import ${backup}\`.`);
    // One the shell would split is quoted.
    const spaced = join(target.home, "my backup's copy.json");
    copyFileSync(backup, spaced);
    const quoted = await importInto(target.home, [spaced]);
    expect(quoted.stderr.replace(/\s*\n\s*/g, ' ')).toContain(`run \`itb import '${join(target.home, 'my backup')}'\\''s copy.json'\`.`);
    expect(readFileSync(store, 'utf8')).toBe('not json');
    // Done as the hint says, the backup is restored.
    renameSync(store, join(target.home, 'store.json.damaged'));
    const restored = await importInto(target.home, [backup]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: target.home }).read()).toEqual(Store.open({ ITB_HOME: source.home }).read());
  });

  it('says when records of the file are dated after now, and that a later session or move still counts', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ');
    const latest = localDateTime(new Date(sessionThree.startedAt));
    // Made on a computer whose clock ran ahead: two sessions and a manual move are "in the future".
    const early = await run(['import', '--dry-run', backup], { home: target.home, now: new Date('2026-10-05T12:00:00Z') });
    expect(early.code).toBe(0);
    expect(said(early.stderr)).toContain(
      `3 records in the file are dated after now, up to ${latest}: the clock of the computer that made them was likely ahead, or this one's is behind. ` +
        'They would be imported as dated. A later session or `itb buckets move` still changes a drill they decided, dated just after them: a drill set aside by hand is then offered for a re-test only after that time, one a session set aside from the day it was tested.',
    );
    const one = await run(['import', backup], { home: target.home, now: new Date('2026-10-15T12:00:00Z') });
    expect(one.code).toBe(0);
    expect(said(one.stderr)).toContain(`1 record in the file is dated after now, up to ${latest}: the clock of the computer that made it was likely ahead`);
    expect(said(one.stderr)).toContain('It was imported as dated. A later session or `itb buckets move` still changes a drill it decided, dated just after it:');
    // Half an hour ahead is two clocks that differ a little: nothing said.
    const skewed = await run(['import', '--dry-run', backup], { home: source.home, now: new Date(Date.parse(sessionThree.startedAt) - 30 * 60_000) });
    expect(skewed.code).toBe(0);
    expect(skewed.stderr).not.toContain('dated after now');
  });

  it('asks for a newer itb for a newer export, and names a missing file', async () => {
    const newer = join(target.home, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...JSON.parse(readFileSync(backup, 'utf8')), schemaVersion: EXPORT_SCHEMA_VERSION + 1 }));
    const future = await importInto(target.home, [newer]);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('newer itb');
    // A version no itb writes (too large for a number) is damage, not a newer itb.
    writeFileSync(newer, readFileSync(backup, 'utf8').replace(/"schemaVersion": *2/, '"schemaVersion": 1e400'));
    const damaged = await importInto(target.home, [newer]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toContain('schemaVersion (line 2): must be one of: 1, 2 (not Infinity)');
    expect(damaged.stderr).not.toContain('newer itb');

    const missing = await importInto(target.home, [join(target.home, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file not found');
    expect(missing.stderr).toContain('Give the path of a backup that `itb export -o backup.json` wrote.');

    // A link to a backup on a drive not connected: the link is there, its file is not.
    const link = join(target.home, 'latest.json');
    symlinkSync('/media/usb/itb/backup.json', link);
    const dangling = await importInto(target.home, [link]);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain(`error: cannot read ${link}: it is a link to /media/usb/itb/backup.json, which is not there`);
  });
});

describe('itb import reads only a regular file of a backup’s size', () => {
  /** Runs the import of `file`, expecting it refused with `message` and the store untouched. */
  async function expectRefused(file: string, message: string) {
    await Store.open({ ITB_HOME: target.home }).update(() => sampleStore());
    const before = storeBytes(target.home);
    const result = await importInto(target.home, [file]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${message}`);
    expect(result.stdout).toBe('');
    expect(storeBytes(target.home).equals(before)).toBe(true);
    return result;
  }

  it('asks for a file name when it is given an empty one', async () => {
    for (const name of ['', '  ']) {
      const result = await expectRefused(name, 'itb import needs the name of a backup file');
      expect(result.stderr).toContain('For example: `itb import backup.json`');
    }
  });

  it('says that it reads a file, not standard input, when given `-`', async () => {
    const result = await expectRefused('-', 'itb import reads a backup from a file, not from standard input');
    expect(result.stderr).toContain('Save the backup to a file first, then give its name: `itb import backup.json`.');
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe at once instead of waiting for a writer', async () => {
    const pipe = join(target.home, 'backup.json');
    execFileSync('mkfifo', [pipe]);
    const result = await expectRefused(pipe, `cannot read ${pipe}: it is a named pipe (FIFO), not a regular file`);
    expect(result.stderr).toContain('Give the path of a backup that `itb export -o backup.json` wrote.');
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device that never ends without reading it', async () => {
    await expectRefused('/dev/zero', 'cannot read /dev/zero: it is a device, not a regular file');
  });

  it('refuses a file larger than 100 MB without reading it', async () => {
    const huge = join(target.home, 'huge.json');
    // Sparse: as large as that to the file system, without writing 100 MB.
    writeFileSync(huge, '');
    truncateSync(huge, 100 * 1024 * 1024 + 1);
    const result = await expectRefused(huge, `cannot read ${huge}: it is larger than 100 MB, the most itb imports`);
    expect(result.stderr).toContain('about 6 MB');
  });

  it.skipIf(process.platform === 'win32')('says in words that a link leads back to itself', async () => {
    const loop = join(target.home, 'loopA');
    symlinkSync(loop, loop);
    await expectRefused(loop, `cannot read ${loop}: it is a link that leads back to itself`);
  });
});

describe('itb import refuses a backup whose records contradict each other', () => {
  const edited = (edit: (file: ExportFile) => void): string => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as ExportFile;
    edit(file);
    const path = join(target.home, 'edited.json');
    writeFileSync(path, JSON.stringify(file, null, 2));
    return path;
  };
  const ownStore = async () => {
    const own: StoreData = { ...emptyStore(), sessions: [{ ...structuredClone(sessionThree), id: 'own-session' }] };
    await Store.open({ ITB_HOME: target.home }).update(() => own);
    return storeBytes(target.home);
  };

  // The fixture's sessions: 0 session-one (baseline 6, lateral ankle tilts 6 → 4 first), 1 session-two
  // (clamshells 5 → 3, then hip hikes flaring), 2 session-three (glute stretch 4 → 2).
  const edits: [string, (file: ExportFile) => void, (session: (index: number) => string) => string[]][] = [
    [
      'a verdict that does not follow from the scores',
      (file) => (file.sessions[1]!.attempts[0]!.verdict = 'flare'),
      (session) => [`  ${session(1)}: attempt 1 (clamshells): verdict "flare" does not follow from 5 → 3 with minImprovement 1 and flareRise 3 (that is "improved")`],
    ],
    [
      'an attempt of a drill no result names',
      (file) => (file.sessions[1]!.attempts[0]!.exerciseId = 'nope'),
      (session) => [
        `  ${session(1)}: result 1 (clamshells): outcome "rehab", but no attempt of clamshells leads to it`,
        `  ${session(1)}: attempt 1 (nope): matches no result of the session (its results name clamshells, hip-hikes)`,
      ],
    ],
    [
      'a before that breaks the chain',
      (file) => (file.sessions[0]!.attempts[0]!.before = 9),
      (session) => [`  ${session(0)}: attempt 1 (lateral-ankle-tilts): before 9 breaks the chain: the latest score was 6 (the baseline)`],
    ],
    [
      'attempts with no baseline',
      (file) => delete file.sessions[2]!.baseline,
      (session) => [`  ${session(2)}: no baseline score, yet the session records 1 attempt and 1 result`],
    ],
  ];

  it.each(edits)('%s: names the session as history shows it, its line and the attempt, and writes nothing (also with --dry-run)', async (_name, edit, expected) => {
    const file = edited(edit);
    const text = readFileSync(file, 'utf8');
    const { sessions } = JSON.parse(text) as ExportFile;
    // Indented as an editor shows it: each session opens on the line before its id.
    const session = (index: number) =>
      `sessions.${index} (${localDateTime(new Date(sessions[index]!.startedAt))}, ${sessions[index]!.routine}, line ${lineHolding(text, `"id": "${sessions[index]!.id}"`) - 1})`;
    const lines = expected(session);
    const before = await ownStore();
    for (const args of [[file], [file, '--dry-run']]) {
      const result = await importInto(target.home, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`error: ${file} has records that contradict each other in 1 session (${lines.length} problem${lines.length === 1 ? '' : 's'})`);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('  sessions.'))).toEqual(lines);
      expect(result.stderr).toContain('Nothing was imported.');
      expect(storeBytes(target.home).equals(before)).toBe(true);
    }
  });

  it('refuses a file holding the same session id twice, naming both places, even into an empty store', async () => {
    const file = edited((data) => data.sessions.push({ ...data.sessions[0]!, baseline: 3 }, { ...data.sessions[1]! }));
    const result = await importInto(target.home, [file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${file} holds 2 sessions under an id it already used`);
    const text = readFileSync(file, 'utf8');
    // Each session opens on the line before its id; the nth one with this id.
    const line = (id: string, nth: number) => text.split('\n').flatMap((held, index) => (held.includes(`"id": "${id}"`) ? [index] : []))[nth - 1];
    expect(result.stderr).toContain(`  sessions.3 (line ${line('session-one', 2)}): has the id of sessions.0 (line ${line('session-one', 1)}), session-one`);
    expect(result.stderr).toContain(`  sessions.4 (line ${line('session-two', 2)}): has the id of sessions.1 (line ${line('session-two', 1)}), session-two`);
    expect(result.stderr).not.toContain('your store');
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('lists five problems in full, with nothing said of more', async () => {
    const file = edited((data) => data.sessions.push(...[0, 1, 2, 0, 1].map((index) => ({ ...data.sessions[index]! }))));
    const result = await importInto(target.home, [file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${file} holds 5 sessions under an id it already used`);
    // Each repeat is named with the first session of its id, however many times the id came before.
    const pairs = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('  sessions.'))
      .map((line) => /^ {2}(sessions\.\d+) .*: has the id of (sessions\.\d+) /.exec(line)?.slice(1));
    expect(pairs).toEqual([
      ['sessions.3', 'sessions.0'],
      ['sessions.4', 'sessions.1'],
      ['sessions.5', 'sessions.2'],
      ['sessions.6', 'sessions.0'],
      ['sessions.7', 'sessions.1'],
    ]);
    expect(result.stderr).not.toContain('more');
  });

  it('creates no store when the store did not exist', async () => {
    const file = edited((data) => (data.sessions[1]!.attempts[0]!.verdict = 'flare'));
    expect((await importInto(target.home, [file])).code).toBe(2);
    expect(existsSync(join(target.home, 'store.json'))).toBe(false);
  });

  it('lists five problems and counts the rest', async () => {
    // Every verdict swapped: 7 attempts in 3 sessions, and the outcomes that no longer follow.
    const swap = { improved: 'not-improved', 'not-improved': 'improved', flare: 'improved' } as const;
    const file = edited((data) => data.sessions.forEach((session) => session.attempts.forEach((a) => (a.verdict = swap[a.verdict]))));
    const result = await importInto(target.home, [file]);
    expect(result.code).toBe(2);
    const total = Number(/in 3 sessions \((\d+) problems\)/.exec(result.stderr)?.[1]);
    expect(total).toBeGreaterThanOrEqual(7);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  sessions.'))).toHaveLength(5);
    expect(result.stderr).toContain(`  … and ${total - 5} more`);
  });

  it('takes in sessions recorded by real runs: retries, flares, skips, a stop and a Ctrl-C with a retry due', async () => {
    const real = tempHome();
    try {
      const flags = ['--side', 'left', '--symptom', 'pain', '--movement', 'stairs, two at a time', '--no-timer'];
      const sessions: [string, Answer[], number][] = [
        // ankle 6 → 4 helps; knee 4 → 4, retry 4 → 5 → avoid; hip 5 → 8 flares (the score meant); stop.
        ['joint-chain', [false, false, false, false, false, false, 6, 'done', 4, 'done', 4, 'done', 5, 'done', 8, true, false], 0],
        // The same day as that flare-up, each later session is started anyway (true), and the
        // routine left part way is started again from its first drill (false).
        // ankle 5 → 5, then skipped at the retry; knee 5 → 3 helps; hip 3 → 3, stopped at the retry.
        ['joint-chain', [true, false, 5, 'done', 5, 'skip', 'done', 3, 'done', 3, 'stop'], 0],
        // a flare on the last drill, the score meant, ends the session without asking to go on.
        ['balance', [true, 3, 'skip', 'done', 7, true], 0],
        // ankle skipped; knee 4 → 7 flares (the score meant), go on; hip 7 → 7, then Ctrl-C with the retry due.
        ['joint-chain', [true, false, 4, 'skip', 'done', 7, true, true, 'done', 7, CTRL_C], 130],
      ];
      // One morning, a second per answer: every session falls on the flare-up's day.
      let clock = Date.parse('2026-11-20T12:00:00Z');
      const now = () => new Date((clock += 1000));
      for (const [routine, answers, code] of sessions) {
        const ran = await run(['session', routine, ...flags], { home: real.home, tty: true, answers, now });
        expect(ran.code, ran.stderr).toBe(code);
        expect(ran.prompter.remaining).toBe(0);
      }
      const recorded = Store.open({ ITB_HOME: real.home }).read().sessions;
      expect(recorded.map((s) => s.status)).toEqual(['stopped', 'stopped', 'completed', 'interrupted']);
      expect(recorded[3]!.attempts.at(-1)).toMatchObject({ attempt: 1, verdict: 'not-improved' });

      const file = join(real.home, 'real.json');
      expect((await run(['export', '--format', 'json', '-o', file], { home: real.home, now })).code).toBe(0);
      const result = await importInto(target.home, [file]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('Imported 4 sessions');
      expect(Store.open({ ITB_HOME: target.home }).read().sessions).toEqual(recorded);
    } finally {
      real.cleanup();
    }
  });

  it('leaves a store that already holds such a session readable', async () => {
    const data = sampleStore();
    data.sessions[1]!.attempts[0]!.verdict = 'flare';
    await Store.open({ ITB_HOME: target.home }).update(() => data);
    const buckets = await run(['buckets', '--json'], { home: target.home, now: NOW });
    expect(buckets.code, buckets.stderr).toBe(0);
  });
});

