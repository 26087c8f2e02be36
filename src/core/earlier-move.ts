// A drill moved by hand with a note (a therapist's reason, say), then tested again: the test
// decides its bucket, and the move gives way. Its reason may still matter while the drill is
// being tried again, so the lists keep it in view as an earlier move.
import { compareInstants } from './instant.js';
import type { BucketEntry, BucketName, ManualMove } from './records.js';

export interface EarlierMove {
  bucket: BucketName;
  at: string;
  note: string;
}

/**
 * For each drill whose latest decision is a session's (`entries`, as projectBuckets gives them),
 * the latest move by hand before it, when that move has a note. Moves at or before `resetAt` are
 * left out, as the lists leave them out; and a later move without a note took back the earlier
 * one's reason, so only the latest move counts.
 */
export function earlierMoves(entries: readonly BucketEntry[], moves: readonly ManualMove[], resetAt?: string): [exerciseId: string, EarlierMove][] {
  const latest = new Map<string, ManualMove>();
  for (const move of moves) {
    if (resetAt !== undefined && compareInstants(move.at, resetAt) <= 0) continue;
    // Of two moves of the same instant, the later in the log counts, as in projectBuckets.
    const kept = latest.get(move.exerciseId);
    if (kept === undefined || compareInstants(move.at, kept.at) >= 0) latest.set(move.exerciseId, move);
  }
  return entries.flatMap((entry) => {
    const move = entry.source === 'session' ? latest.get(entry.exerciseId) : undefined;
    return move?.note === undefined ? [] : [[entry.exerciseId, { bucket: move.bucket, at: move.at, note: move.note }]];
  });
}
