// Where in a backup a problem is, in words a person editing the file by hand can follow: the
// field's path, what it is (a session by its start and routine), and its line.
import { jsonLines, type JsonPath } from '../json-position.js';

/** How many problems an error lists before "… and N more". */
export const SHOWN_PROBLEMS = 5;

/** The first problems, indented under the error, and how many more there are. */
export function listed(problems: string[]): string[] {
  const lines = problems.slice(0, SHOWN_PROBLEMS).map((problem) => `  ${problem}`);
  if (problems.length > SHOWN_PROBLEMS) lines.push(`  … and ${problems.length - SHOWN_PROBLEMS} more`);
  return lines;
}

/**
 * Names a place: `sessions.3 (2026-11-04 08:01, strength, line 21)`. The line is that of
 * `lineAt` (the path itself unless told), or of what holds it when it is missing.
 */
export type NamePlace = (path: JsonPath, about?: string[], lineAt?: JsonPath) => string;

/** For the places a list of problems will name, all found in one reading of the file's text. */
export type Places = (paths: JsonPath[]) => NamePlace;

export function placesIn(text: string): Places {
  // A file written on one line (by a script, say) has every place on line 1: not worth saying.
  const oneLine = !text.trimEnd().includes('\n');
  return (paths) => {
    const lineOf = oneLine ? () => undefined : jsonLines(text, paths);
    return (path, about = [], lineAt = path) => {
      const line = lineOf(lineAt);
      const words = line === undefined ? about : [...about, `line ${line}`];
      const named = path.join('.') || '(file)';
      return words.length === 0 ? named : `${named} (${words.join(', ')})`;
    };
  };
}
