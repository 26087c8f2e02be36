// The words of the reports' trends, so that the Markdown and HTML say them alike.
import { painfulSideWords, type Trend } from '../core/history.js';
import { dateOf } from './words.js';

/** Said before the trends when there are several; `bySide` when their scores were given for more than one painful side. */
export function separateTrendsWords(bySide: boolean): string {
  const same = bySide ? 'the same symptom in the same test movement on the same painful side' : 'the same symptom in the same test movement';
  return `Scores compare only when they rate ${same}, so each has a trend of its own, the latest first.`;
}

/**
 * A trend's label: `what`, its symptom and test movement as the format sets them out, then its
 * painful side when the trends need it to be told apart (ReadingView.trendsBySide).
 */
export function trendLabel(trend: Pick<Trend, 'side'>, what: string, bySide: boolean): string {
  return bySide ? `${what} (${painfulSideWords(trend.side)})` : what;
}

/** What a trend rated and its first and last baseline, in a sentence; `what` is its label (trendLabel). */
export function trendWords(trend: Trend, what: string): string {
  const first = trend.points[0]!;
  const last = trend.points.at(-1)!;
  if (trend.points.length === 1) return `${what}: 1 session, baseline ${first.baseline} on ${dateOf(first.at)}.`;
  // All on one day, the day is said once: "first … on 2026-11-12, last … on 2026-11-12" reads as a slip.
  if (dateOf(first.at) === dateOf(last.at)) {
    const count = trend.points.length;
    return `${what}: ${count} sessions, ${count === 2 ? 'both' : 'all'} on ${dateOf(first.at)}, first baseline ${first.baseline}, last baseline ${last.baseline}.`;
  }
  return (
    `${what}: ${trend.points.length} sessions, first baseline ${first.baseline} on ${dateOf(first.at)}, ` +
    `last baseline ${last.baseline} on ${dateOf(last.at)}.`
  );
}
