// A tag or an anchor alone where a text goes, and comments after what is no text a person wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../src/library/load.js';
import { problemsIn } from '../helpers/library-problems.js';

const good = readFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), 'utf8');

describe('a tag or an anchor where a text goes, and comments after ids', () => {
  it('a text that is a tag alone ("- !Careful") keeps no text at all: told to put it in quotes, not to remove the tag', () => {
    expect(problemsIn(good.replace('      - mat', '      - !Careful'))).toEqual([
      '30:9  exercises.0.equipment.0  text cannot start with ! unless it is in quotes: YAML reads "!Careful" as a tag and keeps no text at all; put the whole text in quotes: "!Careful"',
    ]);
  });

  it('a text that is an anchor alone ("- &Careful") keeps no text either: told the same way, rather than as a missing text', () => {
    expect(problemsIn(good.replace('      - mat', '      - &Careful'))).toEqual([
      '30:9  exercises.0.equipment.0  text cannot start with & unless it is in quotes: YAML reads "&Careful" as the name of an anchor (which no *Careful uses) and keeps no text at all; put the whole text in quotes: "&Careful"',
    ]);
  });

  it('a tag in the value of a field whose name has a space: the path column names the drill, in one word', () => {
    expect(problemsIn(good.replace('    loading: true\n', '    loading: true\n    my notes: !Careful keep it slow\n'))).toEqual([
      '29:5  exercises.0  unknown field "my notes"; a drill can have: id, name, region, category, steps, dose, side, loading, equipment, cues, video, source',
      '29:15  exercises.0  "!Careful" is a YAML tag (a type given to a value), which a library does not use; remove it',
    ]);
  });

  it('a tag before a field name is told at the drill, to be removed, rather than as text of the field to put in quotes', () => {
    expect(problemsIn(good.replace('    name: Wall clamshells', '    !Careful name: Wall clamshells'))).toEqual([
      '17:5  exercises.0  "!Careful" is a YAML tag (a type given to a value), which a library does not use; remove it',
    ]);
  });

  it('a note after a drill\'s id in a routine is no lost text: no warning, as an id is no text a person reads', () => {
    const result = parseLibrary(good.replace('      - ankle-rocks\n', '      - ankle-rocks # warm-up first\n'));
    expect(result.ok && result.warnings).toEqual([]);
  });
});
