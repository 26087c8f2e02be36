// Folding a JSON export back into the store (`itb import`). Pure: the command runs it inside
// one locked store update. Importing the same file twice changes nothing the second time.
import { projectBuckets } from '../core/buckets.js';
import type { Session, StoreData } from '../core/records.js';
import { cutOff } from '../core/session.js';
import type { ParsedExport } from './schema.js';

export interface MergeOutcome {
  data: StoreData;
  sessionsAdded: number;
  sessionsPresent: number;
  movesAdded: number;
  screeningsAdded: number;
  /** restored: the store had no sessions, so the file's settings were taken; kept: the store's stay. */
  settings: 'restored' | 'kept' | 'same';
  /** Session ids held by both with different contents; when any, `data` is the store unchanged. */
  conflicts: string[];
}

export function mergeExport(store: StoreData, backup: ParsedExport): MergeOutcome {
  const byId = new Map(store.sessions.map((session) => [session.id, session]));
  const conflicts: string[] = [];
  const newSessions: StoreData['sessions'] = [];
  let sessionsPresent = 0;
  for (const session of backup.sessions) {
    const mine = byId.get(session.id);
    if (!mine) {
      newSessions.push(session);
      byId.set(session.id, session);
    } else if (canonical(asExported(mine)) === canonical(asExported(session))) sessionsPresent++;
    else if (!conflicts.includes(session.id)) conflicts.push(session.id);
  }

  const settingsSame = canonical(store.settings) === canonical(backup.settings);
  const settings = settingsSame ? 'same' : store.sessions.length === 0 ? 'restored' : 'kept';
  if (conflicts.length > 0) {
    return { data: store, sessionsAdded: 0, sessionsPresent, movesAdded: 0, screeningsAdded: 0, settings, conflicts };
  }

  const newMoves = missing(store.moves, backup.moves);
  const newScreenings = missing(store.screenings, backup.screenings);
  const byTime = <T>(at: (item: T) => string) => (a: T, b: T) => Date.parse(at(a)) - Date.parse(at(b));
  // Only what was added moves anything, so a store that gains nothing keeps its exact order.
  const sessions = newSessions.length > 0 ? [...store.sessions, ...newSessions].sort(byTime((s) => s.startedAt)) : store.sessions;
  const moves = newMoves.length > 0 ? [...store.moves, ...newMoves].sort(byTime((m) => m.at)) : store.moves;
  const screenings = newScreenings.length > 0 ? [...store.screenings, ...newScreenings].sort(byTime((s) => s.at)) : store.screenings;
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
  return {
    data,
    sessionsAdded: newSessions.length,
    sessionsPresent,
    movesAdded: newMoves.length,
    screeningsAdded: newScreenings.length,
    settings,
    conflicts,
  };
}

/**
 * A session as an export shows it. One left in progress by a crash is exported cut off, while
 * the store keeps it in progress until the next session starts: both are the same session.
 */
function asExported(session: Session): Session {
  return session.status === 'in-progress' ? cutOff(session) : session;
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
