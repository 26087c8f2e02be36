import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/history.js';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { onTerminal } from '../helpers/terminal.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-03-10T12:00:00Z');

async function withSessions(...sessions: Session[]): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(...sessions));
}

const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString();

describe('itb history on the screen', () => {
  it("goes on with a trend's heading too long for the line under its dates, at 80 columns and at 40", async () => {
    // A first session of 9, out of sight: the heading says so, and is longer than a line.
    const sessions = Array.from({ length: 60 }, (_, i) => buildSession({ startedAt: day(i), baseline: i === 0 ? 9 : 4, drills: [{ id: 'clamshells', scores: [3] }] }));
    await withSessions(...sessions);
    const span = `${localDate(new Date(day(5)))} to ${localDate(new Date(day(59)))}`;
    const heading = (stdout: string) => {
      const lines = stdout.split('\n');
      const start = lines.findIndex((line) => line.startsWith('Trend  '));
      // Up to the first line under it: a note or the bars, two spaces in.
      return lines.slice(start, lines.findIndex((line, i) => i > start && /^ {2}\S/.test(line)));
    };
    const wide = heading((await run(['history'], { home, now })).stdout);
    expect(wide).toEqual([`Trend  ${span} (latest 55 of 60 sessions; bars 0 to 9,`, '       the highest score of all 60)']);
    const narrow = heading((await onTerminal(40, () => run(['history'], { home, now }))).stdout);
    // Fewer bars fit: the dates are those of the 18 drawn.
    const shorter = `${localDate(new Date(day(42)))} to ${localDate(new Date(day(59)))}`;
    expect(narrow).toEqual([`Trend  ${shorter}`, '       (latest 18 of 60 sessions;', '       bars 0 to 9,', '       the highest score of all 60)']);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('names the painful side of the one session listed when the store had sessions on another side, and of each on a narrow terminal', async () => {
    const squat = (i: number, side: Session['side'], movement = 'single-leg squat') => buildSession({ startedAt: day(i), side, movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(squat(1, 'left'), squat(2, 'left'), squat(3, 'right'), squat(4, 'right', 'walking down the long hill behind the house'));
    // The list of one session is of the right leg, though its trend is not drawn.
    const one = (await run(['history', '-n', '1'], { home, now })).stdout;
    // A label's second line goes two columns in, so that it does not read as a line of its own.
    expect(one).toMatch(/^Symptom and test movement: pain during walking down the long hill behind the\n {2}house · right side painful\ndate /);
    const two = (await run(['history', '-n', '2'], { home, now })).stdout;
    expect(two.split('\n\n')[0]).toMatch(/5 → 3\s+1 helped\nSymptom and test movement: pain during single-leg squat · right side painful\n/);
    // On 40 columns, the side after what was rated, on its last line, two columns in as it is.
    const narrow = (await onTerminal(40, () => run(['history', '-n', '2'], { home, now }))).stdout.split('\n\n')[0]!;
    expect(narrow).toMatch(/^Symptom and test movement: pain during\n {2}walking down the long hill behind the\n {2}house · right side painful\ndate [^\n]+\n[^\n]+5 → 3\n {4}1 helped\n/);
    expect(narrow).toMatch(/\n {4}1 helped\nSymptom and test movement: pain during\n {2}single-leg squat · right side painful\n/);
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('puts a painful side that does not fit after what was rated on a line of its own, two columns in, under the rest of the label', async () => {
    const stairs = (i: number, side: Session['side']) =>
      buildSession({ startedAt: day(i), side, movement: 'stairs at the office building downtown', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(stairs(1, 'left'), stairs(2, 'right'));
    const narrow = (await onTerminal(40, () => run(['history'], { home, now }))).stdout.split('\n\n')[0]!;
    // Flush with the dates, "right side painful" would read as a line of its own, not the label's end.
    expect(narrow).toMatch(/^Symptom and test movement: pain during\n {2}stairs at the office building downtown\n {2}right side painful\ndate [^\n]+\n\d{4}-/);
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  const twoSides = (movement: string) => withSessions(...(['left', 'right'] as const).map((side, i) => buildSession({ startedAt: day(i + 1), side, movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] })));

  it("keeps a label's later lines, two columns in, within the line", async () => {
    // 40 characters: on one line two columns in, it would take 42.
    await twoSides('walking down the long hill behind a barn');
    const narrow = (await onTerminal(40, () => run(['history'], { home, now }))).stdout.split('\n\n')[0]!;
    expect(narrow).toMatch(/^Symptom and test movement: pain during\n {2}walking down the long hill behind a\n {2}barn · right side painful\ndate [^\n]+\n\d{4}-/);
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('puts the painful side after what was rated when it ends the line exactly', async () => {
    // "  climbing up steps · right side painful" is 40 columns.
    await twoSides('climbing up steps');
    const narrow = (await onTerminal(40, () => run(['history'], { home, now }))).stdout.split('\n\n')[0]!;
    expect(narrow).toMatch(/^Symptom and test movement: pain during\n {2}climbing up steps · right side painful\ndate [^\n]+\n\d{4}-/);
  });

  it('says "(not named)" for a test movement and a routine of spaces alone, as a backup written by hand may hold, at 80 columns and at 40', async () => {
    const blank = (i: number) => buildSession({ startedAt: day(i), movement: '   ', routine: '  ', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(blank(1), blank(2), buildSession({ startedAt: day(3), movement: 'walking', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }));
    const wide = (await run(['history'], { home, now })).stdout;
    expect(wide).toMatch(/\nSymptom and test movement: pain during \(not named\)\n[^\n]+ {2}\(not named\) {2}5 → 3 {2}1 helped\n/);
    // The trend of those two sessions, awaiting one of walking, names what they rated too.
    expect(wide.replace(/\s+/g, ' ')).toContain('the trend of pain during (not named), without the 1 session');
    const narrow = (await onTerminal(40, () => run(['history'], { home, now }))).stdout;
    expect(narrow).toMatch(/\nSymptom and test movement: pain during\n {2}\(not named\)\n[^\n]+ {2}\(not named\) {2}5 → 3\n/);
    // Never "pain during" with nothing after it, its later lines read with the first.
    for (const text of [wide, narrow]) expect(text.replace(/\n {2}(?=\S)/g, ' ')).not.toMatch(/during(?! [^\s,])/);
  });

  it('keeps the words in brackets of a session\'s results together on a narrow terminal, where they fit a line', async () => {
    // Clamshells, set aside, flare up the next day: "1 still set aside (1 flare)" is wider than the
    // 26 columns left for it on 30.
    const set = buildSession({ startedAt: day(1), baseline: 5, drills: [{ id: 'clamshells', scores: [5, 5] }] });
    await withSessions(set, buildSession({ startedAt: day(2), baseline: 5, drills: [{ id: 'clamshells', scores: [9] }] }));
    const narrow = (await onTerminal(30, () => run(['history', '-n', '1'], { home, now }))).stdout;
    expect(narrow).toMatch(/\n {4}1 still set aside\n {4}\(1 flare\)\n/);
    expect(narrow).not.toContain('(1\n');
  });

  it('counts, under --since, the trends the period holds a single session of, with the command that draws them', async () => {
    const rated = (i: number, movement: string) => buildSession({ startedAt: day(i), movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    // Stairs only before the period; lunge and step-down once in it, after two before; walking twice in it.
    await withSessions(rated(0, 'stairs'), rated(1, 'stairs'), rated(2, 'lunge'), rated(3, 'lunge'), rated(4, 'step-down'), rated(5, 'step-down'));
    await withSessions(rated(6, 'lunge'), rated(7, 'step-down'), rated(8, 'walking'), rated(9, 'walking'));
    const since = localDate(new Date(day(6)));
    const library = join(home, 'my library.yaml');
    writeFileSync(library, readFileSync(join(import.meta.dirname, '../../data/library.yaml'), 'utf8'));
    const said = (await run(['--data', library, 'history', '--since', since], { home, now, env: { npm_lifecycle_event: 'npx' } })).stdout;
    // Under the one trend drawn, with the command as itb was started, whole on one line.
    expect(said.replace(/\s+/g, ' ')).toContain(
      ` compare. baseline ▆▆ 5 → 5 final ▄▄ 3 → 3 2 other trends left out, with fewer than two sessions since ${since} (without --since, \`npx itb --data '${library}' history --all\` draws every one).`,
    );
    expect(said.split('\n').some((line) => line.includes(`npx itb --data '${library}' history --all\` draws`))).toBe(true);
    expect(said).not.toContain('stairs');
    // Which that command does.
    const all = (await run(['--data', library, 'history', '--all'], { home, now })).stdout.replace(/\s+/g, ' ');
    for (const movement of ['stairs', 'lunge', 'step-down', 'walking']) expect(all).toContain(`pain during ${movement} baseline`);
    expect(all).not.toContain('left out');
    // The latest session's own is said apart, and not counted again.
    await withSessions(rated(10, 'stairs'));
    const later = (await run(['history', '--since', localDate(new Date(day(7)))], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(later).toContain(`rated pain during stairs, as your latest did, for a trend of its own: \`itb history\` without --since draws it.`);
    expect(later).toContain(`1 other trend left out, with fewer than two sessions since ${localDate(new Date(day(7)))} (without --since, \`itb history --all\` draws it).`);
    // Lunge and step-down, with no session in the period, are no part of it: nothing to count.
    expect((await run(['history', '--since', localDate(new Date(day(8)))], { home, now })).stdout).not.toContain('left out');
  });

  it('counts, under --since, a trend of one session in the period and one before it', async () => {
    const rated = (i: number, movement: string) => buildSession({ startedAt: day(i), movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    // Lunge twice in all, once in the period: too few there for a trend, enough without --since.
    await withSessions(rated(0, 'lunge'), rated(1, 'lunge'), rated(2, 'walking'), rated(3, 'walking'));
    const since = localDate(new Date(day(1)));
    const said = (await run(['history', '--since', since], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(said).toContain(`1 other trend left out, with fewer than two sessions since ${since} (without --since, \`itb history --all\` draws it).`);
    // Given --all as well, the same: --all lists every session of the period, and draws no more.
    const withAll = (await run(['history', '--all', '--since', since], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(withAll).toContain(`1 other trend left out, with fewer than two sessions since ${since} (without --since, \`itb history --all\` draws it).`);
    expect(withAll).not.toContain('pain during lunge baseline');
  });

  it('counts, under --since, the trends left out also when the period draws none, or several', async () => {
    const rated = (i: number, movement: string) => buildSession({ startedAt: day(i), movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    const since = localDate(new Date(day(4)));
    const history = async () => (await run(['history', '--since', since], { home, now })).stdout.replace(/\s+/g, ' ');
    const counted = `1 other trend left out, with fewer than two sessions since ${since} (without --since, \`itb history --all\` draws it).`;
    // The latest session's lunge has a trend before the period, and so has stairs: neither is drawn.
    await withSessions(rated(0, 'lunge'), rated(1, 'lunge'), rated(2, 'stairs'), rated(3, 'stairs'), rated(4, 'stairs'), rated(5, 'lunge'));
    const neither = await history();
    expect(neither).toContain(`rated pain during lunge, as your latest did, for a trend of its own: \`itb history\` without --since draws it. ${counted}`);
    // The latest session rated walking for the first time: its trend waits, stairs is counted.
    await withSessions(rated(6, 'walking'));
    const waiting = await history();
    expect(waiting).toContain('The trend shows once two sessions have rated pain during walking, as the latest did');
    expect(waiting).toContain(`2 other trends left out, with fewer than two sessions since ${since} (without --since, \`itb history --all\` draws every one).`);
  });

  it('counts, under --since, the trend left out under two trends drawn', async () => {
    const rated = (i: number, movement: string) => buildSession({ startedAt: day(i), movement, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    await withSessions(rated(0, 'step-down'), rated(1, 'step-down'), rated(2, 'stairs'), rated(3, 'stairs'), rated(4, 'walking'), rated(5, 'walking'));
    const since = localDate(new Date(day(1)));
    const said = (await run(['history', '--since', since], { home, now })).stdout.replace(/\s+/g, ' ');
    // Walking and stairs drawn, each under its name; step-down counted after them.
    expect(said).toMatch(/pain during walking baseline .* pain during stairs baseline .* 1 other trend left out/);
    expect(said).toContain(`1 other trend left out, with fewer than two sessions since ${since} (without --since, \`itb history --all\` draws it).`);
  });
});
