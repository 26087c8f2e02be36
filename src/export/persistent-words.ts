// The words the reports give a symptom rated week after week without coming down, the finding
// behind `itb history`'s advice to see a professional.
import type { PersistentSymptom } from '../core/advice.js';
import { localDate } from '../core/history.js';
import { meanAsSaid, wentUp } from '../core/persistent-symptom.js';

/**
 * The finding behind `itb history`'s advice to see a professional, told to the therapist; `what`
 * is the label of its trend, as the format sets it out (trendLabel: the painful side too when the
 * trends name it); `firstDay` the first day of the report's period.
 */
export function persistentWords(found: PersistentSymptom, what: string, firstDay: string | null): string {
  const change = wentUp(found) ? 'have gone up' : 'have not come down much';
  // The first week may begin before the report's period (its --since, or its first session's day
  // without one): the words begin with the period, which holds every session that was counted.
  const weekStart = localDate(new Date(found.fromMs));
  const from = firstDay !== null && weekStart < firstDay ? firstDay : weekStart;
  const to = localDate(new Date(found.toMs));
  return (
    `${what} was rated in each of ${found.weeks} weeks in a row (7-day weeks, ${from} to ${to}), and its baseline scores ${change}: ` +
    `a mean of about ${meanAsSaid(found.firstMean)} in the first of those weeks, ${meanAsSaid(found.latestMean)} in the latest.`
  );
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
