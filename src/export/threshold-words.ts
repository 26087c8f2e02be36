// The thresholds behind a report's verdicts, in the words the Markdown, HTML and FHIR share.
import { compareInstants } from '../core/instant.js';
import type { Session, Thresholds } from '../core/records.js';
import { dayRange, type Report } from './report.js';
import { dateOf, dateTimeOf, plural } from './words.js';

/**
 * The thresholds the report's sessions were judged by. Each session keeps the ones set when it
 * ran, so after a change the report says which held for how many sessions; with no sessions,
 * the current settings. The re-test wait is the current setting: it dates the drills set aside now.
 * Under --since the buckets' evidence also counts the sessions before the period, and their
 * verdicts too were judged by the thresholds of their day: those sessions are counted here as
 * well (thresholdScopeWords says so), or "helped, mean change -1" would stand beside "a drill
 * helped when the score fell by at least 2 points" with nothing to say why.
 */
export function thresholdWords(report: Report): string[] {
  return thresholdLines(report.evidenceSessions, report.settings);
}

/** Said before thresholdWords when sessions before the period change what they say. */
export function thresholdScopeWords(report: Report): string | undefined {
  const before = report.evidenceSessions.length - report.sessions.length;
  if (before === 0 || thresholdLines(report.sessions, report.settings).join() === thresholdWords(report).join()) return undefined;
  const inPeriod = report.sessions.length === 0 ? 'none' : String(report.sessions.length);
  return `Counted over every session behind the buckets' evidence: ${plural(before, 'session')} before this period, and ${inPeriod} in it.`;
}

function thresholdLines(sessions: Session[], settings: Report['settings']): string[] {
  const inOrder = [...sessions].sort((a, b) => compareInstants(a.startedAt, b.startedAt));
  const sessionsBy = (pick: (thresholds: Thresholds) => number, current: number) => {
    const counts = new Map<number, number>();
    for (const session of sessions) {
      const value = pick(session.thresholds);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts.size === 0 ? new Map([[current, 0]]) : new Map([...counts].sort(([a], [b]) => a - b));
  };
  // With the days of the sessions each value judged: the session table gives each drill's change
  // and result, and a "-1 did not help" on one day beside a "-1 helped" on another is read by
  // the threshold of each day.
  const spread = (counts: Map<number, number>, pick: (thresholds: Thresholds) => number, words: (value: number) => string) =>
    counts.size === 1
      ? words([...counts.keys()][0]!)
      : [...counts].map(([value, count]) => `${words(value)} in ${plural(count, 'session')} (${runWords(inOrder, pick, value)})`).join(', and ');
  const helped = sessionsBy((t) => t.minImprovement, settings.minImprovement);
  const flare = sessionsBy((t) => t.flareRise, settings.flareRise);
  const lines = [
    `A drill helped when the score fell by ${spread(helped, (t) => t.minImprovement, (points) => `at least ${plural(points, 'point')}`)}.`,
    `A drill stopped at once as a flare, with no retry, when the score rose by ${spread(flare, (t) => t.flareRise, (points) => `${plural(points, 'point')} or more`)}.`,
  ];
  // A setting changed since, or more than one value above: what the next sessions go by is not
  // to be read from the lines above, so it is said.
  const unsaid = (counts: Map<number, number>, current: number) => counts.size > 1 || !counts.has(current);
  const now = [
    ...(unsaid(helped, settings.minImprovement) ? [`a drill helps when the score falls by at least ${plural(settings.minImprovement, 'point')}`] : []),
    ...(unsaid(flare, settings.flareRise) ? [`a flare is a rise of ${plural(settings.flareRise, 'point')} or more`] : []),
  ];
  if (now.length > 0) lines.push(`As set now, for the sessions to come: ${now.join('; ')}.`);
  lines.push(`Drills set aside are offered for a re-test after ${plural(settings.retestAfterDays, 'day')}.`);
  return lines;
}

/**
 * The days of the runs of sessions (oldest first) that `pick` gives `value`, as "2026-08-26 to
 * 2026-10-18; 2026-11-06". A run that begins or ends on a day the setting changed, with sessions
 * of the other value that day too, gives its times as well: the day alone would name both.
 */
function runWords(inOrder: Session[], pick: (thresholds: Thresholds) => number, value: number): string {
  const runs: string[] = [];
  const day = (index: number) => dateOf(inOrder[index]!.startedAt);
  const sharesDay = (index: number, neighbour: number) => neighbour >= 0 && neighbour < inOrder.length && day(neighbour) === day(index);
  for (let first = 0; first < inOrder.length; first++) {
    if (pick(inOrder[first]!.thresholds) !== value) continue;
    let last = first;
    while (last + 1 < inOrder.length && pick(inOrder[last + 1]!.thresholds) === value) last++;
    const timed = sharesDay(first, first - 1) || sharesDay(last, last + 1);
    const at = (index: number) => (timed ? dateTimeOf(inOrder[index]!.startedAt) : day(index));
    runs.push(dayRange(at(first), at(last)));
    first = last;
  }
  return runs.join('; ');
}

/** How a session's thresholds judged its drills, in a line: the Result of a FHIR score says it. */
export function verdictRuleWords({ minImprovement, flareRise }: Thresholds): string {
  return `helped: the score fell by at least ${plural(minImprovement, 'point')}; flare: it rose by ${plural(flareRise, 'point')} or more`;
}
