// A drill moved by hand with a note (a therapist's reason, say), then tested again: the test
// decides its bucket, and the move gives way. Its reason may still matter while the drill is
// being tried again, so the lists keep it in view as an earlier move, until the tests since have
// had their say (earlierMoveInView).
import { compareInstants } from './instant.js';
import type { BucketEntry, BucketName, ManualMove, Session } from './records.js';

export interface EarlierMove {
  bucket: BucketName;
  at: string;
  note: string;
  /** The tests of the drill since the move: at least the one that decided after it. */
  testedSince: number;
}

/**
 * Tests since the move after which its note is left off the lists. The first test after it puts
 * the drill where that test says, and the move's reason is worth seeing beside that new result; a
 * second one confirms it or not. By the third, the drill has a record of its own since the move,
 * and a note from then would only crowd the screen for good: years on, a drill tested hundreds
 * of times would still show it. The reports keep every move in their "Moved by hand" table.
 */
const TESTS_WITH_EARLIER_MOVE = 2;

/** Whether the lists still show the move's note (see TESTS_WITH_EARLIER_MOVE). */
export function earlierMoveInView(move: EarlierMove): boolean {
  return move.testedSince <= TESTS_WITH_EARLIER_MOVE;
}

/**
 * For each drill whose latest decision is a session's (`entries`, as projectBuckets gives them),
 * the latest move by hand before it, when that move has a note, with the tests of the drill in
 * `sessions` since. Moves at or before `resetAt` are left out, as the lists leave them out; and a
 * later move without a note took back the earlier one's reason, so only the latest move counts.
 */
export function earlierMoves(entries: readonly BucketEntry[], moves: readonly ManualMove[], sessions: readonly Session[], resetAt?: string): [exerciseId: string, EarlierMove][] {
  const latest = new Map<string, ManualMove>();
  for (const move of moves) {
    if (resetAt !== undefined && compareInstants(move.at, resetAt) <= 0) continue;
    // Of two moves of the same instant, the later in the log counts, as in projectBuckets.
    const kept = latest.get(move.exerciseId);
    if (kept === undefined || compareInstants(move.at, kept.at) >= 0) latest.set(move.exerciseId, move);
  }
  const noted = new Map<string, EarlierMove>();
  for (const entry of entries) {
    const move = entry.source === 'session' ? latest.get(entry.exerciseId) : undefined;
    if (move?.note !== undefined) noted.set(entry.exerciseId, { bucket: move.bucket, at: move.at, note: move.note, testedSince: 0 });
  }
  // Most logs have none: years of results are walked only for a drill that has one.
  if (noted.size > 0) {
    for (const session of sessions) {
      for (const result of session.results) {
        const move = noted.get(result.exerciseId);
        // A result of the very instant of the move gave way to it (projectBuckets): not a test since.
        if (move !== undefined && result.outcome !== 'skipped' && compareInstants(result.at, move.at) > 0) move.testedSince++;
      }
    }
  }
  return [...noted];
}
