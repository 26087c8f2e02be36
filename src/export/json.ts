// The JSON export: the backup `itb import` reads. Built field by field, so nothing the store
// keeps for itself (its own schemaVersion, the bucket cache) ends up in the file.
import type { Report } from './report.js';
import type { ExportFile } from './schema.js';

/** Raised only when the file's shape changes in a way an older itb could not read. */
export const EXPORT_SCHEMA_VERSION = 1;

export function toExportFile(report: Report): ExportFile {
  const ids = (list: { exerciseId: string }[]) => list.map((status) => status.exerciseId);
  const file: ExportFile = {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: report.generatedAt,
    period: { since: report.period.since, until: report.period.until },
    settings: report.settings,
    sessions: report.sessions,
    moves: report.moves,
    screenings: report.screenings,
    buckets: { rehab: ids(report.buckets.rehab), avoid: ids(report.buckets.avoid), untested: ids(report.buckets.untested) },
    exercises: report.exercises,
  };
  if (report.bucketsResetAt !== undefined) file.bucketsResetAt = report.bucketsResetAt;
  return file;
}

/**
 * Indented two spaces, except that each session sits on a line of its own: years of daily
 * sessions stay easy to read and compare line by line, and the file is half the size and written
 * several times faster than with every field of every attempt on its own line.
 */
export function toJson(report: Report): string {
  const file = toExportFile(report);
  const outline = JSON.stringify({ ...file, sessions: [] }, null, 2);
  if (file.sessions.length === 0) return `${outline}\n`;
  // Only the top level has a "sessions" key, and inside a JSON string a quote is always escaped.
  const empty = '"sessions": []';
  const at = outline.indexOf(empty);
  const lines = file.sessions.map((session) => `    ${JSON.stringify(session)}`);
  return `${outline.slice(0, at)}"sessions": [\n${lines.join(',\n')}\n  ]${outline.slice(at + empty.length)}\n`;
}
