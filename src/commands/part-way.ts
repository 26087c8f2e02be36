// What is left today of a routine stopped part way: the drills not yet got through on the same
// painful side, and the strength drills already tried, which count towards the day's strength work.
import type { BucketView } from '../core/buckets.js';
import type { Session, StoreData } from '../core/records.js';
import { LOADING_DRILLS_A_DAY } from '../core/session.js';
import { leftPartWay, type PartWay } from '../core/resume.js';
import type { Library } from '../library/schema.js';
import { routineExercises } from './session-routines.js';

/** The strength drills tried in the part done earlier, by id: with those tried today, the day's strength work. */
export function loadingTriedBefore(partWay: PartWay, library: Library): string[] {
  const loading = new Set(library.exercises.filter((exercise) => exercise.loading).map((exercise) => exercise.id));
  return [...new Set(partWay.sessions.flatMap((session) => session.attempts.map((attempt) => attempt.exerciseId)).filter((id) => loading.has(id)))];
}

/** The sessions whose painful side was `side`: a routine goes on only from a part done on the same side. */
export function onSide(sessions: readonly Session[], side: Session['side']): Session[] {
  return sessions.filter((session) => session.side === side);
}

/**
 * Whether no drill of the routine of `session` was got through today on its side, this session
 * and any part done earlier: there is nothing to go on from, only the routine to start again.
 */
export function nothingGotThrough(session: Session, after: StoreData, now: Date): boolean {
  return leftPartWay(onSide(after.sessions, session.side), session.routine, now) === undefined;
}

/** How many drills of the routine of `session`, stopped part way, are left for later today. */
export function drillsLeft(session: Session, view: BucketView, library: Library, now: Date, after: StoreData): number {
  const partWay = leftPartWay(onSide(after.sessions, session.side), session.routine, now);
  if (partWay === undefined) return 0;
  try {
    const left = routineExercises(session.routine, view, library, { allSetAside: 'keep' }).exercises.filter((exercise) => !partWay.passed.has(exercise.id));
    // Two or three strength drills are enough for one day: with those tried, strength drills
    // alone left wait for the next strength session, not for later today.
    const enoughToday = loadingTriedBefore(partWay, library).length >= LOADING_DRILLS_A_DAY;
    return enoughToday && left.every((exercise) => exercise.loading) ? 0 : left.length;
  } catch {
    // A built-in routine left empty (its drills all decided): nothing left of it.
    return 0;
  }
}
