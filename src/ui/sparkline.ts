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
 * One bar per value, NO_BAR for a missing one. A series longer than `width` keeps its latest
 * points and starts with "…" so nobody mistakes the first bar for the first session.
 */
export function sparkline(values: (number | null)[], max = sparkTop(values.filter((value) => value !== null)), width = 60): string {
  const shown = values.length > width ? values.slice(values.length - (width - 1)) : values;
  const bars = shown
    .map((value) => {
      if (value === null) return NO_BAR;
      const level = Math.round((Math.min(Math.max(value, 0), max) / max) * (BARS.length - 1));
      return BARS[level]!;
    })
    .join('');
  return values.length > width ? `…${bars}` : bars;
}

/** How many of `count` points a sparkline of `width` shows. */
export function pointsShown(count: number, width = 60): number {
  return count > width ? width - 1 : count;
}
