// The commands itb tells a person to run next are written the way they started it: `npx itb`
// after `npx itb` (the README's Quick start), where plain `itb` would be "command not found"
// without a global install.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { projectBuckets } from '../../src/core/projection.js';
import { Store } from '../../src/store/store.js';
import { buildSession, noRedFlags, setUpFlags } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';
import { run, tempHome } from '../helpers/run.js';

const npx = { npm_lifecycle_event: 'npx' };
const now = new Date('2026-11-20T10:00:00.000Z');
const flags = setUpFlags;

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const itb = (argv: string[], options: { tty?: boolean; answers?: (string | number | boolean)[] } = {}) => run(argv, { home, now, env: npx, ...options });
/** What was printed, with the lines joined again where they were wrapped. */
const said = (result: { stdout: string; stderr: string }) => `${result.stdout}${result.stderr}`.replace(/\s+/g, ' ');

async function withSessions(...sessions: Session[]): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => {
    data.screenings.push({ at: '2026-11-01T08:00:00.000Z', answers: noRedFlags, proceeded: true });
    data.sessions.push(...sessions);
    data.buckets = projectBuckets(data.sessions, data.moves);
  });
}

describe('after npx itb, the commands suggested next start with npx itb', () => {
  it('itb history: the first session, every session, and sessions before --since', async () => {
    expect(said(await itb(['history']))).toContain('No sessions yet. Run `npx itb session` to start.');
    const days = Array.from({ length: 21 }, (_, i) => buildSession({ startedAt: `2026-10-${String(i + 1).padStart(2, '0')}T09:00:00.000Z`, baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }));
    await withSessions(...days);
    expect(said(await itb(['history']))).toContain('… 1 earlier session not listed (`npx itb history --all` lists every one).');
    expect(said(await itb(['history', '--since', '2026-11-01']))).toContain('(21 earlier, the latest on 2026-10-21; run `npx itb history` without --since to see them.)');
  });

  it('itb buckets move and reset', async () => {
    expect(said(await itb(['buckets', 'move', 'clamshells', 'avoid']))).toContain('(`npx itb session retest`)');
    const withoutTerminal = said(await itb(['buckets', 'reset']));
    // The error names the command as it was typed, as its hint does.
    expect(withoutTerminal).toContain('error: `npx itb buckets reset` asks before clearing, so it needs a terminal');
    expect(withoutTerminal).toContain('Add --force to reset without asking: `npx itb buckets reset --force`');
    expect(said(await itb(['buckets', 'reset', '--force']))).toContain('Your session history is kept (`npx itb history`). Run `npx itb session` to start testing again.');
  });

  it('an argument left out: the command typed, with what is still to come', async () => {
    const missing = said(await itb(['buckets', 'move', '--note', 'knee sore', 'monster-walks']));
    expect(missing).toContain("error: the bucket is missing (rehab or avoid): npx itb buckets move --note 'knee sore' monster-walks <bucket>");
    expect(said(await itb(['buckets', 'move']))).toContain("error: the id is missing (the drill's id, as `npx itb exercises` shows it): npx itb buckets move <id> <bucket>");
  });

  it('itb settings retestAfterDays', async () => {
    expect(said(await itb(['settings', 'retestAfterDays', '10']))).toContain('`npx itb buckets` shows the dates.');
  });

  it('itb exercises and itb routines', async () => {
    expect(said(await itb(['exercises']))).toContain('Show one drill in full: `npx itb exercises ID`');
    expect(said(await itb(['exercises', 'clamshell']))).toContain('Did you mean clamshells? `npx itb exercises` lists them all.');
    expect(said(await itb(['routines']))).toContain('The drills in your rehab bucket, warm-up drills first, then in routine order. See `npx itb buckets`.');
  });

  it('itb routines with a library file of one\'s own: the command that runs the built-in drills it leaves out', async () => {
    // Clamshells helped and hip hikes were set aside with the built-in library, which the file lacks.
    await withSessions(buildSession({ startedAt: '2026-11-01T09:00:00.000Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }, { id: 'hip-hikes', scores: [4, 5] }] }));
    const listed = said(await itb(['--data', libraryFile('good.yaml'), 'routines']));
    expect(listed).toContain('if you still do it, `npx itb session rehab` without --data (and ITB_DATA) runs it.');
    expect(listed).toContain('if you still want it re-tested, `npx itb session retest` without --data (and ITB_DATA) offers it once due.');
  });

  it('itb session: without a terminal, and with strength drills less than 48 hours after the last', async () => {
    expect(said(await itb(['session']))).toContain('Without one you can still use `npx itb buckets`, `npx itb history` and `npx itb export`.');
    await withSessions(buildSession({ startedAt: '2026-11-19T09:00:00.000Z', routine: 'strength', loading: true, baseline: 4, drills: [{ id: 'clamshells', scores: [3] }] }));
    const declined = await itb(['session', 'strength', ...flags], { tty: true, answers: [false] });
    expect(said(declined)).toContain('such as joint-chain, hip-rotation or mobility: `npx itb session joint-chain`.');
  });

  it('itb session: every drill of every routine set aside', async () => {
    await withSessions();
    const ids = (JSON.parse((await itb(['exercises', '--json'])).stdout) as { id: string }[]).map((exercise) => exercise.id);
    await Store.open({ ITB_HOME: home }).update((data) => {
      for (const id of ids) data.moves.push({ exerciseId: id, bucket: 'avoid', at: '2026-11-19T08:00:00.000Z' });
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const refused = await itb(['session', ...flags], { tty: true });
    expect(refused.code).toBe(2);
    expect(said(refused)).toContain('From then, `npx itb session retest` offers it again; `npx itb buckets` shows when each one is due.');
  });

  it('a mistyped command, flag or buckets word: the --help that lists what it takes', async () => {
    expect(said(await itb(['histroy']))).toContain('`npx itb --help` shows what it takes.');
    expect(said(await itb(['buckets', '--jsno']))).toContain('`npx itb buckets --help` shows what it takes.');
    expect(said(await itb(['buckets', 'move', 'clamshells']))).toContain('`npx itb buckets move --help` shows what it takes.');
    expect(said(await itb(['buckets', 'lists']))).toContain('`npx itb buckets --help` shows what it takes.');
    expect(said(await itb(['buckets', 'mvoe']))).toContain('Did you mean `npx itb buckets move`?');
    expect(said(await itb(['help', 'bukets']))).toContain('Did you mean `npx itb help buckets`? `npx itb --help` lists them.');
    expect(said(await itb(['help', 'buckets', 'mvoe']))).toContain('Did you mean `npx itb help buckets move`? `npx itb buckets --help` lists them.');
  });

  it('a date typed wrong: the example to copy', async () => {
    expect(said(await itb(['history', '--since', '2026-3-1']))).toContain('Written as itb takes it: `npx itb history --since 2026-03-01`');
    expect(said(await itb(['export', '--until', '2026-04-31']))).toContain('For its last day: `npx itb export --until 2026-04-30`');
    expect(said(await itb(['export', '--since', 'yesterday']))).toContain('Write the year, month and day: `npx itb export --since 2026-11-01`');
  });

  it('itb export given a file or a format without its flag, or an empty -o: the command meant', async () => {
    expect(said(await itb(['export', 'my report.html']))).toContain("put -o before its name: `npx itb export -o 'my report.html'`");
    expect(said(await itb(['export', 'csv']))).toContain('To see the report on the screen: `npx itb export --format csv`; to write a file: `npx itb export -o report.csv`');
    expect(said(await itb(['export', '--force']))).toContain('To write a file: `npx itb export -o report.html --force`');
    expect(said(await itb(['export', '-o', '']))).toContain('For example: `npx itb export -o report.html`.');
  });

  it('a damaged store, a backup given as a library, and a change refusing --json', async () => {
    writeFileSync(join(home, 'store.json'), '{"schemaVersion": 2, "sessions": [');
    const damaged = await itb(['buckets']);
    expect(damaged.code).toBe(2);
    expect(said(damaged)).toContain('run `npx itb import FILE`');
    expect(said(damaged)).not.toContain('`itb import');
    rmSync(join(home, 'store.json'));
    expect((await itb(['export', '--json', '-o', join(home, 'backup.json')])).code).toBe(0);
    expect(said(await itb(['--data', join(home, 'backup.json'), 'routines']))).toContain('`npx itb import` reads a backup');
    const validated = await itb(['validate', join(home, 'backup.json')]);
    expect(validated.stdout).toContain('`npx itb import` reads a backup');
    expect(said(await itb(['settings', 'movement', 'stairs', '--json']))).toContain('Leave --json out; `npx itb settings movement --json` shows it after.');
  });

  it('itb import: the buckets a backup cleared, with the command that shows them', async () => {
    await withSessions(buildSession({ startedAt: '2026-11-01T09:00:00.000Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }));
    const source = tempHome();
    try {
      await Store.open({ ITB_HOME: source.home }).update((data) => {
        data.sessions.push(buildSession({ startedAt: '2026-11-02T09:00:00.000Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }));
      });
      expect((await run(['buckets', 'reset', '--force'], { home: source.home, now })).code).toBe(0);
      expect((await run(['export', '--json', '-o', join(home, 'cleared.json')], { home: source.home, now })).code).toBe(0);
    } finally {
      source.cleanup();
    }
    expect(said(await itb(['import', join(home, 'cleared.json')]))).toContain('(the evidence keeps every test; `npx itb buckets` shows them).');
  });

  it('an empty --data: the example of a library file given, in the command typed', async () => {
    expect(said(await itb(['--data', '', 'routines']))).toContain('For example: `npx itb --data my-library.yaml routines`.');
    expect(said(await itb(['--data', '', 'exercises', 'clamshells', '--json']))).toContain('For example: `npx itb --data my-library.yaml exercises clamshells --json`.');
    const move = await itb(['--data', '', 'buckets', 'move', 'clamshells', 'rehab', '--note', 'PT said so']);
    expect(said(move)).toContain("For example: `npx itb --data my-library.yaml buckets move clamshells rehab --note 'PT said so'`.");
  });
});
