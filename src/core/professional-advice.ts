// The see-a-professional advice (PRODUCT §4.7), in words, from the persistent symptoms of the log.
import type { Advice, AdviceLog } from './advice.js';
import { localDate, painfulSideWords } from './history.js';
import { meanAsSaid, persistentSymptoms, wentUp, type PersistentSymptom } from './persistent-symptom.js';

/**
 * One piece of advice however many symptoms kept up, so the screen says it once: with several,
 * it names each, the worst first (persistentSymptoms), each with its weeks and means.
 */
export function seeAProfessional(log: AdviceLog, now: Date): Advice | undefined {
  const found = persistentSymptoms(log, now);
  if (found.length === 0) return undefined;
  const first = found[0]!;
  // The person may have moved on to another movement or symptom (or side) since: the weeks that
  // kept up still deserve the look, but they are those of what was rated then, up to a day the
  // advice names, and the scores rated since are not theirs.
  const latest = latestRated(log, now);
  const movedOn = latest !== undefined && !found.some((symptom) => symptom.rated === latest.rated && symptom.side === latest.side);
  // Rated again after a break, the weeks that kept up end at the break, and the latest week is
  // not one of them.
  const upTo = (symptom: PersistentSymptom) =>
    symptom.afterBreak
      ? ` up to ${localDate(new Date(symptom.afterBreak.lastBeforeMs))}, then again from ${localDate(new Date(symptom.afterBreak.firstAfterMs))} after a break`
      : movedOn
        ? ` up to ${localDate(new Date(symptom.lastRatedMs))}`
        : '';
  const latestWeek = (symptom: PersistentSymptom) => (symptom.afterBreak ? 'in your latest week' : 'in the latest');
  const means = (symptom: PersistentSymptom) => `(about ${meanAsSaid(symptom.firstMean)} in the first of those weeks, ${meanAsSaid(symptom.latestMean)} ${latestWeek(symptom)})`;
  const kept =
    found.length === 1
      ? `You have rated ${keptWhat(first)} in each of ${first.weeks} weeks in a row${upTo(first)}, and its starting scores have ${wentUp(first) ? 'gone up' : 'not come down much'} ${means(first)}.`
      : 'You have rated each of these in several weeks in a row, and their starting scores have not come down much: ' +
        `${found.map((symptom) => `${keptWhat(symptom)}, in each of ${symptom.weeks} weeks${upTo(symptom)}${wentUp(symptom) ? ', where they have gone up' : ''} ${means(symptom)}`).join('; ')}.`;
  const since = movedOn ? ` Your latest session rated ${keptWhat({ ...latest, sidesApart: first.sidesApart }).slice('your '.length)}, whose scores do not compare with these.` : '';
  return {
    id: 'see-a-professional',
    message:
      `${kept}${since} Symptoms that keep up over several weeks of consistent work deserve a look from a physical ` +
      'therapist or doctor, to rule out other causes and adjust your plan.',
    side: first.side,
    persistent: found.map(({ said, side, weeks, firstMean, latestMean }) => ({ rated: said, side, weeks, firstMean: meanAsSaid(firstMean), latestMean: meanAsSaid(latestMean) })),
  };
}

/** What the newest baseline up to now rated (a clock set ahead for a while leaves later ones in the log). */
function latestRated(log: AdviceLog, now: Date): AdviceLog['baselines'][number] | undefined {
  let latest: AdviceLog['baselines'][number] | undefined;
  let latestMs = -Infinity;
  for (const group of log.baselines) {
    for (const started of group.startedMs) {
      if (started <= now.getTime() && started > latestMs) [latest, latestMs] = [group, started];
    }
  }
  return latest;
}

function keptWhat(found: Pick<PersistentSymptom, 'said' | 'side' | 'sidesApart'>): string {
  const said = found.said === '' ? 'your symptom' : `your ${found.said}`;
  // The side as a trend's label names it, and only when the trends do (sidesApart).
  return found.sidesApart ? `${said} (${painfulSideWords(found.side)})` : said;
}
