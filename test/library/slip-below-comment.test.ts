// A line one space off is told at that line even with a comment or a blank line above it, where
// the parser points; and text with ": " in it is told as text wherever it stands.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = (lines: string) =>
  `version: 1\nexercises:\n  - id: a\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n      - Slide down.\n      - Hold.\n${lines}`;
const rest = '    side: none\n    loading: false\n';

describe('a slip below a comment or a blank line', () => {
  it('a field one space further, under a comment: told at the field, with the column to start it in', () => {
    expect(problemsIn(drill(`    # How often\n     dose: {reps: 3}\n${rest}`))).toEqual([
      '11:6  exercises.0  this field is indented further than "steps" on line 7; the fields of one item start in the same column: start it in column 5, as "steps" is',
    ]);
  });

  it('a field one space short, under a blank line: told at the field, with the column to start it in', () => {
    expect(problemsIn(drill(`\n   dose: {reps: 3}\n${rest}`))).toEqual([
      '11:4  exercises.0  this field is indented less than "steps" on line 7; the fields of one item start in the same column: start it in column 5, as "steps" is',
    ]);
  });

  it('a drill one space short, under a comment at the left edge: told as a list item out of line, not as a field with its value on its own line', () => {
    expect(problemsIn(drill(`    dose: {reps: 3}\n${rest}# The second drill\n - id: b\n   name: B\n`))).toEqual([
      '14:2  exercises.0  this list item does not line up with the one on line 3: start its "- " in column 3, as the items above it do, and start the lines under it, to line 15, 1 space further in as well',
    ]);
  });
});

describe('text with ": " in it', () => {
  it('on the last line of the file, with or without a line break after it: told as text to put in quotes', () => {
    const file = 'version: 1\nmovements:\n  - id: step-down\n    name: Step-down\n    instructions: Step down: five times';
    const told = '5:19  movements.0.instructions  the ": " in this text makes it read as a field name; put the whole text in quotes: "Step down: five times"';
    expect(problemsIn(file)).toEqual([told]);
    expect(problemsIn(`${file}\n`)).toEqual([told]);
  });

  it('in the first field of an item, on its "- " line, with the item\'s other fields under it: told as text, not as the line below indented too far', () => {
    expect(problemsIn('version: 1\nmovements:\n  - name: Step-down: slowly\n    id: step-down\n    instructions: Step down five times.\n')).toEqual([
      '3:11  movements.0.name  the ": " in this text makes it read as a field name; put the whole text in quotes: "Step-down: slowly"',
    ]);
  });
});
