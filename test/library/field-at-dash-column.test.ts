// A field of an item shifted left to the column of the item's "- ": the parser reads it as a new
// item without its "- ", but a field the item does not have yet is one of its own out of line.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const lines = [
  'version: 1',
  'exercises:',
  '  - id: wall-sit',
  '    name: Wall sit',
  '    region: knee',
  '    category: strength',
  '    steps:',
  '      - Lean your back on a wall.',
  '    dose:',
  '      sets: 2',
  '      reps: 10',
  '    side: both',
  '    loading: true',
  'routines:',
  '  - id: mine',
  '    name: Mine',
  '    description: One drill.',
  '    exercises:',
  '      - wall-sit',
];

/** The library with line `number` (from 1) written as `text`. */
const withLine = (number: number, text: string) => lines.map((line, index) => (index === number - 1 ? text : line)).join('\n') + '\n';

describe('a field written where its item\'s "- " is', () => {
  it('is told as a field of the item above, with the column of its fields', () => {
    expect(problemsIn(withLine(5, '  region: knee'))).toEqual([
      '5:3  exercises.0  this field is indented less than "name" on line 4, as far left as the "- " of the drill on line 3; the fields of one item start in the same column: start it in column 5, as "name" is',
    ]);
    expect(problemsIn(withLine(13, '  loading: true'))).toEqual([
      '13:3  exercises.0  this field is indented less than "side" on line 12, as far left as the "- " of the drill on line 3; the fields of one item start in the same column: start it in column 5, as "side" is',
    ]);
    expect(problemsIn(withLine(18, '  exercises:'))).toEqual([
      '18:3  routines.0  this field is indented less than "description" on line 17, as far left as the "- " of the routine on line 15; the fields of one item start in the same column: start it in column 5, as "description" is',
    ]);
  });

  it('right under the "- " line, is told with the column of the field on that line', () => {
    expect(problemsIn(withLine(4, '  name: Wall sit'))).toEqual([
      '4:3  exercises.0  this field is indented less than "id" on line 3, as far left as the "- " on that line; the fields of one item start in the same column: start it in column 5, as "id" is',
    ]);
  });

  it('a field of the dose, with the column of the dose\'s fields above it or under it', () => {
    expect(problemsIn(withLine(11, '  reps: 10'))).toEqual([
      '11:3  exercises.0.dose  this field of the dose is indented less than "sets" on line 10, as far left as the "- " of the drill on line 3; a field of the dose goes under "dose:": start it in column 7, as "sets" is',
    ]);
    expect(problemsIn(withLine(10, '  sets: 2'))).toEqual([
      '10:3  exercises.0.dose  this field of the dose is indented less than "reps" on line 11, as far left as the "- " of the drill on line 3; a field of the dose goes under "dose:": start it in column 7, as "reps" is',
    ]);
  });

  it('an "id", or a field the item above has already, still starts a new item without its "- "', () => {
    const next = (first: string) => `${lines.slice(0, 13).join('\n')}\n${first}\n    region: hip\n`;
    expect(problemsIn(next('  id: clamshells'))).toEqual([
      '14:3  exercises.0  a new drill starts here without "- ": write "- id: clamshells", with its "- " in column 3, as on line 3',
    ]);
    expect(problemsIn(next('  name: Clamshells'))).toEqual([
      '14:3  exercises.0  a new drill starts here without "- ": write "- name: Clamshells", with its "- " in column 3, as on line 3',
    ]);
  });
});

describe('a list of the library written where the "- " of the items above it is', () => {
  it('is told to start at the left edge', () => {
    const source = withLine(14, '  routines:');
    expect(problemsIn(source)).toEqual([
      '14:3  exercises.0  "routines:" is a field of the library itself, which starts at the left edge: start it in column 1, as "exercises" on line 2 is',
    ]);
  });
});

describe('an item of a list inside an item, written where that item\'s "- " is', () => {
  const routine = (exercises: string[]) => `${lines.slice(0, 18).join('\n')}\n${exercises.join('\n')}\n`;

  it('after the items of its list: lined up with them', () => {
    // Followed by a field of the routine, which the parser reads as more of its text.
    expect(problemsIn(`${routine(['      - wall-sit', '  - clamshells'])}    cues: []\n`)).toEqual([
      '20:3  routines.0  this list item starts as far left as the "- " of the routine on line 15, so it is read as a new routine; as an item of "exercises" (line 18), start its "- " in column 7, as on line 19',
    ]);
    // Last in the file, where it is read as a routine of its own: the same words.
    expect(problemsIn(routine(['      - wall-sit', '  - clamshells']))).toEqual([
      '20:5  routines.1  this list item starts as far left as the "- " of the routine on line 15, so it is read as a new routine; as an item of "exercises" (line 18), start its "- " in column 7, as on line 19',
    ]);
  });

  it('right under the field that opens the list: lined up with the items under it, or further in than the field', () => {
    expect(problemsIn(routine(['  - wall-sit', '      - clamshells']))).toEqual([
      '18:5  routines.0.exercises  must be a list (nothing is written here): write each item on a line of its own under "exercises:", indented and starting with "- "',
      '19:3  routines.1  this list item starts as far left as the "- " of the routine on line 15, so it is read as a new routine; as the first item of "exercises" (line 18), start its "- " in column 7, as on line 20',
    ]);
    expect(problemsIn(routine(['  - wall-sit']))).toContain(
      '19:5  routines.1  this list item starts as far left as the "- " of the routine on line 15, so it is read as a new routine; as the first item of "exercises" (line 18), start its "- " in column 7, further in than "exercises"',
    );
  });

  it('a step of a drill, its text over several lines, the same', () => {
    const drill = lines.join('\n').replace('      - Lean your back on a wall.', '      - >-\n        Lean your back\n        on a wall.\n  - Slide down.');
    expect(problemsIn(drill)).toEqual([
      '11:3  exercises.0  this list item starts as far left as the "- " of the drill on line 3, so it is read as a new drill; as an item of "steps" (line 7), start its "- " in column 7, as on line 8',
    ]);
  });
});

describe('a field of an item written at the left edge', () => {
  const edge = '"%s" starts at the left edge, where only the fields of the library itself start ("version:", "exercises:" ...): start it in column';
  const said = (name: string) => edge.replace('%s', name);

  it('is told at its own line, with the column of the fields above it, not at the line after it', () => {
    expect(problemsIn(withLine(5, 'region: knee'))).toEqual([`5:1  exercises.0  ${said('region')} 5, as "name" on line 4 is`]);
    expect(problemsIn(withLine(4, 'name: Wall sit'))).toEqual([`4:1  exercises.0  ${said('name')} 5, as "id" on line 3 is`]);
  });

  it('a field of the dose with the dose\'s fields, a field after the dose with "dose"', () => {
    expect(problemsIn(withLine(11, 'reps: 10'))).toEqual([`11:1  exercises.0.dose  ${said('reps')} 7, as "sets" on line 10 is`]);
    expect(problemsIn(withLine(12, 'side: both'))).toEqual([`12:1  exercises.0.dose  ${said('side')} 5, as "dose" on line 9 is`]);
  });

  it('a field with fields under it ("dose:")', () => {
    expect(problemsIn(withLine(9, 'dose:'))).toEqual([`9:1  exercises.0  ${said('dose')} 5, as "steps" on line 7 is`]);
  });
});

describe('an item pasted in whole, its "- " and its lines out by the same spaces', () => {
  const drill = ['  - id: clamshells', '    name: Clamshells', '    steps:', '      - Lie on your side.', '    dose:', '      reps: 12'];
  const pasted = (shift: (line: string) => string) => [...lines.slice(0, 13), ...drill.map(shift), ...lines.slice(13)].join('\n') + '\n';

  it('is told to move them all, to the last line of the item', () => {
    expect(problemsIn(pasted((line) => line.slice(2)))).toEqual([
      '14:1  exercises.0  this list item does not line up with the one on line 3: start its "- " in column 3, as the items above it do, and start the lines under it, to line 19, 2 spaces further in as well',
    ]);
    expect(problemsIn(pasted((line) => ` ${line}`))).toEqual([
      '14:4  exercises.0  this list item does not line up with the one on line 3: start its "- " in column 3, as the items above it do, and start the lines under it, to line 19, 1 space further left as well',
    ]);
  });
});

describe('a field of an item written where the "- " of a list inside it is', () => {
  it('is told with the column of the field that opens that list', () => {
    const source = withLine(18, '      exercises:').replace('    description: One drill.\n', '    description: One drill.\n    cues:\n      - stand-tall\n');
    expect(problemsIn(source)).toEqual([
      '20:7  routines.0  this field starts as far in as the "- " of the items of "cues" on line 18; the fields of one item start in the same column: start it in column 5, as "cues" is',
    ]);
  });

  it('a field of the dose, with where "dose:" is, or is to go', () => {
    // The "dose:" line lost, its first field too.
    const lost = [...lines.slice(0, 8), '      holdSeconds: 30', ...lines.slice(11)].join('\n');
    expect(problemsIn(lost)).toEqual([
      '9:7  exercises.0  this field starts as far in as the "- " of the items of "steps" on line 7; "holdSeconds" is a field of the dose: write "dose:" above it in column 5, as "steps" is, and "holdSeconds" under "dose:", further in',
    ]);
    const below = [...lines.slice(0, 6), '    dose:', '      sets: 2', ...lines.slice(6, 8), '      reps: 10', ...lines.slice(11)].join('\n');
    expect(problemsIn(below)).toEqual([
      '11:7  exercises.0  this field starts as far in as the "- " of the items of "steps" on line 9; "reps" is a field of the dose: move it under "dose:" on line 7',
    ]);
  });
});

describe('a field of the dose among the items of a list, where no dose belongs', () => {
  it('keeps the words for a field out of line in a routine; under "dose:" itself, the list item is the slip', () => {
    const routine = [...lines, '      perSide: true'].join('\n');
    expect(problemsIn(routine)).toEqual(['20:7  routines.0  this field does not line up with the fields above it; the fields of one item must start in the same column']);
    const underDose = [...lines.slice(0, 9), '      - Hold.', ...lines.slice(9)].join('\n');
    expect(problemsIn(underDose)).toEqual([
      '10:7  exercises.0.dose  this line starts with "- ", but the dose on line 9 holds fields, not list items: write its numbers as fields under "dose:", such as "sets: 3" and "holdSeconds: 30", and any words in the drill\'s steps or cues',
    ]);
  });
});
