// A later line of a text written over several lines (after ">-", ">" or "|", or plain text that
// runs on), moved a few spaces left: told as the rest of the text above, with the column to start
// it in, rather than as a list item without its "- " or a field out of line. A line that reads as
// a new item whose "- " was lost is still told as that.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = (steps: string) =>
  `version: 1\nexercises:\n  - id: tilts\n    name: Ankle tilts\n    region: ankle\n    category: joint-mobility\n    steps:\n${steps}    dose: {reps: 10}\n    side: painful\n    loading: false\n`;
const cue = (text: string) => `version: 1\ncues:\n  - id: spine\n${text}  - id: breathe\n    text: Breathe out as you push.\n`;

const first = 'Stand tall with your feet hip-width apart, holding a wall or chair lightly if you need';
const second = 'balance. Place your painful-side foot slightly forward.';

describe('the second line of a step after ">-" or "|", moved left', () => {
  it('as far left as the "- " of the steps: the rest of the step, to line up with the line above, not a step without its "- "', () => {
    expect(problemsIn(drill(`      - >-\n        ${first}\n      ${second}\n      - Roll the foot out.\n`))).toEqual([
      '10:7  exercises.0  this line is the rest of the text above it, but starts further left than that text: start it in column 9, as the text on line 9 does',
    ]);
  });

  it('one, three or four spaces left, after "|": the same, rather than a field out of line or a field name without ":"', () => {
    for (const [indent, col] of [[7, 8], [5, 6], [4, 5]] as const) {
      expect(problemsIn(drill(`      - |\n        ${first}\n${' '.repeat(indent)}${second}\n`))).toEqual([
        `10:${col}  exercises.0  this line is the rest of the text above it, but starts further left than that text: start it in column 9, as the text on line 9 does`,
      ]);
    }
  });

  it('holding ": ", as far left as "steps:": the rest of the step, not a field with a line indented under it', () => {
    expect(problemsIn(drill(`      - >-\n        ${first}\n    some balance: use your other hand, or a chair\n        a little further away.\n      - >-\n        Roll the foot out: slowly.\n`))).toEqual([
      '10:5  exercises.0  this line is the rest of the text above it, but starts further left than that text: start it in column 9, as the text on line 9 does',
    ]);
  });

  it('the third line of a cue\'s text: lined up with the line just above it', () => {
    expect(problemsIn(cue(`    text: >-\n      Keep your back and hips in their natural, neutral line as you\n      work, unless a drill moves them\n   on purpose.\n`))).toEqual([
      '7:4  cues.0  this line is the rest of the text above it, but starts further left than that text: start it in column 7, as the text on line 6 does',
    ]);
  });
});

describe('plain text over several lines, a later line moved left', () => {
  it('a step: as far left as its "- ", told with the column of the step\'s first word', () => {
    expect(problemsIn(drill(`      - ${first}\n      ${second}\n`))).toEqual([
      '9:7  exercises.0  this line is the rest of the text above it, but starts further left than that text: start it in column 9, as the text on line 8 does',
    ]);
  });

  it('a field\'s text, its second line as far left as the field: to start further in than the field name', () => {
    expect(problemsIn(cue(`    text: Keep your back and hips in their natural, neutral line as you work,\n    unless a drill moves them on purpose.\n`))).toEqual([
      '5:5  cues.0  this line is the rest of the text above it, but starts further left than that text: start it in column 7, further in than "text" on line 4',
    ]);
  });
});

describe('a line that reads as a new item without its "- ", or a field without its ":", is still told as that', () => {
  it('after a step whose sentence ended, a line starting with a capital, under the "- "', () => {
    expect(problemsIn(drill(`      - >-\n        ${first}\n        balance, then stand still.\n      Roll the foot out.\n`))).toEqual([
      '11:7  exercises.0  this line is in a list, but does not start with "- " as the items above it do; write "- Roll the foot out."',
    ]);
  });

  it('a field name without its ":" under a step over two lines, as far left as "steps:": told as that', () => {
    const source = drill(`      - >-\n        ${first}\n        balance\n`).replace('    dose: {reps: 10}', '    dose\n      reps: 10');
    expect(problemsIn(source)).toEqual(['11:5  exercises.0  a ":" is missing after the field name "dose"; write "dose:"']);
  });

  it('in a routine\'s list of drills, however long the drill\'s id', () => {
    const routine = `${drill('      - Tilt.\n')}routines:\n  - id: r\n    name: R\n    description: D\n    exercises:\n      - hip-external-rotation-extension\n      tilts\n`;
    expect(problemsIn(routine)).toEqual([
      '18:7  routines.0  this line is in a list, but does not start with "- " as the items above it do; write "- tilts"',
    ]);
  });
});

describe('the first line of a text after ">-" or "|", not further in than what it belongs to', () => {
  it('under a step\'s "- >-", in the column of the "- " or left of it: told as the text\'s first line, with the column to start it in', () => {
    for (const [indent, col] of [[6, 7], [4, 5]] as const) {
      expect(problemsIn(drill(`      - >-\n${' '.repeat(indent)}${first}\n        ${second}\n`))).toEqual([
        `9:${col}  exercises.0  this line is the first line of the text after ">-" on line 8, and must start further in than the "- " there: start it in column 9`,
      ]);
    }
  });

  it('up to four spaces left of the "- ": told as the first line; further left, as a field out of line', () => {
    expect(problemsIn(drill(`      - >-\n  ${first}\n        ${second}\n`))).toEqual([
      '9:3  exercises.0  this line is the first line of the text after ">-" on line 8, and must start further in than the "- " there: start it in column 9',
    ]);
    expect(problemsIn(drill(`      - >-\n ${first}\n        ${second}\n`))).toEqual([
      '9:2  exercises.0  this field does not line up with the fields above it; the fields of one item must start in the same column',
    ]);
  });

  it('after ">+" or "|+", names the sign as written', () => {
    for (const sign of ['>+', '|+']) {
      expect(problemsIn(drill(`      - ${sign}\n      ${first}\n`))).toEqual([
        `9:7  exercises.0  this line is the first line of the text after "${sign}" on line 8, and must start further in than the "- " there: start it in column 9`,
      ]);
    }
  });

  it('a note after the ">-" with a ":" in it is no field the text belongs to', () => {
    expect(problemsIn(drill(`      - >-  # note: one line\n      ${first}\n`))).toEqual([
      '9:7  exercises.0  this line is the first line of the text after ">-" on line 8, and must start further in than the "- " there: start it in column 9',
    ]);
  });

  it('under a field\'s "text: |", as far left as the field: names the field', () => {
    expect(problemsIn(cue(`    text: |\n    Keep your back straight.\n`))).toEqual([
      '5:5  cues.0  this line is the first line of the text after "|" on line 4, and must start further in than "text" there: start it in column 7',
    ]);
  });

  it('under "- text: |", the first field of an item: names the field, whose column is right of the "- "', () => {
    expect(problemsIn(`version: 1\ncues:\n  - text: |\n    Keep your back straight.\n    id: spine\n`)).toEqual([
      '4:5  cues.0  this line is the first line of the text after "|" on line 3, and must start further in than "text" there: start it in column 7',
    ]);
  });
});

describe('plain text after "- text: ", the first field of an item', () => {
  it('its second line as far left as "text": to start further in than the field name', () => {
    expect(problemsIn(`version: 1\ncues:\n  - text: Keep your back and hips in their natural, neutral line as you work,\n    unless a drill moves them on purpose.\n    id: spine\n`)).toEqual([
      '4:5  cues.0  this line is the rest of the text above it, but starts further left than that text: start it in column 7, further in than "text" on line 3',
    ]);
  });
});
