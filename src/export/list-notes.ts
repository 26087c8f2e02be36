// The notes beside a drill in the lists (why it is there, its re-test) and under the lists (a
// reset, evidence that mixes ratings or thresholds), as the reports and `itb buckets` say them.
import type { ExerciseStatus } from '../core/buckets.js';
import type { EarlierMove } from '../core/earlier-move.js';
import { localDate, type ThresholdsUsed } from '../core/history.js';
import { compareInstants } from '../core/instant.js';
import type { ManualMove } from '../core/records.js';
import { orList } from '../core/terms.js';

const day = (iso: string): string => localDate(new Date(iso));

/**
 * Why a drill sits where it does: a flare, a move by hand, not in the library the report was made
 * with (which may be another than the one it was tested with: the log does not keep which). Its
 * note is said apart.
 */
export function flagWords(status: ExerciseStatus): string[] {
  const flags: string[] = [];
  if (status.flare) flags.push('set aside after a flare');
  if (status.source === 'manual') flags.push(`moved by hand${status.decidedAt ? ` on ${day(status.decidedAt)}` : ''}`);
  if (!status.inLibrary) flags.push('not in the exercise library this report was made with');
  return flags;
}

/**
 * A drill moved by hand, then tested again: the test put it where it is, but the move's reason
 * (a therapist's, say) may still matter, for as long as `itb buckets` keeps it in view
 * (earlierMoveInView). Said before its note, and `then tested again` after it (earlierMoveTail):
 * a note after the test would read as said of the test, whose result may say the opposite.
 */
export function earlierMoveWords(move: EarlierMove): string {
  return `moved by hand to ${move.bucket === 'rehab' ? 'rehab' : 'avoid for now'} on ${day(move.at)}`;
}

/** What follows the note of a drill's earlier move (see earlierMoveWords). */
export const EARLIER_MOVE_TAIL = 'then tested again';

/** "re-test due (since 2026-11-01)" or "re-test from 2026-12-01". */
export function retestWords(status: ExerciseStatus): string | undefined {
  if (!status.retestDueAt) return undefined;
  return status.retestDue ? `re-test due (since ${day(status.retestDueAt)})` : `re-test from ${day(status.retestDueAt)}`;
}

/** Where a move put a drill; a move the buckets were cleared after no longer counts, and says so. */
export function movedToWords(move: ManualMove, resetAt: string | undefined): string {
  const to = move.bucket === 'rehab' ? 'rehab' : 'avoid for now';
  return resetAt !== undefined && compareInstants(move.at, resetAt) <= 0 ? `${to} (until the buckets were cleared on ${day(resetAt)})` : to;
}

/** Said under the buckets when a `buckets reset` lies behind them: the lists start again there, the evidence does not. */
export function resetWords(resetAt: string | undefined): string | undefined {
  if (resetAt === undefined) return undefined;
  return `The buckets were cleared on ${day(resetAt)}: only what was decided since then puts a drill in a list, while the evidence counts every test.`;
}

/** Said with the buckets when their evidence spans scores that do not compare (see ratingsMix). */
export function mixedRatingsWords(ratingsMix: boolean): string | undefined {
  if (!ratingsMix) return undefined;
  return 'The evidence counts every test of a drill, whatever its session rated: these sessions rated more than one symptom or test movement, so a mean change may mix scores that do not compare (the trends keep them apart).';
}

/**
 * Said with the buckets when their evidence counts tests judged by more than one threshold (see
 * thresholdsUsed): a "helped" of one rule is not one of the other. `itb`: how to start it.
 */
export function mixedThresholdsWords({ minImprovement, flareRise }: ThresholdsUsed, itb: string): string | undefined {
  const points = (values: number[]) => `${orList(values.map(String))} points`;
  const mixed = [
    ...(minImprovement.length > 1 ? [`a drill helped when the score fell by at least ${points(minImprovement)}`] : []),
    // "at least 3 or 4 points", as for help: not "3 or 4 points or more", which reads as three choices.
    ...(flareRise.length > 1 ? [`a flare-up was a rise of at least ${points(flareRise)}`] : []),
  ];
  if (mixed.length === 0) return undefined;
  return `The evidence counts tests judged by different thresholds (a setting changed in between, or sessions from another computer): ${mixed.join('; ')}. A report (\`${itb} export\`) says which sessions went by which.`;
}
