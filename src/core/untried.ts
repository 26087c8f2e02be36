// The drills of the routines never tested, and the routine a session tests them with: the one the
// "Next" lines of a session's summary and of `itb buckets` name, so that the command they give
// runs a routine that has them (plain `itb session` offers the latest routine first).
import type { Library } from '../library/schema.js';
import { routineReadyAt, type Advice } from './advice.js';
import type { BucketView } from './buckets.js';

export interface UntriedRoutine {
  /** The routine to run them with, as `itb session <routine>` takes it. */
  routine: string;
  /** Its untested drills, in routine order. */
  ids: string[];
  /** The untested drills of all the routines, each counted once: these and the others. */
  total: number;
  /** Some of the routines' untested drills were tested before `buckets reset`: tried, so not "not tried yet". */
  testedBefore: boolean;
}

/**
 * The first routine in library order that holds untested drills, other than `skip` (a routine the
 * summary offers to go on with already). One whose untested drills are all strength drills while
 * the 48 hours since the last strength session run comes after any that can test some today: run
 * now, it would leave them all out. Undefined when no routine but `skip` holds any.
 */
export function untriedRoutine(view: BucketView, library: Library, advice: readonly Advice[], now: Date, skip?: string): UntriedRoutine | undefined {
  const untested = new Map(view.untested.map((status) => [status.exerciseId, status]));
  const loading = new Map(library.exercises.map((exercise) => [exercise.id, exercise.loading]));
  const inRoutines = new Set(library.routines.flatMap((routine) => routine.exercises).filter((id) => untested.has(id)));
  const holding = library.routines
    .filter((routine) => routine.id !== skip)
    .map((routine) => ({ routine: routine.id, ids: [...new Set(routine.exercises)].filter((id) => untested.has(id)) }))
    .filter((candidate) => candidate.ids.length > 0);
  const waits = (candidate: { routine: string; ids: string[] }) =>
    routineReadyAt(advice, candidate.ids.map((id) => loading.get(id) === true), now, candidate.routine) instanceof Date;
  const chosen = holding.find((candidate) => !waits(candidate)) ?? holding[0];
  if (chosen === undefined) return undefined;
  // Said of the count of all the routines' too: one tried before among them, and they are not all "not tried yet".
  const testedBefore = [...inRoutines].some((id) => (untested.get(id)?.evidence.tested ?? 0) > 0);
  return { ...chosen, total: inRoutines.size, testedBefore };
}

/**
 * "5 drills not tried yet", or "5 of 27 drills not tried yet" when other routines hold more: the
 * routine's untested drills, of all the routines'. "Untested" for drills tested before `buckets
 * reset` (listed as such): they were tried. Short, for a line of 80 columns beside the command.
 */
export function untriedWords(untried: UntriedRoutine): string {
  const count = untried.ids.length;
  const of = untried.total > count ? `${count} of ${untried.total}` : `${count}`;
  const drills = untried.total === 1 ? 'drill' : 'drills';
  return untried.testedBefore ? `${of} untested ${drills}` : `${of} ${drills} not tried yet`;
}
