// Drills a session set aside that already were set aside when it started (a re-test that found
// no change): counted apart, so that a session table's "24 set aside" does not read as 24 new ones.
import { compareInstants } from './instant.js';
import type { ManualMove, Session } from './records.js';

/** Of a session's drills set aside, those that already were when it started: kept aside, not newly set aside. */
export interface KeptAside {
  aside: number;
  /** Of `aside`: drills stopped as a flare-up this time. */
  flares: number;
}

/**
 * For each session (by id) that set aside drills already set aside when it started — a re-test
 * that found no change, say — how many, so that "24 set aside" does not read as 24 new ones.
 * A drill's bucket at the start is its latest decision before then, a session result or a move
 * by hand (a move wins a tie); a `buckets reset` before the session clears every earlier one.
 * The session's own results never count among those: a clock set back during it can date one
 * before its start, and that drill was still set aside by this session, not before it.
 */
export function keptAside(sessions: readonly Session[], moves: readonly ManualMove[], resetAt?: string): Map<string, KeptAside> {
  const decisions = new Map<string, Decision[]>();
  const decide = (exerciseId: string, at: string, aside: boolean, session: Session | undefined) => {
    let list = decisions.get(exerciseId);
    if (list === undefined) decisions.set(exerciseId, (list = []));
    list.push([at, aside, session === undefined, session]);
  };
  for (const session of sessions) {
    for (const result of session.results) if (result.outcome !== 'skipped') decide(result.exerciseId, result.at, result.outcome === 'avoid', session);
  }
  for (const move of moves) decide(move.exerciseId, move.at, move.bucket === 'avoid', undefined);
  for (const list of decisions.values()) list.sort((a, b) => compareInstants(a[0], b[0]) || Number(a[2]) - Number(b[2]));

  const kept = new Map<string, KeptAside>();
  for (const session of sessions) {
    const from = resetAt !== undefined && compareInstants(resetAt, session.startedAt) < 0 ? resetAt : undefined;
    let count: KeptAside | undefined;
    for (const result of session.results) {
      if (result.outcome !== 'avoid' || !asideAt(decisions.get(result.exerciseId)!, session, from)) continue;
      count ??= { aside: 0, flares: 0 };
      count.aside++;
      if (result.flare) count.flares++;
    }
    if (count !== undefined) kept.set(session.id, count);
  }
  return kept;
}

/** A drill's decision: [when, set aside?, by hand?, the session of a result]; each drill's kept oldest first. */
type Decision = [string, boolean, boolean, Session | undefined];

/**
 * Whether the latest of `list` (sorted) before `session` started, and after `from` if given, set
 * the drill aside, leaving out the session's own results.
 */
function asideAt(list: Decision[], session: Session, from: string | undefined): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareInstants(list[middle]![0], session.startedAt) < 0) low = middle + 1;
    else high = middle;
  }
  while (low > 0 && list[low - 1]![3] === session) low--;
  const latest = list[low - 1];
  return latest !== undefined && latest[1] && (from === undefined || compareInstants(latest[0], from) > 0);
}
