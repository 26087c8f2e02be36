// A field whose name was deleted (": 10" left of "reps: 10") is told as a field with no name, at
// its ":", once for each such line: not as an unknown field "" at the start of the line, nor as a
// repeat of a field called "".
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = (fields: string, dose = '    dose: {reps: 3}\n') =>
  `version: 1\nexercises:\n  - id: a\n${fields}    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n      - Slide down.\n${dose}    side: none\n    loading: false\n`;
const fields = 'id, name, region, category, steps, dose, side, loading, equipment, cues, video, source';

describe('a field with no name', () => {
  it('one line with nothing before its ":": told at the ":", naming the item, with the fields it can have', () => {
    expect(problemsIn(drill('    : 10\n'))).toEqual([`4:5  exercises.0  this field has no name before its ":"; a drill can have: ${fields}`]);
  });

  it('two such lines in one item: each told at its own line, with no "duplicate field"', () => {
    expect(problemsIn(drill('    : one\n    : two\n'))).toEqual([
      `4:5  exercises.0  this field has no name before its ":"; a drill can have: ${fields}`,
      `5:5  exercises.0  this field has no name before its ":"; a drill can have: ${fields}`,
    ]);
  });

  it('an empty name in quotes: told the same way, at the quotes', () => {
    expect(problemsIn(drill('    "": 10\n'))).toEqual([`4:5  exercises.0  this field has no name before its ":"; a drill can have: ${fields}`]);
  });

  it('inside a dose: names the dose and its fields', () => {
    expect(problemsIn(drill('', '    dose:\n      reps: 3\n      : 10\n'))).toEqual([
      '11:7  exercises.0.dose  this field has no name before its ":"; a dose can have: sets, reps, holdSeconds, perSide',
    ]);
  });
});
