// A list item's text with two ": " in it: the parser stops at the second, but the text to put in
// quotes is the whole item, from its first word (after a field name of the library, its value).
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = (steps: string) =>
  `version: 1\nexercises:\n  - id: clams\n    name: Clamshells\n    region: hip\n    category: strength\n    steps:\n${steps}    dose: {reps: 10}\n    side: painful\n    loading: false\n`;

describe('a step with two ": " in it', () => {
  it('is told at its first word, with the whole step in quotes, as a step with one is', () => {
    expect(problemsIn(drill('      - Lie on your side: knees bent: feet together\n      - Open the top knee.\n'))).toEqual([
      '8:9  exercises.0.steps.0  the ": " in this text makes it read as a field name; put the whole text in quotes: "Lie on your side: knees bent: feet together"',
    ]);
    expect(problemsIn(drill('      - Lie on your side: knees bent\n'))).toEqual([
      '8:9  exercises.0.steps.0  must be text, not a set of fields: the ": " after "Lie on your side" makes it a field name; put the whole text in quotes: "Lie on your side: knees bent"',
    ]);
  });

  it('starting with one word, and with a note after it: the whole step, without the note', () => {
    expect(problemsIn(drill('      - Lie on your side.\n      - Hold: then: relax # slowly\n'))).toEqual([
      '9:9  exercises.0.steps.1  the ": " in this text makes it read as a field name; put the whole text in quotes: "Hold: then: relax"',
    ]);
  });
});

describe('a field of the library on the "- " line, its text with ": " in it', () => {
  it('quotes the text after the field name, as on a line of its own', () => {
    expect(problemsIn('version: 1\ncues:\n  - text: Breathe: in: out\n    id: breathe\nexercises: []\n')).toEqual([
      '3:11  cues.0.text  the ": " in this text makes it read as a field name; put the whole text in quotes: "Breathe: in: out"',
    ]);
  });
});

describe('a text that ends with ":", no space after it', () => {
  it('is told as the ":" at its end, not as a ": " within it', () => {
    const named = (name: string) => `version: 1\nexercises:\n  - id: wall-sit\n    name: ${name}\n    region: knee\n    category: strength\n    steps:\n      - Slide down.\n    dose: {holdSeconds: 30}\n    side: both\n    loading: true\n`;
    expect(problemsIn(named('Wall sit:'))).toEqual([
      '4:11  exercises.0.name  the ":" at the end of this text makes it read as a field name; put the whole text in quotes: "Wall sit:"',
    ]);
    expect(problemsIn(named('Wall sit: easy:'))).toEqual([
      '4:11  exercises.0.name  the ": " in this text makes it read as a field name; put the whole text in quotes: "Wall sit: easy:"',
    ]);
    expect(problemsIn(drill('      - Lie on your side:\n      - Open the top knee.\n'))).toEqual([
      '8:9  exercises.0.steps.0  must be text, not a set of fields: the ":" at the end of "Lie on your side" makes it a field name; put the whole text in quotes: "Lie on your side:"',
    ]);
  });
});
