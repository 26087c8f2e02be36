// Decisions dated ahead of the clock: recorded while the computer's clock ran ahead (set right
// since), or imported from a backup made on such a computer. A session today must still decide,
// and a reset must clear them, as `itb buckets move` already moves them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectBuckets } from '../../src/core/projection.js';
import { Store } from '../../src/store/store.js';
import { buildSession, noRedFlags, setUpFlags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-11-20T10:00:00Z');
const stored = () => Store.open({ ITB_HOME: home }).read();
const ids = (statuses: { exerciseId: string }[]) => statuses.map((status) => status.exerciseId);
const localDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA');
const buckets = async (at = now) => JSON.parse((await run(['buckets', '--json'], { home, now: at })).stdout);

/** Ankle tilts helped in a session dated a year ahead; knee circles were set aside by hand, dated ahead too. */
async function decidedAhead(): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => {
    data.screenings.push({ at: '2026-11-01T09:00:00Z', answers: noRedFlags, proceeded: true });
    data.sessions.push(buildSession({ startedAt: '2027-11-20T09:00:00Z', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }] }));
    data.moves.push({ exerciseId: 'lunge-knee-circles', bucket: 'avoid', at: '2027-11-21T09:00:00.000Z', note: 'PT says wait' });
    data.buckets = projectBuckets(data.sessions, data.moves);
  });
}

describe('bucket decisions dated ahead of the clock', () => {
  it('give way to a session today: its flare-up sets the drill aside, as the summary says, and the rehab routine no longer offers it', async () => {
    await decidedAhead();
    expect(ids((await buckets()).rehab)).toEqual(['lateral-ankle-tilts']);
    // Baseline 4, ankle tilts flare up (4 → 8), then stop.
    const session = await run(['session', 'joint-chain', ...setUpFlags], { home, now, tty: true, answers: [4, 'done', 8, true, false] });
    expect(session.code).toBe(0);
    expect(session.stdout).toMatch(/Lateral ankle tilts +4 → 8 +flare-up → avoid for now/);
    expect(session.stdout).toMatch(/Lateral ankle tilts: rehab → avoid for now \(flare-up\)/);
    expect(session.stdout).not.toMatch(/itb session rehab/);

    const after = await buckets();
    expect(after.rehab).toEqual([]);
    expect(after.avoid.map((s: { exerciseId: string; source: string; flare: boolean }) => [s.exerciseId, s.source, s.flare])).toEqual([
      ['lateral-ankle-tilts', 'session', true],
      ['lunge-knee-circles', 'manual', false],
    ]);
    const rehab = await run(['session', 'rehab', ...setUpFlags], { home, now: new Date('2026-11-22T10:00:00Z'), tty: true, answers: [] });
    expect(rehab.code).toBe(2);
    expect(rehab.stderr).toContain('your rehab bucket is empty');
    // The score keeps the time it was given at, and the flare-up counts in the evidence.
    const [, today] = stored().sessions;
    expect(today!.attempts.map((attempt) => attempt.at)).toEqual([now.toISOString()]);
    expect(after.avoid[0].evidence).toMatchObject({ tested: 2, flares: 1, lastFlareAt: now.toISOString() });
  });

  it("leave a flare-up today known as today's, at the moment it was rated, to the advice and to a later session", async () => {
    await decidedAhead();
    // 06:30 in St. John's: ankle tilts flare up (4 → 8), and the person stops there.
    expect((await run(['session', 'joint-chain', ...setUpFlags], { home, now, tty: true, answers: [4, 'done', 8, true, false] })).code).toBe(0);
    const noon = new Date('2026-11-20T15:30:00Z');
    for (const command of ['buckets', 'history']) {
      const shown = (await run([command], { home, now: noon })).stdout.replace(/\s+/g, ' ');
      expect(shown).toContain('A drill flared up today, at 06:30. After a flare-up, take it easy');
    }
    // A session later that day reminds of it first; gone on with, it leaves the next for another day.
    const later = await run(['session', 'hip-rotation', ...setUpFlags], { home, now: noon, tty: true, answers: [true, 5, 'stop'] });
    expect(later.prompter.asked[0]).toMatchObject({ message: 'Start a session today anyway?' });
    expect(later.stdout.replace(/\s+/g, ' ')).toContain('Earlier today, at 06:30, Lateral ankle tilts flared up.');
    expect(later.stdout).toMatch(/\n {2}itb session joint-chain {2,}test \d+ of \d+ drills not tried yet, on another day\n/);
  });

  it('date a session today by the day it was tested: its evidence, its re-test and a later session say so, while the store keeps it ahead', async () => {
    await decidedAhead();
    // Ankle tilts flare up today (4 → 8): set aside, to be re-tested 14 days from today, as the session says.
    const session = await run(['session', 'joint-chain', ...setUpFlags], { home, now, tty: true, answers: [4, 'done', 8, true, false] });
    expect(session.stdout.replace(/\s+/g, ' ')).toContain('it will be offered again from 2026-12-04');
    const shown = (await run(['buckets'], { home, now })).stdout;
    expect(shown).toMatch(/Lateral ankle tilts[^]*last \+4 on 2026-11-20[^]*re-test from 2026-12-04/);
    expect(shown).not.toContain('2027-11-20');
    const [tilts] = (await buckets()).avoid;
    expect(tilts).toMatchObject({ exerciseId: 'lateral-ankle-tilts', decidedAt: now.toISOString(), evidence: { lastTestedAt: now.toISOString() } });
    expect(localDay(tilts.retestDueAt)).toBe('2026-12-04');
    // On the day it comes back, it is due, and a re-test offers it.
    const due = await buckets(new Date('2026-12-04T12:00:00Z'));
    expect(due.avoid[0]).toMatchObject({ exerciseId: 'lateral-ankle-tilts', retestDue: true });
    // A session two days later leaves it out until then.
    const later = await run(['session', 'joint-chain', ...setUpFlags], { home, now: new Date('2026-11-22T10:00:00Z'), tty: true, answers: [5, 'stop'] });
    expect(later.stdout.replace(/\s+/g, ' ')).toContain('Lateral ankle tilts: after a flare-up; re-test from 2026-12-04');
    // The reports for a therapist say the same.
    for (const format of ['md', 'html']) {
      const report = (await run(['export', '--format', format], { home, now })).stdout.replace(/<[^>]*>/g, '');
      expect(report, format).toMatch(/last \+4 on 2026-11-20/);
      expect(report, format).toMatch(/re-test from 2026-12-04/);
    }
    // The decision still counts as the latest one: its result stays dated after the one ahead of the clock.
    const [, today] = stored().sessions;
    expect(today!.results[0]!.at).toBe('2027-11-20T09:01:00.001Z');
  });

  it('date a drill that helped today by today, when a session later finds it in the rehab bucket', async () => {
    await decidedAhead();
    // Ankle tilts help again today (4 → 3); two days later, a session comes to them first.
    await run(['session', 'joint-chain', ...setUpFlags], { home, now, tty: true, answers: [4, 'done', 3, 'stop'] });
    const later = await run(['session', 'joint-chain', ...setUpFlags], { home, now: new Date('2026-11-22T10:00:00Z'), tty: true, answers: [5, 'stop'] });
    expect(later.stdout.replace(/\s+/g, ' ')).toContain('Already in your rehab bucket (it last helped on 2026-11-20):');
    expect((await buckets()).rehab[0]).toMatchObject({ exerciseId: 'lateral-ankle-tilts', decidedAt: now.toISOString() });
  });

  it('say why a move by hand is dated with them, a year on, rather than today', async () => {
    await decidedAhead();
    const said = (text: string) => text.replace(/\s+/g, ' ');
    const moved = await run(['buckets', 'move', 'lunge-knee-circles', 'rehab'], { home, now });
    expect(said(moved.stderr)).toContain(
      "This move is dated 2027-11-21, not today: the latest decision on this drill, or the last reset of the buckets, is dated ahead of this computer's clock, and a move counts only after it.",
    );
    expect(ids((await buckets()).rehab)).toEqual(['lateral-ankle-tilts', 'lunge-knee-circles']);
    // A drill with no decision dated ahead is moved today, with nothing to explain.
    const today = await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now });
    expect(today.stderr).toContain('It will be offered for a re-test from 2026-12-04');
    expect(today.stderr).not.toContain('not today');
  });

  it("say the day of a move dated ahead as this computer's day, which an evening's decision shares with today", async () => {
    // 22:30 tonight in St. John's is already tomorrow in UTC; 22:30 tomorrow is the day after.
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.moves.push({ exerciseId: 'clamshells', bucket: 'avoid', at: '2026-11-21T02:00:00.000Z' });
      data.moves.push({ exerciseId: 'bridges', bucket: 'avoid', at: '2026-11-22T02:00:00.000Z' });
    });
    const said = (text: string) => text.replace(/\s+/g, ' ');
    const tonight = await run(['buckets', 'move', 'clamshells', 'rehab'], { home, now });
    expect(tonight.stderr).toContain('Moved Clamshells to rehab (was: avoid for now).');
    expect(tonight.stderr).not.toContain('not today');
    const tomorrow = await run(['buckets', 'move', 'bridges', 'rehab'], { home, now });
    expect(said(tomorrow.stderr)).toContain(`This move is dated ${localDay('2026-11-22T02:00:00.000Z')}, not today:`);
    expect(localDay('2026-11-22T02:00:00.000Z')).toBe('2026-11-21');
  });

  it('are cleared by a reset, after which a session today and a move by hand decide again', async () => {
    await decidedAhead();
    const reset = await run(['buckets', 'reset', '--force'], { home, now });
    expect(reset.stderr.replace(/\s*\n\s*/g, ' ')).toContain('Emptied rehab (1 drill) and avoid for now (1 drill): every drill is untested again.');
    const cleared = await buckets();
    expect([cleared.rehab, cleared.avoid]).toEqual([[], []]);
    expect(ids(cleared.untested)).toContain('lateral-ankle-tilts');
    expect((await run(['buckets', 'reset', '--force'], { home, now })).stderr).toBe('Nothing to clear: every drill is untested already.\n');
    // A report and a backup say the lists were cleared too, and a backup restored keeps them so.
    const backup = join(home, 'cleared.json');
    expect((await run(['export', '--format', 'json', '-o', backup], { home, now })).code).toBe(0);
    expect(JSON.parse(readFileSync(backup, 'utf8')).bucketsResetAt).toBe(stored().bucketsResetAt);
    const report = (await run(['export'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(report).toContain('The buckets were cleared on 2027-11-21: only what was decided since then puts a drill in a list');
    const elsewhere = tempHome();
    try {
      expect((await run(['import', backup], { home: elsewhere.home, now })).code).toBe(0);
      const restored = JSON.parse((await run(['buckets', '--json'], { home: elsewhere.home, now })).stdout);
      expect([restored.rehab, restored.avoid]).toEqual([[], []]);
    } finally {
      elsewhere.cleanup();
    }

    // Ankle tilts help today (4 → 3): after the reset, that decides.
    const session = await run(['session', 'joint-chain', ...setUpFlags], { home, now, tty: true, answers: [4, 'done', 3, 'stop'] });
    expect(session.code).toBe(0);
    expect(session.stdout).toMatch(/Lateral ankle tilts: untested → rehab/);
    const retested = await buckets();
    expect([ids(retested.rehab), ids(retested.avoid)]).toEqual([['lateral-ankle-tilts'], []]);
    // A move by hand after it counts too.
    await run(['buckets', 'move', 'lateral-ankle-tilts', 'avoid'], { home, now });
    expect(ids((await buckets()).avoid)).toEqual(['lateral-ankle-tilts']);
  });

  it('give way to a session today whose backup, imported elsewhere, keeps the same buckets', async () => {
    await decidedAhead();
    await run(['session', 'joint-chain', ...setUpFlags], { home, now, tty: true, answers: [4, 'done', 8, true, false] });
    const before = await buckets();
    const backup = join(home, 'backup.json');
    expect((await run(['export', '--format', 'json', '-o', backup], { home, now })).code).toBe(0);
    const elsewhere = tempHome();
    try {
      expect((await run(['import', backup], { home: elsewhere.home, now })).code).toBe(0);
      const restored = JSON.parse((await run(['buckets', '--json'], { home: elsewhere.home, now })).stdout);
      expect([ids(restored.rehab), ids(restored.avoid)]).toEqual([ids(before.rehab), ids(before.avoid)]);
      expect(ids(restored.avoid)).toEqual(['lateral-ankle-tilts', 'lunge-knee-circles']);
    } finally {
      elsewhere.cleanup();
    }
  });
});
