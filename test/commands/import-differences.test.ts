// A backup that differs from the store or contradicts itself: refused, naming each record and its line, writing nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDateTime } from '../../src/core/history.js';
import type { StoreData } from '../../src/core/records.js';
import { type ExportFile } from '../../src/export/schema.js';
import { Store } from '../../src/store/store.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore, sessionThree } from '../export/fixtures.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';
import { importInto, lineHolding, NOW, storeBytes } from '../helpers/import-backup.js';

const homes = useBackupHomes(NOW);

describe('itb import', () => {
  it('refuses a file whose session differs from the store’s one with the same id, writing nothing', async () => {
    const changed = sampleStore();
    changed.sessions[1]!.baseline = 9;
    await Store.open({ ITB_HOME: homes.target.home }).update(() => changed);
    const before = storeBytes(homes.target.home);
    const result = await importInto(homes.target.home, [homes.backup]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds a session that differs from your store\'s own record of it');
    expect(result.stderr).toContain('Nothing was imported');
    expect(storeBytes(homes.target.home).equals(before)).toBe(true);
  });

  it('names each differing session as history shows it, with its place and line in the file and what differs, and where the store is', async () => {
    const changed = sampleStore();
    changed.sessions[1]!.baseline = 9;
    changed.sessions[1]!.attempts[0]!.before = 9;
    changed.sessions[2]!.movement = 'running';
    await Store.open({ ITB_HOME: homes.target.home }).update(() => changed);
    const text = readFileSync(homes.backup, 'utf8');
    const backed = JSON.parse(text) as ExportFile;
    const result = await importInto(homes.target.home, [homes.backup, '--dry-run']);
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
    expect(oneLine(result.stderr)).toContain(`move your store (${join(homes.target.home, 'store.json')}) away and import the file into an empty one`);
  });

  it('names a differing manual move by its own place, time and drill when others come before it in the file', async () => {
    await Store.open({ ITB_HOME: homes.target.home }).update(() => sampleStore());
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    const move = file.moves[0]!;
    const earlier = { exerciseId: 'clamshells', bucket: 'rehab' as const, at: '2026-10-01T09:00:00.000Z' };
    file.moves = [earlier, { ...move, note: 'Keep it out until the knee settles' }];
    const edited = join(homes.target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      `  moves.1 (${localDateTime(new Date(move.at))}, ${move.exerciseId}): note differs from your store's`,
    ]);
    expect(Store.open({ ITB_HOME: homes.target.home }).read().moves).toHaveLength(1);
  });

  it('refuses a file whose manual move differs from the store’s move of the same drill at the same instant, rather than keep both', async () => {
    await Store.open({ ITB_HOME: homes.target.home }).update(() => sampleStore());
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    const move = file.moves[0]!;
    move.note = 'Keep it out until the knee settles';
    const edited = join(homes.target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const before = storeBytes(homes.target.home);
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`  moves.0 (${localDateTime(new Date(move.at))}, ${move.exerciseId}): note differs from your store's`);
    expect(result.stderr).toContain('holds a manual move that differs from your store\'s own record of it');
    expect(storeBytes(homes.target.home).equals(before)).toBe(true);
    expect(Store.open({ ITB_HOME: homes.target.home }).read().moves).toHaveLength(1);
  });

  it('only reports with --dry-run', async () => {
    const result = await importInto(homes.target.home, [homes.backup, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Would import 3 sessions, 1 manual move');
    expect(result.stderr).toContain('nothing was changed');
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });
});

describe('itb import refuses a backup whose records contradict each other', () => {
  const edited = (edit: (file: ExportFile) => void): string => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    edit(file);
    const path = join(homes.target.home, 'edited.json');
    writeFileSync(path, JSON.stringify(file, null, 2));
    return path;
  };
  const ownStore = async () => {
    const own: StoreData = { ...emptyStore(), sessions: [{ ...structuredClone(sessionThree), id: 'own-session' }] };
    await Store.open({ ITB_HOME: homes.target.home }).update(() => own);
    return storeBytes(homes.target.home);
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
      const result = await importInto(homes.target.home, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`error: ${file} has records that contradict each other in 1 session (${lines.length} problem${lines.length === 1 ? '' : 's'})`);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('  sessions.'))).toEqual(lines);
      expect(result.stderr).toContain('Nothing was imported.');
      expect(storeBytes(homes.target.home).equals(before)).toBe(true);
    }
  });

  it('refuses a file holding the same session id twice, naming both places, even into an empty store', async () => {
    const file = edited((data) => data.sessions.push({ ...data.sessions[0]!, baseline: 3 }, { ...data.sessions[1]! }));
    const result = await importInto(homes.target.home, [file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${file} holds 2 sessions under an id it already used`);
    const text = readFileSync(file, 'utf8');
    // Each session opens on the line before its id; the nth one with this id.
    const line = (id: string, nth: number) => text.split('\n').flatMap((held, index) => (held.includes(`"id": "${id}"`) ? [index] : []))[nth - 1];
    expect(result.stderr).toContain(`  sessions.3 (line ${line('session-one', 2)}): has the id of sessions.0 (line ${line('session-one', 1)}), session-one`);
    expect(result.stderr).toContain(`  sessions.4 (line ${line('session-two', 2)}): has the id of sessions.1 (line ${line('session-two', 1)}), session-two`);
    expect(result.stderr).not.toContain('your store');
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('lists five problems in full, with nothing said of more', async () => {
    const file = edited((data) => data.sessions.push(...[0, 1, 2, 0, 1].map((index) => ({ ...data.sessions[index]! }))));
    const result = await importInto(homes.target.home, [file]);
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
    expect((await importInto(homes.target.home, [file])).code).toBe(2);
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('lists five problems and counts the rest', async () => {
    // Every verdict swapped: 7 attempts in 3 sessions, and the outcomes that no longer follow.
    const swap = { improved: 'not-improved', 'not-improved': 'improved', flare: 'improved' } as const;
    const file = edited((data) => data.sessions.forEach((session) => session.attempts.forEach((a) => (a.verdict = swap[a.verdict]))));
    const result = await importInto(homes.target.home, [file]);
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
      const result = await importInto(homes.target.home, [file]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('Imported 4 sessions');
      expect(Store.open({ ITB_HOME: homes.target.home }).read().sessions).toEqual(recorded);
    } finally {
      real.cleanup();
    }
  });

  it('leaves a store that already holds such a session readable', async () => {
    const data = sampleStore();
    data.sessions[1]!.attempts[0]!.verdict = 'flare';
    await Store.open({ ITB_HOME: homes.target.home }).update(() => data);
    const buckets = await run(['buckets', '--json'], { home: homes.target.home, now: NOW });
    expect(buckets.code, buckets.stderr).toBe(0);
  });
});
