// Going on with a routine left part way: a phone call, Ctrl-C or "Stop the session here" ends a
// session with drills still to do, and the person comes back to the same routine later that day.
import { localDate } from './history.js';
import { compareInstants } from './instant.js';
import type { PainfulSide, Session } from './records.js';
import { cutOff } from './session.js';

export interface PartWay {
  /** The sessions of the routine today since it was last done to its end, newest first. */
  sessions: Session[];
  /** The drills those sessions got through (scored to a verdict, or skipped): id and name, in the order done. */
  passed: Map<string, string>;
  /** When the routine was left: the last answer of the latest of those sessions. */
  leftAt: string;
}

/**
 * The routine `routine` as left part way earlier on the person's local day of `now`, if it was:
 * its latest session today ended before its last drill (stopped, interrupted, or cut off by a
 * crash). A session that went through to the end starts the routine afresh, so the sessions
 * before it do not count. A drill tried once whose retry was still to come was not got through.
 */
export function leftPartWay(sessions: readonly Session[], routine: string, now: Date): PartWay | undefined {
  const today = localDate(now);
  const earlierToday = sessions
    .filter((session) => session.routine === routine && compareInstants(session.startedAt, now.toISOString()) <= 0 && localDate(new Date(session.startedAt)) === today)
    .sort((a, b) => compareInstants(b.startedAt, a.startedAt));
  const partWay: Session[] = [];
  for (const session of earlierToday) {
    if (session.status === 'completed') break;
    partWay.push(session);
  }
  const passed = new Map(partWay.toReversed().flatMap((session) => session.results.map((result) => [result.exerciseId, result.name] as const)));
  if (passed.size === 0) return undefined;
  // A session cut off by a crash has no end yet: it ended at its last answer.
  const latest = partWay[0]!;
  return { sessions: partWay, passed, leftAt: latest.endedAt ?? cutOff(latest).endedAt! };
}

/**
 * A routine's sessions on one painful side as the advice log keeps them (AdviceLog), one entry of
 * each list for each session: a routine goes on only from a part done on the same side.
 */
export interface RoutineLog {
  routine: string;
  side: PainfulSide;
  /** When each started, in ms since 1970 (UTC). */
  startedMs: number[];
  /** Whether each went through to the routine's end. */
  completed: boolean[];
  /** How many drills each got through (scored to a verdict, or skipped). */
  gotThrough: number[];
  /**
   * The drills each tried (scored at least once), by id: none kept for one gone through to the
   * end, which no part-way run goes back past.
   */
  tried: string[][];
}

/**
 * The sessions of the routine as left part way today (those of leftPartWay, found by the same
 * rule from what the advice log keeps): when they started and the drills they tried; undefined
 * when it was not left so.
 */
export function partWayStarts(log: RoutineLog, now: Date): { startedMs: number[]; tried: Set<string> } | undefined {
  const today = localDate(now);
  const earlierToday = log.startedMs
    .map((startedMs, index) => ({ startedMs, index }))
    .filter(({ startedMs }) => startedMs <= now.getTime() && localDate(new Date(startedMs)) === today)
    .sort((a, b) => b.startedMs - a.startedMs);
  const starts: number[] = [];
  const tried = new Set<string>();
  let gotThrough = 0;
  for (const { startedMs, index } of earlierToday) {
    if (log.completed[index]) break;
    starts.push(startedMs);
    for (const id of log.tried[index]!) tried.add(id);
    gotThrough += log.gotThrough[index]!;
  }
  return gotThrough > 0 ? { startedMs: starts, tried } : undefined;
}
