// The HTML report's charts: a point per session, their dates and shapes, long histories and pauses.
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { MOST_DOTS } from '../../src/export/chart.js';
import { toHtml } from '../../src/export/html.js';
import { readingView } from '../../src/export/reading-view.js';
import { buildReport } from '../../src/export/report.js';
import { sessionOne } from './fixtures.js';
import { data, library, NOW, report } from '../helpers/sample-report.js';

describe('html', () => {
  it('plots one point per session on each line', () => {
    const html = toHtml(report);
    const points = readingView(report).trends.flatMap((trend) => trend.points);
    expect(points).toHaveLength(3);
    expect(html.match(/<circle [^>]*><title>/g)).toHaveLength(points.length * 2);
    // Pain in a squat and tightness while walking: a chart each, told apart by their captions.
    expect(html.match(/<figure><figcaption id="chart-\d"><strong>[^<]+<bdi>[^<]+<\/bdi><\/strong>[^<]*(<span class="day">[^<]+<\/span>[^<]*)+<\/figcaption><div class="chart" role="region" tabindex="0" aria-labelledby="chart-\d"><svg /g)).toHaveLength(2);
    expect(html).toContain('<strong>Tightness during <bdi>walking</bdi></strong>: 1 session, baseline 4 on <span class="day">2026-10-20</span>.');
    expect(html).toContain('<strong>Pain during <bdi>single-leg squat</bdi></strong>: 2 sessions,');
    // Each caption gives the scale its chart's numbers are on.
    expect(html.match(/ Scores run from 0 \(none\) to 10 \(worst imaginable\)\.<\/figcaption><div class="chart" role="region" tabindex="0" aria-labelledby="chart-\d"><svg /g)).toHaveLength(2);
    // The score scale beside each chart, 0 to 10 in steps of 2, each at the height of its score.
    const chart = html.split('<svg ')[1]!.split('</svg>')[0]!;
    const scale = [...chart.matchAll(/<text x="32" y="([\d.]+)"[^>]*>(\d+)<\/text>/g)].map(([, y, score]) => [Number(score), Number(y)]);
    expect(scale.map(([score]) => score)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(scale.map(([, y]) => y)).toEqual([...scale.map(([, y]) => y)].sort((a, b) => b! - a!));
    // Pain in the squat: baselines 6 and 5 on the solid line, final scores 4 and 7 on the dashed one, at the heights of the scale.
    // Each score's label stands 4 units below its line.
    const heightOf = (score: number) => Math.round((Number(scale.find(([at]) => at === score)?.[1] ?? NaN) - 4) * 10) / 10;
    const lines = [...html.matchAll(/<polyline points="([^"]*)"[^>]*?( stroke-dasharray="6 4")?\/>/g)].map(([, coords, dashed]) => ({
      dashed: dashed !== undefined,
      heights: coords!.split(' ').map((pair) => Number(pair.split(',')[1])),
    }));
    expect(lines).toEqual([
      { dashed: false, heights: [heightOf(6), Math.round(((heightOf(4) + heightOf(6)) / 2) * 10) / 10] },
      { dashed: true, heights: [heightOf(4), Math.round(((heightOf(6) + heightOf(8)) / 2) * 10) / 10] },
    ]);
    // Each dot at its own score, told on hover.
    expect(html).toMatch(new RegExp(`<circle cx="[\\d.]+" cy="${heightOf(6)}" r="3.5"[^>]*><title>2026-10-01: baseline 6</title>`));
    expect(html).toMatch(new RegExp(`<circle cx="[\\d.]+" cy="${heightOf(4)}" r="4.5"[^>]*><title>2026-10-01: final 4</title>`));
  });

  it('tells on hover the date and score of each session’s own dots, not the first session’s date', () => {
    // Pain in the squat, the second chart (the latest rated first): 2026-10-01 went from 6 to 4, 2026-10-08 from 5 to 7.
    const chart = toHtml(report).split('<svg ')[2]!.split('</svg>')[0]!;
    expect([...chart.matchAll(/<title>([^<]+)<\/title>/g)].map(([, title]) => title)).toEqual([
      '2026-10-01: baseline 6',
      '2026-10-08: baseline 5',
      '2026-10-01: final 4',
      '2026-10-08: final 7',
    ]);
  });

  it('draws no final dot for a session where no drill was scored after the baseline, and says so on hover', () => {
    // Between the two squat sessions, one stopped at its start with a baseline of 7: a final
    // ring there would read as drills that changed nothing that day.
    const stopped = { ...sessionOne, id: 'stopped', startedAt: '2026-10-05T12:00:00.000Z', status: 'stopped' as const, baseline: 7, attempts: [], results: [] };
    const sessions = [sessionOne, stopped, data.sessions[1]!];
    const chart = toHtml(buildReport({ ...data, sessions }, library, { now: NOW })).split('<svg ')[1]!.split('</svg>')[0]!;
    expect([...chart.matchAll(/<title>([^<]+)<\/title>/g)].map(([, title]) => title)).toEqual([
      '2026-10-01: baseline 6',
      '2026-10-05: baseline 7, no drill scored after it',
      '2026-10-08: baseline 5',
      '2026-10-01: final 4',
      '2026-10-08: final 7',
    ]);
    // The final line goes from the session before to the one after it.
    const lines = [...chart.matchAll(/<polyline points="([^"]*)"/g)].map(([, points]) => points!.split(' ').length);
    expect(lines).toEqual([3, 2]);
  });

  it('dates a chart of one day under its dots, not at the left edge of the plot', () => {
    // Tightness while walking has one session, on 2026-10-20: its dots stand in the middle.
    const html = toHtml(report);
    const chart = html.split('<svg ')[1]!;
    const labels = [...chart.matchAll(/<text x="([\d.]+)"[^>]*>(\d{4}-\d\d-\d\d)<\/text>/g)].map(([, x, date]) => ({ x, date }));
    const dots = new Set([...chart.matchAll(/<circle cx="([\d.]+)"[^>]*><title>/g)].map(([, x]) => x));
    expect(labels).toEqual([{ x: [...dots][0], date: '2026-10-20' }]);
    expect(dots.size).toBe(1);
    expect(chart).toContain('text-anchor="middle" fill="#555">2026-10-20</text>');
  });

  it('tells the baseline and final dots apart by their shape, as printed in black and white, and shows both in the legend', () => {
    const html = toHtml(report);
    // Session three (tightness while walking) went from 4 to 2.
    expect(html).toMatch(/<circle [^>]*r="3\.5" fill="#[0-9a-f]{6}"><title>2026-10-20: baseline 4<\/title>/);
    expect(html).toMatch(/<circle [^>]*r="4\.5" fill="none" stroke="#[0-9a-f]{6}" stroke-width="1\.5"><title>2026-10-20: final 2<\/title>/);
    const legend = html.split('<svg ')[1]!.split('</svg>')[0]!.split('\n').filter((line) => line.includes(' cy="12"'));
    expect(legend.map((line) => line.replace(/ c[xy]="[\d.]+"| stroke="#[0-9a-f]{6}"| fill="#[0-9a-f]{6}"/g, ''))).toEqual([
      '<circle r="3.5"/>',
      '<circle r="4.5" fill="none" stroke-width="1.5"/>',
    ]);
    // The legend's words stand in the left half of the top margin, above the plot and right of the
    // score scale: the part of the chart a phone shows before it is scrolled sideways.
    const words = [...html.split('<svg ')[1]!.matchAll(/<text x="([\d.]+)" y="16"[^>]*>(\w+)<\/text>/g)].map(([, x, name]) => ({ name, left: Number(x) > 40 && Number(x) < 320 }));
    expect(words).toEqual([{ name: 'baseline', left: true }, { name: 'final', left: true }]);
    // A screen reader names the chart for what it shows.
    expect(html).toContain('<svg viewBox="0 0 640 260" width="640" height="260" role="img" aria-label="Baseline and final scores per session, 0 to 10');
  });

  it('gives a screen reader the scores each chart draws, as its text alternative', () => {
    // A screen reader reads a chart's label alone: the dots' hover texts inside it are not read.
    const labelOf = (html: string, index: number) => html.split('<svg ')[index]!.match(/aria-label="([^"]*)"/)![1];
    // Pain in the squat: 2026-10-01 went from 6 to 4, 2026-10-08 from 5 to 7; a session stopped
    // at its start in between has no final score.
    const stopped = { ...sessionOne, id: 'stopped', startedAt: '2026-10-05T12:00:00.000Z', status: 'stopped' as const, baseline: 7, attempts: [], results: [] };
    const html = toHtml(buildReport({ ...data, sessions: [sessionOne, stopped, data.sessions[1]!] }, library, { now: NOW }));
    expect(labelOf(html, 1)).toBe('Baseline and final scores per session, 0 to 10, oldest to newest: baseline 6, 7, 5; final 4, none, 7');
    // Past 60 sessions, the latest 59, as the Markdown's bars.
    const daily = Array.from({ length: 70 }, (_, i) => ({ ...sessionOne, id: `daily-${i}`, baseline: i < 11 ? 9 : 3, startedAt: new Date(Date.UTC(2026, 0, 1, 15) + i * 86_400_000).toISOString() }));
    const long = labelOf(toHtml(buildReport({ ...data, sessions: daily }, library, { now: NOW })), 1);
    expect(long).toMatch(/^Baseline and final scores per session, 0 to 10, the latest 59 of 70 sessions, oldest to newest: baseline 3, 3, /);
    expect(long!.split(': ')[1]).toBe(`baseline ${Array(59).fill(3).join(', ')}; final ${Array(59).fill(4).join(', ')}`);
  });

  it('dates the axis of a chart at both ends and in between, each date once, with a tick where it stands', () => {
    const chartOf = (sessions: StoreData['sessions']) => toHtml(buildReport({ ...data, sessions }, library, { now: NOW })).split('<svg ')[1]!;
    const datesOf = (chart: string) => {
      const ticks = new Set([...chart.matchAll(/<line x1="([\d.]+)" y1="220" x2="\1" y2="225"/g)].map(([, x]) => x));
      return [...chart.matchAll(/<text x="([\d.]+)"[^>]*>(\d{4}-\d\d-\d\d)<\/text>/g)].map(([, x, date]) => `${date}${ticks.has(x!) ? '' : ' (no tick)'}`);
    };
    const daily = (count: number, gapDays: number) =>
      Array.from({ length: count }, (_, i) => ({ ...sessionOne, id: `daily-${i}`, startedAt: new Date(Date.UTC(2026, 0, 1, 15) + i * gapDays * 86_400_000).toISOString() }));
    // A year: the first and last sessions, and a quarter, half and three quarters of the way.
    expect(datesOf(chartOf(daily(53, 7)))).toEqual(['2026-01-01', '2026-04-02', '2026-07-02', '2026-10-01', '2026-12-31']);
    // Two days: each date once.
    expect(datesOf(chartOf(daily(2, 1)))).toEqual(['2026-01-01', '2026-01-02']);
    // Two sessions on one day: the date once, under the middle, where it names no single moment.
    const oneDay = [sessionOne, { ...sessionOne, id: 'same-day', startedAt: '2026-10-01T20:00:00.000Z' }];
    expect(datesOf(chartOf(oneDay))).toEqual(['2026-10-01 (no tick)']);
    expect(chartOf(oneDay)).toContain('<text x="330" y="248" font-size="11" text-anchor="middle" fill="#555">2026-10-01</text>');
    // The dates in between are local days too: 01:00 UTC is the evening before in Newfoundland.
    const evenings = Array.from({ length: 5 }, (_, i) => ({ ...sessionOne, id: `evening-${i}`, startedAt: new Date(Date.UTC(2026, 0, 1, 1) + i * 86_400_000).toISOString() }));
    expect(datesOf(chartOf(evenings))).toEqual(['2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    // The first date starts at the left edge of the plot and the last ends at its right edge,
    // clear of the score scale and of the edge of the page; the dates between stand centred on their ticks.
    const anchors = [...chartOf(daily(53, 7)).matchAll(/<text x="([\d.]+)"[^>]*text-anchor="(\w+)"[^>]*>\d{4}-\d\d-\d\d<\/text>/g)].map(([, x, anchor]) => `${x} ${anchor}`);
    expect(anchors).toEqual(['40 start', expect.stringMatching(/ middle$/), expect.stringMatching(/ middle$/), expect.stringMatching(/ middle$/), '620 end']);
    // All on one line under the axis, as the date of a chart of one day.
    const heights = [...chartOf(daily(53, 7)).matchAll(/<text x="[\d.]+" y="([\d.]+)"[^>]*>\d{4}-\d\d-\d\d<\/text>/g)].map(([, y]) => y);
    expect(heights).toEqual(Array(5).fill('248'));
  });

  it('draws only the lines, without a dot per session, for a long history', () => {
    const many = (count: number) => {
      const sessions = Array.from({ length: count }, (_, i) => ({ ...sessionOne, id: `long-${i}`, startedAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString() }));
      return buildReport({ ...data, sessions }, library, { now: NOW });
    };
    expect(toHtml(many(MOST_DOTS)).match(/<circle [^>]*><title>/g)).toHaveLength(MOST_DOTS * 2);
    // The legend shows a dot for each line while the chart has dots.
    expect(toHtml(many(MOST_DOTS)).match(/<circle cx="[\d.]+" cy="12" [^>]*\/>/g)).toHaveLength(2);
    const long = toHtml(many(MOST_DOTS + 1)).split('<svg ')[1]!;
    expect(long.match(/<circle /g)).toBeNull();
    expect(long.match(/<polyline points="([^"]*)"/g)).toHaveLength(2);
    expect(long.match(/<polyline points="([^"]*)"/)![1]!.split(' ')).toHaveLength(MOST_DOTS + 1);
    // As the README says: dots up to 200 sessions.
    expect(MOST_DOTS).toBe(200);
  });

  it('charts the latest 59 sessions again close up, with their dots, after a chart too long for dots', () => {
    // Daily sessions from 2026-01-01, at 15:00 UTC (late morning in the tests' time zone), each
    // baseline its day's number mod 10.
    const daily = (count: number) =>
      buildReport(
        { ...data, sessions: Array.from({ length: count }, (_, i) => ({ ...sessionOne, id: `day-${i}`, baseline: i % 10, startedAt: new Date(Date.UTC(2026, 0, 1, 15) + i * 86_400_000).toISOString() })) },
        library,
        { now: NOW },
      );
    const figures = (html: string) => html.split('<figure>').slice(1);
    // Up to 200 sessions one chart, with its dots.
    expect(figures(toHtml(daily(MOST_DOTS)))).toHaveLength(1);
    const [whole, closeUp] = figures(toHtml(daily(MOST_DOTS + 1)));
    // The 201 sessions run from 2026-01-01 to 2026-07-20; the latest 59 from 2026-05-23.
    expect(closeUp).toMatch(/^<figcaption id="chart-2">The latest 59 sessions close up \(<span class="day">2026-05-23<\/span> to <span class="day">2026-07-20<\/span>\), with a dot for each score\.<\/figcaption><div class="chart" role="region" tabindex="0" aria-labelledby="chart-2"><svg /);
    // Its dots are those sessions, in order: the baseline of day 142 is 2, of day 200 is 0.
    const baselines = [...closeUp!.matchAll(/<title>([\d-]+): baseline (\d+)<\/title>/g)].map(([, day, score]) => `${day} ${score}`);
    expect(baselines).toHaveLength(59);
    expect([baselines[0], baselines.at(-1)]).toEqual(['2026-05-23 2', '2026-07-20 0']);
    expect(closeUp!.match(/<title>[^<]*final 4<\/title>/g)).toHaveLength(59);
    // A screen reader hears the scores once, in the close-up, which the whole chart's label points to.
    const labelOf = (figure: string) => figure.match(/aria-label="([^"]*)"/)![1];
    expect(labelOf(whole!)).toBe('Baseline and final scores of all 201 sessions, 0 to 10, as lines; the next chart gives the scores of the latest 59');
    expect(labelOf(closeUp!)).toBe(`Baseline and final scores per session, 0 to 10, oldest to newest: baseline ${Array.from({ length: 59 }, (_, i) => (142 + i) % 10).join(', ')}; final ${Array(59).fill(4).join(', ')}`);
    // Each trend has its own: ten sessions of another test movement have one chart, with dots.
    const lunges = Array.from({ length: 10 }, (_, i) => ({ ...sessionOne, id: `lunge-${i}`, movement: 'lunge', startedAt: new Date(Date.UTC(2026, 6, 1, 18) + i * 86_400_000).toISOString() }));
    const both = toHtml(buildReport({ ...data, sessions: [...daily(MOST_DOTS + 1).sessions, ...lunges] }, library, { now: NOW }));
    const begun = (figure: string) => figure.match(/^<figcaption[^>]*>(?:<strong>Pain during <bdi>([^<]*)|(The latest \d+))/)?.slice(1).join('');
    expect(figures(both).map(begun)).toEqual(['single-leg squat', 'The latest 59', 'lunge']);
  });

  describe('a pause of more than four weeks between sessions', () => {
    const DAY = 86_400_000;
    // Sessions like the first (baseline 6, final 4), on the given days after 2026-01-01.
    const onDays = (days: number[]) =>
      days.map((day) => ({ ...sessionOne, id: `day-${day}`, startedAt: new Date(Date.UTC(2026, 0, 1, 15) + day * DAY).toISOString() }));
    const htmlOf = (sessions: StoreData['sessions']) => toHtml(buildReport({ ...data, sessions }, library, { now: NOW }));
    const chartOf = (html: string) => html.split('<svg ')[1]!.split('</svg>')[0]!;
    const linesOf = (html: string) => [...chartOf(html).matchAll(/<polyline points="([^"]*)"/g)].map(([, points]) => points!.split(' ').length);
    const PAUSED = 'A line stops where more than 4 weeks passed between two of its scores, and starts again after.';

    it('stops each line there and starts it again after, and the caption says so', () => {
      // Three days in a row, 29 days without a session, then two more.
      const html = htmlOf(onDays([0, 1, 2, 31, 32]));
      // The baseline's line and the final scores' line, each in two pieces.
      expect(linesOf(html)).toEqual([3, 2, 3, 2]);
      expect(html).toContain(`Scores run from 0 (none) to 10 (worst imaginable). ${PAUSED}</figcaption><div class="chart" role="region" tabindex="0" aria-labelledby="chart-1"><svg `);
      // Every session keeps its dots.
      expect(chartOf(html).match(/<circle [^>]*><title>/g)).toHaveLength(10);
    });

    it('does not stop a line at exactly four weeks, and the caption then says nothing of pauses', () => {
      const html = htmlOf(onDays([0, 1, 29]));
      expect(linesOf(html)).toEqual([3, 3]);
      expect(html).not.toContain('A line stops');
    });

    it('measures the pause on each line: the final scores skip a session with none', () => {
      // The middle session, 20 days after the first and before the last, stopped before any drill.
      const [first, middle, last] = onDays([0, 20, 40]);
      const html = htmlOf([first!, { ...middle!, status: 'stopped', attempts: [], results: [] }, last!]);
      // The baselines are 20 days apart: one line; the two final scores are 40 days apart: no line, a ring each.
      expect(linesOf(html)).toEqual([3]);
      expect(chartOf(html).match(/<circle [^>]*r="4\.5"[^>]*><title>[^<]*final 4<\/title>/g)).toHaveLength(2);
      expect(html).toContain(PAUSED);
    });

    it('keeps the dots of a session alone between pauses in a chart too long for dots', () => {
      // More sessions than get dots, every day, then one more 60 days after the last of them.
      const days = [...Array.from({ length: MOST_DOTS + 1 }, (_, day) => day), MOST_DOTS + 60];
      const html = htmlOf(onDays(days));
      expect(linesOf(html)).toEqual([MOST_DOTS + 1, MOST_DOTS + 1]);
      // Its baseline dot and final ring, dated on hover: a line of one score would not show.
      const alone = new Date(Date.UTC(2026, 0, 1, 15) + (MOST_DOTS + 60) * DAY).toISOString().slice(0, 10);
      expect([...chartOf(html).matchAll(/<title>([^<]+)<\/title>/g)].map(([, title]) => title)).toEqual([`${alone}: baseline 6`, `${alone}: final 4`]);
      // The legend shows which dot is which, as in a chart with a dot per session.
      expect(chartOf(html).match(/<circle cx="[\d.]+" cy="12" [^>]*\/>/g)).toHaveLength(2);
    });
  });
});
