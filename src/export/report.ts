// What every export format is made from: the store's records in the chosen period, the buckets
// as they stood at the end of it, and the library drills they mention. Built once, rendered by
// one pure function per format.
import type { AdviceLog } from '../core/advice.js';
import { bucketView, viewBuckets, type BucketSummary, type BucketView } from '../core/buckets.js';
import { localDate } from '../core/history.js';
import { compareInstants } from '../core/instant.js';
import type { ManualMove, Screening, Session, Settings, StoreData } from '../core/records.js';
import type { Exercise, Library } from '../library/schema.js';

/** Whole days in local time, inclusive; null = open. */
interface Period {
  since: string | null;
  until: string | null;
}

export interface Report {
  generatedAt: string;
  period: Period;
  /**
   * The local date of the earliest session, move or red-flag screen in the report; null without
   * any. A screen answered yes that stopped the first session can be days older than the rest.
   */
  firstDay: string | null;
  /** The time zone its dates and times are given in (an IANA name such as Europe/Paris). */
  timeZone: string;
  patientName?: string;
  /**
   * The name alone of the library file the drills' names, doses and routines were taken from (see
   * ReportOptions); undefined for the built-in library.
   */
  drillsFrom?: string;
  settings: Settings;
  /** Sessions in the period, oldest first. */
  sessions: Session[];
  moves: ManualMove[];
  /**
   * Every red-flag screen up to the end of the period, oldest first, even those made before it
   * began: the screen is asked again after a yes that stopped a session, and the later "no to
   * all" must not hide the earlier yes.
   */
  redFlagScreens: Screening[];
  bucketsResetAt?: string;
  /** The buckets as they stood at the end of the period, from all the history up to then. */
  buckets: BucketView;
  /** The sessions behind the buckets' evidence: every one up to the end of the period, in store order. */
  evidenceSessions: Session[];
  /** Library drills the sessions and moves refer to, in library order. */
  exercises: Exercise[];
  /** The routines the sessions used, library ones first in library order, by id and name. */
  routines: { id: string; name: string }[];
  /** Every drill of the library by id: the lists give a drill's dose as the library has it. */
  drillsById: ReadonlyMap<string, Exercise>;
  /**
   * adviceLog of `evidenceSessions`, when it was at hand: a report up to now, whose evidence is
   * the whole store, with or without --since.
   */
  adviceLog?: AdviceLog;
}

export interface ReportOptions {
  since?: string;
  /** The period's last day; the day of `now` or a later one leaves the period open (up to now). */
  until?: string;
  patientName?: string;
  /**
   * The library file in use, if any, by its name alone: a therapist who gave the file knows it by
   * that name, while the folders above it may hold the person's user name.
   */
  drillsFrom?: string;
  now: Date;
  /** The time zone of the dates shown (the computer's own, which localDate follows), said in the report; Intl's when left out. */
  timeZone?: string;
  /** summarizeBuckets of exactly this store, when one is at hand: spares walking the log again. */
  bucketSummary?: BucketSummary;
  /** adviceLog of exactly this store's sessions, when one is at hand; the same. */
  storeAdviceLog?: AdviceLog;
}

export function buildReport(data: StoreData, library: Library, options: ReportOptions): Report {
  const since = options.since ?? null;
  // A period that ends on the day of the report or later ends now: nothing after now is recorded
  // yet, so the report is the one up to now (and a backup so made is whole, not one of a period).
  const until = options.until !== undefined && options.until < localDate(options.now) ? options.until : null;
  const inPeriod = (iso: string) => {
    if (since === null && until === null) return true;
    const date = day(iso);
    return (since === null || date >= since) && (until === null || date <= until);
  };
  const upToEnd = (iso: string) => until === null || day(iso) <= until;
  // Ten years are thousands of sessions: comparing the timestamps' text where it can (see
  // compareInstants) keeps the sort from parsing each one again at every comparison.
  const byTime = <T>(at: (item: T) => string) => (a: T, b: T) => compareInstants(at(a), at(b));

  const sessions = data.sessions.filter((s) => inPeriod(s.startedAt)).sort(byTime((s) => s.startedAt));
  const moves = data.moves.filter((m) => inPeriod(m.at)).sort(byTime((m) => m.at));
  const redFlagScreens = data.screenings.filter((s) => upToEnd(s.at)).sort(byTime((s) => s.at));

  // The state at the end of the period: everything decided up to then, judged at that moment.
  const end = periodEnd(until, options.now);
  // Up to now, a reset dated ahead of the clock counts too, as in `itb buckets` (it clears the
  // decisions dated ahead along with the rest); a report of an earlier period ends before it.
  const resetAt = data.bucketsResetAt !== undefined && (until === null || Date.parse(data.bucketsResetAt) <= end.getTime()) ? data.bucketsResetAt : undefined;
  const history: StoreData = {
    ...data,
    sessions: data.sessions.filter((s) => upToEnd(s.startedAt)),
    moves: data.moves.filter((m) => upToEnd(m.at)),
  };
  delete history.bucketsResetAt;
  if (resetAt !== undefined) history.bucketsResetAt = resetAt;
  // A report up to now, with the reset (if any) behind us, shows the buckets of the whole store.
  const wholeStore = until === null && resetAt === data.bucketsResetAt;
  const buckets = options.bucketSummary && wholeStore ? viewBuckets(options.bucketSummary, library, end) : bucketView(history, library, end);

  const mentioned = new Set<string>();
  for (const session of sessions) {
    for (const result of session.results) mentioned.add(result.exerciseId);
    for (const attempt of session.attempts) mentioned.add(attempt.exerciseId);
  }
  for (const move of moves) mentioned.add(move.exerciseId);

  const report: Report = {
    generatedAt: options.now.toISOString(),
    period: { since, until },
    firstDay: firstOf([sessions[0]?.startedAt, moves[0]?.at, redFlagScreens[0]?.at]),
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    settings: data.settings,
    sessions,
    moves,
    redFlagScreens,
    buckets,
    evidenceSessions: history.sessions,
    exercises: library.exercises.filter((exercise) => mentioned.has(exercise.id)),
    routines: routinesUsed(sessions, library),
    drillsById: new Map(library.exercises.map((exercise) => [exercise.id, exercise])),
  };
  if (options.patientName !== undefined) report.patientName = options.patientName;
  if (options.drillsFrom !== undefined) report.drillsFrom = options.drillsFrom;
  if (options.storeAdviceLog && until === null) report.adviceLog = options.storeAdviceLog;
  if (resetAt !== undefined) report.bucketsResetAt = resetAt;
  return report;
}

/** The built-in routines, as a therapist reads them. */
const BUILT_IN_ROUTINES = [
  { id: 'rehab', name: 'the rehab bucket, the drills that had helped, warm-up drills first, then in routine order' },
  { id: 'retest', name: 'drills set aside earlier, tried again from their re-test date' },
];

function routinesUsed(sessions: Session[], library: Library): { id: string; name: string }[] {
  const used = new Set(sessions.map((session) => session.routine));
  const named = library.routines.map(({ id, name }) => ({ id, name }));
  return named.concat(BUILT_IN_ROUTINES).filter((routine) => used.has(routine.id));
}

/**
 * A drill's name by its id, from the library, else the name its latest result gave it (as `itb
 * buckets` and the report's lists name it: a drill gone from the library may have been renamed
 * in a library file before), else the id. Each source is indexed once, on first need; the
 * sessions behind the buckets' evidence hold every session of the period.
 */
export function drillNamer(report: Report): (exerciseId: string) => string {
  let library: Map<string, string> | undefined;
  let recorded: Map<string, { name: string; at: string }> | undefined;
  return (exerciseId) => {
    library ??= firstNames(report.exercises.map((exercise) => [exercise.id, exercise.name]));
    const fromLibrary = library.get(exerciseId);
    if (fromLibrary !== undefined) return fromLibrary;
    recorded ??= latestNames(report.evidenceSessions);
    return recorded.get(exerciseId)?.name ?? exerciseId;
  };
}

/** Each drill's name as its latest result gave it (the later one in the log at equal times), as the evidence takes it. */
function latestNames(sessions: Session[]): Map<string, { name: string; at: string }> {
  const names = new Map<string, { name: string; at: string }>();
  for (const session of sessions) {
    for (const { exerciseId, name, at } of session.results) {
      const seen = names.get(exerciseId);
      if (seen === undefined || compareInstants(at, seen.at) >= 0) names.set(exerciseId, { name, at });
    }
  }
  return names;
}

/** The name a drill had when the session did it, as the session recorded it; else `nameOf`'s. */
export function nameInSession(session: Session, exerciseId: string, nameOf: (exerciseId: string) => string): string {
  return session.results.find((result) => result.exerciseId === exerciseId)?.name ?? nameOf(exerciseId);
}

function firstNames(pairs: [string, string][]): Map<string, string> {
  const names = new Map<string, string>();
  for (const [id, name] of pairs) if (!names.has(id)) names.set(id, name);
  return names;
}

/** The moment a report's period ends: the end of its last day, or the time it was made if earlier. */
export function periodEnd(until: string | null, now: Date): Date {
  return until === null ? now : new Date(Math.min(now.getTime(), endOfDay(until).getTime()));
}

/** The last millisecond of a local day given as YYYY-MM-DD. */
export function endOfDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new Date(year, month - 1, day + 1).getTime() - 1);
}

/**
 * "2026-10-01 to 2026-11-20": the period asked for; open ends are the first record and the day
 * the report was made (the buckets and moves it shows reach up to then).
 */
export function periodWords(report: Report): string {
  const from = report.period.since ?? report.firstDay;
  const to = report.period.until ?? localDate(new Date(report.generatedAt));
  if (from === null) return `up to ${to}`;
  // A period asked to start after today (or records dated after it) has no end yet.
  if (from > to) return `from ${from}`;
  return dayRange(from, to);
}

/** "2026-10-01 to 2026-11-20", or "2026-10-01" when both days are one. */
export function dayRange(from: string, to: string): string {
  return from === to ? from : `${from} to ${to}`;
}

const day = (iso: string) => localDate(new Date(iso));

/** The local date of the earliest of these times; null when there is none. */
function firstOf(times: (string | undefined)[]): string | null {
  const known = times.filter((time) => time !== undefined).sort(compareInstants);
  return known.length === 0 ? null : day(known[0]!);
}
