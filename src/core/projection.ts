// The latest decision on each drill, by a session's test or a move by hand: the buckets as the
// log and the moves say, so that they can always be rebuilt.
import { compareInstants } from './instant.js';
import type { BucketEntry, BucketName, ExerciseResult, ManualMove, Session } from './records.js';

/**
 * Latest decision per exercise: a session result (outcome rehab/avoid; 'skipped' changes
 * nothing) or a manual move, whichever is newer by time (`result.at` vs `move.at`). A manual
 * move made at the same instant as a result wins: it only gives way to a *newer* test.
 * Decisions at or before `resetAt` (set by `itb buckets reset`) are ignored.
 */
export function projectBuckets(sessions: Session[], moves: ManualMove[], resetAt?: string): BucketEntry[] {
  // The deciding record per drill, kept by reference: years of history hold tens of thousands
  // of results, and an entry is built only for the few that end up deciding.
  const latest = new Map<string, ExerciseResult | ManualMove>();
  for (const session of sessions) {
    for (const result of session.results) {
      if (result.outcome !== 'skipped') considerResult(latest, result, resetAt);
    }
  }
  for (const move of moves) considerMove(latest, move, resetAt);
  return entriesOf(latest);
}

/**
 * `entries` (a projection of some log) updated with the results of one more session, so that
 * saving a score does not walk years of history again. It equals `projectBuckets` of the log
 * with `session` added at its end, or with `session` replacing an earlier state of itself that
 * held the same results and fewer: a session only ever gains results.
 */
export function applySessionResults(entries: readonly BucketEntry[], session: Session, resetAt?: string): BucketEntry[] {
  const latest = new Map<string, ExerciseResult | ManualMove | BucketEntry>(entries.map((entry) => [entry.exerciseId, entry]));
  for (const result of session.results) {
    if (result.outcome !== 'skipped') considerResult(latest, result, resetAt);
  }
  return entriesOf(latest);
}

/**
 * `session` as it is to be saved, its new results dated so that each counts as what it is: the
 * latest decision on its drill. A result dated at or before the decision it replaces, or at or
 * before the reset, is dated just after it: that one is dated ahead of the clock (set back since,
 * or a backup came from a computer whose clock ran ahead), and would otherwise outrank every
 * session until then, whatever it found. The attempts keep the times they were rated at.
 * `entries`: the buckets as saved, with `stored` (this session as saved before, if it was) in them;
 * its results (a session only gains results) keep the dates they were saved with.
 */
export function datedToCount(entries: readonly BucketEntry[], session: Session, stored: Session | undefined, resetAt?: string): Session {
  const latest = new Map(entries.map((entry) => [entry.exerciseId, Date.parse(entry.decidedAt)]));
  const reset = resetAt === undefined ? -Infinity : Date.parse(resetAt);
  const saved = stored?.results ?? [];
  const results = session.results.map((result, index) => {
    const savedAt = saved[index]?.at;
    if (savedAt !== undefined) return savedAt === result.at ? result : { ...result, at: savedAt };
    if (result.outcome === 'skipped') return result;
    const replaced = Math.max(reset, latest.get(result.exerciseId) ?? -Infinity);
    const at = Date.parse(result.at) > replaced ? result.at : new Date(replaced + 1).toISOString();
    latest.set(result.exerciseId, Date.parse(at));
    return at === result.at ? result : { ...result, at };
  });
  return results.every((result, index) => result === session.results[index]) ? session : { ...session, results };
}

export type Decision = ExerciseResult | ManualMove | BucketEntry;

const decidedAt = (decision: Decision) => ('decidedAt' in decision ? decision.decidedAt : decision.at);
const isManual = (decision: Decision) => ('source' in decision ? decision.source === 'manual' : 'bucket' in decision);

export function considerResult(latest: Map<string, Decision>, result: ExerciseResult, resetAt: string | undefined): void {
  if (resetAt !== undefined && compareInstants(result.at, resetAt) <= 0) return;
  const current = latest.get(result.exerciseId);
  if (current) {
    // A result replaces a result of the same instant (the later one in the log), not a move.
    const order = compareInstants(result.at, decidedAt(current));
    if (order < 0 || (order === 0 && isManual(current))) return;
  }
  latest.set(result.exerciseId, result);
}

export function considerMove(latest: Map<string, Decision>, move: ManualMove, resetAt: string | undefined): void {
  if (resetAt !== undefined && compareInstants(move.at, resetAt) <= 0) return;
  const current = latest.get(move.exerciseId);
  if (current && compareInstants(move.at, decidedAt(current)) < 0) return;
  // Kept in "avoid for now" by hand after a flare-up, a drill was still set aside after one: a
  // therapist reading the list must see why.
  const afterFlare = move.bucket === 'avoid' && current !== undefined && 'flare' in current && current.flare && bucketOf(current) === 'avoid';
  latest.set(move.exerciseId, afterFlare ? { ...entryOf(move), flare: true } : move);
}

const bucketOf = (decision: Decision) => ('outcome' in decision ? decision.outcome : decision.bucket);

export function entriesOf(latest: Map<string, Decision>): BucketEntry[] {
  const entries: BucketEntry[] = [];
  for (const decision of latest.values()) entries.push(entryOf(decision));
  return entries.sort((a, b) => compareIds(a.exerciseId, b.exerciseId));
}

const plainId = /^[a-z0-9-]*$/;

/**
 * localeCompare order. For ids of lowercase letters, digits and hyphens (all the library allows)
 * that is the order of their characters, which is compared without loading the locale's
 * collation rules first (a few milliseconds every time itb starts).
 */
export function compareIds(a: string, b: string): number {
  if (plainId.test(a) && plainId.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

function entryOf(decision: Decision): BucketEntry {
  if ('source' in decision) return decision;
  if ('outcome' in decision) {
    return { exerciseId: decision.exerciseId, bucket: decision.outcome as BucketName, decidedAt: decision.at, source: 'session', flare: decision.flare };
  }
  return {
    exerciseId: decision.exerciseId,
    bucket: decision.bucket,
    decidedAt: decision.at,
    source: 'manual',
    flare: false,
    ...(decision.note !== undefined ? { note: decision.note } : {}),
  };
}
