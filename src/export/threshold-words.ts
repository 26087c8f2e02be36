// The thresholds behind a report's verdicts, in the words the Markdown, HTML and FHIR share.
import type { Session, Thresholds } from '../core/records.js';
import type { Report } from './report.js';
import { plural } from './words.js';

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
  const sessionsBy = (pick: (thresholds: Thresholds) => number, current: number) => {
    const counts = new Map<number, number>();
    for (const session of sessions) {
      const value = pick(session.thresholds);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts.size === 0 ? new Map([[current, 0]]) : new Map([...counts].sort(([a], [b]) => a - b));
  };
  const spread = (counts: Map<number, number>, words: (value: number) => string) =>
    counts.size === 1 ? words([...counts.keys()][0]!) : [...counts].map(([value, count]) => `${words(value)} in ${plural(count, 'session')}`).join(', and ');
  const helped = sessionsBy((t) => t.minImprovement, settings.minImprovement);
  const flare = sessionsBy((t) => t.flareRise, settings.flareRise);
  const lines = [
    `A drill helped when the score fell by ${spread(helped, (points) => `at least ${plural(points, 'point')}`)}.`,
    `A drill stopped at once as a flare, with no retry, when the score rose by ${spread(flare, (points) => `${plural(points, 'point')} or more`)}.`,
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

/** How a session's thresholds judged its drills, in a line: the Result of a FHIR score says it. */
export function verdictRuleWords({ minImprovement, flareRise }: Thresholds): string {
  return `helped: the score fell by at least ${plural(minImprovement, 'point')}; flare: it rose by ${plural(flareRise, 'point')} or more`;
}
