// A list field written as text with "- " lines under it. Only a plain text on the field's line
// ("equipment: chair", then "- band") has the "- " lines read as more of it, and is told so;
// a text in quotes or after "|" was written as text, and a " - " inside a line starts no item.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = 'version: 1\nexercises:\n  - id: a\n';
const equipment = (source: string) => problemsIn(source).filter((line) => line.includes('exercises.0.equipment'));
const eachOnItsLine = 'write each item on a line of its own under "equipment:", indented and starting with "- "';

describe('a list field written as text over several lines', () => {
  it('after "|": told to write each item on a line of its own, not that the items were read as more of a text on its line', () => {
    expect(equipment(`${drill}    equipment: |\n      - band\n      - chair\n`)).toEqual([
      `4:5  exercises.0.equipment  must be a list, not "- band\\n- chair\\n": ${eachOnItsLine}`,
    ]);
  });

  it('in quotes: the same', () => {
    expect(equipment(`${drill}    equipment: "chair\n      - band"\n`)).toEqual([`4:5  exercises.0.equipment  must be a list, not "chair - band": ${eachOnItsLine}`]);
  });

  it('a " - " inside a later line of a plain text starts no item: the same', () => {
    expect(equipment(`${drill}    equipment: chair and\n      band - light\n`)).toEqual([
      `4:5  exercises.0.equipment  must be a list, not "chair and band - light": ${eachOnItsLine}`,
    ]);
  });
});
