// A drill's dose as the md and html reports give it in their lists, with the side it is done on:
// what the person is asked to do, for the therapist to judge beside its evidence. It is the
// library's as the report is made, as a session would show it next.
import type { Exercise } from '../library/schema.js';
import { describeDose } from '../ui/describe.js';
import type { Report } from './report.js';

const SIDE_WORDS: Record<Exclude<Exercise['side'], 'both'>, string> = {
  painful: ', on the painful side',
  opposite: ', on the side opposite the pain',
  none: '',
};

/** "dose 1 set × 10 reps, on the painful side"; undefined for a drill the library no longer has. */
export function doseWords(report: Pick<Report, 'drillsById'>, exerciseId: string): string | undefined {
  const exercise = report.drillsById.get(exerciseId);
  if (exercise === undefined) return undefined;
  // A dose per side already says that each side gets it.
  const side = exercise.side === 'both' ? (exercise.dose.perSide ? '' : ', both sides at once') : SIDE_WORDS[exercise.side];
  return `dose ${describeDose(exercise.dose)}${side}`;
}
