// The words the reports give a symptom rated week after week without coming down, the finding
// behind `itb history`'s advice to see a professional.
import type { PersistentSymptom } from '../core/advice.js';
import { localDate } from '../core/history.js';
import { meanAsSaid, wentUp } from '../core/persistent-symptom.js';
import type { Symptom } from '../core/records.js';
import type { ReadingView } from './reading-view.js';
import type { Report } from './report.js';
import { periodAhead } from './scope-words.js';
import { trendLabel } from './trend-words.js';
import { DAY_MS } from '../core/durations.js';

/** Whole calendar days from one YYYY-MM-DD to a later one. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The finding behind `itb history`'s advice to see a professional, told to the therapist; `what`
 * is the label of its trend, as the format sets it out (trendLabel: the painful side too when the
 * trends name it); `firstDay` the first day of the report's period; `ratedInPeriod` whether the
 * period has scores of its own for it (a trend), which it need not: the weeks are judged on every
 * session up to the period's end; `ahead` whether the period begins after the report was made
 * (periodAhead), when it could hold no score yet, and the report's head says so.
 */
export function persistentWords(found: PersistentSymptom, what: string, firstDay: string | null, ratedInPeriod = true, ahead = false): string {
  const change = wentUp(found) ? 'have gone up' : 'have not come down much';
  const weekStart = localDate(new Date(found.fromMs));
  const to = localDate(new Date(found.toMs));
  // The first week may begin before the report's period (its --since, or its first session's day
  // without one). When every score counted is in the period, the words begin with the period;
  // when scores from before it were counted, they give the weeks' own first day and say so.
  const earlier = firstDay !== null && weekStart < firstDay;
  const countedBefore = earlier && localDate(new Date(found.firstRatedMs)) < firstDay;
  const from = earlier && !countedBefore ? firstDay : weekStart;
  const before = countedBefore ? `; ${weeksBeforeWords(Math.floor(daysBetween(weekStart, firstDay) / 7), found.weeks)}` : '';
  const lastRated = localDate(new Date(found.lastRatedMs));
  const notRated = ratedInPeriod ? '' : ahead ? ` The last time it was rated was on ${lastRated}.` : ` It was not rated in this period: the last time was on ${lastRated}.`;
  // Rated again after a break: the latest week, compared with the first, is not one of those weeks.
  const again = found.afterBreak ? `, then again from ${localDate(new Date(found.afterBreak.firstAfterMs))} after a break` : '';
  const latest = found.afterBreak ? 'in the latest week' : 'in the latest';
  return (
    `${what} was rated in each of ${found.weeks} weeks in a row (Monday-to-Sunday weeks, ${from} to ${to}${before})${again}, and its baseline scores ${change}: ` +
    `a mean of about ${meanAsSaid(found.firstMean)} in the first of those weeks, ${meanAsSaid(found.latestMean)} ${latest}.${notRated}`
  );
}

/** How many of the weeks ended before the report's period, `whole` of them; 0: the first began before it and ends in it. */
function weeksBeforeWords(whole: number, weeks: number): string {
  if (whole >= weeks) return `all ${weeks} before this report's period`;
  if (whole === 0) return "the first began before this report's period";
  return `the first ${whole === 1 ? 'one' : whole} before this report's period`;
}

/**
 * The words of each of the report's persistent symptoms (persistentWords), labelled as their
 * trends are, `ratedAs` setting out a symptom during a test movement in the format's way. One
 * with no trend in the period names its side also when the scores it was judged on were given for
 * more than one: the period's own may all be of another side.
 */
export function persistentFindings(report: Report, view: ReadingView, ratedAs: (symptom: Symptom, movement: string) => string): string[] {
  const ahead = periodAhead(report);
  return view.persistent.map(({ found, rated, trend }) => {
    const bySide = view.trendsBySide || (trend === undefined && found.sidesApart);
    return persistentWords(found, trendLabel(rated, ratedAs(rated.symptom, rated.movement), bySide), report.period.since ?? report.firstDay, trend !== undefined, ahead);
  });
}

/**
 * The report's paragraphs on persistent symptoms, from each one's persistentWords: one paragraph
 * for each, and what itb advises for them said once, after the last.
 */
export function persistentParagraphs(findings: string[]): string[] {
  const advised = (these: string) =>
    `For symptoms that keep up like ${these} over several weeks of consistent work, itb advises the person to see a physical therapist or doctor.`;
  if (findings.length <= 1) return findings.map((finding) => `${finding} ${advised('this')}`);
  return [...findings, advised('these')];
}
