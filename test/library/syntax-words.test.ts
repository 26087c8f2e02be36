// The words for each YAML slip a person may make by hand, at the line and column to look at, with
// the field it concerns: one file's worth of each, beyond those of load-syntax.test.ts and of the corpus test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../src/library/load.js';
import { problemsIn } from '../helpers/library-problems.js';

const good = readFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), 'utf8');
const instructions = '    instructions: Step down from a low step five times, then rate your symptom.';

describe('the words for a YAML slip', () => {
  it('says how to indent a text after "|" that starts with blank lines', () => {
    const source = good.replace(instructions, '    instructions: |\n          \n        Step down from a low step.');
    expect(problemsIn(source)).toEqual([
      '15:9  movements.0  the text after ">" or "|" starts with blank lines and a line indented further than the ones after it; indent its lines alike',
    ]);
  });

  it('says only a comment may follow "|" on its line', () => {
    expect(problemsIn('version: 1\nmovements:\n  - id: a\n    instructions: |x\n      Step down.\n')).toEqual([
      '4:20  movements.0.instructions  only a comment may follow ">" or "|" on its line; the text starts on the next line, indented',
    ]);
  });

  it('says the text goes on the next line when it is written on the line of its "|" or ">"', () => {
    expect(problemsIn('version: 1\nmovements:\n  - id: a\n    instructions: | Step down.\n')).toEqual([
      '4:21  movements.0.instructions  only a comment may follow "|" on its line; the text starts on the next line, indented',
    ]);
    expect(problemsIn('version: 1\nmovements:\n  - id: a\n    instructions: >- Step: down\n      slowly.\n')).toEqual([
      '4:22  movements.0.instructions  only a comment may follow ">-" on its line; the text starts on the next line, indented',
    ]);
  });

  it('words the parser’s own message in the terms of a library: a mapping in { }, in lower case', () => {
    expect(problemsIn(good.replace('    dose:\n      reps: 10', '    dose: { reps: 10,, sets: 2 }'))).toEqual([
      '37:22  exercises.1.dose  unexpected , in mapping in { }',
    ]);
  });

  it('says a text with ": " reads as a field name, at the text, with the field it is the value of', () => {
    expect(problemsIn(good.replace('name: Ankle rocks', 'name: Ankle rocks: easy'))).toEqual([
      '32:11  exercises.1.name  the ": " in this text makes it read as a field name; put the whole text in quotes: "Ankle rocks: easy"',
    ]);
    // With both kinds of quote in it: in 'single quotes', each ' written twice.
    expect(problemsIn(good.replace('name: Ankle rocks', `name: Maria's "easy": rocks`))).toEqual([
      `32:11  exercises.1.name  the ": " in this text makes it read as a field name; put the whole text in quotes: 'Maria''s "easy": rocks'`,
    ]);
  });

  it('says a file nested far too deeply needs a few levels', () => {
    const [problem] = problemsIn(`version: 1\nexercises: ${'['.repeat(3000)}${']'.repeat(3000)}\n`);
    expect(problem).toMatch(/^2:\d+  exercises  lists or fields are nested here far too deeply, hundreds of times inside each other; a library needs a few levels$/);
  });
});

describe('a space that is not one, among the spaces that indent a line', () => {
  const pasted =
    'a non-breaking space (U+00A0), as an email or a web page may paste one, is among the spaces that indent this line: it looks like a space, but YAML reads it as text; delete the spaces at the start of the line and type them again';

  it('is told at its own line and column, named, rather than as a slip of indentation on the line above', () => {
    expect(problemsIn(good.replace('    name: Ankle rocks', '  \u00A0 name: Ankle rocks'))).toEqual([`32:3  exercises.1  ${pasted}`]);
    // Read as a field " reps", the line would make two problems about the dose.
    expect(problemsIn(good.replace('      reps: 10', '     \u00A0reps: 10'))).toEqual([`38:6  exercises.1.dose  ${pasted}`]);
    expect(problemsIn(good.replace('      - Rock your knee', '    \u00A0 - Rock your knee'))).toEqual([`36:5  exercises.1.steps  ${pasted}`]);
  });

  it('is told on a line that looks blank', () => {
    expect(problemsIn(good.replace('    region: ankle', '\u00A0\n    region: ankle'))).toEqual([
      '33:1  exercises.1  this line looks blank, but holds a non-breaking space (U+00A0), as an email or a web page may paste one: YAML reads it as text; delete what is on the line',
    ]);
    // In a file with Windows line ends too.
    expect(problemsIn(good.replace('    region: ankle', '\u00A0\n    region: ankle').replaceAll('\n', '\r\n'))).toEqual([
      '33:1  exercises.1  this line looks blank, but holds a non-breaking space (U+00A0), as an email or a web page may paste one: YAML reads it as text; delete what is on the line',
    ]);
    // Right after a text written over several lines ("|"): the line is past the text, not in it.
    const block = good.replace(instructions, '    instructions: |\n      Step down from a low step five times.\n\u00A0   ');
    expect(problemsIn(block)).toEqual([
      '15:1  movements.0  this line looks blank, but holds a non-breaking space (U+00A0), as an email or a web page may paste one: YAML reads it as text; delete what is on the line',
    ]);
  });

  it('names each kind of such space by its code', () => {
    for (const [space, name] of [
      ['\u202F', 'a narrow non-breaking space (U+202F)'],
      ['\u2007', 'a figure space (U+2007)'],
      ['\u3000', 'a wide space (U+3000)'],
    ]) {
      expect(problemsIn(good.replace('    name: Ankle rocks', `  ${space} name: Ankle rocks`))).toEqual([`32:3  exercises.1  ${pasted.replace('a non-breaking space (U+00A0)', name!)}`]);
    }
  });

  it('comes after the slips the parser found on the lines above it', () => {
    const source = good.replace('    name: Wall clamshells', '    name: Wall clamshells: lying').replace('    name: Ankle rocks', '  \u00A0 name: Ankle rocks');
    expect(problemsIn(source)).toEqual([
      '17:11  exercises.0.name  the ": " in this text makes it read as a field name; put the whole text in quotes: "Wall clamshells: lying"',
      `32:3  exercises.1  ${pasted}`,
    ]);
  });

  it('is left alone inside a text written over several lines, where it is a character of the text', () => {
    const source = good.replace('      - Rock your knee gently forward over your toes and back.', '      - |\n        Rock your knee gently.\n        \u00A0Then back.\n      - Rock your knee\n        \u00A0gently');
    const parsed = parseLibrary(source);
    if (!parsed.ok) throw new Error(`expected the library to parse, but: ${parsed.problems.map((p) => p.message).join('; ')}`);
    const { library } = parsed;
    expect(library.exercises[1]!.steps).toEqual(['Rock your knee gently.\n\u00A0Then back.', 'Rock your knee \u00A0gently']);
  });
});
