// What a report of a period shows from before it began, said with dates: the buckets are judged
// on every session up to the period's end, and a reader must not take results from weeks earlier
// for results of the period.
import { compareInstants } from '../core/instant.js';
import type { Session } from '../core/records.js';
import { dayRange, type Report } from './report.js';
import { dateOf } from './words.js';

/** The days of the first and last of these sessions (at least one). */
function firstAndLastDays(sessions: Session[]): [first: string, last: string] {
  let first = sessions[0]!.startedAt;
  let last = first;
  for (const { startedAt } of sessions) {
    if (compareInstants(startedAt, first) < 0) first = startedAt;
    if (compareInstants(startedAt, last) > 0) last = startedAt;
  }
  return [dateOf(first), dateOf(last)];
}

/** "(2026-09-07 to 2026-10-16)", or "(2026-09-07)": the days of the first and last of these sessions. */
const daysOf = (sessions: Session[]): string => `(${dayRange(...firstAndLastDays(sessions))})`;

/**
 * "18, the first on 2026-09-07, the last on 2026-10-16" ("1, on 2026-09-07"; "3, all on
 * 2026-09-07"): the report's sessions, with the days of the first and last. The period alone does
 * not tell someone who stopped weeks ago from someone who did a session yesterday.
 */
export function sessionCountWords(sessions: Session[]): string {
  if (sessions.length === 0) return '0';
  const [first, last] = firstAndLastDays(sessions);
  if (first !== last) return `${sessions.length}, the first on ${first}, the last on ${last}`;
  return `${sessions.length}, ${sessions.length === 1 ? '' : sessions.length === 2 ? 'both ' : 'all '}on ${first}`;
}

/** "the 18 sessions", "the one session". */
const theSessions = (count: number) => (count === 1 ? 'the one session' : `the ${count} sessions`);

/**
 * Said with the buckets of a report that starts after the first session: their evidence counts
 * every session up to the period's end, so "helped 40 of 44 tests" can outnumber the sessions
 * listed, or come from before the period entirely. A --since on or before the first session
 * leaves none out, and the note would say otherwise.
 */
export function bucketsScopeWords(report: Report): string | undefined {
  const all = report.evidenceSessions;
  const before = all.length - report.sessions.length;
  if (report.period.since === null || before === 0) return undefined;
  // The head of the report has said there are no sessions in the period: said once, not twice.
  if (report.sessions.length === 0) return `The buckets and their evidence come from ${theSessions(before)} ${daysOf(all)} before this period.`;
  // The days right after "sessions": after "this period", they would read as the period's own.
  return `The buckets and their evidence come from ${all.length === 2 ? 'both' : `all ${all.length}`} sessions ${daysOf(all)} up to the end of this period: ${before} of them before it, ${report.sessions.length} in it.`;
}

/**
 * Whether the report's period begins after the day it was made and holds no session: most often
 * a year typed wrong. Everything the report shows (buckets, screens, a persistent symptom) is then
 * as it stood that day, and the period has no scores yet rather than none at all.
 */
export function periodAhead(report: Report): boolean {
  const { since } = report.period;
  return since !== null && report.sessions.length === 0 && since > dateOf(report.generatedAt);
}

/**
 * What the report says where it would say "No sessions in this period": there are no scores from
 * it. Where the buckets further down come from is said above them (bucketsScopeWords), once.
 */
export function noScoresWords(report: Report): string {
  if (periodAhead(report)) {
    return `It begins after this report was made, on ${dateOf(report.generatedAt)}: there are no scores from it yet, and what follows is as it stood that day.`;
  }
  const before = report.evidenceSessions.length - report.sessions.length;
  return report.period.since === null || before === 0 ? 'There are no scores to report.' : 'There are no scores from it to report.';
}

/**
 * Said after the red-flag status of a report that starts after some of its screens: every screen
 * up to the period's end is shown, so that a later "no" cannot hide an earlier yes, and the
 * questions are not asked at every session; a "yes" or "none" of years ago must not be read as
 * this period's. Undefined when every screen falls in the period.
 */
export function screensScopeWords(report: Report): string | undefined {
  const { since } = report.period;
  const screens = report.redFlagScreens;
  const before = since === null ? 0 : screens.filter((screen) => dateOf(screen.at) < since).length;
  if (before === 0) return undefined;
  if (before < screens.length) return `${before} of these ${screens.length} screens ${before === 1 ? 'was' : 'were'} answered before this period.`;
  const all = screens.length === 1 ? 'The one screen was' : `${screens.length === 2 ? 'Both' : `All ${screens.length}`} screens were`;
  return `${all} answered before this period: none in it.`;
}

/**
 * Said where the rehab list is empty: "None yet." up to now. A report of a period that ended
 * earlier says it of that day, and when no drill had been scored by then, says that nothing had
 * been tested: "yet" would read as now, and an empty list as drills that did not help.
 */
export function noRehabWords(report: Report): string {
  const { until } = report.period;
  if (until === null) return 'None yet.';
  const tested = report.evidenceSessions.some((session) => session.attempts.length > 0);
  return tested ? `None at the end of this period (${until}).` : `None: no drill had been tested by ${until}.`;
}
