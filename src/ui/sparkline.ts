// Scores over time in one line of block characters: 0 is the lowest bar, `max` the highest.
const BARS = '▁▂▃▄▅▆▇█';

/**
 * The score the highest bar stands for: the series' highest, and at least 7. Eight bars cannot
 * tell eleven scores apart, and a fall of one point is what counts as helping: up to 7 (most
 * sessions' scores) each point has a bar of its own.
 */
export function sparkTop(values: number[]): number {
  return Math.min(10, Math.max(BARS.length - 1, ...values));
}

/**
 * The scale of a sparkline of `values`: `top`, the score its highest bar stands for (sparkTop),
 * and whether a score drawn reaches it. Said with the bars, so that a top of 7 is not taken for
 * the top of the 0–10 scale.
 */
export function sparkScale(values: number[]): { top: number; reached: boolean } {
  const top = sparkTop(values);
  return { top, reached: values.some((value) => value >= top) };
}

/** Where a series has no value (a session with no final score): a dot, so the bars after it stay in step with the sessions. */
const NO_BAR = '·';

/**
 * One bar per value, NO_BAR for a missing one, and a space before one that `pauses` marks (more
 * than 4 weeks after the one before it: see core/pause.ts), so that bars a season apart do not
 * read as a steady course. A series longer than `width` keeps its latest points and starts with
 * "…" so nobody mistakes the first bar for the first session.
 */
export function sparkline(values: (number | null)[], max = sparkTop(values.filter((value) => value !== null)), width = 60, pauses: readonly boolean[] = []): string {
  const shown = pointsShown(values.length, width, pauses);
  const from = values.length - shown;
  let bars = '';
  for (let i = from; i < values.length; i++) {
    const value = values[i]!;
    if (i > from && pauses[i]) bars += ' ';
    bars += value === null ? NO_BAR : BARS[Math.round((Math.min(Math.max(value, 0), max) / max) * (BARS.length - 1))]!;
  }
  return shown < values.length ? `…${bars}` : bars;
}

/** How many of `count` points a sparkline of `width` shows, the spaces for `pauses` between them taking room too. */
export function pointsShown(count: number, width = 60, pauses: readonly boolean[] = []): number {
  const gaps = (from: number) => pauses.slice(from + 1, count).filter(Boolean).length;
  if (count + gaps(0) <= width) return count;
  // The latest points that fit after "…", with the gaps between them.
  let shown = 0;
  while (shown < count && 1 + shown + 1 + gaps(count - shown - 1) <= width) shown++;
  return shown;
}
