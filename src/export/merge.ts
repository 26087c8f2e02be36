// Folding a JSON export back into the store (`itb import`). Pure: the command runs it inside
// one locked store update. Importing the same file twice changes nothing the second time.
import { projectBuckets } from '../core/projection.js';
import { compareInstants } from '../core/instant.js';
import type { BucketEntry, BucketName, ManualMove, Screening, Session, StoreData } from '../core/records.js';
import { cutOff } from '../core/session.js';
import { bucketNames } from '../core/terms.js';
import type { ParsedExport } from './schema.js';

export interface MergeOutcome {
  data: StoreData;
  sessionsAdded: number;
  sessionsPresent: number;
  /** Sessions the store held unfinished, taken further along from the file (see isEarlierView). */
  sessionsUpdated: number;
  movesAdded: number;
  /** Manual moves in the file that the store already has. */
  movesPresent: number;
  screeningsAdded: number;
  /** Red-flag screens in the file that the store already has (the same, or a fuller form of it). */
  screeningsPresent: number;
  /**
   * When the file's buckets were cleared later than the store's (or the store's never were),
   * and the store had decisions of its own: they now count only after this reset too.
   */
  resetTaken?: string;
  /**
   * When the store's buckets were cleared later than the file's (or the file's never were): the
   * sessions taken from the file with a decision made between the two resets, and the drills the
   * file's records put in a list that are untested here. Those decisions go into the history and
   * the evidence, but a list here counts only what came after this store's reset.
   */
  beforeOwnReset?: { resetAt: string; sessions: Session[]; untested: BucketEntry[] };
  /** Whether the store had no sessions: the import restores the file rather than adds to a history. */
  intoEmpty: boolean;
  /** restored: the store had no sessions, so the file's settings were taken; kept: the store's stay. */
  settings: 'restored' | 'kept' | 'same';
  /** Session ids held by both with different contents; when any, `data` is the store unchanged. */
  conflicts: string[];
  /**
   * Moves of the file that differ from a move of the store on the same drill at the same instant:
   * an edited copy of it, as no one moves a drill twice in a millisecond. When any, `data` is the
   * store unchanged.
   */
  moveConflicts: ManualMove[];
}

export function mergeExport(store: StoreData, backup: ParsedExport): MergeOutcome {
  const byId = new Map(store.sessions.map((session) => [session.id, session]));
  const conflicts: string[] = [];
  const newSessions: StoreData['sessions'] = [];
  const updated = new Map<string, Session>();
  let sessionsPresent = 0;
  for (const session of backup.sessions) {
    const mine = byId.get(session.id);
    if (!mine) {
      newSessions.push(session);
      byId.set(session.id, session);
      continue;
    }
    const [ours, theirs] = [asExported(mine), asExported(session)];
    if (canonical(ours) === canonical(theirs) || isEarlierView(theirs, ours)) sessionsPresent++;
    else if (isEarlierView(ours, theirs)) {
      updated.set(session.id, session);
      byId.set(session.id, session);
    } else if (!conflicts.includes(session.id)) conflicts.push(session.id);
  }

  const intoEmpty = store.sessions.length === 0;
  const settingsSame = canonical(store.settings) === canonical(backup.settings);
  const settings = settingsSame ? 'same' : intoEmpty ? 'restored' : 'kept';
  const newMoves = missing(store.moves, backup.moves);
  const moveConflicts = newMoves.filter((move) => store.moves.some((mine) => sameMove(mine, move)));
  if (conflicts.length > 0 || moveConflicts.length > 0) {
    const nothing = { sessionsAdded: 0, sessionsUpdated: 0, movesAdded: 0, movesPresent: 0, screeningsAdded: 0, screeningsPresent: 0 };
    return { data: store, ...nothing, sessionsPresent, intoEmpty, settings, conflicts, moveConflicts };
  }

  const screens = mergeScreenings(store.screenings, backup.screenings);
  const byTime = <T>(at: (item: T) => string) => (a: T, b: T) => Date.parse(at(a)) - Date.parse(at(b));
  // Only what was added moves anything, so a store that gains nothing keeps its exact order.
  const kept = updated.size > 0 ? store.sessions.map((session) => updated.get(session.id) ?? session) : store.sessions;
  const sessions = newSessions.length > 0 ? [...kept, ...newSessions].sort(byTime((s) => s.startedAt)) : kept;
  const moves = newMoves.length > 0 ? [...store.moves, ...newMoves].sort(byTime((m) => m.at)) : store.moves;
  const screenings = screens.added > 0 ? screens.screenings.sort(byTime((s) => s.at)) : store.screenings;
  const bucketsResetAt = later(store.bucketsResetAt, backup.bucketsResetAt);

  const data: StoreData = {
    ...store,
    settings: settings === 'restored' ? backup.settings : store.settings,
    sessions,
    moves,
    screenings,
    buckets: projectBuckets(sessions, moves, bucketsResetAt),
  };
  delete data.bucketsResetAt;
  if (bucketsResetAt !== undefined) data.bucketsResetAt = bucketsResetAt;
  const hadDecisions = store.sessions.length > 0 || store.moves.length > 0;
  const taken = bucketsResetAt !== store.bucketsResetAt && hadDecisions ? { resetTaken: bucketsResetAt } : {};
  const hidden = ownResetHides(store.bucketsResetAt, backup, [...newSessions, ...updated.values()], data.buckets);
  return {
    data,
    ...taken,
    ...(hidden === undefined ? {} : { beforeOwnReset: hidden }),
    sessionsAdded: newSessions.length,
    sessionsPresent,
    sessionsUpdated: updated.size,
    movesAdded: newMoves.length,
    movesPresent: backup.moves.length - newMoves.length,
    screeningsAdded: screens.added,
    screeningsPresent: backup.screenings.length - screens.added,
    intoEmpty,
    settings,
    conflicts,
    moveConflicts,
  };
}

/**
 * What the store's own reset hides of the file, when it is later than the file's: the sessions of
 * `taken` (those the import adds) with a decision between the two resets, which the other computer
 * counted in its lists and this one does not; and the drills the file's records put in a list that
 * are in none of `buckets` (the store's, merged). A reset the file shares hid them there too.
 */
function ownResetHides(ownReset: string | undefined, backup: ParsedExport, taken: Session[], buckets: BucketEntry[]): MergeOutcome['beforeOwnReset'] {
  const fileReset = backup.bucketsResetAt;
  if (ownReset === undefined || (fileReset !== undefined && compareInstants(fileReset, ownReset) >= 0)) return undefined;
  const hidden = (at: string) => compareInstants(at, ownReset) <= 0 && (fileReset === undefined || compareInstants(at, fileReset) > 0);
  const sessions = taken
    .filter((session) => session.results.some((result) => result.outcome !== 'skipped' && hidden(result.at)))
    .sort((a, b) => compareInstants(a.startedAt, b.startedAt));
  if (sessions.length === 0) return undefined;
  const listedHere = new Set(buckets.map((entry) => entry.exerciseId));
  const untested = projectBuckets(backup.sessions, backup.moves, fileReset).filter((entry) => !listedHere.has(entry.exerciseId));
  return { resetAt: ownReset, sessions, untested };
}

/** Whether two moves are of the same drill at the same instant: one move, whatever else they say. */
export function sameMove(a: ManualMove, b: ManualMove): boolean {
  return a.exerciseId === b.exerciseId && compareInstants(a.at, b.at) === 0;
}

/**
 * A session as an export shows it. One left in progress by a crash is exported cut off, while
 * the store keeps it in progress until the next session starts: both are the same session.
 */
function asExported(session: Session): Session {
  return session.status === 'in-progress' ? cutOff(session) : session;
}

/** A drill that a backup's lists show in another bucket than its sessions and moves put it in. */
export interface ListedElsewhere {
  exerciseId: string;
  listed: BucketName | 'untested';
  decided: BucketName | 'untested';
}

/**
 * The drills whose bucket in the file's lists is not the one its own sessions and moves give:
 * the lists were changed by hand, or records taken out. An import rebuilds the buckets from the records, so such a
 * change is not taken. A backup of a period from a later day on has lists built from earlier
 * records it does not hold, so its lists are not compared.
 */
export function editedBucketLists(backup: ParsedExport): ListedElsewhere[] {
  if (backup.period.since !== null) return [];
  const decided = new Map(projectBuckets(backup.sessions, backup.moves, backup.bucketsResetAt).map((entry) => [entry.exerciseId, entry.bucket]));
  const listed = new Map<string, BucketName>();
  for (const bucket of bucketNames) for (const exerciseId of backup.buckets[bucket]) listed.set(exerciseId, bucket);
  return [...new Set([...listed.keys(), ...decided.keys()])].flatMap((exerciseId): ListedElsewhere[] => {
    const drill: ListedElsewhere = { exerciseId, listed: listed.get(exerciseId) ?? 'untested', decided: decided.get(exerciseId) ?? 'untested' };
    return drill.listed === drill.decided ? [] : [drill];
  });
}

/** The fields in which the store's version of a session or move and the file's differ, as an export shows both. */
export function differingFields<T extends Session | ManualMove>(mine: T, theirs: T): string[] {
  const ours: Record<string, unknown> = 'id' in mine ? asExported(mine) : mine;
  const other: Record<string, unknown> = 'id' in theirs ? asExported(theirs) : theirs;
  const fields = new Set([...Object.keys(ours), ...Object.keys(other)]);
  return [...fields].filter((field) => canonical(ours[field]) !== canonical(other[field]));
}

/**
 * Whether `earlier` is `later` as it stood part-way through: the same session, left unfinished
 * (in progress, or interrupted) with the first of `later`'s answers. A backup made while a session
 * ran holds it so, and so does a store restored from one; the session went on elsewhere.
 */
function isEarlierView(earlier: Session, later: Session): boolean {
  if (earlier.status !== 'in-progress' && earlier.status !== 'interrupted') return false;
  const startOf = <T>(list: T[], whole: T[]) => list.length <= whole.length && list.every((item, i) => canonical(item) === canonical(whole[i]));
  // What a session's answers change: its end, its answers, and whether a loading drill was done.
  const fixed = ({ status: _status, endedAt: _endedAt, baseline: _baseline, loading: _loading, attempts: _attempts, results: _results, ...rest }: Session) =>
    canonical(rest);
  return (
    fixed(earlier) === fixed(later) &&
    (earlier.baseline === undefined || earlier.baseline === later.baseline) &&
    (!earlier.loading || later.loading) &&
    startOf(earlier.attempts, later.attempts) &&
    startOf(earlier.results, later.results)
  );
}

/**
 * The store's red-flag screens with the file's. A screen is saved as each answer is given, under
 * the instant it began, so a backup made part way through holds it with fewer answers (or not yet
 * gone on): the same screen, kept once, in its fuller form. `added` counts the screens that were
 * new or brought up to date.
 */
function mergeScreenings(existing: Screening[], incoming: Screening[]): { screenings: Screening[]; added: number } {
  const screenings = [...existing];
  let added = 0;
  for (const screen of missing(existing, incoming)) {
    const same = screenings.findIndex((mine) => isEarlierScreen(screen, mine) || isEarlierScreen(mine, screen));
    if (same < 0) screenings.push(screen);
    else if (isEarlierScreen(screenings[same]!, screen)) screenings[same] = screen;
    else continue;
    added++;
  }
  return { screenings, added };
}

/** Whether `earlier` is `later` as it stood part way: begun at the same instant, with some of its answers, the same. */
function isEarlierScreen(earlier: Screening, later: Screening): boolean {
  const given = Object.entries(earlier.answers);
  const sameSoFar = earlier.at === later.at && given.every(([flag, answer]) => later.answers[flag as keyof Screening['answers']] === answer);
  // With the same answers, the later one is the screen after the person chose to go on anyway.
  const fewer = given.length < Object.keys(later.answers).length;
  return sameSoFar && (!earlier.proceeded || later.proceeded) && (fewer || earlier.proceeded !== later.proceeded);
}

/** Items of `incoming` with no equal item in `existing` (nor earlier in `incoming`). */
function missing<T>(existing: T[], incoming: T[]): T[] {
  const seen = new Set(existing.map(canonical));
  return incoming.filter((item) => {
    const key = canonical(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** JSON with keys sorted at every level, so equal records compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
