// A list item two or more spaces left of the items above it in its list, as far left as the field
// that opens the list or further: told with the line it should line up with and the column to
// start its "- " in, rather than as an item after a field that has its value, or as text to quote.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = (steps: string, id = 'a') =>
  `  - id: ${id}\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n${steps}    dose: {reps: 3}\n    side: none\n    loading: false\n`;
const library = (...drills: string[]) => `version: 1\nexercises:\n${drills.join('')}`;

describe('a step left of the steps above it', () => {
  it('as far left as "steps:": told at the step, with the column of the steps above it', () => {
    expect(problemsIn(library(drill('      - Slide down.\n    - Hold.\n')))).toEqual([
      '9:5  exercises.0  this list item does not line up with the one on line 8: start its "- " in column 7, as the items above it do',
    ]);
  });

  it('the last of three, two spaces short: told at that step', () => {
    expect(problemsIn(library(drill('      - Slide down.\n      - Hold.\n    - Stand up.\n')))).toEqual([
      '10:5  exercises.0  this list item does not line up with the one on line 9: start its "- " in column 7, as the items above it do',
    ]);
  });

  it('under a first step indented further than the rest: told with both columns, as either line may be the one out of place', () => {
    expect(problemsIn(library(drill('         - Slide down.\n      - Hold.\n      - Stand up.\n')))).toEqual([
      '9:7  exercises.0  this list item does not line up with the one on line 8: start its "- " in column 10, as line 8 does, or, if line 8 is the one out of line, start the "- " of line 8 in column 7',
    ]);
  });
});

describe('a drill at the left edge under drills indented under "exercises:"', () => {
  it('is told with the column of the drills above it, not as text to put in quotes', () => {
    expect(problemsIn(library(drill('      - Slide down.\n'), drill('      - Lie down.\n', 'b').slice(2)))).toEqual([
      '12:1  exercises.0  this list item does not line up with the one on line 3: start its "- " in column 3, as the items above it do',
    ]);
  });

  it('below a comment at the left edge: told at the drill, lined up with the nearest drill above', () => {
    const told = problemsIn(library(drill('      - Slide down.\n'), drill('      - Rise.\n', 'b'), `# Hips\n${drill('      - Lie down.\n', 'c').slice(2)}`));
    expect(told).toEqual([
      '22:1  exercises.1  this list item does not line up with the one on line 12: start its "- " in column 3, as the items above it do',
    ]);
  });
});
