// Which bucket each drill is in, and the evidence behind it, as the lists show them. The session
// log and the manual moves are the truth; buckets are projected from them (projection.ts), so they
// can always be rebuilt.
import type { Exercise, Library } from '../library/schema.js';
import { earlierMoves, type EarlierMove } from './earlier-move.js';
import { evidenceOf, observe, type Evidence, type Observed } from './evidence.js';
import { evidenceBySide, ratingsMix, thresholdsUsed, type ThresholdsUsed } from './history.js';
import { compareInstants } from './instant.js';
import { compareIds, considerMove, considerResult, entriesOf, type Decision } from './projection.js';
import { recordedName } from './text.js';
import { untestedDrills } from './untested.js';
import type { BucketEntry, StoreData } from './records.js';

export interface ExerciseStatus {
  exerciseId: string;
  /** The library's name, else the last name seen in results, else the id. */
  name: string;
  bucket: 'rehab' | 'avoid' | 'untested';
  /**
   * When the latest decision was made: for a session's, the time of its deciding score, though
   * its result may be dated later to count after a decision dated ahead of the clock (datedToCount).
   */
  decidedAt?: string;
  source?: 'session' | 'manual';
  flare: boolean;
  note?: string;
  /** Decided by a session since: the latest move by hand before it, with its note and the tests since (earlierMoves). */
  earlierMove?: EarlierMove;
  /** Avoid only: the start of the local day retestAfterDays after the day of the decision. */
  retestDueAt?: string;
  /** now >= retestDueAt. */
  retestDue: boolean;
  evidence: Evidence;
  inLibrary: boolean;
}

export interface BucketView {
  rehab: ExerciseStatus[];
  avoid: ExerciseStatus[];
  untested: ExerciseStatus[];
}

/**
 * Every drill's status. Rehab in routine order (warm-up drills first, then first appearance
 * walking the library's routines in order, then the rest by name); avoid with re-test info (due
 * first, then by re-test day, then in the order they were set aside; drills not in the library in
 * use, with no re-test day, last);
 * untested = library drills with no decision, in library order, then those tested only before a
 * reset that the library does not have (untestedDrills).
 */
export function bucketView(data: StoreData, library: Library, now: Date): BucketView {
  return viewBuckets(summarizeBuckets(data), library, now);
}

/** The log boiled down to what a bucket view is made of, small enough to keep beside the store. */
export interface BucketSummary {
  /** As projectBuckets gives them. */
  entries: BucketEntry[];
  /** What the log says about each drill it holds results for, by exercise id. */
  observed: [exerciseId: string, Observed][];
  retestAfterDays: number;
  /** When `itb buckets reset` last cleared the lists (the evidence still counts every test). */
  resetAt?: string;
  /** See ratingsMix. */
  ratingsMix: boolean;
  /** See thresholdsUsed. */
  thresholdsUsed: ThresholdsUsed;
  /** See evidenceBySide. */
  sidesApart: boolean;
  earlierMoves: [exerciseId: string, EarlierMove][];
}

export function summarizeBuckets(data: StoreData): BucketSummary {
  // projectBuckets, with the walk through the sessions shared with the evidence.
  const decisions = new Map<string, Decision>();
  const observed = observe(data.sessions, (result) => considerResult(decisions, result, data.bucketsResetAt));
  for (const move of data.moves) considerMove(decisions, move, data.bucketsResetAt);
  const entries = entriesOf(decisions);
  const summary: BucketSummary = {
    entries,
    observed: [...observed],
    retestAfterDays: data.settings.retestAfterDays,
    ratingsMix: ratingsMix(data.sessions),
    thresholdsUsed: thresholdsUsed(data.sessions),
    sidesApart: evidenceBySide(data.sessions),
    earlierMoves: earlierMoves(entries, data.moves, data.sessions, data.bucketsResetAt),
  };
  if (data.bucketsResetAt !== undefined) summary.resetAt = data.bucketsResetAt;
  return summary;
}

/** bucketView from a summary of the log instead of the log itself. */
export function viewBuckets(summary: BucketSummary, library: Library, now: Date): BucketView {
  const { entries } = summary;
  const observed = new Map(summary.observed);
  const names = new Map(library.exercises.map((exercise) => [exercise.id, exercise.name]));
  const earlier = new Map(summary.earlierMoves);

  const statusOf = (entry: BucketEntry): ExerciseStatus => {
    const seen = observed.get(entry.exerciseId);
    // A session's decision is the drill's newest test: the day it was done is the day it decided.
    const decidedAt = entry.source === 'session' && seen?.newestAt === entry.decidedAt ? (seen.newestTestedAt ?? entry.decidedAt) : entry.decidedAt;
    const status: ExerciseStatus = {
      exerciseId: entry.exerciseId,
      name: names.get(entry.exerciseId) ?? recordedName(seen?.lastName) ?? entry.exerciseId,
      bucket: entry.bucket,
      decidedAt,
      source: entry.source,
      flare: entry.flare,
      retestDue: false,
      evidence: evidenceOf(seen),
      inLibrary: names.has(entry.exerciseId),
      ...(earlier.has(entry.exerciseId) ? { earlierMove: earlier.get(entry.exerciseId)! } : {}),
    };
    if (entry.note !== undefined) status.note = entry.note;
    // A drill not in the library in use cannot be re-tested: `itb session retest` only runs library drills.
    if (entry.bucket === 'avoid' && status.inLibrary) {
      const dueAt = retestDueAt(decidedAt, summary.retestAfterDays);
      status.retestDueAt = dueAt.toISOString();
      status.retestDue = now.getTime() >= dueAt.getTime();
    }
    return status;
  };

  const statuses = entries.map(statusOf);
  const rehab = statuses.filter((status) => status.bucket === 'rehab').sort(inRoutineOrder(library));
  const avoid = statuses
    .filter((status) => status.bucket === 'avoid')
    // Drills set aside on the same day share their re-test day: then in the order they were set
    // aside (names would need the locale's collation rules, slow to load on every start). Drills
    // not in the library in use have no re-test day: they come last.
    .sort(
      (a, b) =>
        Number(b.retestDue) - Number(a.retestDue) ||
        Number(a.retestDueAt === undefined) - Number(b.retestDueAt === undefined) ||
        (a.retestDueAt !== undefined && b.retestDueAt !== undefined ? compareInstants(a.retestDueAt, b.retestDueAt) : 0) ||
        compareInstants(a.decidedAt!, b.decidedAt!) ||
        compareIds(a.exerciseId, b.exerciseId),
    );
  const untested = untestedDrills(library, observed, new Set(entries.map((entry) => entry.exerciseId)));
  return { rehab, avoid, untested };
}

/**
 * When a drill set aside at `decidedAt` is due for a re-test: from the start of the local day
 * `days` after the day of the decision. Every screen shows that date, so the drill is offered
 * all of that day, not only from the time of day it was set aside.
 */
export function retestDueAt(decidedAt: string, days: number): Date {
  const decided = new Date(decidedAt);
  return new Date(decided.getFullYear(), decided.getMonth(), decided.getDate() + days);
}

/**
 * Warm-up drills first, then the drills in the order the routines give them (each at its first
 * appearance; the joint chain runs from the feet upward), then by name for drills no routine
 * names. A routine gathered from several, as the rehab routine is, starts as a day of them does,
 * with the warm-up, whichever routine it comes from: the strength drills are never done cold.
 */
function inRoutineOrder(library: Library): (a: ExerciseStatus, b: ExerciseStatus) => number {
  const warmUps = new Set(library.exercises.filter((exercise) => exercise.category === 'warm-up').map((exercise) => exercise.id));
  const order = new Map<string, number>();
  for (const routine of library.routines) {
    for (const id of routine.exercises) if (!order.has(id)) order.set(id, order.size);
  }
  const rank = (status: ExerciseStatus) => (warmUps.has(status.exerciseId) ? 0 : 1);
  return (a, b) =>
    rank(a) - rank(b) || (order.get(a.exerciseId) ?? Infinity) - (order.get(b.exerciseId) ?? Infinity) || a.name.localeCompare(b.name);
}

/**
 * When the first drill set aside and still in the library is due for its re-test, if any is: with
 * every drill of the routines set aside and none due, the day a session has something to offer.
 */
export function firstRetestDueAt(view: BucketView): string | undefined {
  const dates = view.avoid.flatMap((status) => (status.inLibrary && status.retestDueAt !== undefined ? [status.retestDueAt] : []));
  return dates.sort(compareInstants)[0];
}

/**
 * Drills for the built-in routines of `itb session`, both in routine order and only drills still
 * in the library: 'rehab' (the rehab bucket) and 'retest' (avoided drills now due).
 */
export function builtInRoutine(name: 'rehab' | 'retest', view: BucketView, library: Library): string[] {
  const chosen = name === 'rehab' ? view.rehab : view.avoid.filter((status) => status.retestDue).sort(inRoutineOrder(library));
  return chosen.filter((status) => status.inLibrary).map((status) => status.exerciseId);
}

/**
 * The library's drill of the name a drill it does not have was tested under: most likely the
 * same drill, its id changed in one's own library file, its results still kept by the old id.
 */
export function renamedAs(status: ExerciseStatus, library: Library): Exercise | undefined {
  if (status.inLibrary) return undefined;
  return library.exercises.find((exercise) => exercise.name.toLowerCase() === status.name.toLowerCase());
}
