// What the reports a person reads (md, html) show beyond the records themselves: the sessions'
// summaries and trends, what they rated, and the symptoms that kept up. Worked out only by the
// formats that show it.
import { adviceLog, persistentSymptoms, type PersistentSymptom } from '../core/advice.js';
import { evidenceBySide, movementKey, ratingsMix, scoreSeries, sessionSummaries, sidesApart, trendsOf, whatWasRated, type SessionSummary, type Trend } from '../core/history.js';
import { compareInstants } from '../core/instant.js';
import type { PainfulSide, Session, Symptom } from '../core/records.js';
import { periodEnd, type Report } from './report.js';

/** A painful side the sessions gave: in how many, and the first and last of them (a side may change over weeks). */
export interface SideSpan {
  side: PainfulSide;
  sessions: number;
  first: string;
  last: string;
}

/** What the reports a person reads (md, html) show beyond the records themselves. */
export interface ReadingView {
  /** One per session, oldest first (the same order as `sessions`). */
  summaries: SessionSummary[];
  /** The scores by what they rated and the painful side, the latest symptom, test movement and side first; none without scores. */
  trends: Trend[];
  /** Whether the trends' scores were given for more than one painful side: their labels then say the side. */
  trendsBySide: boolean;
  symptoms: Symptom[];
  movements: string[];
  sides: SideSpan[];
  /**
   * Whether the sessions behind the buckets' evidence rated more than one symptom or test
   * movement: a drill's mean change may then mix scores that do not compare.
   */
  evidenceMixesRatings: boolean;
  /**
   * Whether the sessions behind the buckets' evidence tested drills with more than one painful
   * side: each drill's evidence then says its side, even a drill tested on one only.
   */
  evidenceBySide: boolean;
  /**
   * The symptoms rated week after week up to the end of the period without coming down, found as
   * `itb history` finds them to advise seeing a professional, on every session up to the period's
   * end (the buckets' evidence), in the same order (the worst first); none when none kept up.
   * Each with what it rated, and the trend of those scores in the period: none when the period
   * has no score of it (all given before it, or the person moved on to another test movement).
   */
  persistent: PersistentView[];
}

/** A persistent symptom as a report shows it (ReadingView.persistent). */
interface PersistentView {
  found: PersistentSymptom;
  /** What its scores rated, as the latest of them typed it: the trend's, when there is one. */
  rated: Pick<Trend, 'symptom' | 'movement' | 'side'>;
  trend: Trend | undefined;
}

/** Worked out only by the formats that show it: on years of history it is not free. */
export function readingView(report: Report): ReadingView {
  const { sessions } = report;
  const trends = trendsOf(scoreSeries(sessions));
  // Judged on the sessions the buckets' evidence comes from, as of the period's end: a short
  // period after weeks of stuck scores must still say so. The store's log, when at hand, is of
  // those very sessions (a report up to now), and spares walking years of them again.
  const asOf = periodEnd(report.period.until, new Date(report.generatedAt));
  const persistent = persistentSymptoms(report.adviceLog ?? adviceLog(report.evidenceSessions), asOf).map((found): PersistentView => {
    // The trend of the same scores (the first such): what they rated and on which side.
    const trend = trends.find((trend) => trend.side === found.side && whatWasRated(trend.symptom, trend.movement) === found.rated);
    return { found, rated: trend ?? lastRated(report.evidenceSessions, found, asOf), trend };
  });
  return {
    summaries: sessionSummaries(sessions).reverse(),
    trends,
    trendsBySide: sidesApart(trends),
    symptoms: distinct(sessions.map((s) => s.symptom)),
    movements: distinctMovements(sessions),
    sides: sideSpans(sessions),
    evidenceMixesRatings: ratingsMix(report.evidenceSessions),
    evidenceBySide: evidenceBySide(report.evidenceSessions),
    persistent,
  };
}

/**
 * What a persistent symptom's latest score up to `asOf` rated, as that session typed it: the
 * period has no score of it to name it by. Rare, so the walk is not repeated for every report.
 */
function lastRated(sessions: Session[], found: PersistentSymptom, asOf: Date): PersistentView['rated'] {
  let latest: Session | undefined;
  for (const session of sessions) {
    if (session.baseline === undefined || session.side !== found.side || whatWasRated(session.symptom, session.movement) !== found.rated) continue;
    if (Date.parse(session.startedAt) > asOf.getTime()) continue;
    if (latest === undefined || compareInstants(session.startedAt, latest.startedAt) >= 0) latest = session;
  }
  // The log was made from these sessions: one of them rated it.
  return latest!;
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Each painful side once, the one given first first. */
function sideSpans(sessions: Session[]): SideSpan[] {
  const spans = new Map<PainfulSide, SideSpan>();
  for (const { side, startedAt } of sessions) {
    const span = spans.get(side);
    if (span === undefined) {
      spans.set(side, { side, sessions: 1, first: startedAt, last: startedAt });
      continue;
    }
    span.sessions++;
    if (compareInstants(startedAt, span.first) < 0) span.first = startedAt;
    if (compareInstants(startedAt, span.last) > 0) span.last = startedAt;
  }
  return [...spans.values()].sort((a, b) => compareInstants(a.first, b.first));
}

/** Each test movement once however it was typed, in the order first used, as last typed. */
function distinctMovements(sessions: Session[]): string[] {
  const typed = new Map<string, string>();
  for (const session of sessions) typed.set(movementKey(session.movement), session.movement.trim());
  return [...typed.values()];
}
