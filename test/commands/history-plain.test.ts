// `itb history` in a terminal that cannot move its cursor (TERM=dumb, as in Emacs's shell or a
// screen reader's console): the trends' scores in words, the bars only when asked for.
import { readFileSync } from 'node:fs';
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
const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString();
const dumb = { TERM: 'dumb' };
const BAR = /[▁▂▃▄▅▆▇█·]{3}/;
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

async function withSessions(...sessions: Session[]): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(...sessions));
}

/** From the trend's heading up to the blank line after it. */
const trendOf = (stdout: string) => {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Trend  '));
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
};

// Ten sessions: baselines 6 5 7 5 4 4 3 3 2 2, each helped by one drill to two points lower,
// but the fourth, stopped before any drill was scored.
async function tenSessions(): Promise<void> {
  const baselines = [6, 5, 7, 5, 4, 4, 3, 3, 2, 2];
  await withSessions(
    ...baselines.map((baseline, i) =>
      i === 3
        ? buildSession({ startedAt: day(i), baseline, status: 'stopped', drills: [] })
        : buildSession({ startedAt: day(i), baseline, drills: [{ id: 'clamshells', scores: [baseline - 2] }] }),
    ),
  );
}

describe('itb history in a plain terminal', () => {
  it('says each line of a trend in words, without a bar a screen reader would read out', async () => {
    await tenSessions();
    const { stdout } = await run(['history'], { home, now, env: dumb });
    const span = `${localDate(new Date(day(0)))} to ${localDate(new Date(day(9)))}`;
    expect(trendOf(stdout)).toEqual([
      `Trend  ${span} (10 sessions)`,
      // Of the last 7 baselines, 5 4 4 3 3 2 2: 23 / 7.
      '  baseline  6 → 2, lowest 2, highest 7, mean of the last 7: 3.3',
      // The stopped session has no final score: the mean is of the last 7 given, 5 2 2 1 1 0 0.
      '  final     4 → 0, lowest 0, highest 5, mean of the last 7: 1.6,',
      '            no final score in 1 of 10 sessions',
    ]);
    expect(stdout).not.toMatch(BAR);
    // As the README shows it, whatever the time zone's days.
    const shown = /```text\n(Trend {2}[^`]*?)```/.exec(readme)![1]!.trimEnd().split('\n');
    expect(trendOf(stdout.replace(span, '2026-01-01 to 2026-01-10'))).toEqual(shown);
  });

  it('says the first and last of two sessions, and the mean of every one up to 7', async () => {
    await withSessions(...[5, 3].map((baseline, i) => buildSession({ startedAt: day(i), baseline, drills: [{ id: 'clamshells', scores: [baseline - 1] }] })));
    expect(trendOf((await run(['history'], { home, now, env: dumb })).stdout).slice(1)).toEqual(['  baseline  5 → 3', '  final     4 → 2']);
    await withSessions(buildSession({ startedAt: day(2), baseline: 4, drills: [{ id: 'clamshells', scores: [4, 4] }] }));
    expect(trendOf((await run(['history'], { home, now, env: dumb })).stdout).slice(1)).toEqual([
      '  baseline  5 → 4, lowest 3, highest 5, mean 4',
      '  final     4 → 4, lowest 2, highest 4, mean 3.3',
    ]);
  });

  it('says every session of a trend longer than its bars, and draws the bars under the words with --bars', async () => {
    // A first session of 9, before the 55 bars that fit.
    await withSessions(...Array.from({ length: 60 }, (_, i) => buildSession({ startedAt: day(i), baseline: i === 0 ? 9 : 4, drills: [{ id: 'clamshells', scores: [3] }] })));
    const words = trendOf((await run(['history'], { home, now, env: dumb })).stdout);
    expect(words[0]).toBe(`Trend  ${localDate(new Date(day(0)))} to ${localDate(new Date(day(59)))} (60 sessions)`);
    expect(words.slice(1)).toEqual(['  baseline  9 → 4, lowest 4, highest 9, mean of the last 7: 4', '  final     3 → 3, lowest 3, highest 3, mean of the last 7: 3']);

    // With the bars, the heading and the words are of the sessions the bars show, as elsewhere.
    const both = trendOf((await run(['history', '--bars'], { home, now, env: dumb })).stdout);
    expect(both.slice(0, 2)).toEqual([`Trend  ${localDate(new Date(day(5)))} to ${localDate(new Date(day(59)))} (latest 55 of 60 sessions; bars 0 to 9,`, '       the highest score of all 60)']);
    expect(both.slice(2, 4)).toEqual(['  baseline  4 → 4, lowest 4, highest 4, mean of the last 7: 4', '  final     3 → 3, lowest 3, highest 3, mean of the last 7: 3']);
    expect(both.slice(4)).toEqual([`  baseline  …${'▄'.repeat(55)}  4 → 4`, `  final     …${'▃'.repeat(55)}  3 → 3`]);
  });

  it('fits the words to a narrow terminal, each line going on under its scores', async () => {
    await tenSessions();
    const lines = trendOf((await onTerminal(40, () => run(['history'], { home, now, env: dumb }))).stdout);
    expect(lines.slice(2)).toEqual([
      '  baseline  6 → 2, lowest 2, highest 7,',
      '            mean of the last 7: 3.3',
      '  final     4 → 0, lowest 0, highest 5,',
      '            mean of the last 7: 1.6,',
      '            no final score in 1 of 10',
      '            sessions',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('draws the bars alone, as before, with colour off but a terminal that moves its cursor (NO_COLOR), and --bars changes nothing there', async () => {
    await tenSessions();
    const plainColours = await run(['history'], { home, now, env: { NO_COLOR: '1' } });
    const trend = trendOf(plainColours.stdout);
    expect(trend.slice(-2)).toEqual([expect.stringMatching(/^ {2}baseline {2}[▁-█]{10} {2}6 → 2$/), expect.stringMatching(/^ {2}final {5}[▁-█]{3}·[▁-█]{6} {2}4 → 0$/)]);
    expect(plainColours.stdout).not.toContain('lowest');
    expect((await run(['history', '--bars'], { home, now, env: { NO_COLOR: '1' } })).stdout).toBe(plainColours.stdout);
  });
});
