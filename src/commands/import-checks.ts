// The checks a backup that fits the export schema still passes before `itb import` merges it:
// each problem named at its place in the file (see import-places.ts).
import { sessionContradictions } from '../core/consistency.js';
import { localDateTime } from '../core/history.js';
import { controlCharacterPaths } from '../core/text.js';
import { UserError } from '../errors.js';
import type { ParsedExport } from '../export/schema.js';
import { listed, type Places } from './import-places.js';

export function checkBackup(file: string, backup: ParsedExport, places: Places): void {
  refuseControlCharacters(file, backup, places);
  refuseRepeatedIds(file, backup, places);
  refuseContradictions(file, backup, places);
}

/** A session as `itb history` lists it: its start and routine. */
export function sessionWords(session: ParsedExport['sessions'][number]): string[] {
  return [localDateTime(new Date(session.startedAt)), session.routine];
}

/** Control characters would reach terminal screens and reports from the imported records (see core/text). */
function refuseControlCharacters(file: string, backup: ParsedExport, places: Places): void {
  const found = controlCharacterPaths(backup).map(({ path, character }) => ({ path: path.split('.'), character }));
  if (found.length === 0) return;
  const place = places(found.map(({ path }) => path));
  const lines = listed(found.map(({ path, character }) => `${place(path)}: holds a control character (${character})`));
  throw new UserError(
    `${file} holds text with control characters (${found.length} ${found.length === 1 ? 'field' : 'fields'})`,
    'Nothing was imported. itb never writes these; remove them from the file, or export again.',
    undefined,
    lines,
  );
}

/** An export holds each session once; the same id twice means the file was edited or pieced together. */
function refuseRepeatedIds(file: string, backup: ParsedExport, places: Places): void {
  const first = new Map<string, number>();
  const repeats: { index: number; earlier: number }[] = [];
  backup.sessions.forEach((session, index) => {
    const earlier = first.get(session.id);
    if (earlier === undefined) first.set(session.id, index);
    else repeats.push({ index, earlier });
  });
  if (repeats.length === 0) return;
  const place = places(repeats.flatMap(({ index, earlier }) => [['sessions', index], ['sessions', earlier]]));
  const problems = repeats.map(
    ({ index, earlier }) => `${place(['sessions', index])}: has the id of ${place(['sessions', earlier])}, ${backup.sessions[index]!.id}`,
  );
  throw new UserError(
    `${file} holds ${problems.length === 1 ? 'a session' : `${problems.length} sessions`} under an id it already used`,
    'Nothing was imported. A file written by `itb export -o backup.json` holds each session once: remove the repeats, or export again.',
    undefined,
    listed(problems),
  );
}

/**
 * A hand-edited backup can fit the schema and still contradict itself (a flare where the score
 * went down, a test with no attempt); taken in, it would skew every count and mean built on it.
 * Checked here, on the way in, and not when the store loads, so no existing store becomes unreadable.
 */
function refuseContradictions(file: string, backup: ParsedExport, places: Places): void {
  const flawed = backup.sessions
    .map((session, index) => ({ index, contradictions: sessionContradictions(session) }))
    .filter((session) => session.contradictions.length > 0);
  if (flawed.length === 0) return;
  const place = places(flawed.map(({ index }) => ['sessions', index]));
  const problems = flawed.flatMap(({ index, contradictions }) => {
    const where = place(['sessions', index], sessionWords(backup.sessions[index]!));
    return contradictions.map((sentence) => `${where}: ${sentence}`);
  });
  const where = flawed.length === 1 ? '1 session' : `${flawed.length} sessions`;
  throw new UserError(
    `${file} has records that contradict each other in ${where} (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
    'Nothing was imported. A file written by `itb export -o backup.json` always agrees with itself: undo the edits listed above, or export again.',
    undefined,
    listed(problems),
  );
}
