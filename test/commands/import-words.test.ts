// What `itb import` says of files it is given by mistake or edited by hand, and of what it did,
// in the cases a person meets less often (see import-restore.test.ts and the other import-*.test.ts files for the usual ones).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src/export/schema.js';
import { projectBuckets } from '../../src/core/projection.js';
import { Store } from '../../src/store/store.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore, sessionThree } from '../export/fixtures.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { run, tempHome } from '../helpers/run.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const homes = useBackupHomes(NOW);

const importInto = (home: string, args: string[], now = NOW) => run(['import', ...args], { home, now });
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const problemLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('  '));
/** The line that says what is wrong (the problems of a file come before it). */
const errorLine = (stderr: string) => stderr.split('\n').find((line) => line.startsWith('error: '));
/** The backup as itb wrote it, changed by `edit` and saved as `text` gives it (one line by default). */
const edited = (edit: (file: ExportFile) => void, text = (file: ExportFile) => JSON.stringify(file)): string => {
  const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
  edit(file);
  const path = join(homes.target.home, 'edited.json');
  writeFileSync(path, text(file));
  return path;
};
const laidOut = (file: ExportFile) => JSON.stringify(file, null, 2);
/** The line (from 1) of the first line of `text` that holds `needle`. */
const lineHolding = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('itb import, given what is not a backup', () => {
  it('says a folder is a folder, and to give the path of a backup', async () => {
    const folder = join(homes.source.home, 'backups');
    mkdirSync(folder);
    const result = await importInto(homes.target.home, [folder]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: cannot read ${folder}: it is a folder`);
    expect(oneLine(result.stderr)).toContain('Give the path of a backup that `itb export -o backup.json` wrote.');
  });

  it('says an empty zip archive is a zip archive', async () => {
    // A zip with nothing in it is its end record alone.
    const zip = join(homes.source.home, 'backup.zip');
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]));
    const result = await importInto(homes.target.home, [zip]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${zip} is a zip archive, not a backup itself`);
  });

  it('says the HTML report is one when a browser saved it again, with its doctype in capitals after a blank line', async () => {
    const report = join(homes.source.home, 'report.html');
    expect((await run(['export', '--format', 'html', '-o', report], { home: homes.source.home, now: NOW })).code).toBe(0);
    const text = readFileSync(report, 'utf8');
    expect(text.startsWith('<!doctype html>')).toBe(true);
    writeFileSync(report, `\n${text.replace('<!doctype html>', '<!DOCTYPE html>')}`);
    const result = await importInto(homes.target.home, [report]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${report} is an HTML report, which itb cannot read back`);
  });

  it('says that a library still being written, with no exercises yet, is a library', async () => {
    const library = join(homes.source.home, 'my-library.yaml');
    writeFileSync(library, 'version: 1\ncues:\n  - id: slow\n    text: Go slowly\nmovements:\n  - id: squat\n    name: Squat\n    instructions: Squat down.\n');
    const result = await importInto(homes.target.home, [library]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${library} looks like an exercise library, not a backup`);
  });

  it('says what `itb exercises ID --json` prints, the one drill, is not a backup', async () => {
    const printed = await run(['exercises', 'clamshells', '--json'], { home: homes.source.home, now: NOW });
    expect(printed.code).toBe(0);
    const saved = join(homes.source.home, 'clamshells.json');
    writeFileSync(saved, printed.stdout);
    const result = await importInto(homes.target.home, [saved]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${saved} is what \`itb exercises --json\` prints, which itb cannot read back`);
  });

  it('says a file kept beside a store, copied away from it, comes from a store folder', async () => {
    const copy = join(homes.target.home, 'store.json.summary');
    writeFileSync(copy, readFileSync(join(homes.source.home, 'store.json.summary')));
    const result = await importInto(homes.target.home, [copy]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${copy} is one of the files itb keeps beside its store to read it faster, not a backup`);
    expect(oneLine(result.stderr)).toContain('The store itself is the store.json of the folder this file came from; a backup is written by `itb export -o backup.json`.');
  });

  it('gives its commands to copy as itb was started, through npx', async () => {
    const npx = (args: string[]) => run(['import', ...args], { home: homes.target.home, now: NOW, env: { npm_lifecycle_event: 'npx' } });
    const unnamed = await npx(['']);
    expect(oneLine(unnamed.stderr)).toContain('For example: `npx itb import backup.json`, for a backup that `npx itb export -o backup.json` wrote.');
    // The store itself, given in place of a backup: the commands that use it, or make a backup from it.
    const store = join(homes.source.home, 'store.json');
    const given = oneLine((await npx([store])).stderr);
    expect(given).toContain(`(\`ITB_HOME=${homes.source.home} npx itb buckets\`)`);
    expect(given).toContain(`(\`ITB_HOME=${homes.source.home} npx itb export --format json -o backup.json\`)`);
    const library = join(homes.source.home, 'my-library.yaml');
    writeFileSync(library, 'exercises:\n  - id: slow\n');
    const yaml = oneLine((await npx([library])).stderr);
    expect(yaml).toContain(`\`npx itb --data ${library} session\``);
    expect(yaml).toContain(`\`npx itb validate ${library}\` checks it`);
    expect(oneLine((await npx([join(homes.source.home, 'missing.json')])).stderr)).toContain('Give the path of a backup that `npx itb export -o backup.json` wrote.');
    // Not where itb was started as itself.
    expect(oneLine((await importInto(homes.target.home, [''])).stderr)).toContain('For example: `itb import backup.json`');
  });

  it('calls a backup without the time it was made not an itb export, rather than a store or a backup', async () => {
    const file = edited((data) => delete (data as Partial<ExportFile>).exportedAt);
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(errorLine(result.stderr)).toBe(`error: ${file} is not an itb export (1 problem)`);
    expect(problemLines(result.stderr)).toEqual(['  exportedAt: missing']);
  });

  it('lists a field of `itb history --json` added to a backup as unknown, rather than take the backup for what history prints', async () => {
    const file = edited((data) => Object.assign(data, { trend: [] }));
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(errorLine(result.stderr)).toBe(`error: ${file} is an itb backup that cannot be read back as it is (1 problem)`);
    expect(problemLines(result.stderr)[0]).toMatch(/^ {2}trend: unknown field; an itb backup has: schemaVersion, /);
  });

  it('calls a backup whose bucket lists were written as one list, as the store keeps them, a backup still', async () => {
    const file = edited((data) => Object.assign(data, { buckets: [] }));
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(errorLine(result.stderr)).toBe(`error: ${file} is an itb backup that cannot be read back as it is (1 problem)`);
  });
});

describe('itb import, naming the places of a backup edited by hand', () => {
  it('names the fields of the period and of a dose beside a field they do not have', async () => {
    const file = edited((data) => {
      Object.assign(data.period, { from: '2026-10-01' });
      Object.assign(data.exercises[0]!.dose, { tempo: 'slow' });
    });
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(problemLines(result.stderr)).toEqual([
      '  period.from: unknown field; the period has: since, until, timeZone',
      '  exercises.0.dose.tempo: unknown field; a dose has: sets, reps, holdSeconds, perSide',
    ]);
  });

  it("refuses a period's time zone that is not one, naming the field", async () => {
    const zone = 'must be a time zone such as Europe/Paris, or UTC+05:30 for a clock known only by its offset';
    for (const [timeZone, problem] of [
      ['Paris, France', `${zone}, not "Paris, France"`],
      ['', `${zone}, not ""`],
      ['+05:30', `${zone}, not "+05:30"`],
      ['Europe/Paris\u001b[2J', `${zone}, not "Europe/Paris\\u001b[2J"`],
      [5, 'must be text, not 5'],
      [null, 'must be text (nothing is written here)'],
    ] as const) {
      const file = edited((data) => Object.assign(data.period, { timeZone }), laidOut);
      const result = await importInto(homes.target.home, [file]);
      expect(result.code).toBe(2);
      expect(errorLine(result.stderr)).toBe(`error: ${file} is an itb backup that cannot be read back as it is (1 problem)`);
      expect(problemLines(result.stderr)).toEqual([`  period.timeZone (line ${lineHolding(readFileSync(file, 'utf8'), '"timeZone"')}): ${problem}`]);
    }
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('names no line in a file written on one line, even when it ends with a line break', async () => {
    const file = edited(
      (data) => (data.sessions[0]!.attempts[0]!.after = 11),
      (data) => `${JSON.stringify(data)}\n`,
    );
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(problemLines(result.stderr)).toEqual(['  sessions.0.attempts.0.after: must be at most 10, not 11']);
  });

  it('names the line of a field with a space in its name, not that of what holds it', async () => {
    const file = edited((data) => Object.assign(data.settings, { 'flare rise': 4 }), laidOut);
    const text = readFileSync(file, 'utf8');
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(lineHolding(text, '"flare rise"')).toBeGreaterThan(lineHolding(text, '"settings"'));
    expect(problemLines(result.stderr)[0]).toBe(
      `  settings (line ${lineHolding(text, '"flare rise"')}): unknown field "flare rise"; settings have: minImprovement, flareRise, retestAfterDays, side, symptom, movement`,
    );
  });

  it('names the line of a control character, and says one field as one', async () => {
    const file = edited((data) => (data.sessions[1]!.movement = 'squat\u001b[2J'), laidOut);
    const text = readFileSync(file, 'utf8');
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(errorLine(result.stderr)).toBe(`error: ${file} holds text with control characters (1 field)`);
    expect(problemLines(result.stderr)).toEqual([`  sessions.1.movement (line ${lineHolding(text, 'squat\\u001b')}): holds a control character (U+001B)`]);
  });

  it('says one session under an id already used as one', async () => {
    const file = edited((data) => data.sessions.push({ ...data.sessions[0]!, baseline: 3 }));
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(errorLine(result.stderr)).toBe(`error: ${file} holds a session under an id it already used`);
  });
});

describe('itb import, saying what it did', () => {
  it('names five drills whose lists were edited and counts the rest', async () => {
    // The lists swapped but for one drill kept: 3 set aside listed as kept, 3 kept listed as set aside.
    const file = edited((data) => {
      const { rehab, avoid } = data.buckets;
      data.buckets = { ...data.buckets, rehab: [...avoid, rehab.at(-1)!], avoid: rehab.slice(0, -1) };
    });
    const lists = (JSON.parse(readFileSync(file, 'utf8')) as ExportFile).buckets;
    const result = await importInto(homes.target.home, [file]);
    expect(result.code, result.stderr).toBe(0);
    // By name, as the rest of the import says drills; the id is only in the command to copy.
    const names = new Map(builtInLibrary().exercises.map((exercise) => [exercise.id, exercise.name]));
    const nameOf = (id: string) => names.get(id) ?? expect.fail(`${id} is not in the built-in library`);
    const named = [
      ...lists.rehab.slice(0, -1).map((id) => `${nameOf(id)} is in avoid for now (the file has it in rehab)`),
      ...lists.avoid.map((id) => `${nameOf(id)} is in rehab (the file has it in avoid for now)`),
    ];
    expect(named).toHaveLength(6);
    expect(oneLine(result.stderr)).toContain(`by which ${named.slice(0, 5).join(', ')}, and 1 more.`);
  });

  it('says that a backup holding nothing made an empty store where there was none, not that the store is as it was', async () => {
    const empty = tempHome();
    try {
      const file = join(empty.home, 'empty.json');
      expect((await run(['export', '-o', file], { home: empty.home, now: NOW })).code).toBe(0);
      const fresh = join(homes.target.home, 'new-home');
      const dry = await importInto(fresh, [file, '--dry-run']);
      expect(oneLine(dry.stderr)).toContain('Nothing would change: the file holds no sessions and no manual moves.');
      expect(existsSync(join(fresh, 'store.json'))).toBe(false);
      const result = await importInto(fresh, [file]);
      expect(result.code, result.stderr).toBe(0);
      expect(oneLine(result.stderr).trim()).toBe('Nothing was imported: the file holds no sessions and no manual moves. You had no store here yet: the import made an empty one.');
      expect(existsSync(join(fresh, 'store.json'))).toBe(true);
      // Then there is one, as it was.
      expect(oneLine((await importInto(fresh, [file])).stderr)).toContain('Nothing changed: your store is as it was. The file holds no sessions and no manual moves.');
    } finally {
      empty.cleanup();
    }
  });

  it('gives no command to move a drill when the file only leaves drills out of its lists', async () => {
    const file = edited((data) => data.buckets.rehab.shift());
    const result = await importInto(homes.target.home, [file]);
    expect(result.code, result.stderr).toBe(0);
    expect(oneLine(result.stderr)).toContain('by which Lateral ankle tilts is in rehab (the file has it untested).');
    expect(result.stderr).not.toContain('buckets move');
  });

  it('names the drills whose bucket it changes, as the end of a session does, the first five of them, in a dry run too', async () => {
    // Hip hikes moved to rehab here; the file's session set it aside with a flare-up since.
    const moves = [{ exerciseId: 'hip-hikes', bucket: 'rehab' as const, at: '2026-09-01T12:00:00.000Z' }];
    await Store.open({ ITB_HOME: homes.target.home }).update(() => ({ ...emptyStore(), moves, buckets: projectBuckets([], moves) }));
    const changes = (heading: string) =>
      [
        heading,
        '  Clamshells: untested → rehab',
        '  Forward 45° lunge knee circles: untested → avoid for now',
        '  Gentle IT band stretch: untested → avoid for now',
        '  Glute stretch: untested → rehab',
        '  Hip hikes: rehab → avoid for now (flare-up)',
        '  and 2 more (`itb buckets` shows the lists)',
      ].join('\n');
    const dryRun = await importInto(homes.target.home, [homes.backup, '--dry-run']);
    expect(dryRun.stderr).toContain(changes('Bucket changes it would make'));
    const imported = await importInto(homes.target.home, [homes.backup]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(changes('Bucket changes'));
    // Nothing new the second time, so nothing changed.
    expect((await importInto(homes.target.home, [homes.backup])).stderr).not.toContain('Bucket changes');
  });

  it('says how full the lists are, not every drill, when the store had nothing yet (a new computer)', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    const said = (verb: string) => `Your buckets ${verb} as the file has them: ${file.buckets.rehab.length} in rehab, ${file.buckets.avoid.length} in avoid for now (\`itb buckets\` shows them).`;
    const dryRun = await importInto(homes.target.home, [homes.backup, '--dry-run']);
    expect(oneLine(dryRun.stderr)).toContain(said('would be'));
    const restored = await importInto(homes.target.home, [homes.backup]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(oneLine(restored.stderr)).toContain(said('are now'));
    expect(restored.stderr).not.toContain('Bucket changes');
    expect(restored.stderr).not.toContain('untested →');
    // Each line within the terminal's width, as every notice.
    expect(restored.stderr.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('says records an hour and a half ahead of the clock are dated after now', async () => {
    const ahead = new Date(Date.parse(sessionThree.startedAt) - 90 * 60_000);
    const result = await importInto(homes.target.home, [homes.backup, '--dry-run'], ahead);
    expect(result.code).toBe(0);
    expect(oneLine(result.stderr)).toContain('1 record in the file is dated after now');
  });

  it('says in a dry run that the store’s own settings would be kept', async () => {
    const own = { ...emptyStore(), settings: { minImprovement: 2, flareRise: 4, retestAfterDays: 7 }, sessions: [{ ...structuredClone(sessionThree), id: 'own-session' }] };
    await Store.open({ ITB_HOME: homes.target.home }).update(() => own);
    const result = await importInto(homes.target.home, [homes.backup, '--dry-run']);
    expect(result.code).toBe(0);
    expect(oneLine(result.stderr)).toContain('Your own settings would be kept: minImprovement 2 (the file has 1), flareRise 4 (the file has 3), retestAfterDays 7 (the file has 14),');
  });

  it('names a setting of the store that the file does not have as no longer set', async () => {
    await Store.open({ ITB_HOME: homes.target.home }).update(() => ({ ...emptyStore(), settings: { ...sampleStore().settings, side: 'right' } }));
    const file = edited((data) => delete data.settings.side);
    const result = await importInto(homes.target.home, [file]);
    expect(result.code, result.stderr).toBe(0);
    expect(oneLine(result.stderr)).toContain('Settings restored from the file (side: right → not set).');
  });
});
