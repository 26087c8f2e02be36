// A field of an item written further in than the "- " of a list of texts inside it ("cues:"
// under a routine's "      - wall-sit"): the parser reads it as more of that item's text. Right
// under the field that opens the list, it makes that field a set of fields.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const head = [
  'version: 1',
  'cues:',
  '  - id: stand-tall',
  '    text: Grow tall.',
  'exercises:',
  '  - id: wall-sit',
  '    name: Wall sit',
  '    region: knee',
  '    category: strength',
  '    steps:',
  '      - Lean your back on a wall.',
  '    dose:',
  '      holdSeconds: 30',
  '    side: both',
  '    loading: true',
  'routines:',
  '  - id: mine',
  '    name: Mine',
  '    description: One drill.',
  '    exercises:',
];

const library = (...rest: string[]) => [...head, ...rest].join('\n') + '\n';

describe('a routine\'s field indented like the items of its "exercises"', () => {
  it('is told at the field, with the column of "exercises"', () => {
    const fix = 'the fields of one item start in the same column: start it in column 5, as "exercises" is';
    expect(problemsIn(library('      - wall-sit', '        cues:', '          - stand-tall'))).toEqual([
      `22:9  routines.0.exercises  "cues:" is indented further than the "- " of the items of "exercises" on line 20, so it is read as more of the text of the item above it; ${fix}`,
    ]);
    expect(problemsIn(library('    - wall-sit', '      cues:', '      - stand-tall'))).toEqual([
      `22:7  routines.0.exercises  "cues:" is indented further than the "- " of the items of "exercises" on line 20, so it is read as more of the text of the item above it; ${fix}`,
    ]);
    expect(problemsIn(library('      - wall-sit', '      - wall-sit', '         source: My notes'))).toEqual([
      `23:10  routines.0.exercises  "source:" is indented further than the "- " of the items of "exercises" on line 20, so it is read as more of the text of the item above it; ${fix}`,
    ]);
  });

  it('right under "exercises:", before its items, is told as what makes "exercises" a set of fields', () => {
    const held = 'must be a list, not a set of fields: "cues:" on line 21 is indented under "exercises:", which makes "exercises" hold it: start "cues:" in column 5, as "exercises" is, and list the items of "exercises" under "exercises:", each starting with "- "';
    expect(problemsIn(library('      cues:', '      - stand-tall', '      - wall-sit'))).toEqual([`20:5  routines.0.exercises  ${held}`]);
    expect(problemsIn(library('      cues:', '        - stand-tall'))).toEqual([`20:5  routines.0.exercises  ${held}`]);
    // Under a list of the library itself, the fields are rather those of an item that lost its "- ".
    const lostDash = library('      - wall-sit').replace('  - id: mine', '    id: mine');
    expect(problemsIn(lostDash)).toEqual(['16:1  routines  must be a list, not a set of fields']);
  });

  it('is told as before where the line under the item is no field of the library', () => {
    expect(problemsIn(library('      - wall-sit', '        notes: slowly'))[0]).toMatch(/^21:9 .* a field name must be on one line/);
  });
});
