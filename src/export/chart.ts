// An inline SVG line chart of each session's baseline and final score, for the HTML report.
// Plain shapes and text only, sized by viewBox so it prints at any width.
import { pauseBetween, pausesBefore } from '../core/pause.js';
import { drawnFinal, type ScorePoint } from '../core/history.js';
import { pointsShown } from '../ui/sparkline.js';
import { dateOf } from './words.js';

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 40;
const RIGHT = 20;
const TOP = 28;
const BOTTOM = 40;
// Each session is a dot, with its date and score shown on hover, up to this many sessions. Past
// it the dots run together into a smear (and make the page megabytes long): the lines alone show
// the trend, and the session table lists every score.
export const MOST_DOTS = 200;
// More time than PAUSE_DAYS between two scores of a line is a pause: the line stops there and
// starts again after it.
export { PAUSE_DAYS } from '../core/pause.js';
const BASELINE_COLOUR = '#1f4e79';
const FINAL_COLOUR = '#c0504d';

const escText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The latest sessions of a history too long for dots, to be charted again close up, where each
 * has its dots and the recent course is not squeezed against the right edge: the sessions the
 * Markdown's bars and `itb history` show. Undefined for a history whose chart has its dots.
 */
export function closeUpOf(points: ScorePoint[]): ScorePoint[] | undefined {
  return points.length > MOST_DOTS ? points.slice(-pointsShown(points.length, undefined, pausesBefore(points))) : undefined;
}

/**
 * What a screen reader says for the chart: a picture's label is all it reads, not the dots' hover
 * texts inside it, so the label gives the scores drawn, oldest to newest. Past 60 sessions only
 * the latest 59, as the Markdown's bars: hundreds of numbers read out one by one help no one. A
 * chart followed by its close-up leaves them to the close-up rather than read them twice.
 * Numbers and our words only: nothing in it to escape.
 */
function textAlternative(points: ScorePoint[]): string {
  const closeUp = closeUpOf(points);
  if (closeUp !== undefined) return `Baseline and final scores of all ${points.length} sessions, 0 to 10, as lines; the next chart gives the scores of the latest ${closeUp.length}`;
  const shown = points.slice(-pointsShown(points.length, undefined, pausesBefore(points)));
  const which = shown.length < points.length ? `, the latest ${shown.length} of ${points.length} sessions` : '';
  const baselines = shown.map((point) => point.baseline).join(', ');
  const finals = shown.map((point) => drawnFinal(point) ?? 'none').join(', ');
  return `Baseline and final scores per session, 0 to 10${which}, oldest to newest: baseline ${baselines}; final ${finals}`;
}

/** The chart of a trend's points, and whether a pause (see PAUSE_DAYS) broke a line in it. */
export function scoreChart(points: ScorePoint[]): { svg: string; paused: boolean } {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const times = points.map((point) => Date.parse(point.at));
  const day = (i: number) => dateOf(points[i]!.at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // Spread by date; a single session (or all on one instant) sits in the middle.
  const x = (at: number) => round(LEFT + (last === first ? plotWidth / 2 : ((at - first) / (last - first)) * plotWidth));
  const y = (score: number) => round(TOP + ((10 - score) / 10) * plotHeight);
  // Each session's place along the axis, for both lines and their dots: thousands of sessions.
  const xs = times.map((at) => String(x(at)));
  // And its date, for the dots of both lines when there are dots.
  const days = points.length > MOST_DOTS ? [] : points.map((point) => dateOf(point.at));

  const out: string[] = [
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${textAlternative(points)}">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
  ];
  for (let score = 0; score <= 10; score += 2) {
    out.push(
      `<line x1="${LEFT}" y1="${y(score)}" x2="${WIDTH - RIGHT}" y2="${y(score)}" stroke="#ddd" stroke-width="1"/>`,
      `<text x="${LEFT - 8}" y="${y(score) + 4}" font-size="11" text-anchor="end" fill="#555">${score}</text>`,
    );
  }
  const firstLabel = day(0);
  const lastLabel = day(points.length - 1);
  // Each date with a tick on the axis at the moment it names.
  const dateMark = (at: number, label: string, anchor: 'start' | 'middle' | 'end') =>
    `<line x1="${x(at)}" y1="${y(0)}" x2="${x(at)}" y2="${y(0) + 5}" stroke="#555" stroke-width="1"/>` +
    `<text x="${x(at)}" y="${HEIGHT - 12}" font-size="11" text-anchor="${anchor}" fill="#555">${escText(label)}</text>`;
  if (lastLabel === firstLabel) {
    // One day: its date under the middle, where a single session's dots are, not at the left edge.
    out.push(`<text x="${round(LEFT + plotWidth / 2)}" y="${HEIGHT - 12}" font-size="11" text-anchor="middle" fill="#555">${escText(firstLabel)}</text>`);
  } else {
    // The dates a quarter, half and three quarters of the way along as well, so that a score far
    // from both ends of a long history can be placed in time.
    const labels = [firstLabel];
    out.push(dateMark(first, firstLabel, 'start'));
    for (const quarter of [1, 2, 3]) {
      const at = first + ((last - first) * quarter) / 4;
      const label = dateOf(new Date(at).toISOString());
      if (label === labels.at(-1) || label === lastLabel) continue;
      labels.push(label);
      out.push(dateMark(at, label, 'middle'));
    }
    out.push(dateMark(last, lastLabel, 'end'));
  }

  // Printed in black and white the colours are two greys: the lines differ by their dashes, the
  // dots by their shape, a filled dot for the baseline and a ring around it for the final score,
  // so a session whose score did not change shows both. A session where no drill was scored has
  // no ring, and its final line goes from the session before to the one after: a ring on the
  // baseline would read as drills that changed nothing.
  const series = [
    { name: 'baseline', colour: BASELINE_COLOUR, dash: '', dot: `r="3.5" fill="${BASELINE_COLOUR}"`, score: (p: ScorePoint): number | null => p.baseline },
    { name: 'final', colour: FINAL_COLOUR, dash: ' stroke-dasharray="6 4"', dot: `r="4.5" fill="none" stroke="${FINAL_COLOUR}" stroke-width="1.5"`, score: drawnFinal },
  ];
  let paused = false;
  let dots = false;
  for (const line of series) {
    const scored = points.flatMap((point, i) => {
      const score = line.score(point);
      return score === null ? [] : [{ point, i, score }];
    });
    const runs = apartAtPauses(scored, (entry) => times[entry.i]!);
    if (runs.length > 1) paused = true;
    for (const run of runs) {
      if (run.length > 1) out.push(`<polyline points="${run.map(({ i, score }) => `${xs[i]},${y(score)}`).join(' ')}" fill="none" stroke="${line.colour}" stroke-width="2"${line.dash}/>`);
    }
    // Without dots, a score alone between two pauses would not show at all: it keeps its dot.
    const dotted = points.length > MOST_DOTS ? runs.filter((run) => run.length === 1).flat() : scored;
    if (dotted.length > 0) dots = true;
    for (const { point, i, score } of dotted) {
      const unscored = line.name === 'baseline' && drawnFinal(point) === null ? ', no drill scored after it' : '';
      // A date, our words and a score: nothing in it to escape.
      out.push(`<circle cx="${xs[i]}" cy="${y(score)}" ${line.dot}><title>${days[i] ?? dateOf(point.at)}: ${line.name} ${score}${unscored}</title></circle>`);
    }
  }
  // Legend, top left over the plot: each line with its dot, when the chart has dots. Where a
  // narrow screen shows the chart's left part and scrolls to the rest, it shows what is what.
  const legendX = LEFT;
  series.forEach((line, i) => {
    const at = legendX + i * 100;
    out.push(`<line x1="${at}" y1="12" x2="${at + 24}" y2="12" stroke="${line.colour}" stroke-width="2"${line.dash}/>`);
    if (dots) out.push(`<circle cx="${at + 12}" cy="12" ${line.dot}/>`);
    out.push(`<text x="${at + 30}" y="16" font-size="12" fill="#1a1a1a">${line.name}</text>`);
  });
  out.push('</svg>');
  return { svg: out.join('\n'), paused };
}

/** `entries` (oldest first) in runs, a new one after each pause: more than PAUSE_DAYS between two of them. */
function apartAtPauses<T>(entries: T[], time: (entry: T) => number): T[][] {
  const runs: T[][] = [];
  for (const [index, entry] of entries.entries()) {
    if (index === 0 || pauseBetween(time(entries[index - 1]!), time(entry))) runs.push([entry]);
    else runs.at(-1)!.push(entry);
  }
  return runs;
}
