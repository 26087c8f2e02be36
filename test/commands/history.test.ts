import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate, localDateTime } from '../../src/core/history.js';
import { builtInLibraryFile } from '../../src/library/library.js';
import { painfulSides, sessionSchema, symptoms, type Session } from '../../src/core/records.js';
import { acquireSessionLock } from '../../src/store/session-lock.js';
import { Store } from '../../src/store/store.js';
import { documentedKeys } from '../helpers/json-shape.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { onTerminal } from '../helpers/terminal.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-03-10T12:00:00Z');
const first = buildSession({
  id: 'first',
  startedAt: '2026-03-01T12:00:00Z',
  routine: 'strength',
  baseline: 6,
  drills: [{ id: 'clamshells', scores: [4] }, { id: 'bridges', skipped: true }, { id: 'hip-hikes', scores: [5, 5] }],
});
const second = buildSession({
  id: 'second',
  startedAt: '2026-03-05T12:00:00Z',
  routine: 'joint-chain',
  baseline: 5,
  drills: [{ id: 'lateral-ankle-tilts', scores: [3] }, { id: 'hip-cars', scores: [3], unfinished: true }],
});

async function withSessions(...sessions: Session[]): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(...sessions));
}

describe('itb history', () => {
  it('says there is nothing yet on an empty store', async () => {
    const result = await run(['history'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No sessions yet');
    // Not that there are none since that day, with none earlier to see.
    const since = await run(['history', '--since', '2026-03-01'], { home, now });
    expect(since.stdout).toContain('No sessions yet');
    expect(since.stdout).not.toContain('since');
  });

  it('lists sessions newest first with scores, results and the interrupted mark, then the trend', async () => {
    await withSessions(first, second);
    const { code, stdout } = await run(['history'], { home, now });
    expect(code).toBe(0);
    expect(stdout).toContain('Symptom and test movement: pain during single-leg squat');
    const lines = stdout.split('\n');
    const secondRow = lines.findIndex((line) => line.startsWith(localDateTime(new Date(second.startedAt))));
    const firstRow = lines.findIndex((line) => line.startsWith(localDateTime(new Date(first.startedAt))));
    expect(secondRow).toBeGreaterThan(0);
    expect(firstRow).toBeGreaterThan(secondRow);
    expect(lines[secondRow]).toMatch(/joint-chain\s+5 → 3\s+1 helped · interrupted$/);
    expect(lines[firstRow]).toMatch(/strength\s+6 → 5\s+1 helped · 1 set aside · 1 skipped$/);
    expect(stdout).not.toContain('flare');
    expect(stdout).toMatch(/baseline\s+▇▆\s+6 → 5/);
    expect(stdout).toMatch(/final\s+▆▄\s+5 → 3/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('gives the day of a trend once when all its sessions fell on it, and a span of days as the reports word it', async () => {
    const morning = buildSession({ id: 'morning', startedAt: '2026-03-05T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const evening = buildSession({ id: 'evening', startedAt: '2026-03-05T18:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(morning, evening);
    const heading = (stdout: string) => stdout.split('\n').find((line) => line.startsWith('Trend'));
    const day = localDate(new Date(morning.startedAt));
    expect(localDate(new Date(evening.startedAt))).toBe(day);
    expect(heading((await run(['history'], { home, now })).stdout)).toBe(`Trend  ${day} (2 sessions; bars 0 to 7, above every score)`);
    // Days apart: "to" between them, as in the reports; "→" goes between scores.
    await withSessions(first);
    expect(heading((await run(['history'], { home, now })).stdout)).toBe(`Trend  ${localDate(new Date(first.startedAt))} to ${day} (3 sessions; bars 0 to 7, above every score)`);
  });

  it('says "still set aside" for drills a re-test kept aside, not that the session set them aside anew', async () => {
    const retest = buildSession({
      startedAt: '2026-03-08T12:00:00Z',
      routine: 'retest',
      baseline: 5,
      drills: [{ id: 'hip-hikes', scores: [5, 5] }, { id: 'clamshells', scores: [5, 5] }],
    });
    await withSessions(first, retest);
    const { stdout } = await run(['history'], { home, now });
    // Hip hikes was set aside on 1 March; clamshells had helped then.
    expect(stdout.split('\n').find((line) => line.startsWith(localDateTime(new Date(retest.startedAt))))).toMatch(/5 → 5\s+1 set aside · 1 still set aside$/);
    expect(stdout.split('\n').find((line) => line.startsWith(localDateTime(new Date(first.startedAt))))).toMatch(/1 helped · 1 set aside · 1 skipped$/);
  });

  it('says a drill set aside before the buckets were cleared, and again after, was set aside anew', async () => {
    const retest = buildSession({ startedAt: '2026-03-08T12:00:00Z', routine: 'retest', baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }] });
    await withSessions(first, retest);
    const row = async () => (await run(['history'], { home, now })).stdout.split('\n').find((line) => line.startsWith(localDateTime(new Date(retest.startedAt))));
    expect(await row()).toMatch(/5 → 5\s+1 still set aside$/);
    // Cleared between the two sessions: hip hikes was untested again when the re-test set it aside.
    await Store.open({ ITB_HOME: home }).update((data) => void (data.bucketsResetAt = '2026-03-03T12:00:00.000Z'));
    expect(await row()).toMatch(/5 → 5\s+1 set aside$/);
  });

  it('shows the baseline alone for a session that scored no exercise after it', async () => {
    const rested = buildSession({ startedAt: '2026-03-07T12:00:00Z', baseline: 7, status: 'stopped', drills: [{ id: 'bridges', skipped: true }] });
    await withSessions(first, rested);
    const { stdout } = await run(['history'], { home, now });
    const row = stdout.split('\n').find((line) => line.startsWith(localDateTime(new Date(rested.startedAt))));
    expect(row).toMatch(/strength\s+7\s+1 skipped · stopped early$/);
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(json.sessions.map((s: { attempts: number }) => s.attempts)).toEqual([0, 3]);
  });

  it('says how many of the drills set aside were flare-ups', async () => {
    const flared = buildSession({ startedAt: '2026-03-06T12:00:00Z', routine: 'strength', baseline: 3, drills: [{ id: 'hip-hikes', scores: [7] }, { id: 'bridges', scores: [7, 8] }] });
    await withSessions(first, flared);
    const { stdout } = await run(['history'], { home, now });
    // Hip hikes, the flare-up, was set aside already in the first session.
    expect(stdout.split('\n').find((line) => line.startsWith(localDateTime(new Date(flared.startedAt))))).toMatch(/3 → 8\s+1 set aside · 1 still set aside \(1 flare\)$/);
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(json.sessions[0]).toMatchObject({ avoided: 2, flares: 1 });
    // The flare-up's 8 is the top of the one scale both lines are drawn on: its bar is the only
    // full one (on a scale of the baselines alone, 6 would be near full and 8 past the top).
    expect(stdout).toContain('bars 0 to 8, the highest score)');
    expect(stdout).toMatch(/baseline\s+▆▄\s+6 → 3\n\s+final\s+▅█\s+5 → 8\n/);
  });

  it('names, beside its results, a threshold a session was judged by that has been changed since', async () => {
    // Then minImprovement went to 2: clamshells' fall of 1 no longer helps.
    const stricter = buildSession({ startedAt: '2026-03-06T12:00:00Z', minImprovement: 2, baseline: 5, drills: [{ id: 'clamshells', scores: [4, 4] }] });
    const none = buildSession({ startedAt: '2026-03-07T12:00:00Z', baseline: 6, status: 'stopped', drills: [] });
    await withSessions(first, stricter, none);
    const row = (stdout: string, session: Session) => stdout.split('\n').find((line) => line.startsWith(localDateTime(new Date(session.startedAt))));
    const before = await run(['history'], { home, now });
    expect(row(before.stdout, stricter)).toMatch(/5 → 4\s+1 set aside · judged with minImprovement 2$/);
    expect(row(before.stdout, first)).toMatch(/1 helped · 1 set aside · 1 skipped$/);
    // What the setting is now, said once under the list.
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    expect(oneLine(before.stdout)).toContain('"judged with": the sessions so marked judged their drills by a setting changed since (now minImprovement 1; `itb settings` shows them).');

    expect((await run(['settings', 'minImprovement', '2'], { home, now })).code).toBe(0);
    expect((await run(['settings', 'flareRise', '4'], { home, now })).code).toBe(0);
    const after = await run(['history'], { home, now });
    expect(row(after.stdout, first)).toMatch(/1 helped · 1 set aside · 1 skipped$/);
    expect(after.stdout).toContain('judged with minImprovement 1, flareRise 3');
    expect(row(after.stdout, stricter)).toMatch(/1 set aside · judged with flareRise 3$/);
    expect(oneLine(after.stdout)).toContain('(now minImprovement 2, flareRise 4; `itb settings` shows them)');
    // Nothing was judged in a session with no drill finished: no rule to name.
    expect(row(after.stdout, none)).toMatch(/no drills finished · stopped early$/);
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(json.sessions.map((session: { thresholds: unknown }) => session.thresholds)).toEqual([
      { minImprovement: 1, flareRise: 3 },
      { minImprovement: 2, flareRise: 3 },
      { minImprovement: 1, flareRise: 3 },
    ]);
  });

  it('says of a session that ended before any drill was finished that none was', async () => {
    const none = buildSession({ startedAt: '2026-03-07T12:00:00Z', baseline: 6, status: 'stopped', drills: [] });
    await withSessions(first, none);
    const { stdout } = await run(['history'], { home, now });
    expect(stdout.split('\n').find((line) => line.startsWith(localDateTime(new Date(none.startedAt))))).toMatch(/strength\s+6\s+no drills finished · stopped early$/);
  });

  it('says once what the sessions rated when they differ only in how the movement was typed', async () => {
    const typed = buildSession({ id: 'typed', startedAt: '2026-03-07T12:00:00Z', movement: 'Single-leg  Squat ', baseline: 4, drills: [{ id: 'clamshells', scores: [2] }] });
    await withSessions(first, typed);
    const { stdout } = await run(['history'], { home, now });
    // As the newest session typed it, wrapped between words like any sentence.
    expect(stdout).toContain('Symptom and test movement: pain during Single-leg Squat');
    expect(stdout).not.toMatch(/\n  pain during /);
  });

  it('says above the sessions what they rated, in full, when sessions rate different things', async () => {
    const other = buildSession({
      startedAt: '2026-03-07T12:00:00Z',
      symptom: 'tightness',
      movement: 'walking down the long hill behind the house after work with the dog',
      baseline: 4,
      drills: [{ id: 'clamshells', scores: [2] }],
    });
    await withSessions(first, other);
    const { stdout } = await run(['history'], { home, now });
    // Wrapped above the row, never cut: two movements that start alike must not read as one.
    // Its second line two columns in: flush with the dates, it would read as a line of its own.
    expect(stdout).toMatch(/^Symptom and test movement: tightness during walking down the long hill behind\n {2}the house after work with the dog\ndate [^\n]+\n[^\n]+strength\s+4 → 2\s+1 helped\n/);
    expect(stdout).toMatch(/\nSymptom and test movement: pain during single-leg squat\n[^\n]+strength\s+6 → 5\s/);
    expect(stdout).not.toContain('…');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says what the sessions rated once above each run of them: twice after one change of movement, above each one when they alternate', async () => {
    const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 12) + n * 86_400_000).toISOString();
    const rated = (n: number, movement: string) => buildSession({ startedAt: at(n), movement, baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    const labels = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('Symptom and test movement:'));
    // 30 sessions of squats, then 3 of step-downs.
    await withSessions(...Array.from({ length: 33 }, (_, n) => rated(n, n < 30 ? 'single-leg squat' : 'step-down')));
    const switched = (await run(['history'], { home, now: new Date(at(34)) })).stdout;
    expect(labels(switched)).toEqual(['Symptom and test movement: pain during step-down', 'Symptom and test movement: pain during single-leg squat']);
    // Each above the first row of its run, the 3 step-down sessions between them.
    expect(switched).toMatch(/^Symptom and test movement: pain during step-down\ndate [^\n]+\n(\d[^\n]+\n){3}Symptom and test movement: pain during single-leg squat\n\d/);
    expect(switched.split('\n\n')[0]).not.toMatch(/\n +pain during /);

    cleanup();
    ({ home, cleanup } = tempHome());
    await withSessions(...Array.from({ length: 4 }, (_, n) => rated(n, n % 2 === 0 ? 'step-down' : 'single-leg squat')));
    const alternating = (await run(['history'], { home, now: new Date(at(5)) })).stdout;
    expect(labels(alternating)).toHaveLength(4);
    expect(alternating.split('\n\n')[0]!.split('\n').slice(0, 5)).toEqual([
      'Symptom and test movement: pain during single-leg squat',
      expect.stringMatching(/^date +routine +score +results$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d +strength +6 → 4 +1 helped$/),
      'Symptom and test movement: pain during step-down',
      expect.stringMatching(/6 → 4 +1 helped$/),
    ]);
  });

  it('puts the column headings right above the rows they head, under the first label, when sessions rate different things', async () => {
    const other = buildSession({ startedAt: '2026-03-07T12:00:00Z', movement: 'step-down', baseline: 4, drills: [{ id: 'clamshells', scores: [2] }] });
    await withSessions(first, other);
    const { stdout } = await run(['history'], { home, now });
    const table = stdout.split('\n\n')[0]!.split('\n');
    expect(table[0]).toBe('Symptom and test movement: pain during step-down');
    expect(table[1]).toMatch(/^date +routine +score +results$/);
    expect(table[2]).toMatch(/^2026-03-07 \d\d:\d\d +strength +4 → 2 +1 helped$/);
    expect(table[3]).toBe('Symptom and test movement: pain during single-leg squat');
    // As when every session rated the same thing: the label, then the headings, then the rows.
    const { stdout: same } = await run(['history', '--limit', '1'], { home, now });
    expect(same.split('\n').slice(0, 2).map((line) => line.split(' ')[0])).toEqual(['Symptom', 'date']);
  });

  it('says under each session which side was painful when the sessions had more than one', async () => {
    const right = buildSession({ startedAt: '2026-03-07T12:00:00Z', side: 'right', baseline: 4, drills: [{ id: 'clamshells', scores: [2] }] });
    const both = buildSession({ startedAt: '2026-03-08T12:00:00Z', side: 'both', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions({ ...first, side: 'left' }, right, both);
    const { stdout } = await run(['history'], { home, now });
    expect(stdout).toMatch(/\nSymptom and test movement: pain during single-leg squat · left side painful\n[^\n]+6 → 5\s/);
    expect(stdout).toMatch(/\nSymptom and test movement: pain during single-leg squat · right side painful\n[^\n]+4 → 2\s+1 helped\n/);
    expect(stdout).toMatch(/^Symptom and test movement: pain during single-leg squat · both sides painful\ndate [^\n]+\n[^\n]+5 → 4\s+1 helped\n/);
    // One side in the sessions listed, of a store with three: said once, above the table.
    const { stdout: oneSide } = await run(['history', '--limit', '1'], { home, now });
    expect(oneSide).toContain('Symptom and test movement: pain during single-leg squat · both sides painful\n');
    expect(oneSide.split('\n\n')[0]!.match(/painful/g)).toHaveLength(1);
  });

  it("draws each painful side's trend apart, the latest session's first, and names its side when the scores were given for more than one", async () => {
    // A right-leg squat one day and a left-leg one the next are two legs: not one leg getting worse.
    const squat = (day: number, side: 'left' | 'right', baseline: number) =>
      buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, side, baseline, drills: [{ id: 'clamshells', scores: [baseline - 1] }] });
    await withSessions(squat(1, 'right', 3), squat(2, 'left', 7), squat(3, 'right', 2), squat(4, 'left', 6));
    const trend = (stdout: string) => stdout.slice(stdout.indexOf('\nScores compare'));
    expect(trend((await run(['history'], { home, now })).stdout)).toBe(
      [
        '',
        'Scores compare only when they rate the same symptom in the same test movement on',
        'the same painful side, so each has a trend of its own, the latest first.',
        '',
        `Trend  ${localDate(new Date(squat(2, 'left', 7).startedAt))} to ${localDate(new Date(squat(4, 'left', 6).startedAt))} (2 sessions; bars 0 to 7, the highest score)`,
        '  pain during single-leg squat (left side painful)',
        '  baseline  █▇  7 → 6',
        '  final     ▇▆  6 → 5',
        '',
        `Trend  ${localDate(new Date(squat(1, 'right', 3).startedAt))} to ${localDate(new Date(squat(3, 'right', 2).startedAt))} (2 sessions; bars 0 to 7, above every score)`,
        '  pain during single-leg squat (right side painful)',
        '  baseline  ▄▃  3 → 2',
        '  final     ▃▂  2 → 1',
        '',
      ].join('\n'),
    );
    // A third session on the right: its trend is the latest, and comes first.
    await withSessions(squat(5, 'right', 4));
    const later = trend((await run(['history'], { home, now })).stdout);
    expect(later.indexOf('(right side painful)')).toBeLessThan(later.indexOf('(left side painful)'));
    expect(later).toMatch(/\(3 sessions; bars 0 to 7, above every score\)\n {2}pain during single-leg squat \(right side painful\)\n {2}baseline {2}▄▃▅ {2}3 → 4\n/);
    expect(later).toMatch(/\(2 sessions; bars 0 to 7, the highest score\)\n {2}pain during single-leg squat \(left side painful\)\n {2}baseline {2}█▇ {2}7 → 6\n/);
  });

  it('draws every symptom and test movement rated in two sessions or more, newest first, and none rated once', async () => {
    // Pain on the step-down some days, tightness on the lunge on others: neither hides the other.
    const rated = (day: number, symptom: 'pain' | 'tightness', movement: string, baseline: number) =>
      buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, symptom, movement, baseline, drills: [{ id: 'clamshells', scores: [baseline - 2] }] });
    await withSessions(rated(1, 'pain', 'step-down', 8), rated(2, 'tightness', 'lunge', 4), rated(3, 'pain', 'walking', 3), rated(4, 'pain', 'step-down', 6), rated(5, 'tightness', 'lunge', 5));
    const { stdout } = await run(['history'], { home, now });
    const trend = stdout.slice(stdout.indexOf('\nScores compare'));
    expect(trend.replace(/\s+/g, ' ')).toContain(' Scores compare only when they rate the same symptom in the same test movement, so each has a trend of its own, the latest first. Trend ');
    // Scores from one side only: no side is named.
    expect(trend).not.toContain('painful');
    expect(trend).toMatch(/\n\nTrend .*\(2 sessions; bars 0 to 7, above every score\)\n {2}tightness during lunge\n {2}baseline {2}▅▆ {2}4 → 5\n {2}final {5}▃▄ {2}2 → 3\n/);
    expect(trend).toMatch(/\n\nTrend .*\(2 sessions; bars 0 to 8, the highest score\)\n {2}pain during step-down\n {2}baseline {2}█▆ {2}8 → 6\n {2}final {5}▆▅ {2}6 → 4\n/);
    expect(trend.indexOf('tightness during lunge')).toBeLessThan(trend.indexOf('pain during step-down'));
    // Walking was rated once: no trend of it yet, and no bars.
    expect(trend).not.toContain('walking');
    expect(trend.match(/^ {2}baseline /gm)).toHaveLength(2);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // The JSON is as before: every point, each saying what it rated.
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(json.trend.map((point: { movement: string }) => point.movement)).toEqual(['step-down', 'lunge', 'walking', 'step-down', 'lunge']);
  });

  it('draws, of a list cut short by --limit, only the trends its sessions rated, counting the others, and every one with --all', async () => {
    // Years of history hold dozens of trends: those of long ago are counted, not drawn, on the screen.
    const rated = (day: number, movement: string, baseline: number) =>
      buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, movement, baseline, drills: [{ id: 'clamshells', scores: [baseline - 2] }] });
    await withSessions(rated(1, 'lunge', 6), rated(2, 'stairs', 6), rated(3, 'lunge', 5), rated(4, 'stairs', 5), rated(5, 'walking', 4), rated(6, 'step-down', 5), rated(7, 'walking', 3), rated(8, 'step-down', 4));
    const said = (args: string[]) => run(['history', ...args], { home, now }).then(({ stdout }) => stdout.replace(/\s+/g, ' '));
    // The 4 newest rated walking and the step-down: lunge and stairs were rated only before them.
    const limited = await said(['-n', '4']);
    expect(limited).toContain('pain during step-down baseline');
    expect(limited).toContain('pain during walking baseline');
    expect(limited).not.toMatch(/pain during (lunge|stairs) baseline/);
    expect(limited).toMatch(/ 2 other trends of what only earlier sessions rated \(`itb history --all` draws every one\)\.( |$)/);
    // One of them listed is enough to draw it.
    const five = await said(['-n', '5']);
    expect(five).toContain('pain during stairs baseline');
    expect(five).not.toContain('pain during lunge baseline');
    expect(five).toContain(' 1 other trend of what only earlier sessions rated ');
    const all = await said(['--all']);
    for (const movement of ['step-down', 'walking', 'stairs', 'lunge']) expect(all).toContain(`pain during ${movement} baseline`);
    expect(all).not.toContain('other trend');
  });

  it('counts, under the one trend drawn, those only earlier sessions rated', async () => {
    const rated = (day: number, movement: string) => buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(rated(1, 'lunge'), rated(2, 'lunge'), rated(3, 'walking'), rated(4, 'walking'));
    const said = (await run(['history', '-n', '2'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(said).toMatch(/Only sessions that rated pain during walking, as the latest did: the 2 that rated something else do not compare\. baseline ▆▆ 5 → 5 final ▄▄ 3 → 3 1 other trend of what only earlier sessions rated \(`itb history --all` draws every one\)\.( |$)/);
  });

  it('draws, of a list cut short to a latest session that rated something new, the trend before it, and counts no more', async () => {
    // The lunge trend's sessions are not listed, but it is the one trend there is: drawn, not counted.
    const rated = (day: number, movement: string) => buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(rated(1, 'lunge'), rated(2, 'lunge'), rated(3, 'walking'));
    const said = (await run(['history', '-n', '1'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(said).toContain(
      'Your latest session rated pain during walking; its trend shows once a second session rates it too. Until then, the trend of pain during lunge, without the 1 session that rated something else. baseline ▆▆ 5 → 5',
    );
    expect(said).not.toContain('other trend');
  });

  it('names, under trends counted of a list cut short, the command that draws them for the same period, as itb was started', async () => {
    const rated = (day: number, movement: string) => buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(rated(1, 'stairs'), rated(2, 'lunge'), rated(3, 'lunge'), rated(4, 'walking'), rated(5, 'walking'));
    const said = (await run(['history', '--since', '2026-03-02', '-n', '2'], { home, now, env: { npm_lifecycle_event: 'npx' } })).stdout.replace(/\s+/g, ' ');
    expect(said).toMatch(/ 1 other trend of what only earlier sessions rated \(`npx itb history --since 2026-03-02 --all` draws every one\)\.( |$)/);
  });

  it('names the library in use (--data) in the commands it gives, as the advice goes by it', async () => {
    const library = join(home, 'library.yaml');
    writeFileSync(library, readFileSync(join(import.meta.dirname, '../../data/library.yaml'), 'utf8'));
    await withSessions(first, second);
    const said = (await run(['--data', library, 'history', '-n', '1'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(said).toContain(`(\`itb --data ${library} history --all\` lists every one).`);
  });

  it('draws a trend longer than the line on the scale of all its sessions, as the Markdown report does', async () => {
    // A first session of 10, out of sight at the start of 60 on the screen: its bars still go to 10, as the report's do.
    const sessions = Array.from({ length: 60 }, (_, i) =>
      buildSession({ startedAt: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(), baseline: i === 0 ? 10 : 4, drills: [{ id: 'clamshells', scores: [3] }] }),
    );
    await withSessions(...sessions);
    const history = (await run(['history'], { home, now })).stdout;
    expect(history.replace(/\s+/g, ' ')).toContain('(latest 55 of 60 sessions; bars 0 to 10)');
    expect(history).toMatch(/^ {2}baseline {2}…▄{55} {2}4 → 4$/m);
    const md = (await run(['export'], { home, now })).stdout;
    expect(md).toContain('Baseline scores, oldest to newest, a bar each (▁ is 0, █ is 10, the highest baseline): `█▄▄▄');
  });

  it('says of a top reached only by sessions before the bars on the line that it is the highest score of them all', async () => {
    // A first session of 9, out of sight: "the highest score" would send the eye to the bars for it.
    const sessions = Array.from({ length: 60 }, (_, i) =>
      buildSession({ startedAt: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(), baseline: i === 0 ? 9 : 4, drills: [{ id: 'clamshells', scores: [3] }] }),
    );
    await withSessions(...sessions);
    const history = (await run(['history'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(history).toContain('(latest 55 of 60 sessions; bars 0 to 9, the highest score of all 60)');
    // In sight, it is here.
    await withSessions(buildSession({ startedAt: '2026-03-09T12:00:00Z', baseline: 9, drills: [{ id: 'clamshells', scores: [3] }] }));
    expect((await run(['history'], { home, now })).stdout.replace(/\s+/g, ' ')).toContain('(latest 55 of 61 sessions; bars 0 to 9, the highest score)');
  });

  it('says no more of a scale from 0 to 10 than its ends (a scale below 10 says what its top is, as above)', async () => {
    const rated = (day: number, baseline: number, after: number) =>
      buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, baseline, drills: [{ id: 'clamshells', scores: [after] }] });
    await withSessions(rated(1, 10, 6), rated(2, 8, 5));
    expect((await run(['history'], { home, now })).stdout).toContain('(2 sessions; bars 0 to 10)\n');
  });

  it('says that the latest session awaits a second one for its trend, above every trend drawn meanwhile', async () => {
    const rated = (day: number, symptom: 'pain' | 'tightness', movement: string) =>
      buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, symptom, movement, baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions(rated(1, 'pain', 'step-down'), rated(2, 'tightness', 'lunge'), rated(3, 'pain', 'step-down'), rated(4, 'tightness', 'lunge'), rated(5, 'pain', 'running'));
    const stdout = (await run(['history'], { home, now })).stdout;
    const said = stdout.replace(/\s+/g, ' ');
    expect(said).toContain(
      'the latest first. Your latest session rated pain during running; its trend shows once a second session rates it too. Trend 2026-03-02 to 2026-03-04 (2 sessions; bars 0 to 7, above every score) tightness during lunge baseline ▆▆ 5 → 5',
    );
    expect(said).toContain('Trend 2026-03-01 to 2026-03-03 (2 sessions; bars 0 to 7, above every score) pain during step-down baseline ▆▆ 5 → 5');
    // Not "until then, the trend of ... without": every trend is drawn.
    expect(said).not.toContain('Until then');
  });

  it('with --since, says above the trends of the period that it is too short for the trend of what the latest session rated', async () => {
    const rated = (day: number, movement: string) => buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, movement, baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions(rated(1, 'running'), rated(2, 'lunge'), rated(3, 'walking'), rated(4, 'lunge'), rated(5, 'walking'), rated(6, 'running'));
    const said = (await run(['history', '--since', '2026-03-02'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(said).toContain(
      'the latest first. Too few sessions since 2026-03-02 rated pain during running, as your latest did, for a trend of its own: `itb history` without --since draws it. Trend 2026-03-03 to 2026-03-05 (2 sessions; bars 0 to 7, above every score) pain during walking ',
    );
    expect(said).toContain('Trend 2026-03-02 to 2026-03-04 (2 sessions; bars 0 to 7, above every score) pain during lunge ');
    expect(said).not.toContain('once a second session');
  });

  it('draws no final score for a session stopped before any drill was scored, as its row shows none', async () => {
    // Its final is its baseline: a bar of it would read as drills that changed nothing that day.
    const stoppedAtStart = buildSession({ startedAt: '2026-03-03T12:00:00Z', baseline: 7, status: 'stopped' });
    await withSessions(first, stoppedAtStart, second);
    const { stdout } = await run(['history'], { home, now });
    expect(stdout).toMatch(/\(3 sessions; bars 0 to 7, the highest score\)/);
    expect(stdout).toMatch(/\n {2}baseline {2}▇█▆ {2}6 → 5\n {2}final {5}▆·▄ {2}5 → 3\n/);
    // The latest one stopped so: no final score to end the line with either.
    await withSessions({ ...stoppedAtStart, id: 'later', startedAt: '2026-03-06T12:00:00Z', baseline: 4 });
    expect((await run(['history'], { home, now })).stdout).toMatch(/\n {2}final {5}▆·▄· {2}5 → –\n/);
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(json.trend.map((point: { final: number; attempts: number }) => [point.final, point.attempts])).toEqual([[5, 3], [7, 0], [3, 2], [4, 0]]);
  });

  it('says no painful side with the trend when every session was on the same one', async () => {
    const walking = (day: number) => buildSession({ startedAt: `2026-03-0${day}T12:00:00Z`, side: 'left', movement: 'walking', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions({ ...first, side: 'left' }, walking(6), walking(7));
    const stdout = (await run(['history'], { home, now })).stdout.replace(/\n +/g, ' ');
    expect(stdout).toContain('Only sessions that rated pain during walking, as the latest did: the 1 that rated something else does not compare.');
    expect(stdout).not.toContain('painful');
  });

  it('tells apart, on a narrow terminal, two movements that differ only at their end', async () => {
    const stairs = (id: string, day: number, where: string) =>
      buildSession({ id, startedAt: `2026-03-0${day}T12:00:00Z`, movement: `going down the stairs at ${where}`, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(stairs('home', 1, 'home'), stairs('work', 2, 'work'));
    for (const columns of [40, 60]) {
      const { stdout } = await onTerminal(columns, () => run(['history'], { home, now }));
      const said = stdout.replace(/\s+/g, ' ');
      expect(said).toMatch(/^Symptom and test movement: pain during going down the stairs at work date routine score (results )?2026-03-02/);
      expect(said).toContain('Symptom and test movement: pain during going down the stairs at home 2026-03-01');
      expect(stdout).not.toContain('…');
      for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
    }
  });

  it('fits a trend as wide as a narrow terminal allows within it, with scores of 10 after the bars', async () => {
    const worst = Array.from({ length: 40 }, (_, i) =>
      buildSession({ startedAt: new Date(Date.parse('2026-01-20T12:00:00Z') + i * 86_400_000).toISOString(), baseline: 10, drills: [{ id: 'clamshells', scores: [10, 10] }] }),
    );
    await withSessions(...worst);
    const { stdout } = await onTerminal(50, () => run(['history'], { home, now }));
    const bars = stdout.split('\n').filter((line) => /^  (baseline|final) /.test(line));
    expect(bars).toHaveLength(2);
    for (const line of bars) expect(line).toMatch(/ 10 → 10$/);
    // The bars take all the room there is, and not a column more.
    for (const line of bars) expect(line.length).toBe(50);
  });

  it('keeps a long routine id on a terminal too narrow for it beside the date, under the date with the results', async () => {
    const routine = 'my-knee-and-hip-evening-routine';
    const at = (id: string, day: number) => buildSession({ id, startedAt: `2026-03-0${day}T12:00:00Z`, routine, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(at('s1', 1), at('s2', 2));
    const { stdout } = await onTerminal(40, () => run(['history'], { home, now }));
    expect(stdout.match(new RegExp(`\\n    ${routine}\\n    1 helped\\n`, 'g'))).toHaveLength(2);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('names a long routine id and two movements that start alike in full', async () => {
    const stairs = 'going down the stairs at work after sitting all morning';
    const at = (id: string, day: number, movement: string) =>
      buildSession({ id, startedAt: `2026-03-0${day}T12:00:00Z`, routine: 'my-knee-and-hip-evening-routine', movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(at('s1', 1, stairs), at('s2', 2, stairs), at('s3', 3, `${stairs}, carrying a bag`));
    const { stdout } = await run(['history'], { home, now });
    expect(stdout).toMatch(/my-knee-and-hip-evening-routine\s+5 → 3\s+1 helped\n/);
    const said = stdout.replace(/\s+/g, ' ');
    expect(said).toContain(`Your latest session rated pain during ${stairs}, carrying a bag; its trend shows once a second session rates it too.`);
    expect(said).toContain(`Until then, the trend of pain during ${stairs}, without the 1 session`);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('gives the scores of the first and last session the bars show, not of the first session ever, on a long trend', async () => {
    // 60 sessions a day apart: the bars show the latest 55, from baseline 4 (the 6th) to 7.
    const many = Array.from({ length: 60 }, (_, i) =>
      buildSession({ id: `s${i}`, startedAt: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(), baseline: i === 0 ? 9 : i === 5 ? 4 : i === 59 ? 7 : 5, drills: [{ id: 'clamshells', scores: [i === 0 ? 1 : 3] }] }),
    );
    await withSessions(...many);
    const { stdout } = await run(['history'], { home, now: new Date('2026-03-10T12:00:00Z') });
    expect(stdout).toContain('(latest 55 of 60 sessions;');
    // The dates are those of the bars drawn too.
    expect(stdout).toContain(`Trend  ${localDate(new Date(many[5]!.startedAt))} to ${localDate(new Date(many[59]!.startedAt))}`);
    expect(stdout).toMatch(/baseline\s+…\S+\s+4 → 7\n/);
    expect(stdout).toMatch(/final\s+…\S+\s+3 → 3\n/);
  });

  it('draws first the trend of the sessions that rated what the latest one rated, each trend on its own scale', async () => {
    const lunge = (id: string, day: number, baseline: number) =>
      buildSession({ id, startedAt: `2026-03-0${day}T12:00:00Z`, symptom: 'tightness', movement: 'lunge', baseline, drills: [{ id: 'clamshells', scores: [Math.max(0, baseline - 1)] }] });
    await withSessions(first, lunge('l1', 2, 9), second, lunge('l2', 6, 1), lunge('l3', 7, 2));
    const { stdout } = await run(['history'], { home, now });
    expect(stdout).toMatch(/\(3 sessions; bars 0 to 9, the highest score\)\n {2}tightness during lunge\n/);
    // 1 and 2 were one bar on a scale to 10; on this one, to 9, they are two.
    expect(stdout).toMatch(/baseline\s+█▂▃\s+9 → 2/);
    // The squat's own trend after it, on a scale of its own scores.
    expect(stdout).toMatch(/\(2 sessions; bars 0 to 7, above every score\)\n {2}pain during single-leg squat\n {2}baseline {2}▇▆ {2}6 → 5\n/);
    expect(stdout.indexOf('tightness during lunge\n  baseline')).toBeLessThan(stdout.indexOf('pain during single-leg squat\n  baseline'));
    // Every session stays in the JSON, each point saying what it rated.
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(json.trend.map((p: { symptom: string }) => p.symptom)).toEqual(['pain', 'tightness', 'pain', 'tightness', 'tightness']);
  });

  it('says in the singular when one session rated something else', async () => {
    const walking = (id: string, day: number) =>
      buildSession({ id, startedAt: `2026-03-0${day}T12:00:00Z`, movement: 'walking', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions(first, walking('w1', 6), walking('w2', 7));
    const stdout = (await run(['history'], { home, now })).stdout.replace(/\n +/g, ' ');
    expect(stdout).toContain('Only sessions that rated pain during walking, as the latest did: the 1 that rated something else does not compare.');
  });

  it('waits for a second session of a new symptom or movement, drawing the earlier trend meanwhile', async () => {
    const running = buildSession({ id: 'run', startedAt: '2026-03-08T12:00:00Z', movement: 'running', baseline: 7, drills: [{ id: 'clamshells', scores: [5] }] });
    await withSessions(first, second, running);
    const stdout = (await run(['history'], { home, now })).stdout.replace(/\n {2}(?=[A-Za-z]+ [a-z])/g, ' ');
    expect(stdout).toContain(
      'Your latest session rated pain during running; its trend shows once a second session rates it too. Until then, the trend of pain during single-leg squat, without the 1 session that rated something else.',
    );
    expect(stdout).toMatch(/\(2 sessions; bars 0 to 7, above every score\)/);
    expect(stdout).toMatch(/baseline\s+▇▆\s+6 → 5/);
  });

  it('takes --since as the start of that day on the local clock, as dates are shown', async () => {
    // 02:00 UTC on the 5th is 22:30 on the 4th in Newfoundland, where the tests' clock is.
    const lateEvening = buildSession({ id: 'late-evening', startedAt: '2026-03-05T02:00:00Z', baseline: 5, drills: [{ id: 'bridges', scores: [4] }] });
    await withSessions(first, lateEvening, second);
    const json = JSON.parse((await run(['history', '--json', '--since', '2026-03-05'], { home, now })).stdout);
    expect(json.sessions.map((s: { id: string }) => s.id)).toEqual(['second']);
    const from4th = JSON.parse((await run(['history', '--json', '--since', '2026-03-04'], { home, now })).stdout);
    expect(from4th.sessions.map((s: { id: string }) => s.id)).toEqual(['second', 'late-evening']);
  });

  it('with --since, does not say a second session is awaited when one before that day rated what the latest did', async () => {
    const rated = (id: string, day: number, movement: string) =>
      buildSession({ id, startedAt: `2026-03-0${day}T12:00:00Z`, movement, baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions(rated('r1', 1, 'running'), rated('w1', 5, 'walking'), rated('w2', 6, 'walking'), rated('r2', 8, 'running'));
    const period = (await run(['history', '--since', '2026-03-05'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(period).toContain(
      'Too few sessions since 2026-03-05 rated pain during running, as your latest did, for a trend of its own: `itb history` without --since draws it. Here, the trend of pain during walking, without the 1 session that rated something else.',
    );
    expect(period).not.toContain('once a second session');
    // Without a trend in the period at all.
    const shorter = (await run(['history', '--since', '2026-03-06'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(shorter).toContain('Too few sessions since 2026-03-06 rated pain during running, as your latest did, for a trend of its own: `itb history` without --since draws it.');
    expect(shorter).not.toContain('The trend shows once two sessions');
    // Which it does, first.
    expect((await run(['history'], { home, now })).stdout).toMatch(/\n\nTrend [^\n]+\n {2}pain during running\n/);
  });

  it('says when no symptom and movement has been rated twice yet', async () => {
    const running = buildSession({ id: 'run', startedAt: '2026-03-08T12:00:00Z', movement: 'running', baseline: 7, drills: [{ id: 'clamshells', scores: [5] }] });
    await withSessions(first, running);
    const stdout = (await run(['history'], { home, now })).stdout.replace(/\n +/g, ' ');
    expect(stdout).toMatch(/The trend shows once two sessions have rated pain during running, as the latest did: earlier scores rated something else and do not compare\./);
    expect(stdout).not.toContain('baseline  ');
  });

  it('says the earlier scores rated another side when only the painful side changed, with or without --since', async () => {
    // The same squat: the left leg hurt first, now the right one.
    await withSessions({ ...first, side: 'left' }, { ...second, side: 'right' });
    const awaited = 'The trend shows once two sessions have rated pain during single-leg squat (right side painful), as the latest did: earlier scores rated something else or another side and do not compare.';
    expect((await run(['history'], { home, now })).stdout.replace(/\s+/g, ' ')).toContain(awaited);
    expect((await run(['history', '--since', '2026-03-03'], { home, now })).stdout.replace(/\s+/g, ' ')).toContain(awaited);
  });

  it('shows a session left in progress by a process that no longer runs as interrupted, and leaves the file as it is', async () => {
    const cut = buildSession({ id: 'cut', startedAt: '2026-03-08T12:00:00Z', status: 'in-progress', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions(first, cut);
    const storePath = join(home, 'store.json');
    const bytes = readFileSync(storePath);
    const statusOf = async () => JSON.parse((await run(['history', '--json'], { home, now })).stdout).sessions[0].status;
    expect(await statusOf()).toBe('interrupted');
    expect((await run(['history'], { home, now })).stdout).toMatch(/6 → 4\s+1 helped · interrupted/);
    expect(readFileSync(storePath)).toEqual(bytes);
    // While a session holds the lock, it really is in progress.
    const release = await acquireSessionLock(storePath);
    try {
      expect(await statusOf()).toBe('in-progress');
      expect((await run(['history'], { home, now })).stdout).toMatch(/6 → 4\s+1 helped · in progress$/m);
    } finally {
      await release();
    }
  });

  it('prints JSON: summaries newest first and the trend oldest first', async () => {
    await withSessions(first, second);
    const { code, stdout } = await run(['history', '--json'], { home, now });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'generatedAt', 'sessions', 'unlisted', 'trend', 'advice']);
    expect(json.unlisted).toBe(0);
    expect(json.schemaVersion).toBe(1);
    expect(json.generatedAt).toBe(now.toISOString());
    expect(json.sessions.map((s: { id: string }) => s.id)).toEqual(['second', 'first']);
    expect(json.sessions[0]).toMatchObject({ baseline: 5, final: 3, helped: 1, avoided: 0, skipped: 0, status: 'interrupted', interrupted: true });
    expect(json.trend).toEqual([
      { at: first.startedAt, baseline: 6, final: 5, attempts: 3, symptom: 'pain', movement: 'single-leg squat', side: 'left' },
      { at: second.startedAt, baseline: 5, final: 3, attempts: 2, symptom: 'pain', movement: 'single-leg squat', side: 'left' },
    ]);
  });

  it('lists the 20 newest sessions and says how many more there are; --all and --limit list more or fewer', async () => {
    const daily = Array.from({ length: 23 }, (_, i) =>
      buildSession({ id: `day-${i + 1}`, startedAt: `2026-02-${String(i + 1).padStart(2, '0')}T12:00:00Z`, baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }),
    );
    await withSessions(...daily);
    const rows = (stdout: string) => stdout.split('\n').filter((line) => /^2026-02-\d\d /.test(line)).map((line) => line.slice(0, 10));
    const days = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `2026-02-${String(from - i).padStart(2, '0')}`);

    const shown = await run(['history'], { home, now });
    expect(rows(shown.stdout)).toEqual(days(23, 4));
    expect(shown.stdout).toContain('… 3 earlier sessions not listed (`itb history --all` lists every one).');
    // The trend still covers every session.
    expect(shown.stdout.replace(/\s+/g, ' ')).toContain('(23 sessions; bars 0 to 7, above every score)');

    const all = await run(['history', '--all'], { home, now });
    expect(rows(all.stdout)).toEqual(days(23, 1));
    expect(all.stdout).not.toContain('not listed');

    const few = await run(['history', '-n', '2'], { home, now });
    expect(rows(few.stdout)).toEqual(days(23, 22));
    expect(few.stdout).toContain('… 21 earlier sessions not listed');
    expect((await run(['history', '--limit', '1'], { home, now })).stdout).toContain('… 22 earlier sessions not listed');
    expect((await run(['history', '-n', '22'], { home, now })).stdout).toContain('… 1 earlier session not listed (`itb history --all` lists every one).');

    // JSON lists every session unless told otherwise, and says how many it left out, as the text
    // does, so that a script knows whether it saw them all; the trend keeps them all either way.
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(json.sessions).toHaveLength(23);
    expect(json.unlisted).toBe(0);
    const limited = JSON.parse((await run(['history', '--json', '--limit', '2'], { home, now })).stdout);
    expect(limited.sessions.map((s: { id: string }) => s.id)).toEqual(['day-23', 'day-22']);
    expect(limited.unlisted).toBe(21);
    expect(limited.trend).toHaveLength(23);
    // Of the period asked for, as the text counts them.
    const since = JSON.parse((await run(['history', '--json', '--since', '2026-02-20', '-n', '1'], { home, now })).stdout);
    expect(since.sessions.map((s: { id: string }) => s.id)).toEqual(['day-23']);
    expect(since.unlisted).toBe(3);
    expect((await run(['history', '--since', '2026-02-20', '-n', '1'], { home, now })).stdout).toContain('… 3 earlier sessions not listed');
  });

  it('says what --all and -n each do when both are given, so that one can be left out', async () => {
    const both = await run(['history', '--all', '-n', '3'], { home, now });
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
    expect(both.stderr.replace(/\n(?!$)/g, ' ')).toBe('error: give either --all or --limit, not both --all lists every session, -n 3 (--limit 3) the newest 3: keep one of them.\n');
    // A count that is no number is said first.
    expect((await run(['history', '--all', '-n', 'ten'], { home, now })).stderr).toContain('error: -n (--limit) wants a whole number of sessions, 1 or more, not "ten"');
  });

  it('refuses a count below 1 or with more than digits, with an example, and takes one with spaces around it', async () => {
    await withSessions(first, second);
    for (const count of ['0', '5x', '2.5']) {
      const refused = await run(['history', '-n', count], { home, now });
      expect(refused.code, count).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.replace(/\n(?!$)/g, ' ')).toBe(`error: -n (--limit) wants a whole number of sessions, 1 or more, not "${count}" For example: \`itb history -n 50\`\n`);
    }
    // The rest typed is kept, so that the command copied lists what was asked for; not --all,
    // which goes with no count.
    const typed = await run(['--data', 'my-library.yaml', 'history', '--since', '2026-10-01', '--json', '--all', '-n', 'ten'], { home, now });
    expect(typed.stderr.replace(/\s+/g, ' ')).toContain('For example: `itb --data my-library.yaml history --since 2026-10-01 --json -n 50`');
    const spaced = await run(['history', '-n', ' 1 '], { home, now });
    expect(spaced.code).toBe(0);
    expect(spaced.stdout).toContain('… 1 earlier session not listed');
  });

  it('keeps sessions from the --since day on', async () => {
    await withSessions(first, second);
    const json = JSON.parse((await run(['history', '--since', '2026-03-03', '--json'], { home, now })).stdout);
    expect(json.sessions.map((s: { id: string }) => s.id)).toEqual(['second']);
    expect(json.trend).toHaveLength(1);

    const text = await run(['history', '--since', '2026-03-09'], { home, now });
    expect(text.code).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(`No sessions since 2026-03-09. (2 earlier, the latest on ${localDate(new Date(second.startedAt))}; run`);
    await Store.open({ ITB_HOME: home }).update((data) => void (data.sessions = [first]));
    const one = (await run(['history', '--since', '2026-03-09'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(one).toContain(`(1 earlier, on ${localDate(new Date(first.startedAt))}; run`);
  });

  it('names the latest earlier session by its day on your clock, wherever the store keeps it', async () => {
    // 21:30 on 2026-03-05 here, already 2026-03-06 in UTC; kept before an earlier session, as a
    // session begun in another window and answered later would be.
    const evening = buildSession({ id: 'evening', startedAt: '2026-03-06T01:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions(evening, first);
    const text = await run(['history', '--since', '2026-03-09'], { home, now });
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('No sessions since 2026-03-09. (2 earlier, the latest on 2026-03-05; run');
  });

  it('says that a period with one scored session is too short for a trend, not that the person has too few sessions', async () => {
    // With no earlier session, the period holds every score there is.
    await withSessions(first);
    const alone = (await run(['history', '--since', '2026-03-01'], { home, now })).stdout;
    expect(alone).toContain('The trend of your scores shows once two sessions have a score.');

    await withSessions(second);
    const stdout = (await run(['history', '--since', '2026-03-03'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(stdout).toContain('Too few sessions since 2026-03-03 for a trend, which needs two with a score: `itb history` without --since draws it from every session.');
    expect(stdout).not.toContain('shows once two sessions have a score');
  });

  it('with --since, does not say a session rated only once draws a trend without --since', async () => {
    // The session before the period rated the single-leg squat; the period's one session rated running, never rated before.
    await withSessions(first, { ...second, movement: 'running' });
    const stdout = (await run(['history', '--since', '2026-03-03'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(stdout).toContain('The trend shows once two sessions have rated pain during running, as the latest did: earlier scores rated something else and do not compare.');
    expect(stdout).not.toContain('without --since');
  });

  it('says on stderr that a library file given cannot be read, and shows the history all the same', async () => {
    await withSessions(first);
    const missing = join(home, 'my-libary.yaml');
    const result = await run(['--data', missing, 'history'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('strength');
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(`note: cannot read ${missing}: file not found, so the advice under the history goes without it. Check the path of the library file. `);
    const broken = join(home, 'broken.yaml');
    writeFileSync(broken, 'exercises: [\n');
    const json = await run(['--data', broken, 'history', '--json'], { home, now });
    expect(JSON.parse(json.stdout).sessions).toHaveLength(1);
    expect(json.stderr.replace(/\s+/g, ' ')).toContain(`note: 1 problem in the exercise library ${broken}, so the advice under the history goes without it. Fix it and run`);
  });

  it('with no sessions and a library file that cannot be read, suggests the session once the file is put right', async () => {
    const missing = join(home, 'my-libary.yaml');
    const result = await run(['--data', missing, 'history'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toBe(`No sessions yet. Once the library file is put right, run \`itb --data ${missing} session\` to start. `);
    expect(result.stderr).toContain(`cannot read ${missing}: file not found`);
  });

  it('suggests what to run next as itb was started, through npx and with the library file given, and keeps the --since day', async () => {
    const npx = { npm_lifecycle_event: 'npx' };
    const mine = join(home, 'my library.yaml');
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    copyFileSync(builtInLibraryFile(), mine);
    const empty = await run(['--data', mine, 'history'], { home, now, env: npx });
    expect(oneLine(empty.stdout)).toContain(`No sessions yet. Run \`npx itb --data '${mine}' session\` to start.`);
    // Too long to follow "Run" on its line: the command goes whole on the next, to be copied as it is.
    expect(empty.stdout.split('\n')).toContain(`\`npx itb --data '${mine}' session\` to start.`);

    const daily = Array.from({ length: 23 }, (_, i) =>
      buildSession({ id: `day-${i + 1}`, startedAt: `2026-02-${String(i + 1).padStart(2, '0')}T12:00:00Z`, baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }),
    );
    await withSessions(...daily);
    const period = await run(['history', '--since', ' 2026-02-02 ', '-n', '2'], { home, now, env: npx });
    expect(oneLine(period.stdout)).toContain('… 20 earlier sessions not listed (`npx itb history --since 2026-02-02 --all` lists every one).');
    // Too long for one line of 80 columns: the command to copy goes whole on the next.
    expect(period.stdout).toContain('… 20 earlier sessions not listed\n(`npx itb history --since 2026-02-02 --all` lists every one).\n');
    const none = await run(['history', '--since', ' 2026-03-01 '], { home, now, env: npx });
    expect(oneLine(none.stdout)).toContain('No sessions since 2026-03-01. (23 earlier, the latest on 2026-02-23; run `npx itb history` without --since to see them.)');
  });

  it('refuses a --since that is not a date', async () => {
    for (const bad of ['yesterday', '2026-3-1', '2026-02-30']) {
      const result = await run(['history', '--since', bad], { home, now });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--since wants a date like 2026-11-01, not "${bad}"`);
      expect(result.stdout).toBe('');
    }
  });

  it('says which part of a date written the right way is not on the calendar, and the day meant', async () => {
    const said = async (bad: string) => {
      const result = await run(['history', '--since', bad], { home, now });
      expect(result.code).toBe(2);
      return result.stderr;
    };
    expect(await said('2026-11-31')).toContain('"2026-11-31": November 2026 has 30 days\nFor its last day: `itb history --since 2026-11-30`\n');
    expect(await said('2026-02-29')).toContain('February 2026 has 28 days\nFor its last day: `itb history --since 2026-02-28`\n');
    expect(await said('2028-02-30')).toContain('February 2028 has 29 days');
    expect(await said('2100-02-29')).toContain('February 2100 has 28 days');
    expect(await said('2026-13-01')).toContain('"2026-13-01": a year has no month 13\nThe month comes second, from 01 to 12: `itb history --since 2026-11-01`\n');
    expect(await said('2026-00-10')).toContain('"2026-00-10": a year has no month 0\nThe month comes second, from 01 to 12: `itb history --since 2026-11-01`\n');
    expect(await said('2026-11-00')).toContain('"2026-11-00": a month has no day 0\nThe first day of a month is 01: `itb history --since 2026-11-01`\n');
    const export_ = await run(['export', '--until', '2026-04-31'], { home, now });
    expect(export_.stderr).toContain('--until wants a date like 2026-11-01, not "2026-04-31": April 2026 has 30 days\nFor its last day: `itb export --until 2026-04-30`\n');
  });

  it('reads a date written with the year last in neither order, naming the day it can only be, or both it may be', async () => {
    const said = async (args: string[]) => {
      const result = await run(args, { home, now });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      return result.stderr.replace(/\s+/g, ' ');
    };
    // 24 can only be the day.
    expect(await said(['history', '--since', '24/11/2026'])).toContain('--since wants a date like 2026-11-01, not "24/11/2026": itb reads the year first Written as itb takes it: `itb history --since 2026-11-24`');
    expect(await said(['export', '--until', '11.24.2026'])).toContain('Written as itb takes it: `itb export --until 2026-11-24`');
    // Either way round a day of the calendar: both, never one guessed.
    expect(await said(['export', '--since', '03/04/2026'])).toContain(
      'It could be either day: for 3 April 2026, `itb export --since 2026-04-03`; for 4 March 2026, `itb export --since 2026-03-04`.',
    );
    // The same day either way round, said once; no day either way round, the general hint.
    expect(await said(['history', '--since', '4/4/2026'])).toContain('Written as itb takes it: `itb history --since 2026-04-04`');
    expect(await said(['history', '--since', '31/02/2026'])).toContain('Write the year, month and day: `itb history --since 2026-11-01`');
  });

  it('gives the date typed wrong back in the whole command typed, so that the one copied still writes the file asked for', async () => {
    const said = async (args: string[]) => (await run(args, { home, now })).stderr.replace(/\s+/g, ' ');
    // Without -o, the command copied would print the report on the screen and write no file.
    expect(await said(['export', '-o', 'report.html', '--name', 'Sam Lee', '--since', '24/11/2026'])).toContain(
      "Written as itb takes it: `itb export -o report.html --name 'Sam Lee' --since 2026-11-24`",
    );
    expect(await said(['--data', 'my-library.yaml', 'export', '--format', 'csv', '--until=2026-04-31'])).toContain(
      'For its last day: `itb --data my-library.yaml export --format csv --until 2026-04-30`',
    );
    expect(await said(['history', '-n', '5', '--json', '--since', '2026/11/05'])).toContain('Written as itb takes it: `itb history -n 5 --json --since 2026-11-05`');
  });

  it('names the day meant by a date with one-digit parts or slashes, as it is to be written', async () => {
    const said = async (bad: string) => (await run(['history', '--since', bad], { home, now })).stderr;
    expect(await said('2026-3-1')).toContain('"2026-3-1"\nWritten as itb takes it: `itb history --since 2026-03-01`\n');
    expect(await said('2026/11/05')).toContain('Written as itb takes it: `itb history --since 2026-11-05`\n');
    // Not a day of the calendar in any form: the general hint.
    expect(await said('2026-2-30')).toContain('Write the year, month and day: `itb history --since 2026-11-01`\n');
    const export_ = await run(['export', '--until', '2026.11.5'], { home, now });
    expect(export_.code).toBe(2);
    expect(export_.stderr).toContain('Written as itb takes it: `itb export --until 2026-11-05`\n');
  });

  it('shows advice that applies, in the text and the JSON, whatever --since', async () => {
    const loading = buildSession({ startedAt: '2026-03-10T02:00:00Z', baseline: 5, loading: true, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions(loading);
    const { stdout } = await run(['history'], { home, now });
    expect(stdout).toContain('Advice');
    expect(stdout).toContain('48 hours apart');
    for (const args of [['history', '--json'], ['history', '--json', '--since', '2026-03-11']]) {
      const json = JSON.parse((await run(args, { home, now })).stdout);
      expect(json.advice).toEqual([{ id: 'loading-spacing', message: expect.stringContaining('48 hours apart'), readyAt: '2026-03-12T02:00:00.000Z' }]);
    }
  });

  it('advises a clinician for a side whose pain kept up, naming it when scores were given for both legs', async () => {
    // Pain at 7 on the left two weeks in a row, then on the right this week: no side has kept up for three.
    const left = ['2026-02-24T09:00:00Z', '2026-03-02T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 7, side: 'left' }));
    await withSessions(...left, buildSession({ startedAt: '2026-03-09T09:00:00Z', baseline: 7, side: 'right' }));
    expect((await run(['history'], { home, now })).stdout).not.toContain('physical therapist');
    // The right leg rated in those two weeks as well (from the Monday, two weeks before the
    // latest): it has started at 7 three weeks in a row.
    await withSessions(...['2026-02-23T10:00:00Z', '2026-03-02T10:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 7, side: 'right' })));
    const text = (await run(['history'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('You have rated your pain during single-leg squat (right side painful) in each of 3 weeks in a row');
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    const persistent = [{ rated: 'pain during single-leg squat', side: 'right', weeks: 3, firstMean: 7, latestMean: 7 }];
    expect(json.advice).toEqual([{ id: 'see-a-professional', message: expect.stringContaining('(right side painful)'), side: 'right', persistent }]);
    // The help's outline of an advice item names each of its keys, in history's help and in buckets'.
    for (const command of ['history', 'buckets']) {
      const outline = (await run([command, '--help'], { home, now })).stdout.match(/\{ id, message[^}]*\}/)![0];
      for (const key of Object.keys(json.advice[0])) expect(outline).toMatch(new RegExp(`\\b${key}\\b`));
    }
    // Walking has kept up on the left too, at 1, rated more lately: it is named after the right leg's 7, in one piece of advice.
    await withSessions(...['2026-02-23T11:00:00Z', '2026-03-02T11:00:00Z', '2026-03-09T11:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 1, side: 'left', movement: 'walking' })));
    const both = (await run(['history'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(both).toContain('(right side painful), in each of 3 weeks (about 7 in the first of those weeks, 7 in the latest); your pain during walking (left side painful), in each of 3 weeks');
    expect(both.match(/physical therapist or doctor/g)).toHaveLength(1);
    const advice = JSON.parse((await run(['history', '--json'], { home, now })).stdout).advice;
    expect(advice).toMatchObject([{ id: 'see-a-professional', side: 'right', persistent: [{ side: 'right', latestMean: 7 }, { side: 'left', latestMean: 1 }] }]);
  });

  it('offers to go on today with a routine left part way only when the library still has that routine', async () => {
    const partWay = (routine: string) =>
      buildSession({ startedAt: '2026-03-10T10:00:00Z', routine, status: 'stopped', baseline: 5, loading: true, drills: [{ id: 'clamshells', scores: [4] }] });
    await withSessions(partWay('strength'));
    const kept = (await run(['history'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(kept).toContain('48 hours apart');
    expect(kept).toContain('The strength routine you left part way today, for your left side, can go on later today');
    // A routine of a library file no longer given: there is nothing to go on with.
    await Store.open({ ITB_HOME: home }).update((data) => void (data.sessions = [partWay('my-own-routine')]));
    const gone = (await run(['history'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(gone).toContain('48 hours apart');
    expect(gone).not.toContain('can go on');
  });

  it('has help with examples', async () => {
    const { code, stdout } = await run(['history', '--help'], { home });
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('--since');
  });

  it('says in its help what the --json fields hold: every value of status, side and symptom, and what the counts count', async () => {
    const help = (await run(['history', '--help'], { home })).stdout.replace(/\s+/g, ' ');
    // Each value of status with the words that say what it means, if any.
    const named = (values: readonly string[]) => values.every((value) => new RegExp(`"${value}"( \\([^)]*\\))?(, | or |;|\\.)`).test(help));
    expect(help).toContain('symptom is "pain", "tightness" or "discomfort"; side, the painful side, "left", "right" or "both"; status "completed"');
    expect(named(symptoms) && named(painfulSides) && named(sessionSchema.shape.status.options)).toBe(true);
    expect(help).toContain("helped, avoided and skipped count the session's drills that went to rehab, that were set aside for now, and that were skipped");
    expect(help).toContain('flares counts those of avoided stopped by a flare-up');
    expect(help).toContain('With --since, sessions and trend hold only the sessions from that day on.');
  });

  it('says in its help that the trends take a movement typed in another case as the same one, as the text draws it while the JSON keeps each as typed', async () => {
    await withSessions(
      buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, movement: 'Step-down', drills: [{ id: 'clamshells', scores: [4] }] }),
      buildSession({ startedAt: '2026-03-02T09:00:00Z', baseline: 5, movement: 'step-down', drills: [{ id: 'bridges', scores: [3] }] }),
    );
    const text = (await run(['history'], { home, now })).stdout;
    expect(text).toMatch(/\(2 sessions;/);
    expect(text).not.toContain('rated something else');
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(json.trend.map((point: { movement: string }) => point.movement)).toEqual(['Step-down', 'step-down']);
    const help = (await run(['history', '--help'], { home })).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('the text\'s trends take two movements that differ only in case or spaces ("Step-down", "step-down") as one');
  });

  it('documents in its help exactly the keys --json prints', async () => {
    await withSessions(first, second);
    const help = (await run(['history', '--help'], { home })).stdout;
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    expect(documentedKeys(help, 'prints')).toEqual(Object.keys(json));
    expect(documentedKeys(help, 'session').sort()).toEqual(Object.keys(json.sessions[0]).sort());
    expect(documentedKeys(help, 'point').sort()).toEqual(Object.keys(json.trend[0]).sort());
    expect(documentedKeys(help, 'advice').sort()).toEqual(['goesOnToday', 'id', 'message', 'persistent', 'readyAt', 'side']);
  });

  it("is shown in the README with a session as --json prints one, and the keys it prints", async () => {
    await withSessions(first, second);
    const json = JSON.parse((await run(['history', '--json'], { home, now })).stdout);
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### JSON for scripts'), readme.indexOf('### The trend'));
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
    expect(Object.keys(example)).toEqual(Object.keys(json.sessions[0]));
    expect(section).toContain(`\`{ ${Object.keys(json).join(', ')} }\``);
  });
});
