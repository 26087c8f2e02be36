// What `itb import` says of the bucket lists in a file, of resets, of a later safety screen, and of a backup of a period.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate, localDateTime } from '../../src/core/history.js';
import type { StoreData } from '../../src/core/records.js';
import { type ExportFile } from '../../src/export/schema.js';
import { Store } from '../../src/store/store.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore, sessionOne, sessionThree } from '../export/fixtures.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { run, tempHome } from '../helpers/run.js';
import { setUpFlags } from '../helpers/sessions.js';
import { importInto, NOW } from '../helpers/import-backup.js';

const homes = useBackupHomes(NOW);

describe('itb import', () => {
  it('says that bucket lists changed by hand in the file are not taken, what the records give instead, and how to move a drill', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    expect(file.buckets.avoid.length).toBeGreaterThan(0);
    // The therapist's edit: the first drill set aside put in the rehab list instead.
    const moved = file.buckets.avoid.shift()!;
    expect(moved).toBe('lunge-knee-circles');
    file.buckets.rehab.push(moved);
    const edited = join(homes.target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');

    const dry = await importInto(homes.target.home, [edited, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(oneLine(dry.stderr)).toContain(
      `The bucket lists in the file do not agree with its sessions and manual moves (the file was edited by hand), so they would not be taken: itb works out the buckets from those records, by which Forward 45° lunge knee circles is in avoid for now (the file has it in rehab). To move a drill yourself, run \`itb buckets move ${moved} rehab\`.`,
    );
    expect(dry.stderr.trimEnd().endsWith('Dry run: nothing was changed.')).toBe(true);

    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(0);
    expect(oneLine(result.stderr)).toContain('so they were not taken');
    const buckets = JSON.parse((await run(['buckets', '--json'], { home: homes.target.home, now: NOW })).stdout);
    expect(buckets.avoid.map((drill: { exerciseId: string }) => drill.exerciseId)).toContain(moved);

    // The backup as written says nothing of its lists.
    const fresh = tempHome();
    try {
      expect((await importInto(fresh.home, [homes.backup])).stderr).not.toContain('bucket lists');
    } finally {
      fresh.cleanup();
    }
  });

  it('says that the lists do not agree with the records, not that they were changed, when a session was taken out of the file', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    // Taken out by hand, as recorded by mistake: its drills keep their places in the lists.
    const [removed] = file.sessions.splice(1, 1);
    const edited = join(homes.target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(0);
    const said = result.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('The bucket lists in the file do not agree with its sessions and manual moves (the file was edited by hand), so they were not taken');
    // Named as the rest of the import names drills, though no session left in the file holds them.
    expect(removed!.results.map((result) => result.exerciseId)).toEqual(['clamshells', 'hip-hikes']);
    expect(said).toContain('Clamshells is untested (the file has it in rehab), Hip hikes is untested (the file has it in avoid for now).');
    expect(said).toContain('run `itb buckets move clamshells rehab`');
    expect(said).not.toContain('changed by hand');
  });

  it('says so, in a dry run too, when the file’s bucket reset clears the store’s own lists', async () => {
    const own: StoreData = { ...emptyStore(), sessions: [{ ...structuredClone(sessionThree), id: 'own-session', startedAt: '2026-11-01T12:00:00.000Z' }] };
    await Store.open({ ITB_HOME: homes.target.home }).update(() => ({ ...own, buckets: [] }));
    const ownBuckets = await run(['buckets', '--json'], { home: homes.target.home, now: NOW });
    expect(JSON.parse(ownBuckets.stdout).rehab).not.toEqual([]);
    // The other computer's lists were cleared after everything this store decided.
    expect((await run(['buckets', 'reset', '--force'], { home: homes.source.home, now: NOW })).code).toBe(0);
    const cleared = join(homes.source.home, 'cleared.json');
    expect((await run(['export', '--json', '-o', cleared], { home: homes.source.home, now: NOW })).code).toBe(0);
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const words = (would: string) =>
      `The file's buckets were cleared on 2026-11-20, so yours ${would} too: only what was decided since then puts a drill in a list`;
    const dry = await importInto(homes.target.home, [cleared, '--dry-run']);
    expect(oneLine(dry.stderr)).toContain(words('would be'));
    const merged = await importInto(homes.target.home, [cleared]);
    expect(oneLine(merged.stderr)).toContain(words('are'));
    expect(JSON.parse((await run(['buckets', '--json'], { home: homes.target.home, now: NOW })).stdout).rehab).toEqual([]);
    // Restored into an empty store there were no lists of its own: nothing to say. Nor the second time.
    const empty = tempHome();
    try {
      expect(oneLine((await importInto(empty.home, [cleared])).stderr)).not.toContain('were cleared');
    } finally {
      empty.cleanup();
    }
    expect(oneLine((await importInto(homes.target.home, [cleared])).stderr)).not.toContain('were cleared');
  });

  it('says which sessions from the file come from before the buckets were cleared here, and which drills they leave untested', async () => {
    // This computer ran a session of its own, then cleared its lists after everything the file holds.
    const own: StoreData = { ...emptyStore(), sessions: [{ ...structuredClone(sessionThree), id: 'own-session', startedAt: '2026-11-01T12:00:00.000Z' }] };
    await Store.open({ ITB_HOME: homes.target.home }).update(() => own);
    expect((await run(['buckets', 'reset', '--force'], { home: homes.target.home, now: NOW })).code).toBe(0);
    const later = new Date(NOW.getTime() + 60 * 60_000);
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    // By their days, first to last: the drills named next are what to act on.
    const sessions = `3 sessions from the file (${localDate(new Date('2026-10-01T12:00:00.000Z'))} to ${localDate(new Date('2026-10-20T12:00:00.000Z'))})`;
    const words = (kept: string) =>
      `${sessions} are from before your buckets were cleared here on 2026-11-20: they ${kept} in your history and the evidence, but the lists here count only what was decided since then. ` +
      'So Clamshells (rehab there), Forward 45° lunge knee circles (avoid for now there), Gentle IT band stretch (avoid for now there), Glute stretch (rehab there), Hip hikes (avoid for now there) and 2 more show as untested here. ' +
      'To put one back where it was there: `itb buckets move clamshells rehab`.';
    const dryRun = await run(['import', homes.backup, '--dry-run'], { home: homes.target.home, now: later });
    expect(oneLine(dryRun.stderr)).toContain(words('would be kept'));
    const imported = await run(['import', homes.backup], { home: homes.target.home, now: later });
    expect(imported.code, imported.stderr).toBe(0);
    expect(oneLine(imported.stderr)).toContain(words('are kept'));
    expect(JSON.parse((await run(['buckets', '--json'], { home: homes.target.home, now: later })).stdout).rehab).toEqual([]);
    // Said once: the second time, the file brings nothing.
    expect(oneLine((await run(['import', homes.backup], { home: homes.target.home, now: later })).stderr)).not.toContain('from before your buckets were cleared');
  });

  it('says nothing of a reset here that the file has too, made before the two computers parted', async () => {
    expect((await run(['buckets', 'reset', '--force'], { home: homes.source.home, now: NOW })).code).toBe(0);
    const cleared = join(homes.source.home, 'cleared.json');
    expect((await run(['export', '--json', '-o', cleared], { home: homes.source.home, now: NOW })).code).toBe(0);
    // This computer had the first session and the same reset: the file's other sessions were hidden there too.
    const { bucketsResetAt } = Store.open({ ITB_HOME: homes.source.home }).read();
    await Store.open({ ITB_HOME: homes.target.home }).update(() => ({ ...emptyStore(), sessions: [structuredClone(sessionOne)], bucketsResetAt }));
    const imported = await importInto(homes.target.home, [cleared]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('Imported 2 sessions (1 already present)');
    expect(imported.stderr).not.toContain('from before your buckets were cleared');
  });

  it('asks the safety questions again after taking a later screen from the other computer that did not go on, and says so', async () => {
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    // On the second computer, before any backup came over: a yes to swelling, and not gone on.
    const declined = await run(['session', 'joint-chain', ...setUpFlags], { home: homes.target.home, tty: true, now: NOW, answers: [false, true, false, false, false, false, false] });
    expect(declined.stdout).toContain('itb will ask these questions');
    const fromThere = join(homes.target.home, 'declined.json');
    expect((await run(['export', '--format', 'json', '-o', fromThere], { home: homes.target.home, now: NOW })).code).toBe(0);

    // The first computer went on after its screen of 2026-10-01; the one from the other is later.
    const dryRun = await importInto(homes.source.home, [fromThere, '--dry-run']);
    expect(oneLine(dryRun.stderr)).toContain(
      `The file's red-flag screen of ${localDateTime(NOW)} (yes to marked swelling) did not go on, and is the latest: the safety questions would come again before your next session.`,
    );
    const imported = await importInto(homes.source.home, [fromThere]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(oneLine(imported.stderr)).toContain('and is the latest: the safety questions come again before your next session.');
    const nextDay = new Date(NOW.getTime() + 24 * 60 * 60 * 1000);
    const next = await run(['session', 'joint-chain', ...setUpFlags], { home: homes.source.home, tty: true, now: nextDay, answers: [false, false, false, false, false, false, 5, 'stop'] });
    expect(next.code).toBe(0);
    expect(next.prompter.asked.slice(0, 6).map((asked) => asked.kind)).toEqual(Array(6).fill('confirm'));
    expect(next.prompter.asked[6]!.message).toMatch(/Rate your pain/);

    // Gone on with there too, the second computer takes the first's screens without a word of them, and asks no more.
    const back = join(homes.source.home, 'back.json');
    expect((await run(['export', '--format', 'json', '-o', back], { home: homes.source.home, now: nextDay })).code).toBe(0);
    const returned = await run(['import', back], { home: homes.target.home, now: nextDay });
    expect(returned.code, returned.stderr).toBe(0);
    expect(returned.stderr).not.toContain('safety questions');
    const there = await run(['session', 'joint-chain', ...setUpFlags], { home: homes.target.home, tty: true, now: nextDay, answers: [5, 'stop'] });
    expect(there.prompter.asked[0]!.message).toMatch(/Rate your pain/);
  });

  it('says that a backup of a period restores that period only, and says nothing of it when merging', async () => {
    const partial = join(homes.source.home, 'partial.json');
    const exported = await run(['export', '--format', 'json', '--since', '2026-10-08', '-o', partial], { home: homes.source.home, now: NOW });
    // Notes are wrapped to fit the terminal: compared here as one line.
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    expect(oneLine(exported.stderr)).toContain('This backup holds 2026-10-08 to 2026-11-20 only: for a full one, leave out --since and --until.');
    const note = 'The file holds only the records from 2026-10-08 on: a drill set aside or kept before then is not in it';
    const restored = await importInto(homes.target.home, [partial]);
    expect(restored.code).toBe(0);
    expect(oneLine(restored.stderr)).toContain(note);
    // Into a store that has its own history, the file adds to it.
    const merged = await importInto(homes.source.home, [partial]);
    expect(merged.code).toBe(0);
    expect(oneLine(merged.stderr)).not.toContain(note);
    const empty = tempHome();
    const another = tempHome();
    try {
      // A full backup restores with no such note.
      const whole = await importInto(empty.home, [homes.backup]);
      expect(whole.code).toBe(0);
      expect(oneLine(whole.stderr)).not.toMatch(/holds (only|the records up to)/);
      // One that ends early restores the buckets as they stood then, and says so.
      const early = join(homes.source.home, 'early.json');
      expect((await run(['export', '--json', '--until', '2026-10-08', '-o', early], { home: homes.source.home, now: NOW })).code).toBe(0);
      const restored = await importInto(another.home, [early]);
      expect(oneLine(restored.stderr)).toContain('The file holds the records up to 2026-10-08 only: your buckets are restored as they stood then.');
    } finally {
      empty.cleanup();
      another.cleanup();
    }
  });

  it('says what a backup of a period leaves out into a store with no sessions, whatever its settings, and names both ends of the period', async () => {
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const partial = join(homes.source.home, 'partial.json');
    expect((await run(['export', '--json', '--since', '2026-10-08', '-o', partial], { home: homes.source.home, now: NOW })).code).toBe(0);
    // A new computer already set up like the old one: the settings are the file's, and there is no session yet.
    await Store.open({ ITB_HOME: homes.target.home }).update(() => ({ ...emptyStore(), settings: sampleStore().settings }));
    for (const [args, shows] of [[[partial, '--dry-run'], 'would show'], [[partial], 'shows']] as const) {
      const result = await importInto(homes.target.home, [...args]);
      expect(result.code, result.stderr).toBe(0);
      expect(oneLine(result.stderr)).toContain(`The file holds only the records from 2026-10-08 on: a drill set aside or kept before then is not in it, so it ${shows} as untested`);
    }

    const between = join(homes.source.home, 'between.json');
    expect((await run(['export', '--json', '--since', '2026-10-05', '--until', '2026-10-15', '-o', between], { home: homes.source.home, now: NOW })).code).toBe(0);
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
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    for (const until of ['2026-11-20', '2027-01-31']) {
      const whole = join(homes.source.home, `until-${until}.json`);
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
    const between = join(homes.source.home, 'between.json');
    writeFileSync(between, JSON.stringify({ ...file, period: { since: '2026-10-08', until: '2026-11-20' } }));
    const restored = await importInto(homes.target.home, [between]);
    expect(oneLine(restored.stderr)).toContain('The file holds only the records from 2026-10-08 on: a drill set aside or kept before then is not in it');
  });

  it('takes a backup written before the period named its time zone, as it took it then', async () => {
    const partial = join(homes.source.home, 'partial.json');
    expect((await run(['export', '--json', '--since', '2026-10-08', '-o', partial], { home: homes.source.home, now: NOW })).code).toBe(0);
    const file = JSON.parse(readFileSync(partial, 'utf8')) as ExportFile;
    expect(file.period).toEqual({ since: '2026-10-08', until: null, timeZone: 'America/St_Johns' });
    delete file.period.timeZone;
    const older = join(homes.source.home, 'older.json');
    writeFileSync(older, JSON.stringify({ ...file, schemaVersion: 1 }));
    const restored = await importInto(homes.target.home, [older]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain('Imported 2 sessions');
    expect(restored.stderr.replace(/\s+/g, ' ')).toContain('The file holds only the records from 2026-10-08 on: a drill set aside or kept before then is not in it');
    expect(Store.open({ ITB_HOME: homes.target.home }).read().sessions).toEqual(file.sessions);
  });

  it("counts the day a backup was made in its period's time zone, and names that zone when it is not this computer's", async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const restore = async (name: string, period: ExportFile['period'], exportedAt: string) => {
      const path = join(homes.source.home, name);
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
});
