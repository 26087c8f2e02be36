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
 * One bar per value. A series longer than `width` keeps its latest points and starts with "…"
 * so nobody mistakes the first bar for the first session.
 */
export function sparkline(values: number[], max = sparkTop(values), width = 60): string {
  const shown = values.length > width ? values.slice(values.length - (width - 1)) : values;
  const bars = shown
    .map((value) => {
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
