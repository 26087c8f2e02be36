// Advice the source articles give (48 hours between loading sessions, a professional's look at
// symptoms that keep up), and itb's rest after a flare-up, shown when the log says it applies (PRODUCT §4.7).
import { localDate, localDateTime, ratedWords, trendKey, whatWasRated } from './history.js';
import type { ExerciseResult, PainfulSide, Session, StoreData } from './records.js';
import { seeAProfessional } from './professional-advice.js';
import { partWayStarts, type RoutineLog } from './resume.js';
import { LOADING_DRILLS_A_DAY } from './session.js';
import { shownSafely } from './text.js';
import { HOUR_MS, MINUTE_MS } from './durations.js';

/**
 * What advice needs from the log, kept in the store's summary. It grows by a session a day, so it
 * is kept as plain lists of numbers, which `itb buckets` reads several times faster than an object
 * for each session.
 */
export interface AdviceLog {
  /** When each loading (strength) session where a drill was actually tried started, in ms since 1970 (UTC). */
  loadedMs: number[];
  /**
   * The sessions' baselines, one group for each thing rated (whatWasRated) on each painful side,
   * since only those compare, as in the trends (trendKey): when each session started and what its
   * baseline was. `said`: that thing as the latest of those sessions typed it ("pain during IT
   * band stretch").
   */
  baselines: { rated: string; side: PainfulSide; said: string; startedMs: number[]; scores: number[] }[];
  /** When each flare-up was rated, in ms since 1970 (UTC). */
  flareUpsMs: number[];
  /** Each routine's sessions on each painful side, to find one left part way today (partWayStarts). */
  routines: RoutineLog[];
}

export { persistentSymptoms, type PersistentSymptom } from './persistent-symptom.js';

export interface Advice {
  id: 'loading-spacing' | 'see-a-professional' | 'rest-after-flare-up';
  message: string;
  /** loading-spacing only: when 48 hours since the last loading session are reached. */
  readyAt?: string;
  /**
   * loading-spacing only: the routine left part way today whose drills left can go on later
   * today with no such wait (withPartWay), as the message says.
   */
  goesOnToday?: string;
  /**
   * see-a-professional only: the painful side of the scores that kept up, of the first of them
   * when several did. The message names it only when baselines were given for more than one side.
   */
  side?: PainfulSide;
  /**
   * see-a-professional only: every symptom that kept up, in the order the message names them (the
   * highest latest mean first; the first is the one `side` is of), with its means as said.
   */
  persistent?: { rated: string; side: PainfulSide; weeks: number; firstMean: number; latestMean: number }[];
}

/**
 * What itb advises after a flare-up, said when a session had one. The sources say never to move
 * into pain and, after a flare, to scale back and note it; a day's rest and a therapist's look if
 * it lasts are itb's own careful reading of that, not their words.
 */
export const afterFlareUpAdvice =
  'After a flare-up, take it easy for the rest of the day and leave your next session for another day. ' +
  'If it has not settled by tomorrow, or flare-ups keep coming, talk to your physical therapist.';

/**
 * The 48 hours between strength sessions, in general: after the description of a routine with
 * strength drills in `itb routines`, and among the points to keep in mind as a session with
 * strength drills begins, unless the reminder before it said them with the time they are up.
 */
export const loadingSpacingCue = 'Leave about 48 hours between strength sessions, so the tissues can recover and adapt.';

/** Whether a library's own text (a routine's description, a cue) already says the 48 hours. */
export function saysLoadingSpacing(text: string): boolean {
  return /\b48[\s-]*(?:hours?|hrs?|h)\b/i.test(text);
}

/** A drill stopped as a flare-up, and when (the moment its rise was rated). */
export interface FlareUp {
  exerciseId: string;
  /** The drill's name when it was done. */
  name: string;
  at: string;
}

const LOADING_GAP_MS = 48 * HOUR_MS;
const time = (iso: string) => Date.parse(iso);

/**
 * What the advice needs of the exercise library: which drills are strength work, and which
 * routines it has (see withPartWay). Without it, no drill counts as strength work and every
 * routine is taken to be there.
 */
interface AdviceLibrary {
  exercises: readonly { id: string; loading: boolean }[];
  routines: readonly { id: string }[];
}

/** `side`: the painful side of a session being set up, whose routine goes on only from a part done on that side. */
export function adviceFor(data: StoreData, now: Date, library?: AdviceLibrary, side?: PainfulSide): Advice[] {
  return adviceFromLog(adviceLog(data.sessions), now, library, side);
}

export function adviceFromLog(log: AdviceLog, now: Date, library?: AdviceLibrary, side?: PainfulSide): Advice[] {
  const rest = restAfterFlareUp(log.flareUpsMs, now);
  const spacing = loadingSpacing(log.loadedMs, now);
  return [rest, spacing && !rest ? withPartWay(spacing, log, now, library, side) : spacing, seeAProfessional(log, now)].filter(
    (advice): advice is Advice => advice !== undefined,
  );
}

export function adviceLog(sessions: readonly Session[]): AdviceLog {
  const log: AdviceLog = { loadedMs: [], baselines: [], flareUpsMs: [], routines: [] };
  const byTrend = new Map<string, AdviceLog['baselines'][number]>();
  const byRoutine = new Map<string, RoutineLog>();
  // When the newest session of each group started: the log may hold sessions out of their order
  // (a clock set wrong for a while), and `said` follows the newest.
  const newestMs = new Map<string, number>();
  for (const session of sessions) {
    const startedMs = time(session.startedAt);
    // Attempts too, for sessions of earlier versions, whose flag only says the routine had a loading drill.
    if (session.loading && session.attempts.length > 0) log.loadedMs.push(startedMs);
    for (const result of session.results) if (result.flare) log.flareUpsMs.push(time(flareUpAt(session, result)));
    // A routine goes on only from a part done on the same painful side (leftPartWay's sessions).
    const key = `${session.side} ${session.routine}`;
    let routine = byRoutine.get(key);
    if (!routine) {
      byRoutine.set(key, (routine = { routine: session.routine, side: session.side, startedMs: [], completed: [], gotThrough: [], tried: [] }));
      log.routines.push(routine);
    }
    const completed = session.status === 'completed';
    routine.startedMs.push(startedMs);
    routine.completed.push(completed);
    routine.gotThrough.push(session.results.length);
    routine.tried.push(completed ? [] : [...new Set(session.attempts.map((attempt) => attempt.exerciseId))]);
    if (session.baseline === undefined) continue;
    const trend = trendKey(session);
    let group = byTrend.get(trend);
    if (!group) {
      byTrend.set(trend, (group = { rated: whatWasRated(session.symptom, session.movement), side: session.side, said: '', startedMs: [], scores: [] }));
      log.baselines.push(group);
    }
    if (!(startedMs < newestMs.get(trend)!)) {
      group.said = ratedWords(session.symptom, session.movement);
      newestMs.set(trend, startedMs);
    }
    group.startedMs.push(startedMs);
    group.scores.push(session.baseline);
  }
  return log;
}

/**
 * After a flare-up, the rest of that day is for rest (the same local day as flareUpsToday finds,
 * which the session asks about before starting): said by `itb buckets` and `itb history`.
 */
function restAfterFlareUp(flareUpsMs: readonly number[], now: Date): Advice | undefined {
  const today = localDate(now);
  let last: number | undefined;
  for (const at of flareUpsMs) if (at <= now.getTime() && localDate(new Date(at)) === today && (last === undefined || at > last)) last = at;
  if (last === undefined) return undefined;
  return { id: 'rest-after-flare-up', message: `A drill flared up today, at ${localDateTime(new Date(last)).slice(11)}. ${afterFlareUpAdvice}` };
}

/**
 * Strength work needs about 48 hours between sessions for the tissue to recover. Only sessions
 * where a drill was actually tried count, so a session that has just started (or was abandoned
 * at setup) does not warn about itself.
 */
function loadingSpacing(loadedMs: readonly number[], now: Date): Advice | undefined {
  let last = -Infinity;
  for (const startedMs of loadedMs) if (startedMs <= now.getTime() && startedMs > last) last = startedMs;
  if (last === -Infinity) return undefined;
  // Said to the minute, so from the first whole minute after the 48 hours: "from 18:40" must not
  // be said at 18:40 itself, when the session started at 18:40:30.
  const readyAt = new Date(Math.ceil((last + LOADING_GAP_MS) / MINUTE_MS) * MINUTE_MS);
  if (now.getTime() >= readyAt.getTime()) return undefined;
  const hours = Math.floor((now.getTime() - last) / HOUR_MS);
  const ago = hours < 1 ? 'less than an hour ago' : hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  return {
    id: 'loading-spacing',
    message:
      `Your last strength (loading) session was ${ago}. Space loading sessions about 48 hours apart ` +
      `so the tissues can recover and adapt: your next one from ${localDateTime(readyAt)}. ` +
      // Said of the drills, not of routines the person's library may lack or have set aside.
      'Drills that are not strength work need no such wait.',
    readyAt: readyAt.toISOString(),
  };
}

/**
 * A routine left part way today goes on later that day as the same day's strength work (leftPartWay):
 * when that part alone calls for the 48 hours, going on needs none. Not after a flare-up today, nor
 * once that part tried the two or three strength drills enough for one day, as the session's own
 * closing says, nor for a routine the library no longer has (removed or renamed in one's own file).
 * With `side`, only a part done on that painful side, as a session on it goes on from no other.
 */
function withPartWay(spacing: Advice, log: AdviceLog, now: Date, library: AdviceLibrary | undefined, side: PainfulSide | undefined): Advice {
  const strength = new Set(library?.exercises.filter((exercise) => exercise.loading).map((exercise) => exercise.id));
  const routines = library && new Set(['rehab', 'retest'].concat(library.routines.map((routine) => routine.id)));
  for (const routine of log.routines) {
    if ((routines && !routines.has(routine.routine)) || (side !== undefined && routine.side !== side)) continue;
    const partWay = partWayStarts(routine, now);
    if (partWay === undefined || loadingSpacing(log.loadedMs.filter((startedMs) => !partWay.startedMs.includes(startedMs)), now) !== undefined) continue;
    if ([...partWay.tried].filter((id) => strength.has(id)).length >= LOADING_DRILLS_A_DAY) continue;
    return { ...spacing, message: `${spacing.message}${goOnWords(routine.routine, routine.side)}`, goesOnToday: routine.routine };
  }
  return spacing;
}

// Named with its painful side: a session on another side starts the routine afresh.
const goOnStart = (routine: string) => ` The ${shownSafely(routine)} routine you left part way today`;
const forSide: Record<PainfulSide, string> = { left: 'for your left side', right: 'for your right side', both: 'for both sides' };

function goOnWords(routine: string, side: PainfulSide): string {
  return `${goOnStart(routine)}, ${forSide[side]}, can go on later today with its drills left: that needs no such wait.`;
}

/** The 48-hour advice without its offer to go on with a routine left part way today: for a person who has just chosen to start it afresh. */
export function withoutGoingOn(advice: Advice): Advice {
  if (advice.goesOnToday === undefined) return advice;
  const { goesOnToday, ...rest } = advice;
  return { ...rest, message: advice.message.slice(0, advice.message.lastIndexOf(goOnStart(goesOnToday))) };
}

/**
 * The flare-ups of the person's current local day up to `now`, oldest first: after one, the
 * advice is to rest for the rest of the day. Sessions of every ending count (finished, stopped,
 * interrupted, or cut off by a crash), since the flare-up happened all the same. The day is the
 * local one: a flare-up late yesterday evening is not today's, even on the same day in UTC, and
 * one just after midnight in a session begun the evening before is.
 */
export function flareUpsToday(sessions: readonly Session[], now: Date): FlareUp[] {
  const today = localDate(now);
  const found: FlareUp[] = [];
  for (const session of sessions) {
    for (const result of session.results) {
      if (!result.flare) continue;
      const at = flareUpAt(session, result);
      if (time(at) > now.getTime() || localDate(new Date(at)) !== today) continue;
      found.push({ exerciseId: result.exerciseId, name: result.name, at });
    }
  }
  return found.sort((a, b) => time(a.at) - time(b.at));
}

/**
 * When a flare-up happened: when its rise was rated. Its result may be dated later, just after a
 * decision dated ahead of the clock (datedToCount), so that it counts.
 */
function flareUpAt(session: Session, result: ExerciseResult): string {
  return session.attempts.find((attempt) => attempt.exerciseId === result.exerciseId && attempt.verdict === 'flare')?.at ?? result.at;
}

/**
 * When a built-in routine (rehab, retest) is next worth suggesting, for the lists of what to run
 * next. When every drill in it is a strength drill within 48 hours of the last strength session,
 * from the hour those end: a session of it now would leave them all out — unless it is `routine`,
 * left part way today and going on today with no such wait, as the advice says. After a flare-up
 * today, on another day, even when those hours end later today. Else now (undefined). `loading`
 * says, for each drill of the routine, whether it is a loading drill.
 */
export function routineReadyAt(advice: readonly Advice[], loading: readonly boolean[], now: Date, routine?: string): Date | 'another day' | undefined {
  const flaredToday = advice.some((item) => item.id === 'rest-after-flare-up');
  const spacing = advice.find((item) => item.id === 'loading-spacing');
  const rested = routine !== undefined && spacing?.goesOnToday === routine ? undefined : spacing?.readyAt;
  if (rested !== undefined && loading.length > 0 && loading.every(Boolean)) {
    const readyAt = new Date(rested);
    if (!(flaredToday && localDate(readyAt) === localDate(now))) return readyAt;
  }
  return flaredToday ? 'another day' : undefined;
}
