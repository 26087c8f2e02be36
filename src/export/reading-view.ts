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
   * `itb history` finds them to advise seeing a professional, in the same order (the worst
   * first), each with the trend of what it rated; none when none kept up.
   */
  persistent: { found: PersistentSymptom; trend: Trend }[];
}

/** Worked out only by the formats that show it: on years of history it is not free. */
export function readingView(report: Report): ReadingView {
  const { sessions } = report;
  const trends = trendsOf(scoreSeries(sessions));
  // Each with the trend of the same scores (the first such): what they rated and on which side.
  const persistent = persistentSymptoms(report.adviceLog ?? adviceLog(sessions), periodEnd(report.period.until, new Date(report.generatedAt))).flatMap((found) =>
    trends.filter((trend) => trend.side === found.side && whatWasRated(trend.symptom, trend.movement) === found.rated).slice(0, 1).map((trend) => ({ found, trend })),
  );
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
