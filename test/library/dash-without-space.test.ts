// A list item whose "- " lost its space ("-Lie down."): YAML reads the "-" as a letter of the
// text, which then does not start a list item at all. Told as the missing space, with the line to write.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = (steps: string, after = '') =>
  `version: 1\nexercises:\n  - id: clams\n    name: Clamshells\n    region: hip\n    category: strength\n    steps:\n${steps}    dose: {reps: 10}\n    side: painful\n    loading: false\n${after}`;
const routine = (exercises: string) => `routines:\n  - id: mine\n    name: Mine\n    description: D\n    exercises:\n${exercises}`;

describe('a list item written "-Text", without the space after its "-"', () => {
  it('after the items of its list, a text over several lines among them', () => {
    expect(problemsIn(drill('      - >-\n        Lie on your side\n        with your knees bent.\n      -Open the top knee.\n'))).toEqual([
      '11:7  exercises.0  a space is missing after the "-" that starts this list item: write "- Open the top knee."',
    ]);
    expect(problemsIn(drill('      - Lie on your side.\n      -Open the top knee.\n'))).toEqual([
      '9:7  exercises.0  a space is missing after the "-" that starts this list item: write "- Open the top knee."',
    ]);
  });

  it('a drill in a routine, and the "- id:" of a drill', () => {
    expect(problemsIn(drill('      - Lie on your side.\n', routine('      - clams\n      -clams-two\n')))).toEqual([
      '18:7  routines.0  a space is missing after the "-" that starts this list item: write "- clams-two"',
    ]);
    expect(problemsIn(`${drill('      - Lie on your side.\n')}  -id: bridges\n    name: Bridges\n`)).toEqual([
      '12:3  exercises.0  a space is missing after the "-" that starts this list item: write "- id: bridges"',
    ]);
  });

  it('the first item under its field, with or without items after it', () => {
    expect(problemsIn(drill('      -Lie on your side.\n      - Open the top knee.\n'))).toEqual([
      '7:5  exercises.0.steps  must be a list, not "-Lie on your side. - Open the top knee.": a space is missing after the "-" that starts "-Lie on your side.", the first item under "steps:": write "- Lie on your side."',
    ]);
    expect(problemsIn(drill('      -Lie on your side.\n'))).toEqual([
      '7:5  exercises.0.steps  must be a list, not "-Lie on your side.": a space is missing after the "-" that starts it; write "- Lie on your side."',
    ]);
  });
});
