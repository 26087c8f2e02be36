// Sessions as a therapist reads them: one line each, and the scores over time.
import { compareInstants } from './instant.js';
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

/** The last score given in a session: the last attempt's `after`, else the baseline. */
export function finalScore(session: Session): number | null {
  return session.attempts.at(-1)?.after ?? session.baseline ?? null;
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
export function sessionSummaries(sessions: Session[], since?: Date): SessionSummary[] {
  return sessionsSince(sessions, since)
    .reverse()
    .map((session) => {
      let helped = 0;
      let avoided = 0;
      let skipped = 0;
      for (const result of session.results) {
        if (result.outcome === 'rehab') helped++;
        else if (result.outcome === 'avoid') avoided++;
        else skipped++;
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
        helped,
        avoided,
        skipped,
        status: session.status,
        interrupted: session.status === 'interrupted',
      };
    });
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
