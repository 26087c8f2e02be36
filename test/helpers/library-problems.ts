// A library's problems as `itb validate` lists them, without the file name: LINE:COL  path  message.
import { parseLibrary } from '../../src/library/load.js';

export function problemsIn(source: string): string[] {
  const result = parseLibrary(source);
  if (result.ok) throw new Error('expected the library to have problems, but it parsed');
  return result.problems.map((p) => `${p.line}:${p.col}  ${p.path}  ${p.message}`);
}
