// Which bucket each drill is in, and the evidence behind it. The session log and the manual
// moves are the truth; buckets are projected from them, so they can always be rebuilt.
import type { Library } from '../library/schema.js';
import type { BucketEntry, ManualMove, Session, StoreData } from './records.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const time = (iso: string) => Date.parse(iso);

/**
 * Latest decision per exercise: a session result (outcome rehab/avoid; 'skipped' changes
 * nothing) or a manual move, whichever is newer by time (`result.at` vs `move.at`). A manual
 * move made at the same instant as a result wins: it only gives way to a *newer* test.
 * Decisions at or before `resetAt` (set by `itb buckets reset`) are ignored.
 */
export function projectBuckets(sessions: Session[], moves: ManualMove[], resetAt?: string): BucketEntry[] {
  const after = resetAt === undefined ? -Infinity : time(resetAt);
  // Each decision's time is kept beside it, parsed once: years of history make re-parsing slow.
  const latest = new Map<string, { entry: BucketEntry; at: number }>();
  const consider = (entry: BucketEntry) => {
    const at = time(entry.decidedAt);
    if (at <= after) return;
    const current = latest.get(entry.exerciseId);
    const newer = !current || at > current.at || (at === current.at && (entry.source === 'manual' || current.entry.source === 'session'));
    if (newer) latest.set(entry.exerciseId, { entry, at });
  };
  for (const session of sessions) {
    for (const result of session.results) {
      if (result.outcome === 'skipped') continue;
      consider({ exerciseId: result.exerciseId, bucket: result.outcome, decidedAt: result.at, source: 'session', flare: result.flare });
    }
  }
  for (const move of moves) {
    consider({
      exerciseId: move.exerciseId,
      bucket: move.bucket,
      decidedAt: move.at,
      source: 'manual',
      flare: false,
      ...(move.note !== undefined ? { note: move.note } : {}),
    });
  }
  return [...latest.values()].map(({ entry }) => entry).sort((a, b) => a.exerciseId.localeCompare(b.exerciseId));
}

export interface Evidence {
  tested: number;
  helped: number;
  meanChange: number | null;
  lastChange: number | null;
  lastTestedAt: string | null;
  flares: number;
}

export interface ExerciseStatus {
  exerciseId: string;
  /** The library's name, else the last name seen in results, else the id. */
  name: string;
  bucket: 'rehab' | 'avoid' | 'untested';
  decidedAt?: string;
  source?: 'session' | 'manual';
  flare: boolean;
  note?: string;
  /** Avoid only: decidedAt + retestAfterDays. */
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

interface Test {
  at: string;
  /** `at` as a number, parsed once: years of history make re-parsing dates the slow part. */
  atMs: number;
  helped: boolean;
  /** Score after the deciding attempt minus the `before` of its first attempt; null without attempts. */
  change: number | null;
}

interface Observed {
  tests: Test[];
  flares: number;
  lastName?: { name: string; at: number };
}

/**
 * Walks the log once. A test is one result with outcome rehab or avoid; its attempts are those
 * of the same drill in the same session up to the result, not claimed by an earlier result.
 * Attempts with no result (an interrupted drill) are no test.
 */
function observe(sessions: Session[]): Map<string, Observed> {
  const observed = new Map<string, Observed>();
  const entry = (id: string) => observed.get(id) ?? observed.set(id, { tests: [], flares: 0 }).get(id)!;
  for (const session of sessions) {
    const claimed = new Set<number>();
    const attemptTimes = session.attempts.map((attempt) => time(attempt.at));
    for (const result of session.results) {
      const seen = entry(result.exerciseId);
      const resultAt = time(result.at);
      if (!seen.lastName || resultAt >= seen.lastName.at) seen.lastName = { name: result.name, at: resultAt };
      const mine: number[] = [];
      session.attempts.forEach((attempt, index) => {
        if (claimed.has(index) || attempt.exerciseId !== result.exerciseId || attemptTimes[index]! > resultAt) return;
        claimed.add(index);
        mine.push(index);
      });
      if (result.flare) seen.flares++;
      if (result.outcome === 'skipped') continue;
      const attempts = mine.map((index) => session.attempts[index]!);
      const deciding = attempts.at(-1);
      const first = attempts.filter((attempt) => attempt.attempt === 1).at(-1);
      const change = deciding && first ? deciding.after - first.before : null;
      seen.tests.push({ at: result.at, atMs: resultAt, helped: result.outcome === 'rehab', change });
    }
  }
  return observed;
}

function evidenceOf(seen: Observed | undefined): Evidence {
  const tests = seen?.tests ?? [];
  const changes = tests.map((test) => test.change).filter((change): change is number => change !== null);
  const newest = tests.reduce<Test | undefined>((best, test) => (!best || test.atMs >= best.atMs ? test : best), undefined);
  return {
    tested: tests.length,
    helped: tests.filter((test) => test.helped).length,
    meanChange: changes.length > 0 ? roundToTenth(changes.reduce((sum, c) => sum + c, 0) / changes.length) : null,
    lastChange: newest?.change ?? null,
    lastTestedAt: newest?.at ?? null,
    flares: seen?.flares ?? 0,
  };
}

/** Half away from zero, so a mean of -0.75 reads -0.8 like +0.75 reads 0.8. */
function roundToTenth(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10 || 0;
}

/**
 * Every drill's status. Rehab in routine order (first appearance walking the library's routines
 * in order, then the rest by name); avoid with re-test info (due first, then by re-test date);
 * untested = library drills with no decision, in library order.
 */
export function bucketView(data: StoreData, library: Library, now: Date): BucketView {
  const entries = projectBuckets(data.sessions, data.moves, data.bucketsResetAt);
  const observed = observe(data.sessions);
  const names = new Map(library.exercises.map((exercise) => [exercise.id, exercise.name]));
  const retestAfterMs = data.settings.retestAfterDays * DAY_MS;

  const statusOf = (entry: BucketEntry): ExerciseStatus => {
    const status: ExerciseStatus = {
      exerciseId: entry.exerciseId,
      name: names.get(entry.exerciseId) ?? observed.get(entry.exerciseId)?.lastName?.name ?? entry.exerciseId,
      bucket: entry.bucket,
      decidedAt: entry.decidedAt,
      source: entry.source,
      flare: entry.flare,
      retestDue: false,
      evidence: evidenceOf(observed.get(entry.exerciseId)),
      inLibrary: names.has(entry.exerciseId),
    };
    if (entry.note !== undefined) status.note = entry.note;
    if (entry.bucket === 'avoid') {
      const dueAt = time(entry.decidedAt) + retestAfterMs;
      status.retestDueAt = new Date(dueAt).toISOString();
      status.retestDue = now.getTime() >= dueAt;
    }
    return status;
  };

  const statuses = entries.map(statusOf);
  const order = routineOrder(library);
  const rehab = statuses
    .filter((status) => status.bucket === 'rehab')
    .sort((a, b) => {
      const ia = order.get(a.exerciseId) ?? Infinity;
      const ib = order.get(b.exerciseId) ?? Infinity;
      return ia !== ib ? ia - ib : a.name.localeCompare(b.name);
    });
  const avoid = statuses
    .filter((status) => status.bucket === 'avoid')
    .sort((a, b) => Number(b.retestDue) - Number(a.retestDue) || time(a.retestDueAt!) - time(b.retestDueAt!) || a.name.localeCompare(b.name));
  const decided = new Set(entries.map((entry) => entry.exerciseId));
  const untested = library.exercises
    .filter((exercise) => !decided.has(exercise.id))
    .map(
      (exercise): ExerciseStatus => ({
        exerciseId: exercise.id,
        name: exercise.name,
        bucket: 'untested',
        flare: false,
        retestDue: false,
        evidence: evidenceOf(observed.get(exercise.id)),
        inLibrary: true,
      }),
    );
  return { rehab, avoid, untested };
}

/** Position of each drill at its first appearance walking the routines in order. */
function routineOrder(library: Library): Map<string, number> {
  const order = new Map<string, number>();
  for (const routine of library.routines) {
    for (const id of routine.exercises) if (!order.has(id)) order.set(id, order.size);
  }
  return order;
}

/**
 * Drills for the built-in routines of `itb session`: 'rehab' (the rehab bucket in routine order,
 * only drills still in the library) and 'retest' (avoided drills now due, in the library).
 */
export function builtInRoutine(name: 'rehab' | 'retest', data: StoreData, library: Library, now: Date): string[] {
  const view = bucketView(data, library, now);
  const chosen = name === 'rehab' ? view.rehab : view.avoid.filter((status) => status.retestDue);
  return chosen.filter((status) => status.inLibrary).map((status) => status.exerciseId);
}
