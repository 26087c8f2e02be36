// What each drill of a session did, for the session tables of the md and html reports: the
// counts alone ("1 set aside, 1 flare") leave a therapist matching dates against the avoid list
// to find which drill flared on which day.
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../core/durations.js';
import { localDate, localDateTime } from '../core/history.js';
import type { Attempt, Session } from '../core/records.js';

/** How a drill's test in a session ended: as the lists and the FHIR results say it, or skipped. */
export type DrillResult = 'helped' | 'did not help' | 'flare' | 'skipped';

const RESULTS: DrillResult[] = ['helped', 'did not help', 'flare', 'skipped'];
/** Scores run from 0 to 10: a try's before and after as one number, and one for a try not made. */
const SCORES = 11;
const NOT_MADE = SCORES * SCORES;
const TRIES = NOT_MADE + 1;

/**
 * The writer of "Clamshells 5 → 3 helped; Lunge knee circles 3 → 3, retry 3 → 4 did not help; Hip
 * hikes 4 → 7 flare; Glute stretch skipped" for a report's sessions: each drill the session
 * decided, in the order it went through them, as `name` writes it (escaped for its format), the
 * score before and after each try, as the record holds them (a retry is judged against the score
 * before the first try, its own before), and the result as `marked` writes it (a flare stands
 * out). The scores, not the change alone, show how much room a drill had: a fall of 2 may be
 * 5 → 3 right after the drill before it raised the score, no change may be 2 → 2. A retry skipped
 * keeps the scores of its first try; a first try the session ended after, with no retry,
 * decided nothing and is left out (the status says it: see unfinishedWords). Empty for a session
 * that decided no drill.
 *
 * Years of sessions are tens of thousands of drills, done once each in a report: each drill's
 * words are made once, kept by its result and scores as a number, and the walk is one loop.
 */
export function drillsDoneWriter(name: (exerciseId: string) => string, marked: (result: DrillResult) => string): (session: Session) => string {
  const byDrill = new Map<string, Map<number, string>>();
  const scores = (made: number): string => `${Math.floor(made / SCORES)} → ${made % SCORES}`;
  const words = (exerciseId: string, result: number, first: number, retry: number): string => {
    const text = `${name(exerciseId)}${first === NOT_MADE ? '' : ` ${scores(first)}`}${retry === NOT_MADE ? '' : `, retry ${scores(retry)}`}`;
    // A skip of the retry: its first try is said, then that the retry was skipped.
    return `${text}${RESULTS[result] === 'skipped' && first !== NOT_MADE && retry === NOT_MADE ? ', retry ' : ' '}${marked(RESULTS[result]!)}`;
  };
  return ({ attempts, results }) => {
    let text = '';
    let next = 0;
    for (const { exerciseId, outcome, flare } of results) {
      // A session goes through its drills one at a time, each once: a drill's tries come right
      // before its result (a skip before the first try has none), so one walk through its attempts
      // finds them. By order, not by time: a clock set back between a try and the skip of its
      // retry would leave that try, and so the tries of every drill after it, unclaimed.
      let first = NOT_MADE;
      let retry = NOT_MADE;
      // A first try and its retry at most: another first try is the drill's next time in a session
      // that holds it twice, as only one edited by hand (a backup, say) can.
      for (let attempt = attempts[next]; attempt !== undefined && attempt.exerciseId === exerciseId; attempt = attempts[++next]) {
        if (first === NOT_MADE) first = attempt.before * SCORES + attempt.after;
        else if (retry === NOT_MADE && attempt.attempt === 2) retry = attempt.before * SCORES + attempt.after;
        else break;
      }
      const result = outcome === 'skipped' ? 3 : outcome === 'rehab' ? 0 : flare ? 2 : 1;
      let made = byDrill.get(exerciseId);
      if (made === undefined) byDrill.set(exerciseId, (made = new Map()));
      const place = (result * TRIES + first) * TRIES + retry;
      let drill = made.get(place);
      if (drill === undefined) made.set(place, (drill = words(exerciseId, result, first, retry)));
      text += text === '' ? drill : `; ${drill}`;
    }
    return text;
  };
}

/**
 * The first tries of a session whose retry was skipped: a skip right after a try that did not
 * help, which left the drill's bucket as it was ("retry skipped" in the drills of the tables).
 * Found by the same walk as drillsDoneWriter's: a drill's tries come right before its result.
 */
export function retrySkippedTries({ attempts, results }: Session): Set<Attempt> {
  const tries = new Set<Attempt>();
  let next = 0;
  for (const { exerciseId, outcome } of results) {
    let first: Attempt | undefined;
    let retried = false;
    for (let attempt = attempts[next]; attempt !== undefined && attempt.exerciseId === exerciseId; attempt = attempts[++next]) {
      if (first === undefined) first = attempt;
      else if (!retried && attempt.attempt === 2) retried = true;
      else break;
    }
    if (outcome === 'skipped' && first !== undefined && !retried) tries.add(first);
  }
  return tries;
}

/** What a session's end means, when it did not run to its last drill: the one is the person's choice, the other a session cut off. */
export const sessionEndMeaning = {
  stopped: 'the person chose to end the session there, or not to go on after a flare-up.',
  interrupted: 'the session was cut off rather than ended (Ctrl-C, the terminal closed, the computer went off); what was answered up to then is kept.',
} as const;

/**
 * What "stopped early" and "interrupted" mean, said under the session table when it shows them.
 * Undefined when it shows neither.
 */
export function sessionEndWords(sessions: Session[]): string | undefined {
  const parts: string[] = [];
  if (sessions.some((session) => session.status === 'stopped')) parts.push(`Stopped early: ${sessionEndMeaning.stopped}`);
  if (sessions.some((session) => session.status === 'interrupted')) parts.push(`Interrupted: ${sessionEndMeaning.interrupted}`);
  return parts.length === 0 ? undefined : parts.join(' ');
}

/**
 * ", its last score on 2026-11-16 at 00:03": said after the status of a session whose last score
 * came on a later day than the one it started on (begun at 23:50, say). The lists date a drill's
 * test and a flare-up by its score, so "1 flare (on 2026-11-16)" may be in the row of a session
 * started on the 15th: without these words a therapist would look for it in the row of the 16th.
 * Empty otherwise.
 */
export function laterDayWords(session: Session): string {
  const last = session.attempts.at(-1);
  if (last === undefined) return '';
  // Years of sessions are thousands of rows, nearly all scored within the hour on the day they
  // began: a session whose last score came well before the first midnight after its start (an
  // hour short of it, whatever a change of clock did in between) is passed over without its dates
  // being written out.
  const startMs = Date.parse(session.startedAt);
  const lastMs = Date.parse(last.at);
  const localStart = startMs - new Date(startMs).getTimezoneOffset() * MINUTE_MS;
  const toMidnight = DAY_MS - (((localStart % DAY_MS) + DAY_MS) % DAY_MS);
  if (lastMs - startMs < toMidnight - HOUR_MS) return '';
  const at = new Date(lastMs);
  const day = localDate(at);
  if (day <= localDate(new Date(startMs))) return '';
  return `, its last score on ${day} at ${localDateTime(at).slice(11)}`;
}
