// The drills in neither bucket: those of the library with no decision since the last `itb buckets
// reset`, and those tested only before it that the library in use does not have.
import type { Library } from '../library/schema.js';
import type { ExerciseStatus } from './buckets.js';
import { evidenceOf, type Observed } from './evidence.js';
import { recordedName } from './text.js';

/**
 * The library's drills with no decision (`decided` holds the ids of those with one), in library
 * order; then the drills tested only before the buckets were cleared that it does not have (from
 * another library file, or taken out of this one), in the order they were first tried. Those
 * keep their evidence in view as the library's do: left out, it would vanish from every list.
 */
export function untestedDrills(library: Library, observed: ReadonlyMap<string, Observed>, decided: ReadonlySet<string>): ExerciseStatus[] {
  const status = (exerciseId: string, name: string, inLibrary: boolean): ExerciseStatus => ({
    exerciseId,
    name,
    bucket: 'untested',
    flare: false,
    retestDue: false,
    evidence: evidenceOf(observed.get(exerciseId)),
    inLibrary,
  });
  const inLibrary = new Set(library.exercises.map((exercise) => exercise.id));
  const fromLibrary = library.exercises.filter((exercise) => !decided.has(exercise.id)).map((exercise) => status(exercise.id, exercise.name, true));
  const away: ExerciseStatus[] = [];
  for (const [exerciseId, seen] of observed) {
    // A test is a decision: one without a decision now was cleared by the reset.
    if (seen.tested > 0 && !decided.has(exerciseId) && !inLibrary.has(exerciseId)) away.push(status(exerciseId, recordedName(seen.lastName) ?? exerciseId, false));
  }
  return [...fromLibrary, ...away];
}
