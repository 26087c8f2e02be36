// Sessions as a therapist reads them: one line each, and the scores over time.
import type { PainfulSide, Session, Symptom } from './records.js';

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
  helped: number;
  avoided: number;
  skipped: number;
  status: Session['status'];
  interrupted: boolean;
}

export interface ScorePoint {
  at: string;
  baseline: number;
  final: number;
}

const time = (iso: string) => Date.parse(iso);

/** The last score given in a session: the last attempt's `after`, else the baseline. */
export function finalScore(session: Session): number | null {
  return session.attempts.at(-1)?.after ?? session.baseline ?? null;
}

/** Sessions started at or after `since` (all without it), oldest first. */
export function sessionsSince(sessions: Session[], since?: Date): Session[] {
  return sessions
    .filter((session) => since === undefined || time(session.startedAt) >= since.getTime())
    .sort((a, b) => time(a.startedAt) - time(b.startedAt));
}

/** One summary per session, newest first. */
export function sessionSummaries(sessions: Session[], since?: Date): SessionSummary[] {
  return sessionsSince(sessions, since)
    .reverse()
    .map((session) => ({
      id: session.id,
      startedAt: session.startedAt,
      routine: session.routine,
      symptom: session.symptom,
      movement: session.movement,
      side: session.side,
      baseline: session.baseline ?? null,
      final: finalScore(session),
      helped: session.results.filter((result) => result.outcome === 'rehab').length,
      avoided: session.results.filter((result) => result.outcome === 'avoid').length,
      skipped: session.results.filter((result) => result.outcome === 'skipped').length,
      status: session.status,
      interrupted: session.status === 'interrupted',
    }));
}

/** Baseline and final score of every session that has a baseline, oldest first. */
export function scoreSeries(sessions: Session[]): ScorePoint[] {
  return sessionsSince(sessions).flatMap((session) =>
    session.baseline === undefined ? [] : [{ at: session.startedAt, baseline: session.baseline, final: finalScore(session)! }],
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD in local time, the way dates are shown to the user. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYY-MM-DD HH:MM in local time. */
export function localDateTime(date: Date): string {
  return `${localDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
