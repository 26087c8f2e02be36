// The JSON export: the backup `itb import` reads. Built field by field, so nothing the store
// keeps for itself (its own schemaVersion, the bucket cache) ends up in the file.
import { jsonWithItemLines, utf8Of, type ByteSource } from './pieces.js';
import type { Report } from './report.js';
import type { ExportFile } from './schema.js';

/**
 * Raised only when the file's shape changes in a way an older itb could not read. 2: the period
 * names its time zone, and an attempt may keep its timed holds: fields an itb that knows only 1
 * would refuse as edited in by hand. It then says to update itb instead.
 */
export const EXPORT_SCHEMA_VERSION = 2;

/** The versions `itb import` reads: a backup of version 1 has no time zone and no timed holds. */
export const READ_SCHEMA_VERSIONS = [1, EXPORT_SCHEMA_VERSION] as const;

export function toExportFile(report: Report): ExportFile {
  const ids = (list: { exerciseId: string }[]) => list.map((status) => status.exerciseId);
  const file: ExportFile = {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: report.generatedAt,
    // Its days are those of the computer's time zone, named as the reports name it in their header.
    period: { since: report.period.since, until: report.period.until, timeZone: report.timeZone },
    settings: report.settings,
    sessions: report.sessions,
    moves: report.moves,
    // Every screen up to the end of the period, as the reports show them: a yes before it still counts.
    screenings: report.redFlagScreens,
    buckets: { rehab: ids(report.buckets.rehab), avoid: ids(report.buckets.avoid), untested: ids(report.buckets.untested) },
    exercises: report.exercises,
  };
  if (report.bucketsResetAt !== undefined) file.bucketsResetAt = report.bucketsResetAt;
  return file;
}

/**
 * Indented two spaces, each session on a line of its own (see jsonWithItemLines), as UTF-8 given
 * to a sink in pieces as it is made (see utf8Writer).
 */
export function jsonBytes(report: Report): ByteSource {
  const file = toExportFile(report);
  return utf8Of(jsonWithItemLines(file, 'sessions', asJson(file.sessions)));
}

function* asJson(values: Iterable<unknown>): Generator<string> {
  for (const value of values) yield JSON.stringify(value);
}
