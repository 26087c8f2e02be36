// A library's problems as `itb validate` lists them, without the file name: LINE:COL  path  message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLibrary } from '../../src/library/load.js';

export function problemsIn(source: string): string[] {
  const result = parseLibrary(source);
  if (result.ok) throw new Error('expected the library to have problems, but it parsed');
  return result.problems.map((p) => `${p.line}:${p.col}  ${p.path}  ${p.message}`);
}

/** The library files of test/fixtures/libraries, most of them with problems, a few valid. */
export const fixtures = join(import.meta.dirname, '../fixtures/libraries');
export const fixture = (name: string) => join(fixtures, name);

/** The problems of a fixture, as the `LINE:COL  path  message` part of what validate prints. */
export function problemsOf(name: string): string[] {
  return problemsIn(readFileSync(fixture(name), 'utf8'));
}
