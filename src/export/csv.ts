// One row per attempt, for a spreadsheet. Skipped drills have no attempt, so no row.
import { stringify } from 'csv-stringify/sync';
import { drillNamer, type Report } from './report.js';

export const csvColumns = [
  'session_id',
  'session_started_at',
  'routine',
  'side',
  'symptom',
  'movement',
  'exercise_id',
  'exercise_name',
  'attempt',
  'before',
  'after',
  'change',
  'verdict',
] as const;

export function toCsv(report: Report): string {
  const nameOf = drillNamer(report);
  const rows = report.sessions.flatMap((session) =>
    session.attempts.map((attempt) => [
      session.id,
      session.startedAt,
      session.routine,
      session.side,
      session.symptom,
      session.movement,
      attempt.exerciseId,
      // The name the drill had when it was done, as the session recorded it.
      session.results.find((result) => result.exerciseId === attempt.exerciseId)?.name ?? nameOf(attempt.exerciseId),
      attempt.attempt,
      attempt.before,
      attempt.after,
      attempt.after - attempt.before,
      attempt.verdict,
    ]),
  );
  return stringify(rows, {
    header: true,
    columns: [...csvColumns],
    record_delimiter: 'windows',
    // A text cell starting with = + - @, tab or CR gets a leading ' so a spreadsheet shows it
    // instead of running it as a formula; numbers (a change of -2) are left alone.
    escape_formulas: true,
  });
}
