// A drill that no routine of the file lists is never offered by a session: a warning at its id,
// which leaves the file usable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../src/library/load.js';
import { problemsIn } from '../helpers/library-problems.js';

const good = readFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), 'utf8');

function warningsOf(source: string): string[] {
  const result = parseLibrary(source);
  if (!result.ok) throw new Error(`expected the library to parse: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.warnings.map((w) => `${w.line}:${w.col}  ${w.path}  ${w.message}`);
}

describe('a drill in no routine', () => {
  it('is a warning at its id, saying to add it to a routine', () => {
    expect(warningsOf(good)).toEqual([]);
    expect(warningsOf(good.replace('      - wall-clamshells\n', ''))).toEqual([
      '16:5  exercises.0.id  this drill is in no routine, so no routine runs it to test it: add "- wall-clamshells" to the exercises of a routine',
    ]);
  });

  it('is not told of a file with no routines, nor beside a routine naming it with a typo', () => {
    expect(warningsOf(good.slice(0, good.indexOf('routines:')))).toEqual([]);
    // The typo is the one thing to fix: the drill is in the routine once it is.
    expect(problemsIn(good.replace('      - wall-clamshells\n', '      - wall-clamshell\n'))).toEqual([
      '48:9  routines.0.exercises.1  unknown exercise "wall-clamshell" (did you mean "wall-clamshells"?)',
    ]);
    const result = parseLibrary(good.replace('      - wall-clamshells\n', '      - wall-clamshell\n'));
    expect(result.warnings).toEqual([]);
  });
});
