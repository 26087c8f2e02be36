// List items under a field that has its value on its line already ("equipment: []", then
// "- band"): told with the field's name and line when the line above starts with a field name as
// written plainly, and in general words otherwise, rather than with a word of a note taken for it.
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const drill = 'version: 1\nexercises:\n  - id: a\n';
const said = (source: string) => problemsIn(source).filter((line) => !line.includes('missing required field'));
const general = 'this list item ("- ") follows a field that has its value on its line already; write the field name alone, with the items under it';

describe('list items under a field with its value on its line', () => {
  it('a field name in quotes: told in general words', () => {
    expect(said(`${drill}    "equipment": []\n      - band\n`)).toEqual([`5:7  exercises.0  ${general}`]);
  });

  it('a note after the value with a ":" in it: not taken for the field', () => {
    expect(said(`${drill}    "equipment": []  # note: none yet\n      - band\n`)).toEqual([`5:7  exercises.0  ${general}`]);
  });

  it('a value after a ":" on a line of its own ("? equipment", then ": []"): told in general words, with no field named ""', () => {
    expect(said(`${drill}    ? equipment\n    : []\n      - band\n`)).toEqual([`6:7  exercises.0  ${general}`]);
  });
});
