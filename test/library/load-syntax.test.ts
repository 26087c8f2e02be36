// YAML syntax errors in a library file, told at the line and column a therapist would look at, with the command to check again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibraryError, parseLibrary } from '../../src/library/load.js';
import { fixture, problemsIn, problemsOf } from '../helpers/library-problems.js';

describe('YAML syntax errors', () => {
  it('points an unclosed [ list at the bracket that opens it', () => {
    expect(problemsOf('unclosed-list.yaml')).toEqual([
      '7:12  exercises.0.steps  the list that opens with "[" here is not closed with "]" (if it runs over several lines, indent them further than its field name)',
    ]);
  });

  it('points bad indentation at the first character of the line, not at the spaces', () => {
    expect(problemsOf('bad-indent.yaml')).toEqual([
      '5:4  exercises.0  this field is indented less than "name" on line 4; the fields of one item start in the same column: start it in column 5, as "name" is',
    ]);
  });

  it('a line one space off, a list item without "- " or a field without the space after ":": told at that line, with what to write', () => {
    const drill = (lines: string) =>
      `version: 1\nexercises:\n  - id: a\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n      - Slide down.\n      - Hold.\n${lines}`;
    const rest = '    dose: {reps: 3}\n    side: none\n    loading: false\n';
    // A field indented one space too far: the line itself, not the end of the line above it.
    expect(problemsIn(drill(rest.replace('    loading:', '     loading:')))).toEqual([
      '12:6  exercises.0  this line is indented further than "side" on the line above; the fields of one item start in the same column: start it in column 5, as "side" is',
    ]);
    // One space short of the fields above it, or one space further after a value on its own line:
    // the column of the fields of the item.
    expect(problemsIn(drill(rest.replace('    side:', '   side:')))).toEqual([
      '11:4  exercises.0.dose  this field is indented less than "dose" on line 10; the fields of one item start in the same column: start it in column 5, as "dose" is',
    ]);
    expect(problemsIn(drill(rest.replace('    side:', '     side:')))).toEqual([
      '11:6  exercises.0.dose  this field is indented further than "dose" on line 10; the fields of one item start in the same column: start it in column 5, as "dose" is',
    ]);
    expect(problemsIn(drill(rest.replace('    dose:', '   dose:')))).toEqual([
      '10:4  exercises.0  this field is indented less than "steps" on line 7; the fields of one item start in the same column: start it in column 5, as "steps" is',
    ]);
    // Between a field and the fields under it, it may be either's.
    expect(problemsIn(drill(rest.replace('    dose: {reps: 3}', '    dose:\n      sets: 3\n     reps: 10')))).toEqual([
      '12:6  exercises.0.dose  this field is indented further than "dose" on line 10 and less than "sets" under it: start it in column 5, as "dose" is, or in column 7 if it belongs under "dose", as "sets" does',
    ]);
    // After the fields under a field, one space further than it.
    expect(problemsIn(drill(rest.replace('    dose: {reps: 3}', '    dose:\n      reps: 3').replace('    loading:', '     loading:')))).toEqual([
      '13:6  exercises.0  this line is indented further than "side" on the line above; the fields of one item start in the same column: start it in column 5, as "side" is',
    ]);
    // A list item one space short, on its own line rather than on the line above it.
    expect(problemsIn(drill(`     - Stand up.\n${rest}`))).toEqual([
      '10:6  exercises.0  this list item does not line up with the one on line 9: start its "- " in column 7, as the items above it do',
    ]);
    expect(problemsIn(`${drill(rest)}\n - id: b\n   name: B\n`)).toEqual([
      '14:2  exercises.0  this list item does not line up with the one on line 3: start its "- " in column 3, as the items above it do, and start the lines under it, to line 15, 1 space further in as well',
    ]);
    // An item of a list of texts without its "- ".
    expect(problemsIn(drill(`      Stand up.\n${rest}`))).toEqual([
      '10:7  exercises.0  this line is in a list, but does not start with "- " as the items above it do; write "- Stand up."',
    ]);
    // "loading:false", "loading false".
    expect(problemsIn(drill(rest.replace('loading: false', 'loading:false')))).toEqual([
      '12:5  exercises.0  a space is missing after the ":" of "loading"; write "loading: false"',
    ]);
    expect(problemsIn(drill(rest.replace('loading: false', 'loading false')))).toEqual([
      '12:5  exercises.0  a ":" is missing after the field name "loading"; write "loading: false"',
    ]);
    // A field name alone, its list or its value to come; the id after the "- " of a drill.
    expect(problemsIn(drill(rest).replace('    steps:\n', '    steps\n'))).toEqual([
      '7:5  exercises.0  a ":" is missing after the field name "steps"; write "steps:"',
    ]);
    expect(problemsIn(drill(rest.replace('loading: false', 'loading')))).toEqual([
      '12:5  exercises.0  a ":" is missing after the field name "loading"; write "loading: " and its value',
    ]);
    expect(problemsIn(`${drill(rest)}  - id b\n    name: B\n`)).toEqual([
      '13:5  exercises.1  a ":" is missing after the field name "id"; write "id: b"',
    ]);
  });

  it('a drill whose "- " starts one space further than the drill above it, or as far in as its fields: told with the column of the "- " above', () => {
    const drill = (lines: string) =>
      `version: 1\nexercises:\n  - id: a\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n      - Slide down.\n      - Hold.\n${lines}`;
    const rest = '    dose: {reps: 3}\n    side: none\n    loading: false\n';
    expect(problemsIn(`${drill(rest)}   - id: b\n     name: B\n`)).toEqual([
      '13:4  exercises.0  this list item does not line up with the one on line 3: start its "- " in column 3, as the items above it do, and start the lines under it, to line 14, 1 space further left as well',
    ]);
    // Rather than to put "- id: b" in quotes, as if it were a text with ": " in it.
    expect(problemsIn(`${drill(rest)}    - id: b\n      name: B\n`)).toEqual([
      '13:5  exercises.0  this list item does not line up with the one on line 3: start its "- " in column 3, as the items above it do, and start the lines under it, to line 14, 2 spaces further left as well',
    ]);
  });

  it('keeps the parser\'s words where the line may not be the slip: a line that is no field name, a field under one left too far out', () => {
    const drill = (lines: string) =>
      `version: 1\nexercises:\n  - id: a\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n      - Slide down.\n      - Hold.\n${lines}`;
    const rest = '    dose: {reps: 3}\n    side: none\n    loading: false\n';
    expect(problemsIn(drill(`    nombre Wall sit\n${rest}`))).toEqual([
      '10:5  exercises.0  a field name must be on one line and followed by ":" (is a ":" missing, or a line indented too far?)',
    ]);
    // A comment line between the items of a list is not one of them.
    expect(problemsIn(drill(`      # a note\n      Stand up.\n${rest}`))).toEqual([
      '11:7  exercises.0  this line is in a list, but does not start with "- " as the items above it do; write "- Stand up."',
    ]);
  });

  it('tells a field written as far left as the field above it, with the line after it further in, at its own line with the column for each reading', () => {
    const drill = (lines: string) =>
      `version: 1\nexercises:\n  - id: a\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n      - Slide down.\n${lines}    side: none\n    loading: false\n`;
    // A field of the dose belongs under "dose:": moving "reps" out to "sets" would leave the dose empty.
    expect(problemsIn(drill('    dose:\n    sets: 3\n      reps: 10\n'))).toEqual([
      '10:5  exercises.0.dose  "sets" starts as far left as "dose" on line 9, and the line after it further in: a field of the dose goes under "dose:"; to put it under "dose", start it in column 7, as "reps" on the next line is',
    ]);
    // A drill's own field under another is no slip: the line after it is indented too far.
    expect(problemsIn(drill('    dose: {reps: 3}\n    equipment:\n    video: https://example.org/v\n      source: Clinic\n'))).toEqual([
      '12:7  exercises.0  this line is indented further than "video" on the line above; the fields of one item start in the same column: start it in column 5, as "video" is',
    ]);
    // Else either may be the slip: both columns.
    expect(problemsIn(drill('    dose:\n    set: 3\n      reps: 10\n'))).toEqual([
      '10:5  exercises.0.dose  "set" starts as far left as "dose" on line 9, and the line after it further in: to put it under "dose", start it in column 7, as "reps" on the next line is, or else start "reps" in column 5',
    ]);
  });

  it('reports fields that do not line up', () => {
    const source = 'version: 1\nexercises:\n  - id: a\n  name: b\n';
    expect(problemsIn(source)).toEqual([
      '4:3  exercises.0  this field is indented less than "id" on line 3, as far left as the "- " on that line; the fields of one item start in the same column: start it in column 5, as "id" is',
    ]);
  });

  it('reports a tab used to indent', () => {
    expect(problemsIn('version: 1\nexercises:\n\t- id: a\n')).toEqual([
      '3:1  exercises  a tab is used to indent this line; indent with spaces only',
    ]);
  });

  it('reports a tab among the spaces that indent a field, where an editor shows it as a few spaces', () => {
    expect(problemsIn('version: 1\nexercises:\n  - id: a\n    name: A\n  \t region: hip\n    category: strength\n')).toEqual([
      '5:3  exercises.0  a tab is used to indent this line; indent with spaces only',
    ]);
  });

  it('a tab that makes the parser trip on the line above it, or inside a text after ">": the tab is told', () => {
    const drill = (lines: string) =>
      `version: 1\nexercises:\n  - id: a\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n      - Slide down.\n${lines}    dose: {reps: 3}\n    side: none\n    loading: false\n`;
    expect(problemsIn(drill('      - Hold.\n     side2: x\n\tfoo: 1\n'))[0]).toBe('11:1  exercises.0  a tab is used to indent this line; indent with spaces only');
    expect(problemsIn(drill('').replace('name: Wall sit', 'name: >\n      Wall\n \t    sit'))).toEqual([
      '6:2  exercises.0  a tab is used to indent this line; indent with spaces only',
    ]);
  });

  it('after a slip in the structure, a field given twice further on is not listed: what the parser read there is a guess', () => {
    const source = `version: 1\nexercises:\n  - id: a\n    name: @home\n  - id: b\n    side: none\n    side: both\n`;
    expect(problemsIn(source)).toEqual([
      '4:11  exercises.0.name  text cannot start with @ unless it is in quotes; put the whole text in quotes: "@home"',
    ]);
  });

  it('points an unclosed quote at the quote that opens it', () => {
    const source = 'version: 1\nexercises:\n  - id: a\n    name: "Bridges\n';
    expect(problemsIn(source)).toEqual(['4:11  exercises.0.name  the text that starts with " here has no closing "']);
  });

  it('says how to keep a \' that starts a text as an apostrophe, when nothing on its line closes it', () => {
    const step = "version: 1\nexercises:\n  - id: a\n    steps:\n      - 'til the knee is level # slowly\n";
    expect(problemsIn(step)).toEqual([
      `5:9  exercises.0.steps  the text that starts with ' here has no closing '; end the text with ', or, if the ' belongs to the text, put the whole text in double quotes: "'til the knee is level"`,
    ]);
    // A '' inside is an apostrophe written as YAML wants it: only the closing ' is missing.
    expect(problemsIn("version: 1\nexercises:\n  - id: a\n    name: 'Maria''s wall sit\n")).toEqual(["4:11  exercises.0.name  the text that starts with ' here has no closing '"]);
  });

  it('reports a duplicate key at the second one, naming it and saying which one counts', () => {
    expect(problemsOf('duplicate-key.yaml')).toEqual([
      '11:7  exercises.0.dose.reps  duplicate field "reps": each field may appear only once in the same item; this one counts, the one on line 10 is ignored',
    ]);
  });

  it('reports every duplicate key, not just the first', () => {
    const source = 'version: 1\nversion: 1\nexercises: []\nexercises: []\n';
    expect(problemsIn(source)).toEqual([
      '2:1  version  duplicate field "version": each field may appear only once in the same item; this one counts, the one on line 1 is ignored',
      '4:1  exercises  duplicate field "exercises": each field may appear only once in the same item; this one counts, the one on line 3 is ignored',
      '4:1  exercises  needs at least one exercise',
    ]);
  });

  it('stops at the first indentation slip instead of listing the guesses that follow it', () => {
    // Lines 6 to 12 are fine; the parser only loses its footing because of line 5.
    expect(problemsOf('bad-indent.yaml')).toHaveLength(1);
  });

  it('says a "<<:" merge is not supported, rather than suggesting a field name for it', () => {
    const source = 'version: 1\nexercises:\n  - &base\n    id: a\n    name: A\n  - <<: *base\n    id: b\n';
    expect(problemsIn(source)).toContain('6:5  exercises.1.<<  "<<:" (copying the fields of an &anchor into this item) is not supported; write the fields out in full');
  });

  it('reports an alias to an anchor that does not exist', () => {
    expect(problemsIn('version: 1\nexercises: *drills\n')).toEqual([
      '2:12  exercises  *drills refers to an anchor &drills that is not defined above it',
    ]);
  });

  it('stops an alias bomb (nested aliases nine levels deep) with a clear message', () => {
    expect(problemsOf('alias-bomb.yaml')).toEqual([
      '1:1  (file)  the aliases (*name) in this file expand into far too much data; write the items out in full',
    ]);
  });

  it('reports more than one document in the file, with what to do', () => {
    expect(problemsIn('version: 1\n---\nversion: 1\n')).toEqual([
      '2:1  (file)  the file holds more than one document (a line of "---" in the middle); a library is one document: delete that line, and write what follows it into the fields and lists above it (one "version:", one "exercises:" ...)',
    ]);
  });

  it('reads a file that ends with "---" and nothing after it but comments as the one library it is', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    for (const end of ['---\n', '---', '--- # end\n\n# the old plan was here\n', '---\r\n# end\r\n']) {
      const parsed = parseLibrary(`${source}${end}`);
      expect(parsed, JSON.stringify(end)).toMatchObject({ ok: true, library: { exercises: [expect.anything(), expect.anything()] } });
    }
  });
});

describe('the command a broken library file gives to check it again', () => {
  it('puts a file name with spaces or quotes in quotes, so the command can be copied as it is', () => {
    const result = parseLibrary('version: 1\nexercises: []\n');
    if (result.ok) throw new Error('expected a problem');
    expect(new LibraryError("/srv/Sam's library/lib.yaml", result.problems).hint).toContain(`\`itb validate '/srv/Sam'\\''s library/lib.yaml'\` to check again`);
    expect(new LibraryError('/srv/itb/lib.yaml', result.problems).hint).toContain('`itb validate /srv/itb/lib.yaml` to check again');
  });
});

describe('a bad escape in "double quotes"', () => {
  it('is reported together with the other problems: the text around it is still read', () => {
    const source = 'version: 1\nexercises:\n  - id: a\n    name: "Smith \\& Jones"\n    region: back\n';
    expect(problemsIn(source)).toEqual([
      '3:5  exercises.0.category  missing required field (one of: joint-mobility, strength, stretch, mobility, soft-tissue, balance, warm-up)',
      '3:5  exercises.0.steps  missing required field',
      '3:5  exercises.0.dose  missing required field',
      '3:5  exercises.0.side  missing required field (one of: painful, opposite, both, none)',
      '3:5  exercises.0.loading  missing required field (true or false)',
      '4:18  exercises.0.name  invalid escape \\& in text within "double quotes"; write \\\\ for a backslash, or use \'single quotes\'',
      '5:5  exercises.0.region  must be one of: ankle, knee, hip, pelvis, trunk, shoulder, thigh, whole-leg (not "back")',
    ]);
  });
});
