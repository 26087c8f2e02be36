// A list item ("- ") under "dose:", whose fields are written without one: told at the item, with
// the field to write, or where words such as "Hold 30 seconds" go.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = (...dose: string[]) =>
  [
    'version: 1',
    'exercises:',
    '  - id: wall-sit',
    '    name: Wall sit',
    '    region: knee',
    '    category: strength',
    '    steps:',
    '      - Slide down the wall.',
    '    dose:',
    ...dose,
    '    side: both',
    '    loading: true',
  ].join('\n') + '\n';

const said = 'this line starts with "- ", but the dose on line 9 holds fields, not list items';
const fields = 'such as "sets: 3" and "holdSeconds: 30", and any words in the drill\'s steps or cues';

describe('a list item under "dose:"', () => {
  it('among the fields of the dose, is told at the item, not at the field under it', () => {
    expect(problemsIn(drill('      - Hold 30 seconds.', '      sets: 3'))).toEqual([`10:7  exercises.0.dose  ${said}: write its numbers as fields under "dose:", ${fields}`]);
    expect(problemsIn(drill('      - holdSeconds: 30', '      sets: 3'))).toEqual([`10:7  exercises.0.dose  ${said}: write "holdSeconds: 30" without the "- "`]);
    expect(problemsIn(drill('      sets: 3', '      - holdSeconds: 30'))).toEqual([`11:7  exercises.0.dose  ${said}: write "holdSeconds: 30" without the "- "`]);
  });

  it('making the whole dose a list, says its fields go without "- "', () => {
    const whole = `must be a set of fields, not a list: write its fields under "dose:" without the "- " of a list item, ${fields}`;
    expect(problemsIn(drill('      - sets: 3', '      - holdSeconds: 30'))).toEqual([`9:5  exercises.0.dose  ${whole}`]);
    expect(problemsIn(drill('      - 3 sets of 30 seconds'))).toEqual([`9:5  exercises.0.dose  ${whole}`]);
  });
});
