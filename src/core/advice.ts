// Advice the source articles give, shown when the log says it applies (PRODUCT §4.7).
import { localDateTime, whatWasRated } from './history.js';
import type { Session, StoreData } from './records.js';

/** What advice needs from one session: kept in the store's summary for each session of the log. */
export interface SessionMark {
  /** When the session started, in milliseconds since 1970 (UTC). */
  startedMs: number;
  baseline?: number;
  /** With a baseline: what it rated (whatWasRated), since only such baselines compare. */
  rated?: string;
  /** A loading (strength) session where a drill was actually tried. */
  loaded: boolean;
}

export interface Advice {
  id: 'loading-spacing' | 'see-a-professional';
  message: string;
  /** loading-spacing only: when 48 hours since the last loading session are reached. */
  readyAt?: string;
}

const HOUR_MS = 60 * 60 * 1000;
const WEEK_MS = 7 * 24 * HOUR_MS;
const LOADING_GAP_MS = 48 * HOUR_MS;
const time = (iso: string) => Date.parse(iso);

export function adviceFor(data: StoreData, now: Date): Advice[] {
  return adviceFromMarks(sessionMarks(data.sessions), now);
}

export function adviceFromMarks(marks: readonly SessionMark[], now: Date): Advice[] {
  return [loadingSpacing(marks, now), seeAProfessional(marks, now)].filter((advice): advice is Advice => advice !== undefined);
}

export function sessionMarks(sessions: readonly Session[]): SessionMark[] {
  return sessions.map((session) => {
    // Attempts too, for sessions of earlier versions, whose flag only says the routine had a loading drill.
    const mark: SessionMark = { startedMs: time(session.startedAt), loaded: session.loading && session.attempts.length > 0 };
    if (session.baseline !== undefined) {
      mark.baseline = session.baseline;
      mark.rated = whatWasRated(session.symptom, session.movement);
    }
    return mark;
  });
}

/**
 * Strength work needs about 48 hours between sessions for the tissue to recover. Only sessions
 * where a drill was actually tried count, so a session that has just started (or was abandoned
 * at setup) does not warn about itself.
 */
function loadingSpacing(sessions: readonly SessionMark[], now: Date): Advice | undefined {
  let last: SessionMark | undefined;
  for (const session of sessions) {
    if (!session.loaded || session.startedMs > now.getTime()) continue;
    if (!last || session.startedMs > last.startedMs) last = session;
  }
  if (!last) return undefined;
  const elapsed = now.getTime() - last.startedMs;
  if (elapsed >= LOADING_GAP_MS) return undefined;
  const hours = Math.floor(elapsed / HOUR_MS);
  const ago = hours < 1 ? 'less than an hour ago' : hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const readyAt = new Date(last.startedMs + LOADING_GAP_MS);
  return {
    id: 'loading-spacing',
    message:
      `Your last strength (loading) session was ${ago}. Space loading sessions about 48 hours apart ` +
      `so the tissues can recover and adapt; that is ${localDateTime(readyAt)}. ` +
      'Mobility, stretching or balance work is fine in between.',
    readyAt: readyAt.toISOString(),
  };
}

/**
 * Symptoms that keep up through several weeks of consistent work deserve a clinician's look.
 * "Consistent": a session with a baseline in each of at least 3 back-to-back 7-day windows
 * ending now, or ending 7 days ago when the last 7 days have none yet (someone who tests once a
 * week, at the start of this week's session). "No meaningful fall": the mean baseline of the
 * newest window is less than 2 points AND less than 30% below that of the oldest window of the
 * run, and not zero. Only
 * baselines that rated the same symptom in the same test movement are compared: moving on from
 * walking to running must neither raise the advice nor hide it.
 */
function seeAProfessional(sessions: readonly SessionMark[], now: Date): Advice | undefined {
  // Baselines by what they rated, then by 7-day window back from now (0 = the last 7 days),
  // sorted in one pass: years of daily sessions make a window-by-window scan far too slow.
  const byRated = new Map<string, { newestMs: number; byWeek: Map<number, number[]> }>();
  for (const session of sessions) {
    if (session.baseline === undefined) continue;
    const age = now.getTime() - session.startedMs;
    if (!(age >= 0)) continue;
    const rated = session.rated ?? '';
    let group = byRated.get(rated);
    if (!group) byRated.set(rated, (group = { newestMs: session.startedMs, byWeek: new Map() }));
    group.newestMs = Math.max(group.newestMs, session.startedMs);
    const index = Math.floor(age / WEEK_MS);
    const week = group.byWeek.get(index);
    if (week) week.push(session.baseline);
    else group.byWeek.set(index, [session.baseline]);
  }
  // What the person rated most lately comes first.
  const groups = [...byRated].sort(([, a], [, b]) => b.newestMs - a.newestMs);
  for (const [rated, { byWeek }] of groups) {
    const advice = noMeaningfulFall(rated, byWeek);
    if (advice) return advice;
  }
  return undefined;
}

function noMeaningfulFall(rated: string, byWeek: Map<number, number[]>): Advice | undefined {
  const newest = byWeek.has(0) ? 0 : 1;
  const weeks: number[][] = [];
  for (let week = byWeek.get(newest); week !== undefined; week = byWeek.get(newest + weeks.length)) weeks.push(week);
  if (weeks.length < 3) return undefined;

  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const first = mean(weeks.at(-1)!);
  const last = mean(weeks[0]!);
  const fall = first - last;
  if (last === 0 || fall >= 2 || fall >= 0.3 * first) return undefined;
  const round = (value: number) => String(Math.round(value * 10) / 10);
  const what = rated === '' ? 'your symptom' : `your ${rated}`;
  const change = last > first ? 'gone up' : 'not come down much';
  return {
    id: 'see-a-professional',
    message:
      `You have rated ${what} every week for ${weeks.length} weeks, and its starting scores have ${change} ` +
      `(about ${round(first)} then, ${round(last)} ${newest === 0 ? 'this week' : 'last week'}). ` +
      'Symptoms that keep up over several weeks of consistent work deserve a look from a physical ' +
      'therapist or doctor, to rule out other causes and adjust your plan.',
  };
}
