// What each drill of a session did, for the session tables of the md and html reports: the
// counts alone ("1 set aside, 1 flare") leave a therapist matching dates against the avoid list
// to find which drill flared on which day.
import { compareInstants } from '../core/instant.js';
import type { Session } from '../core/records.js';
import { signed } from './words.js';

/** How a drill's test in a session ended: as the lists and the FHIR results say it, or skipped. */
export type DrillResult = 'helped' | 'did not help' | 'flare' | 'skipped';

export interface DrillDone {
  exerciseId: string;
  /** The change of each try, the first and then the retry if there was one (both against the score before the first). */
  changes: number[];
  result: DrillResult;
}

/**
 * The drills a session decided, in the order it went through them, with the change of each try.
 * A retry skipped keeps the change of its first try. A first try the session ended after, with
 * no retry, decided nothing and is left out (the status says it: see unfinishedWords).
 */
export function drillsDone(session: Session): DrillDone[] {
  const { attempts } = session;
  let next = 0;
  return session.results.map(({ exerciseId, outcome, flare, at }) => {
    // A session goes through its drills one at a time: a drill's tries come right before its
    // result (a skip before the first try has none), so one walk through its attempts finds them.
    const changes: number[] = [];
    for (let attempt = attempts[next]; attempt !== undefined && attempt.exerciseId === exerciseId && compareInstants(attempt.at, at) <= 0; attempt = attempts[++next]) {
      changes.push(attempt.after - attempt.before);
    }
    const result: DrillResult = outcome === 'skipped' ? 'skipped' : outcome === 'rehab' ? 'helped' : flare ? 'flare' : 'did not help';
    return { exerciseId, changes, result };
  });
}

/**
 * "Clamshells -2 helped; Lunge knee circles 0, retry +1 did not help; Hip hikes +4 flare; Glute
 * stretch skipped": each drill of a session as `name` writes it (escaped for its format), its
 * change and result as `marked` writes them (a flare stands out). Empty for a session that
 * decided no drill.
 */
export function drillsDoneWords(session: Session, name: (exerciseId: string) => string, marked: (result: DrillResult) => string): string {
  let words = '';
  for (const { exerciseId, changes, result } of drillsDone(session)) {
    if (words !== '') words += '; ';
    words += name(exerciseId);
    if (changes.length > 0) words += ` ${signed(changes[0]!)}`;
    if (changes.length > 1) words += `, retry ${signed(changes[1]!)}`;
    // A skip of the retry: its first try is said, then that the retry was skipped.
    words += result === 'skipped' && changes.length === 1 ? `, retry ${marked(result)}` : ` ${marked(result)}`;
  }
  return words;
}

/**
 * What "stopped early" and "interrupted" mean, said under the session table when it shows them:
 * the one is the person's choice, the other a session cut off. Undefined when it shows neither.
 */
export function sessionEndWords(sessions: Session[]): string | undefined {
  const parts: string[] = [];
  if (sessions.some((session) => session.status === 'stopped')) parts.push('Stopped early: the person chose to end the session there, or not to go on after a flare-up.');
  if (sessions.some((session) => session.status === 'interrupted')) {
    parts.push('Interrupted: the session was cut off rather than ended (Ctrl-C, the terminal closed, the computer went off); what was answered up to then is kept.');
  }
  return parts.length === 0 ? undefined : parts.join(' ');
}
