// What an update checks before it writes. Years of history are thousands of sessions, and a
// save changes one of them: the sessions read from disk were checked when they were written, so
// they are frozen (a change made to one in place throws) and only the rest of the store and the
// sessions that are new or replaced are checked again.
import { storeSchema, type Session, type StoreData } from '../core/records.js';
import { firstIssue, storeIssues } from './migrations.js';

/** Makes a session read from disk unchangeable, with its attempts and results (and what they hold). */
export function freezeSession(session: Session): Session {
  for (const attempt of session.attempts) Object.freeze(attempt);
  for (const result of session.results) Object.freeze(result);
  Object.freeze(session.attempts);
  Object.freeze(session.results);
  Object.freeze(session.thresholds);
  return Object.freeze(session);
}

/**
 * `next` checked against the store schema, as it is to be written: the parts checked come out
 * of zod (which, for one, trims the remembered movement), sessions in `unchanged` as they are.
 * Without `unchanged`, everything is checked. A store that does not pass is a mistake in itb,
 * not in the user's data: a plain Error (exit 1), and nothing is written.
 */
export function checkedForWriting(next: StoreData, unchanged?: ReadonlySet<Session>): StoreData {
  const sessions: unknown = next?.sessions;
  if (!unchanged || !Array.isArray(sessions)) return checkAll(next);

  // Positions in the store of the sessions that are checked, to name them rightly in an issue.
  const positions: number[] = [];
  const toCheck: unknown[] = [];
  sessions.forEach((session: Session, index) => {
    if (unchanged.has(session)) return;
    positions.push(index);
    toCheck.push(session);
  });
  const checked = storeSchema.safeParse({ ...next, sessions: toCheck }, storeIssues);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) =>
      issue.path[0] === 'sessions' && typeof issue.path[1] === 'number' ? { ...issue, path: ['sessions', positions[issue.path[1]]!, ...issue.path.slice(2)] } : issue,
    );
    throw refusal(firstIssue(issues));
  }
  let checkedIndex = 0;
  const written = sessions.map((session: Session) => (unchanged.has(session) ? session : checked.data.sessions[checkedIndex++]!));
  return { ...checked.data, sessions: written };
}

function checkAll(next: unknown): StoreData {
  const checked = storeSchema.safeParse(next, storeIssues);
  if (!checked.success) throw refusal(firstIssue(checked.error.issues));
  return checked.data;
}

function refusal(issue: string): Error {
  return new Error(`itb refused to save an invalid store: ${issue}`);
}
