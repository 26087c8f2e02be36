// Sessions as a therapist reads them: one line each, and the scores over time.
import { compareInstants } from './instant.js';
import type { PainfulSide, Session, Symptom, Thresholds } from './records.js';
import { latestScore } from './session.js';
import { inSentence, namedOrNot } from './text.js';
import { MINUTE_MS } from './durations.js';

export interface SessionSummary {
  id: string;
  startedAt: string;
  routine: string;
  symptom: Symptom;
  movement: string;
  side: PainfulSide;
  baseline: number | null;
  /** The latest score: the last attempt's `after`, else the baseline. */
  final: number | null;
  /** Scores given after an exercise (retries included). */
  attempts: number;
  helped: number;
  avoided: number;
  /** Of `avoided`: drills stopped as a flare-up. */
  flares: number;
  skipped: number;
  status: Session['status'];
  interrupted: boolean;
  /** What judged its drills: the settings when it ran, which may differ from those set now. */
  thresholds: Thresholds;
}

export interface ScorePoint {
  at: string;
  baseline: number;
  /** The latest score, as SessionSummary's: the baseline when no drill was scored after it. */
  final: number;
  /** Scores given after an exercise; with none, the session has no final score of its own to draw. */
  attempts: number;
  /** What the scores rated: scores compare only when all three are the same. */
  symptom: Symptom;
  movement: string;
  side: PainfulSide;
}

/** Scores that rated the same symptom in the same test movement on the same painful side, oldest first: a trend to draw. */
export interface Trend {
  symptom: Symptom;
  /** As typed in the newest session of the trend. */
  movement: string;
  side: PainfulSide;
  points: ScorePoint[];
}

/** The values of each threshold that the sessions behind the evidence were judged by, smallest first. */
export type ThresholdsUsed = { [K in keyof Thresholds]: number[] };

/**
 * The thresholds of the sessions that decided a drill (see Thresholds): more than one value of
 * either, and the evidence counts verdicts of different rules, as after a setting was changed
 * or sessions came from a computer set otherwise, so that "helped 1 of 2" may count two kinds.
 */
export function thresholdsUsed(sessions: Session[]): ThresholdsUsed {
  const minImprovement = new Set<number>();
  const flareRise = new Set<number>();
  for (const session of sessions) {
    if (!session.results.some((result) => result.outcome !== 'skipped')) continue;
    minImprovement.add(session.thresholds.minImprovement);
    flareRise.add(session.thresholds.flareRise);
  }
  const sorted = (values: Set<number>) => [...values].sort((a, b) => a - b);
  return { minImprovement: sorted(minImprovement), flareRise: sorted(flareRise) };
}

/**
 * Whether the sessions that decided a drill rated more than one symptom or test movement. The
 * evidence counts every test of a drill, so a mean change across them may mix scores that do
 * not compare.
 */
export function ratingsMix(sessions: Session[]): boolean {
  // The movements as typed first, by symptom: years of sessions repeat a handful of them.
  const typed = new Map<string, Set<string>>();
  for (const session of sessions) {
    if (!session.results.some((result) => result.outcome !== 'skipped')) continue;
    let movements = typed.get(session.symptom);
    if (movements === undefined) typed.set(session.symptom, (movements = new Set()));
    movements.add(session.movement);
  }
  const rated = new Set<string>();
  for (const [symptom, movements] of typed) for (const movement of movements) rated.add(`${symptom} ${movementKey(movement)}`);
  return rated.size > 1;
}

/** The last score given in a session (see latestScore); null before any. */
function finalScore(session: Session): number | null {
  return latestScore(session) ?? null;
}

/** Sessions started at or after `since` (all without it), oldest first. */
export function sessionsSince(sessions: Session[], since?: Date): Session[] {
  if (since !== undefined && Number.isNaN(since.getTime())) return [];
  const sinceIso = since?.toISOString();
  const chosen = sinceIso === undefined ? sessions.slice() : sessions.filter((session) => compareInstants(session.startedAt, sinceIso) >= 0);
  // The log is kept in the order sessions start, so there is usually nothing to sort.
  if (!startOrdered(chosen)) chosen.sort((a, b) => compareInstants(a.startedAt, b.startedAt));
  return chosen;
}

function startOrdered(sessions: Session[]): boolean {
  for (let index = 1; index < sessions.length; index++) {
    if (compareInstants(sessions[index - 1]!.startedAt, sessions[index]!.startedAt) > 0) return false;
  }
  return true;
}

/** One summary per session, newest first. */
export function sessionSummaries(sessions: Session[]): SessionSummary[] {
  return sessionsSince(sessions)
    .reverse()
    .map((session) => {
      let helped = 0;
      let avoided = 0;
      let flares = 0;
      let skipped = 0;
      for (const result of session.results) {
        if (result.outcome === 'rehab') helped++;
        else if (result.outcome === 'avoid') {
          avoided++;
          if (result.flare) flares++;
        } else skipped++;
      }
      return {
        id: session.id,
        startedAt: session.startedAt,
        routine: session.routine,
        symptom: session.symptom,
        movement: session.movement,
        side: session.side,
        baseline: session.baseline ?? null,
        final: finalScore(session),
        attempts: session.attempts.length,
        helped,
        avoided,
        flares,
        skipped,
        status: session.status,
        interrupted: session.status === 'interrupted',
        thresholds: { minImprovement: session.thresholds.minImprovement, flareRise: session.thresholds.flareRise },
      };
    });
}

/**
 * A session's scores as its row in a table shows them: "6 → 4" from the baseline to the last
 * score; the baseline alone when no exercise was scored after it (the session went no further,
 * and "6 → 6" would read as a drill that changed nothing); `none` without a baseline.
 */
export function scoresWords(summary: SessionSummary, none: string): string {
  if (summary.baseline === null) return none;
  return summary.attempts === 0 ? String(summary.baseline) : `${summary.baseline} → ${summary.final}`;
}

/** Baseline and final score of every session that has a baseline, oldest first. */
export function scoreSeries(sessions: Session[]): ScorePoint[] {
  return sessionsSince(sessions).flatMap((session) => {
    if (session.baseline === undefined) return [];
    const { startedAt: at, baseline, symptom, movement, side } = session;
    return [{ at, baseline, final: finalScore(session)!, attempts: session.attempts.length, symptom, movement, side }];
  });
}

/**
 * `points` (oldest first) as trends that can each be drawn: grouped by the symptom and test
 * movement they rated, since tightness in a lunge says nothing about pain while walking, and
 * moving on from walking to running would read as a flare-up; and by the painful side, since a
 * squat on the left leg says nothing about the right one (both sides at once is a side of its
 * own). The trend of the newest point comes first, then the others by their newest point.
 */
export function trendsOf(points: ScorePoint[]): Trend[] {
  const trends = new Map<string, Trend>();
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i]!;
    const key = trendKey(point);
    const trend = trends.get(key);
    if (trend) trend.points.push(point);
    else trends.set(key, { symptom: point.symptom, movement: point.movement, side: point.side, points: [point] });
  }
  return [...trends.values()].map((trend) => ({ ...trend, points: trend.points.reverse() }));
}

/** The trend a score belongs to, as one text: what it rated and on which side. */
export function trendKey(rated: { symptom: Symptom; movement: string; side: PainfulSide }): string {
  return `${whatWasRated(rated.symptom, rated.movement)} on ${rated.side}`;
}

/**
 * Whether trends' labels need their painful side to tell them apart: only when the scores were
 * given for more than one side. Someone who only ever had one side painful is not told it with
 * every trend.
 */
export function sidesApart(rated: readonly { side: PainfulSide }[]): boolean {
  return rated.some((point) => point.side !== rated[0]!.side);
}

/**
 * Whether the sessions that decided a drill gave more than one painful side. Each drill's evidence
 * then names its side, even a drill tested on one only: else a person whose left side hurts now
 * reads a flare-up of the weeks the right side hurt as if of the left.
 */
export function evidenceBySide(sessions: readonly Session[]): boolean {
  return sidesApart(sessions.filter((session) => session.results.some((result) => result.outcome !== 'skipped')));
}

/**
 * A point's final score to draw: none when no drill was scored after the baseline (a session
 * stopped or cut short at its start), since a final equal to the baseline would read as drills
 * that changed nothing.
 */
export function drawnFinal(point: ScorePoint): number | null {
  return point.attempts === 0 ? null : point.final;
}

/** A painful side, as a trend's label adds it: "right side painful", "both sides painful". */
export function painfulSideWords(side: PainfulSide): string {
  return side === 'both' ? 'both sides painful' : `${side} side painful`;
}

/** What a score rated, as one text: scores compare only when it is the same. */
export function whatWasRated(symptom: Symptom, movement: string): string {
  return `${symptom} during ${movementKey(movement)}`;
}

/**
 * What a score rated, to be read: whatWasRated with the movement as it was typed ("IT band"
 * stays). Remembered for each text, as movementKey is.
 */
export function ratedWords(symptom: Symptom, movement: string): string {
  const key = `${symptom}\n${movement}`;
  let words = saidAs.get(key);
  if (words === undefined) saidAs.set(key, (words = `${symptom} during ${movementWords(movement)}`));
  return words;
}

/** A test movement as a sentence says it: as it was typed, inside a sentence ("IT band" stays). */
export function movementWords(movement: string): string {
  return namedOrNot(inSentence(movement.trim().replace(/\s+/g, ' ')));
}

const saidAs = new Map<string, string>();

/**
 * A test movement typed on different days as "Walking" and "walking " is the same movement.
 * Remembered for each text: years of history ask it for the same few texts thousands of times.
 */
export function movementKey(movement: string): string {
  let key = movementKeys.get(movement);
  if (key === undefined) movementKeys.set(movement, (key = movement.trim().replace(/\s+/g, ' ').toLowerCase()));
  return key;
}

const movementKeys = new Map<string, string>();

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD in local time, the way dates are shown to the user. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** ISO 8601 in local time with its offset from UTC (2026-11-20T10:11:05+01:00): the clock the person saw, and still exact. */
export function localIsoTime(date: Date): string {
  const offset = -date.getTimezoneOffset();
  // The local clock as a UTC one: one look-up of the time zone instead of six.
  const clock = new Date(date.getTime() + offset * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${clock}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** YYYY-MM-DD HH:MM in local time. */
export function localDateTime(date: Date): string {
  return `${localDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
