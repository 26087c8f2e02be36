// The Markdown trend gives the numbers behind its bars, and for a history longer than the bars
// show, the mean baseline of each month or year: short however long the history.
import { describe, expect, it } from 'vitest';
import type { Session, StoreData } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore, sessionOne } from './fixtures.js';

const NOW = new Date('2036-11-20T15:00:00.000Z');
const DAY = 86_400_000;
const library = builtInLibrary();

/** One session a day from 2026-01-01 at midday UTC, with these baselines. */
function daily(baselines: number[]): StoreData {
  const start = Date.UTC(2026, 0, 1, 12);
  const sessions = baselines.map((baseline, i): Session => ({ ...structuredClone(sessionOne), id: `day-${i}`, baseline, startedAt: new Date(start + i * DAY).toISOString() }));
  return { ...sampleStore(), sessions };
}

/** The lines of the trend section. */
const trendSection = (md: string) => md.split('\n## Trend\n\n')[1]!.split('\n## Sessions')[0]!.split('\n').filter((line) => line !== '');

describe('markdown trend', () => {
  it('gives each baseline beside the bars, oldest first, so a flare-up does not hide the values', () => {
    const md = toMarkdown(buildReport(daily([6, 5, 5, 9, 5, 5, 5, 5, 4]), library, { now: NOW }));
    expect(trendSection(md)).toEqual([
      '**Pain during single-leg squat**: 9 sessions, first baseline 6 on 2026-01-01, last baseline 4 on 2026-01-09.',
      'Baseline scores, oldest to newest, a bar each (▁ is 0, █ is 9, the highest baseline): `▆▅▅█▅▅▅▅▄` (6, 5, 5, 9, 5, 5, 5, 5, 4)',
    ]);
  });

  it('gives the day once when every session of the trend fell on it, in the Markdown and the HTML', () => {
    const hours = (count: number) => ({ ...sampleStore(), sessions: daily([6, 5, 4]).sessions.slice(0, count).map((session, i) => ({ ...session, startedAt: `2026-01-01T${10 + i * 3}:00:00.000Z` })) });
    const two = buildReport(hours(2), library, { now: NOW });
    expect(trendSection(toMarkdown(two))[0]).toBe('**Pain during single-leg squat**: 2 sessions, both on 2026-01-01, first baseline 6, last baseline 5.');
    expect(toHtml(two)).toContain('</strong>: 2 sessions, both on <span class="day">2026-01-01</span>, first baseline 6, last baseline 5.');
    expect(trendSection(toMarkdown(buildReport(hours(3), library, { now: NOW })))[0]).toBe('**Pain during single-leg squat**: 3 sessions, all on 2026-01-01, first baseline 6, last baseline 4.');
  });

  it('past the bars’ width, gives the numbers of the bars shown and the mean of each month', () => {
    // 40 days of 7 in January and February, then 30 of 3.
    const baselines = [...Array<number>(40).fill(7), ...Array<number>(30).fill(3)];
    const lines = trendSection(toMarkdown(buildReport(daily(baselines), library, { now: NOW })));
    expect(lines[1]).toMatch(/^Baseline scores of the latest 59 sessions \(2026-01-12 to 2026-03-11\), .*: `…[^`]{59}` \((.*)\)$/);
    expect(lines[1]!.match(/ \(([^()]*)\)$/)![1]).toBe(baselines.slice(-59).join(', '));
    // January: 31 × 7; February: 9 × 7 and 19 × 3; March: 11 × 3.
    const february = Math.round(((9 * 7 + 19 * 3) / 28) * 10) / 10;
    expect(lines[2]).toBe(`Mean baseline score by month, with its number of sessions: 2026-01: 7 (31); 2026-02: ${february} (28); 2026-03: 3 (11).`);
    expect(lines).toHaveLength(3);
  });

  it('says that the top of the bars is a baseline before those shown, when only such a one reaches it', () => {
    // A 9 on the first day, then 69 days of 5: the bars show the latest 59, none of them a 9.
    const baselines = [9, ...Array<number>(69).fill(5)];
    const lines = trendSection(toMarkdown(buildReport(daily(baselines), library, { now: NOW })));
    expect(lines[1]).toContain('a bar each (▁ is 0, █ is 9, the highest baseline of all 70): `…');
    // Once one of the bars shown is a 9, it is the highest baseline there.
    const inSight = trendSection(toMarkdown(buildReport(daily([...baselines.slice(0, -1), 9]), library, { now: NOW })));
    expect(inSight[1]).toContain('a bar each (▁ is 0, █ is 9, the highest baseline): `…');
  });

  it('says that the top of the bars is a final score before those shown, when only such a one reaches it', () => {
    // 70 days of 5, the first of which ended at 9 (a flare-up): the bars show the latest 59.
    const data = daily(Array<number>(70).fill(5));
    const flaredAt = (index: number) => {
      const copy = structuredClone(data);
      const session = copy.sessions[index]!;
      session.attempts = [...session.attempts.slice(0, -1), { ...session.attempts.at(-1)!, after: 9, verdict: 'flare' }];
      return trendSection(toMarkdown(buildReport(copy, library, { now: NOW })));
    };
    expect(flaredAt(0)[1]).toContain('a bar each (▁ is 0, █ is 9, the highest final score of all 70): `…');
    expect(flaredAt(69)[1]).toContain('a bar each (▁ is 0, █ is 9, the highest final score): `…');
  });

  it('gives the mean of each month for a history of a whole year, and of each year past that', () => {
    const year = trendSection(toMarkdown(buildReport(daily(Array<number>(365).fill(5)), library, { now: NOW })));
    expect(year[2]).toMatch(/^Mean baseline score by month, with its number of sessions: 2026-01: 5 \(31\); .*; 2026-12: 5 \(31\)\.$/);
    const longer = trendSection(toMarkdown(buildReport(daily(Array<number>(366).fill(5)), library, { now: NOW })));
    expect(longer[2]).toBe('Mean baseline score by year, with its number of sessions: 2026: 5 (365); 2027: 5 (1).');
  });

  it('shows a bar for every baseline up to 60 of them, and the latest 59 past that', () => {
    const sixty = trendSection(toMarkdown(buildReport(daily(Array<number>(60).fill(5)), library, { now: NOW })));
    expect(sixty[1]).toMatch(/^Baseline scores, oldest to newest, .*: `▆{60}` /);
    expect(sixty).toHaveLength(2);
    const sixtyOne = trendSection(toMarkdown(buildReport(daily(Array<number>(61).fill(5)), library, { now: NOW })));
    // With the days the bars cover, which the sentence above them (the first and last of all) does not give.
    expect(sixtyOne[1]).toMatch(/^Baseline scores of the latest 59 sessions \(2026-01-03 to 2026-03-02\), .*: `…▆{59}` /);
  });

  it('draws low scores on a scale up to 7, and reaches higher only for a higher baseline or final score', () => {
    const low = trendSection(toMarkdown(buildReport(daily([3, 2, 3]), library, { now: NOW })));
    expect(low[1]).toBe('Baseline scores, oldest to newest, a bar each (▁ is 0, █ is 7, above every score): `▄▃▄` (3, 2, 3)');
    const data = daily([3, 2, 3]);
    const last = data.sessions[2]!;
    last.attempts = [...last.attempts.slice(0, -1), { ...last.attempts.at(-1)!, after: 9, verdict: 'flare' }];
    const flared = trendSection(toMarkdown(buildReport(data, library, { now: NOW })));
    expect(flared[1]).toBe('Baseline scores, oldest to newest, a bar each (▁ is 0, █ is 9, the highest final score): `▃▃▃` (3, 2, 3)');
  });

  it('sums up ten years of daily sessions by year, in a few hundred characters', () => {
    const baselines = Array.from({ length: 3652 }, (_, i) => (i < 1826 ? 6 : 4));
    const lines = trendSection(toMarkdown(buildReport(daily(baselines), library, { now: NOW })));
    expect(lines).toHaveLength(3);
    const years = lines[2]!.replace('Mean baseline score by year, with its number of sessions: ', '').split('; ');
    expect(years).toHaveLength(10);
    expect(years[0]).toBe('2026: 6 (365)');
    expect(years[5]).toBe('2031: 4 (365)');
    expect(years[9]).toBe('2035: 4 (365).');
    expect(lines.join('\n').length).toBeLessThan(700);
  });
});
