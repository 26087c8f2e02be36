// The library loader: every problem of a hand-written library file, with the line and column a
// therapist would look at, the field it concerns, and words they can act on.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadLibrary } from '../../src/library/library.js';
import { LIBRARY_SIZE_LIMIT, LibraryError, loadLibraryFile, parseLibrary, type Problem } from '../../src/library/load.js';
import { SHOWN_PROBLEMS } from '../../src/library/problems.js';
import { checkShape } from '../../src/library/shape.js';
import { problemsIn } from '../helpers/library-problems.js';

const fixtures = join(import.meta.dirname, '../fixtures/libraries');
const fixture = (name: string) => join(fixtures, name);

/** The problems of a fixture, as the `LINE:COL  path  message` part of what validate prints. */
function problemsOf(name: string): string[] {
  return problemsIn(readFileSync(fixture(name), 'utf8'));
}

describe('a valid library', () => {
  it('parses, with defaults filled in', () => {
    const parsed = parseLibrary(readFileSync(fixture('good.yaml'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const { library } = parsed;
    expect(library.exercises.map((e) => e.id)).toEqual(['wall-clamshells', 'ankle-rocks']);
    expect(library.routines[0]?.exercises).toEqual(['ankle-rocks', 'wall-clamshells']);
    const ankleRocks = library.exercises[1]!;
    expect(ankleRocks.dose).toEqual({ reps: 10, perSide: false });
    expect(ankleRocks.equipment).toEqual([]);
    expect(ankleRocks.side).toBe('opposite');
  });

  it('reads a name written over several lines, or with a tab in it, as one line: it is shown in tables and beside ids', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8')
      .replace('name: Ankle rocks', 'name: |\n      Ankle\n      rocks')
      .replace('name: Wall clamshells', 'name: "Wall\\tclamshells"')
      .replace('name: Clinic plan', 'name: |-\n      Clinic\n        plan');
    const parsed = parseLibrary(source);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const { library } = parsed;
    expect(library.exercises.map((e) => e.name)).toEqual(['Wall clamshells', 'Ankle rocks']);
    expect(library.routines[0]?.name).toBe('Clinic plan');
    // A source too, of a drill or of a routine.
    const sourced = parseLibrary(readFileSync(fixture('good.yaml'), 'utf8')
      .replace('    loading: true', '    loading: true\n    source: |\n      Clinic handout,\n      page 2')
      .replace('name: Clinic plan', 'name: Clinic plan\n    source: "Maria\\tM."'));
    if (!sourced.ok) throw new Error(sourced.problems.map((p) => p.message).join('\n'));
    const { library: withSources } = sourced;
    expect([withSources.exercises[0]?.source, withSources.routines[0]?.source]).toEqual(['Clinic handout, page 2', 'Maria M.']);
  });

  it('loads from a file', () => {
    expect(loadLibraryFile(fixture('good.yaml')).exercises).toHaveLength(2);
  });

  it('loads a file saved on Windows, with CRLF line endings and a byte order mark, as the same library', () => {
    const folder = mkdtempSync(join(tmpdir(), 'itb-crlf-'));
    try {
      const source = readFileSync(fixture('good.yaml'), 'utf8').replace('    loading: true', '    loading: true\n    source: |\n      Clinic handout,\n      page 2');
      const windows = join(folder, 'library.yaml');
      writeFileSync(windows, `\uFEFF${source.replaceAll('\n', '\r\n')}`);
      const plain = parseLibrary(source);
      if (!plain.ok) throw new Error(plain.problems.map((p) => p.message).join('\n'));
      const { library: expected } = plain;
      const loaded = loadLibraryFile(windows);
      expect(loaded).toEqual(expected);
      expect(JSON.stringify(loaded)).not.toContain('\\r');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads a file whose lines end in a carriage return alone, as older Mac editors save text, and tells a problem at its line', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    const plain = parseLibrary(source);
    if (!plain.ok) throw new Error(plain.problems.map((p) => p.message).join('\n'));
    const mac = parseLibrary(source.replaceAll('\n', '\r'));
    expect(mac).toEqual(plain);
    expect(problemsIn(source.replace('reps: 12', 'reps: twelve').replaceAll('\n', '\r'))).toEqual([
      '25:7  exercises.0.dose.reps  must be a whole number, not "twelve": write the number in digits, as reps: 12',
    ]);
  });
});

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

describe('a field given twice', () => {
  /** A drill with every required field, and `extra` lines added at its end. */
  const drill = (id: string, extra = '') =>
    `  - id: ${id}\n    name: Drill\n    region: hip\n    category: strength\n    steps: [Lift.]\n    dose: { reps: 5 }\n    side: none\n    loading: false\n${extra}`;

  it('is reported together with every other problem of the file, each at its own place', () => {
    expect(problemsOf('duplicate-key-and-more.yaml')).toEqual([
      '7:5  exercises.0.name  duplicate field "name": each field may appear only once in the same item; this one counts, the one on line 6 is ignored',
      '8:5  exercises.0.region  must be one of: ankle, knee, hip, pelvis, trunk, shoulder, thigh, whole-leg (not "hips"); did you mean "hip"?',
      '13:7  exercises.0.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10',
      '15:5  exercises.0.loading  must be true or false, not "yes"',
      '16:5  exercises.1.side  missing required field (one of: painful, opposite, both, none)',
      '16:5  exercises.1.id  duplicate id "bridges" (already used on line 5); give each drill its own id, as a routine names its drills by id',
      '20:5  exercises.1.steps  needs at least one step',
      '30:9  routines.0.exercises.1  unknown exercise "side-planks"',
    ]);
  });

  it('alone still makes the file fail, and a library given with --data is refused (exit 2)', async () => {
    expect(parseLibrary(readFileSync(fixture('duplicate-key.yaml'), 'utf8')).ok).toBe(false);
    const file = fixture('duplicate-key.yaml');
    const refused = await loadLibrary({ file }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(LibraryError);
    const error = refused as LibraryError;
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`1 problem in the exercise library ${file}`);
    expect(error.details).toEqual([
      `${file}:11:7  exercises.0.dose.reps  duplicate field "reps": each field may appear only once in the same item; this one counts, the one on line 10 is ignored`,
    ]);
  });

  it('a drill whose "- id:" line was deleted, or written without its "- ": one problem that says so, at the first repeated field', () => {
    const two = `version: 1\nexercises:\n${drill('clamshells')}\n${drill('bridges')}routines:\n  - id: r\n    name: R\n    description: D\n    exercises: [clamshells, bridges]\n`;
    const lines = two.split('\n');
    const withoutId = lines.filter((line) => line !== '  - id: bridges').join('\n');
    expect(problemsIn(withoutId)).toEqual([
      '12:5  exercises.0.name  "name", "region", "category", "steps", "dose", "side" and "loading" are given a second time from this line on, in the drill that starts on line 3: if a new drill starts here, its "- id: ..." line is missing above this line (each field may appear only once in the same item)',
      '23:29  routines.0.exercises.1  unknown exercise "bridges"',
    ]);
    const withoutDash = two.replace('  - id: bridges', '    id: bridges');
    expect(problemsIn(withoutDash)).toEqual([
      '12:5  exercises.0.id  a new drill starts here without "- ": write "- id:" with its "- " in the column of the "- " on line 3; as it is, "id", "name", "region", "category", "steps", "dose", "side" and "loading" are read as a second copy of the fields of the drill on line 3',
      '24:17  routines.0.exercises.0  unknown exercise "clamshells"',
    ]);
  });

  it('a drill whose "- " was deleted, leaving its id where the "- " was: told at that line, not at the blank line above it', () => {
    const two = `version: 1\nexercises:\n${drill('clamshells')}\n${drill('bridges')}routines:\n  - id: r\n    name: R\n    description: D\n    exercises: [clamshells, bridges]\n`;
    const message = 'a new drill starts here without "- ": write "- id: bridges", with its "- " in column 3, as on line 3';
    expect(problemsIn(two.replace('  - id: bridges', '  id: bridges'))).toEqual([`12:3  exercises.0  ${message}`]);
    // Without the blank line between the drills, and with a note after the id.
    expect(problemsIn(two.replace('\n  - id: bridges', '  id: bridges # from the clinic'))).toEqual([`11:3  exercises.0  ${message}`]);
    // A routine too.
    const routines = `${two}  id: mine\n    name: Mine\n    description: D\n    exercises: [bridges]\n`;
    expect(problemsIn(routines)).toEqual(['25:3  routines.0  a new routine starts here without "- ": write "- id: mine", with its "- " in column 3, as on line 21']);
    // A field further in than the fields of its item, after a list under the item's first field: no new drill.
    const afterSteps = `version: 1\nexercises:\n  - steps:\n        - Lie down.\n      id: clamshells\n    name: C\n`;
    expect(problemsIn(afterSteps)[0]).toBe(
      '5:7  exercises.0  this field is indented further than "steps" on line 3; the fields of one item start in the same column: start it in column 5, as "steps" is',
    );
  });

  it('is checked with the value the message says counts: the last one', () => {
    const lastWrong = `version: 1\nexercises:\n${drill('a', '    side: left\n')}`;
    expect(problemsIn(lastWrong)).toEqual([
      '11:5  exercises.0.side  duplicate field "side": each field may appear only once in the same item; this one counts, the one on line 9 is ignored',
      '11:5  exercises.0.side  must be one of: painful, opposite, both, none (not "left"); the side is told relative to the pain, not as left or right: write "painful" for the side that hurts, or "opposite" for the other one',
    ]);
    // The wrong value comes first and is ignored: only the repeat itself is a problem.
    const firstWrong = `version: 1\nexercises:\n${drill('a', '    side: none\n').replace('side: none', 'side: left')}`;
    expect(problemsIn(firstWrong)).toEqual([
      '11:5  exercises.0.side  duplicate field "side": each field may appear only once in the same item; this one counts, the one on line 9 is ignored',
    ]);
  });

  it('points the problems inside a repeated block at the block that counts', () => {
    const source = `version: 1\nexercises:\n${drill('a', '    dose:\n      reps: 0\n')}`;
    expect(problemsIn(source)).toEqual([
      '11:5  exercises.0.dose  duplicate field "dose": each field may appear only once in the same item; this one counts, the one on line 8 is ignored',
      '12:7  exercises.0.dose.reps  must be at least 1, not 0',
    ]);
  });

  it('at the top level: the last list of drills is the one the routines are checked against', () => {
    const source = `version: 1\nexercises:\n${drill('a')}exercises:\n${drill('b')}routines:\n  - id: r\n    name: R\n    description: D\n    exercises: [a, b, c]\n`;
    expect(problemsIn(source)).toEqual([
      '11:1  exercises  duplicate field "exercises": each field may appear only once in the same item; this one counts, the one on line 2 is ignored',
      '24:17  routines.0.exercises.0  unknown exercise "a" (did you mean "b"?)',
      '24:23  routines.0.exercises.2  unknown exercise "c" (did you mean "b"?)',
    ]);
  });

  it('in a routine, reported with the unknown drill its last list names', () => {
    const source = `version: 1\nexercises:\n${drill('a')}routines:\n  - id: r\n    name: R\n    name: Q\n    description: D\n    exercises: [a]\n    exercises: [z]\n`;
    expect(problemsIn(source)).toEqual([
      '14:5  routines.0.name  duplicate field "name": each field may appear only once in the same item; this one counts, the one on line 13 is ignored',
      '17:5  routines.0.exercises  duplicate field "exercises": each field may appear only once in the same item; this one counts, the one on line 16 is ignored',
      '17:17  routines.0.exercises.0  unknown exercise "z" (did you mean "a"?)',
    ]);
  });

  it('three times: each repeat is reported, and says which one counts', () => {
    const source = `version: 1\nexercises:\n${drill('a', '    side: both\n    side: painful\n')}`;
    expect(problemsIn(source)).toEqual([
      '11:5  exercises.0.side  duplicate field "side": each field may appear only once in the same item; this one is ignored, the last one (line 12) counts',
      '12:5  exercises.0.side  duplicate field "side": each field may appear only once in the same item; this one counts, the ones on lines 9 and 11 are ignored',
    ]);
  });

  it('twice within { } on one line: the column tells them apart', () => {
    const source = `version: 1\nexercises:\n${drill('a').replace('{ reps: 5 }', '{ reps: 5, reps: 0 }')}`;
    expect(problemsIn(source)).toEqual([
      '8:22  exercises.0.dose.reps  duplicate field "reps": each field may appear only once in the same item; this one counts, the one on line 8, column 13 is ignored',
      '8:22  exercises.0.dose.reps  must be at least 1, not 0',
    ]);
  });

  it('before a real syntax slip: both are reported, and the report stops at the slip', () => {
    const source = `version: 1\nversion: 2\nexercises:\n${drill('a')}    oops\n  name: x\n`;
    expect(problemsIn(source)).toEqual([
      '2:1  version  duplicate field "version": each field may appear only once in the same item; this one counts, the one on line 1 is ignored',
      '12:5  exercises.0  this field name needs a ":" and a value after it',
    ]);
  });
});

describe('text that YAML reads as something else', () => {
  const drill = (line: string) =>
    `version: 1\nexercises:\n  - id: a\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n${line}\n    dose: {reps: 3}\n    side: none\n    loading: false\n`;

  it('a ": " inside a text with a comment after it: the text in quotes leaves the comment out', () => {
    expect(problemsIn(drill('      - Slide down.').replace('name: Wall sit', 'name: Wall sit: easy # a note'))).toEqual([
      '4:11  exercises.0.name  the ": " in this text makes it read as a field name; put the whole text in quotes: "Wall sit: easy"',
    ]);
  });

  it('a ": " inside a field\'s text: says so and gives the text in quotes', () => {
    const source = drill('      - Slide down.').replace('name: Wall sit', 'name: Wall sit: easy version');
    expect(problemsIn(source)).toEqual([
      '4:11  exercises.0.name  the ": " in this text makes it read as a field name; put the whole text in quotes: "Wall sit: easy version"',
    ]);
    // A line indented too far is still that slip, not a ": " in the text above it.
    expect(problemsIn(drill('      - Slide down.').replace('    name:', '     name:'))[0]).toContain('this line is indented further than "id" on the line above');
  });

  it('a ": " inside a step: the step is not a set of fields, and the message gives it in quotes', () => {
    expect(problemsIn(drill('      - Tip: keep the knee soft  # Maria'))).toEqual([
      '8:9  exercises.0.steps.0  must be text, not a set of fields: the ": " after "Tip" makes it a field name; put the whole text in quotes: "Tip: keep the knee soft"',
    ]);
  });

  it('a step written as fields in { }, or as two fields over two lines: said to be no text, without a quoted line that would not be the step', () => {
    expect(problemsIn(drill('      - {Tip: keep the knee soft}'))).toEqual(['8:9  exercises.0.steps.0  must be text, not a set of fields']);
    expect(problemsIn(drill('      - Tip: keep the knee soft\n        Then: hold'))).toEqual(['8:9  exercises.0.steps.0  must be text, not a set of fields']);
  });

  it('a text that starts with a quote, a bracket, a star or a reserved character: points at its start and gives it in quotes', () => {
    const cases: [string, string][] = [
      ['      - "Hold" means stay still.', '8:9  exercises.0.steps  the text ends at its closing ", and the rest of the line is left over; put the whole text in quotes: \'"Hold" means stay still.\''],
      ["      - 'Maria's step'", '8:9  exercises.0.steps  the \' inside this text ends it early; write it this way: "Maria\'s step"'],
      ['      - [Optional] hold', '8:9  exercises.0.steps  a text that starts with [ is read as a list; put the whole text in quotes: "[Optional] hold"'],
      ['      - *Gently* hold', '8:9  exercises.0.steps  a text that starts with * is read as a reference to an anchor (&name); put the whole text in quotes: "*Gently* hold"'],
      ['      - @home: hold', '8:9  exercises.0.steps.0  text cannot start with @ unless it is in quotes; put the whole text in quotes: "@home: hold"'],
    ];
    for (const [line, problem] of cases) expect(problemsIn(drill(line))).toEqual([problem]);
  });

  it('a text that starts with "!", a tag YAML reads without an error: reported, with the text in quotes', () => {
    const cases: [string, string][] = [
      ['      - !Careful now', '8:9  exercises.0.steps.0  text cannot start with ! unless it is in quotes: YAML reads "!Careful" as a tag and keeps only "now"; put the whole text in quotes: "!Careful now"'],
      ['      - !Careful', '8:9  exercises.0.steps.0  text cannot start with ! unless it is in quotes: YAML reads "!Careful" as a tag and keeps no text at all; put the whole text in quotes: "!Careful"'],
      ['      - !!str 10 reps', '8:9  exercises.0.steps.0  text cannot start with ! unless it is in quotes: YAML reads "!!str" as a tag and keeps only "10 reps"; put the whole text in quotes: "!!str 10 reps"'],
      ['      - !Slowly\n        lower', '8:9  exercises.0.steps.0  text cannot start with ! unless it is in quotes: YAML reads "!Slowly" as a tag and keeps only "lower"; put the whole text in quotes: "!Slowly lower"'],
    ];
    for (const [line, problem] of cases) expect(problemsIn(drill(line))).toEqual([problem]);
  });

  it('a tag on a number, a choice or a whole item: reported, to be removed', () => {
    expect(problemsIn(drill('      - Slide down.').replace('side: none', 'side: !!str none').replace('dose: {reps: 3}', 'dose: {reps: !!int 3}'))).toEqual([
      '9:18  exercises.0.dose.reps  "!!int" is a YAML tag (a type given to a value), which a library does not use; remove it',
      '10:11  exercises.0.side  "!!str" is a YAML tag (a type given to a value), which a library does not use; remove it',
    ]);
    expect(problemsIn(drill('      - Slide down.').replace('  - id: a', '  - !drill\n    id: a'))).toEqual([
      '3:5  exercises.0  "!drill" is a YAML tag (a type given to a value), which a library does not use; remove it',
    ]);
  });

  it('a text that starts with "&", an anchor no alias uses: reported, with the text in quotes', () => {
    expect(problemsIn(drill('      - &ref hold'))).toEqual([
      '8:9  exercises.0.steps.0  text cannot start with & unless it is in quotes: YAML reads "&ref" as the name of an anchor (which no *ref uses) and keeps only "hold"; put the whole text in quotes: "&ref hold"',
    ]);
    expect(problemsIn(drill('      - & then hold'))).toEqual([
      '8:9  exercises.0.steps  text cannot start with & unless it is in quotes; put the whole text in quotes: "& then hold"',
    ]);
  });

  it('a list item indented one space further than the one above it, which YAML reads as more of its text: told at that line, with the column', () => {
    expect(problemsIn(drill('      - Slide down.\n       - Hold.'))).toEqual([
      '9:8  exercises.0.steps.0  this line starts with "- " but is indented further than the list item above it, so YAML reads it as more of that item\'s text ("Slide down. - Hold."): start its "- " in column 7, as the item above does',
    ]);
    // A routine's drill: the column to fix, and no "unknown exercise" for the two ids read as one.
    const routine = `${drill('      - Slide down.')}routines:\n  - id: r\n    name: R\n    description: D\n    exercises:\n      - a\n       - a\n`;
    expect(problemsIn(routine)).toEqual([
      '18:8  routines.0.exercises.0  this line starts with "- " but is indented further than the list item above it, so YAML reads it as more of that item\'s text ("a - a"): start its "- " in column 7, as the item above does',
    ]);
    // A text over two lines whose second line does not start with "- " is one step, as written.
    const parsed = parseLibrary(drill('      - Slide down\n        the wall.'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const { library } = parsed;
    expect(library.exercises[0]!.steps).toEqual(['Slide down the wall.']);
  });

  it('an anchor an alias uses repeats its text, and is no problem; nor is one on a dose or an id', () => {
    const source = drill('      - &soft Keep the knee soft.\n      - *soft')
      .replace('dose: {reps: 3}', 'dose: &three {reps: 3}')
      .replace('id: a', 'id: &first a');
    const parsed = parseLibrary(source);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const { library } = parsed;
    expect(library.exercises[0]!.steps).toEqual(['Keep the knee soft.', 'Keep the knee soft.']);
  });
});

describe('text after " #", which YAML reads as a comment', () => {
  const drill = (line: string) =>
    `version: 1\nexercises:\n  - id: a\n    name: Wall sit\n    region: hip\n    category: stretch\n    steps:\n${line}\n    dose: {reps: 3}\n    side: none\n    loading: false\n`;
  const warningsIn = (source: string) => {
    const result = parseLibrary(source);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    return result.warnings.map((w) => `${w.line}:${w.col}  ${w.path}  ${w.message}`);
  };

  it('after a step, a cue, a name or any other text: a warning at the "#", with the whole text in quotes; the file still loads', () => {
    const source = drill('      - Hold 30 s # each side\n      - Lower slowly  # "gently"')
      .replace('name: Wall sit', 'name: Wall sit # easy')
      .replace('loading: false', 'loading: false\n    cues:\n      - Knee over toes # always');
    expect(warningsIn(source)).toEqual([
      '4:20  exercises.0.name  YAML reads "# easy" as a comment and leaves it out, keeping only "Wall sit"; to keep it, put the whole text in quotes: "Wall sit # easy" (a note for yourself goes on a line of its own)',
      '8:19  exercises.0.steps.0  YAML reads "# each side" as a comment and leaves it out, keeping only "Hold 30 s"; to keep it, put the whole text in quotes: "Hold 30 s # each side" (a note for yourself goes on a line of its own)',
      '9:23  exercises.0.steps.1  YAML reads "# "gently"" as a comment and leaves it out, keeping only "Lower slowly"; to keep it, put the whole text in quotes: \'Lower slowly  # "gently"\' (a note for yourself goes on a line of its own)',
      '14:24  exercises.0.cues.0  YAML reads "# always" as a comment and leaves it out, keeping only "Knee over toes"; to keep it, put the whole text in quotes: "Knee over toes # always" (a note for yourself goes on a line of its own)',
    ]);
  });

  it('after a tab, or after a drill\'s source: a warning too', () => {
    const source = drill('      - Hold 30 s\t# each side').replace('loading: false', 'loading: false\n    source: Clinic sheet # page 2');
    expect(warningsIn(source)).toEqual([
      '8:19  exercises.0.steps.0  YAML reads "# each side" as a comment and leaves it out, keeping only "Hold 30 s"; to keep it, put the whole text in quotes: "Hold 30 s\t# each side" (a note for yourself goes on a line of its own)',
      '12:26  exercises.0.source  YAML reads "# page 2" as a comment and leaves it out, keeping only "Clinic sheet"; to keep it, put the whole text in quotes: "Clinic sheet # page 2" (a note for yourself goes on a line of its own)',
    ]);
  });

  it('after a text over two lines: the text is given on one line, as YAML reads it', () => {
    expect(warningsIn(drill('      - Hold 30 s\n        and breathe # each side'))).toEqual([
      '9:21  exercises.0.steps.0  YAML reads "# each side" as a comment and leaves it out, keeping only "Hold 30 s and breathe"; to keep it, put the whole text in quotes: "Hold 30 s and breathe # each side" (a note for yourself goes on a line of its own)',
    ]);
  });

  it('is not given where nothing is lost: a comment on its own line, after an id, a number, a choice, a field name, text in quotes, or a "#" with no space before it', () => {
    const source = drill('      # the set-up\n      - "Hold 30 s" # quoted on purpose\n      - Hold#1 for 30 s\n      - [Lean in, Hold] # a list')
      .replace('steps:', 'steps: # in order')
      .replace('id: a', 'id: a # the first')
      .replace('dose: {reps: 3}', 'dose:\n      reps: 3 # each side')
      .replace('side: none', 'side: none # not one-sided')
      .replace('loading: false', 'loading: false # a stretch');
    const result = parseLibrary(source);
    // The list in a step is a problem of its own; no warning comes with it.
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['exercises.0.steps.2']);
    expect(result.warnings).toEqual([]);
  });

  it('is listed with the problems of a file that has some, after the problems are counted', () => {
    const result = parseLibrary(drill('      - Hold 30 s # each side').replace('side: none', 'side: left'));
    if (result.ok) throw new Error('expected a problem');
    const file = 'my-library.yaml';
    const error = new LibraryError(file, result.problems, result.more, result.warnings);
    expect(error.details).toEqual([
      `${file}:8:19  exercises.0.steps.0  warning: YAML reads "# each side" as a comment and leaves it out, keeping only "Hold 30 s"; to keep it, put the whole text in quotes: "Hold 30 s # each side" (a note for yourself goes on a line of its own)`,
      `${file}:10:5  exercises.0.side  must be one of: painful, opposite, both, none (not "left"); the side is told relative to the pain, not as left or right: write "painful" for the side that hurts, or "opposite" for the other one`,
    ]);
    expect(error.message).toBe(`1 problem in the exercise library ${file}`);
  });
});

describe('two drills, or two routines, of the same name', () => {
  it('warns at the second name, naming the line of the first; the file still loads', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8')
      .replace('name: Ankle rocks', 'name: wall  Clamshells')
      .concat('  - id: clinic-plan-2\n    name: Clinic plan\n    description: The same, later.\n    exercises: [ankle-rocks]\n');
    const result = parseLibrary(source);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.warnings.map((w) => `${w.line}:${w.col}  ${w.path}  ${w.message}`)).toEqual([
      '32:5  exercises.1.name  the drill on line 17 has this name too: a session, its summary and your buckets show drills by their names, so give each drill a name of its own',
      '53:5  routines.1.name  the routine on line 44 has this name too: a session offers routines by their names, so give each routine a name of its own',
    ]);
    expect(parseLibrary(readFileSync(fixture('good.yaml'), 'utf8')).warnings).toEqual([]);
  });
});

describe('a step written as a list of its own', () => {
  it('warns that the list would run together in one paragraph; the file still loads, and one line with a dash in it is no list', () => {
    const good = readFileSync(fixture('good.yaml'), 'utf8');
    const listed = good.replace(
      '      - Lie on your side with your back against a wall.\n',
      '      - |\n        - Lie on your side with your back against a wall.\n        - Bend both knees.\n',
    );
    const result = parseLibrary(listed);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.warnings.map((w) => `${w.line}:${w.col}  ${w.path}  ${w.message}`)).toEqual([
      '21:9  exercises.0.steps.0  this step holds a list of 2 items, and a step is shown as one paragraph, so they would run together: write each as a step of its own ("- " at the indent of this step\'s own "- ")',
    ]);
    // Numbered too, and folded with ">".
    const numbered = good.replace('      - Lie on your side with your back against a wall.\n', '      - >\n        1. Lie on your side.\n\n        2. Bend both knees.\n');
    expect(parseLibrary(numbered).warnings.map((w) => w.path)).toEqual(['exercises.0.steps.0']);
    // A step with one dash in its text, or a text over two lines, is a step.
    const one = good.replace('      - Lie on your side with your back against a wall.\n', '      - |\n        Lie on your side - back to a wall.\n        Then bend both knees.\n');
    expect(parseLibrary(one).warnings).toEqual([]);
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

describe('a file with nothing to read', () => {
  it('reports an empty file', () => {
    expect(problemsOf('empty.yaml')).toEqual([
      '1:1  (file)  the file is empty; a library needs at least "version: 1" and a list of exercises',
    ]);
  });

  it('reports a file that is only comments', () => {
    expect(problemsOf('only-comment.yaml')).toEqual([
      '1:1  (file)  the file holds only comments; a library needs at least "version: 1" and a list of exercises',
    ]);
    // Started with the "---" some YAML files open with.
    expect(problemsIn('---\n# My clinic library\n')).toEqual([
      '1:1  (file)  the file holds only comments; a library needs at least "version: 1" and a list of exercises',
    ]);
  });

  it('reports a top-level list instead of a set of fields', () => {
    expect(problemsOf('top-level-list.yaml')).toEqual([
      '1:1  (file)  a library file must be a set of fields ("version: 1", "exercises:" ...), not a list',
    ]);
  });

  it('reports a version this itb does not read', () => {
    expect(problemsOf('version-2.yaml')).toEqual(['1:1  version  must be 1, not 2 (the library format this itb reads)']);
  });

  it('says the version 1 written in quotes is to be written without them, rather than "must be 1, not "1""', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('version: 1', 'version: "1"');
    expect(problemsIn(source)).toEqual(['2:1  version  must be 1, written without quotes, not "1" (the library format this itb reads)']);
    expect(problemsIn(source.replace('version: "1"', "version: '2'"))).toEqual(['2:1  version  must be 1, not "2" (the library format this itb reads)']);
  });

  it('says a number or a true or false written in quotes is to be written without them, rather than "must be a whole number, not "30""', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    const quoted = source.replace('reps: 12', 'reps: "12"').replace('loading: true', "loading: 'true'").replace('perSide: false', 'perSide: "false"');
    expect(problemsIn(quoted)).toEqual([
      '25:7  exercises.0.dose.reps  must be a whole number, written without quotes, not "12"',
      '26:7  exercises.0.dose.perSide  must be true or false, written without quotes, not "false"',
      '28:5  exercises.0.loading  must be true or false, written without quotes, not "true"',
    ]);
    // Text that is no number stays told as it was.
    expect(problemsIn(source.replace('reps: 12', 'reps: "ten"'))).toEqual(['25:7  exercises.0.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10']);
  });

  it('reports a missing version at the start of the file content', () => {
    expect(problemsIn('# notes\nexercises: []\n')).toEqual([
      '2:1  version  missing required field: write the line "version: 1" at the top of the file (the library format this itb reads)',
      '2:1  exercises  needs at least one exercise',
    ]);
  });
});

describe('the shape of each item', () => {
  it('reports a missing field at the start of its item, naming the field', () => {
    expect(problemsOf('missing-field.yaml')).toEqual([
      '13:5  exercises.1.name  missing required field',
      '13:5  exercises.1.side  missing required field (one of: painful, opposite, both, none)',
    ]);
  });

  it('reports wrong types in plain words, quoting what was written', () => {
    expect(problemsOf('wrong-types.yaml')).toEqual([
      '10:7  exercises.0.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10',
      '12:5  exercises.0.loading  must be true or false, not "yes"',
    ]);
  });

  it('takes a dose from 1 to 10 sets, 1 to 100 reps and 1 to 600 seconds of hold, as the README says, and refuses one outside', () => {
    const withDose = (dose: string) => readFileSync(fixture('good.yaml'), 'utf8').replace('      reps: 10\n', dose);
    expect(parseLibrary(withDose('      sets: 1\n      reps: 1\n      holdSeconds: 1\n')).ok).toBe(true);
    expect(parseLibrary(withDose('      sets: 10\n      reps: 100\n      holdSeconds: 600\n')).ok).toBe(true);
    expect(problemsIn(withDose('      sets: 0\n      reps: 0\n      holdSeconds: 0\n'))).toEqual([
      '38:7  exercises.1.dose.sets  must be at least 1, not 0',
      '39:7  exercises.1.dose.reps  must be at least 1, not 0',
      '40:7  exercises.1.dose.holdSeconds  must be at least 1, not 0',
    ]);
    expect(problemsIn(withDose('      sets: 11\n      reps: 101\n      holdSeconds: 601\n'))).toEqual([
      '38:7  exercises.1.dose.sets  must be at most 10, not 11',
      '39:7  exercises.1.dose.reps  must be at most 100, not 101',
      '40:7  exercises.1.dose.holdSeconds  must be at most 600, not 601',
    ]);
    // Sets alone say nothing of what to do in each.
    expect(problemsIn(withDose('      sets: 3\n'))).toEqual(['37:5  exercises.1.dose  needs reps, holdSeconds or both']);
    expect(parseLibrary(withDose('      holdSeconds: 30\n')).ok).toBe(true);
  });

  it('takes a video link to a web page only', () => {
    const withVideo = (url: string) => readFileSync(fixture('good.yaml'), 'utf8').replace('    loading: false\n', `    loading: false\n    video: "${url}"\n`);
    expect(parseLibrary(withVideo('https://www.youtube.com/watch?v=abc')).ok).toBe(true);
    expect(parseLibrary(withVideo('http://example.org/ankle-rocks')).ok).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/ankle-rocks.mp4']) {
      expect(problemsIn(withVideo(url))).toEqual([`41:5  exercises.1.video  must be a web address starting with https:// or http://, not "${url}"`]);
    }
  });

  it('refuses a routine with no drills, and a library with none', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    expect(problemsIn(source.replace('    exercises:\n      - ankle-rocks\n      - wall-clamshells\n', '    exercises: []\n'))).toEqual([
      '46:5  routines.0.exercises  needs at least one exercise',
    ]);
    expect(problemsIn('version: 1\nexercises: []\n')).toEqual(['2:1  exercises  needs at least one exercise']);
  });

  it('lists the allowed values of a choice plainly', () => {
    expect(problemsOf('bad-enum.yaml')).toEqual([
      '5:5  exercises.0.region  must be one of: ankle, knee, hip, pelvis, trunk, shoulder, thigh, whole-leg (not "hips"); did you mean "hip"?',
      '11:5  exercises.0.side  must be one of: painful, opposite, both, none (not "left"); the side is told relative to the pain, not as left or right: write "painful" for the side that hurts, or "opposite" for the other one',
    ]);
  });

  it('reports each unknown field at the field itself, with a likely meant one or the allowed ones', () => {
    expect(problemsOf('unknown-field.yaml')).toEqual([
      '11:7  exercises.0.dose.tempo  unknown field "tempo"; a dose can have: sets, reps, holdSeconds, perSide',
      '14:5  exercises.0.vidoe  unknown field "vidoe" (did you mean "video" or "side"?)',
      '15:5  exercises.0.colour  unknown field "colour"; a drill can have: id, name, region, category, steps, dose, side, loading, equipment, cues, video, source',
    ]);
  });

  it('says the fields of a dose written beside the drill\'s own belong inside its dose, rather than suggest "steps" or "side"', () => {
    const source = 'version: 1\nexercises:\n  - id: a\n    name: A\n    region: hip\n    category: strength\n    steps: [Lift.]\n    side: both\n    loading: true\n    sets: 3\n    reps: 10\n    perSide: true\n';
    const inDose = 'belongs inside the dose, indented under "dose:" (or written dose: { sets: 3, reps: 10 })';
    expect(problemsIn(source)).toEqual([
      '3:5  exercises.0.dose  missing required field',
      `10:5  exercises.0.sets  unknown field "sets" for a drill: it ${inDose}`,
      `11:5  exercises.0.reps  unknown field "reps" for a drill: it ${inDose}`,
      `12:5  exercises.0.perSide  unknown field "perSide" for a drill: it ${inDose}`,
    ]);
  });

  it('names the item as the path of an unknown field with a space in its name, so that the path stays one word', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('    loading: true', '    loading: true\n    video link: https://example.org/clams');
    expect(problemsIn(source)).toEqual([expect.stringMatching(/^\d+:5  exercises\.0  unknown field "video link"; a drill can have: id, name, region, category, steps, dose, side, loading, equipment, cues, video, source$/)]);
  });

  it('says a drill added at the end of the file, after "routines:", belongs under "exercises:", in one problem rather than one per field', () => {
    const drill = '    region: hip\n    category: strength\n    steps: [Lift.]\n    dose: { reps: 5 }\n    side: both\n    loading: true\n';
    const source =
      `version: 1\nexercises:\n  - id: bridge\n    name: Bridge\n${drill}routines:\n  - id: r\n    name: R\n    description: D\n    exercises: [bridge, wall-slide]\n` +
      `  - id: wall-slide\n    name: Wall slide\n${drill}`;
    expect(problemsIn(source)).toEqual([
      '15:25  routines.0.exercises.1  unknown exercise "wall-slide"',
      '16:5  routines.1  this item has the fields of a drill (region, category, steps, dose, side, loading) but is listed under "routines:": move it up into the list under "exercises:"',
    ]);
  });

  it('takes a routine with one field of a drill for a routine still: its drills written under "steps:" are missing, not a drill to move', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('    exercises:\n      - ankle-rocks', '    steps:\n      - ankle-rocks');
    expect(problemsIn(source)).toEqual([
      '43:5  routines.0.exercises  missing required field',
      '46:5  routines.0.steps  unknown field "steps"; a routine can have: id, name, description, exercises, cues, source',
    ]);
    // With its drills listed, fields of a drill added to a routine are each unknown: it is a routine all the same.
    const withDrills = readFileSync(fixture('good.yaml'), 'utf8').replace('    exercises:\n      - ankle-rocks', '    side: both\n    loading: true\n    exercises:\n      - ankle-rocks');
    expect(problemsIn(withDrills)).toEqual([
      expect.stringMatching(/^\d+:5  routines\.0\.side  unknown field "side"; a routine can have: /),
      expect.stringMatching(/^\d+:5  routines\.0\.loading  unknown field "loading"; a routine can have: /),
    ]);
  });

  it('says how to write a list or a dose given as one plain value, and that a list left empty or written "none" may be left out', () => {
    const source =
      'version: 1\nexercises:\n  - id: a\n    name: A\n    region: hip\n    category: strength\n    steps: Lie on your side\n    side: both\n    loading: false\n' +
      '    dose: 3 x 10\n    equipment:\n    cues: none\nroutines:\n  - id: r\n    name: R\n    description: D\n    exercises: a\nmovements:\n';
    const eachItem = (field: string) => `write each item on a line of its own under "${field}:", indented and starting with "- "`;
    expect(problemsIn(source)).toEqual([
      `7:5  exercises.0.steps  must be a list, not "Lie on your side": ${eachItem('steps')}`,
      '10:5  exercises.0.dose  must be a set of fields, not "3 x 10": write its fields, as in dose: { sets: 3, reps: 10 } or dose: { holdSeconds: 30, perSide: true }',
      `11:5  exercises.0.equipment  must be a list (nothing is written here): ${eachItem('equipment')} (or, for none, leave "equipment:" out)`,
      '12:5  exercises.0.cues  must be a list, not "none": for none, leave "cues:" out, or write "cues: []"',
      `17:5  routines.0.exercises  must be a list, not "a": ${eachItem('exercises')}`,
      `18:1  movements  must be a list (nothing is written here): ${eachItem('movements')} (or, for none, leave "movements:" out)`,
    ]);
  });

  /** A drill of nine lines with `dose` (its lines) last: a strength drill, or a stretch held. */
  const dosed = (id: string, side: string, dose: string, kind: 'strength' | 'stretch') =>
    `  - id: ${id}\n    name: ${id}\n    region: hip\n    category: ${kind}\n    steps: [${kind === 'strength' ? 'Lift.' : 'Hold.'}]\n    side: ${side}\n    loading: ${kind === 'strength'}\n    dose:\n${dose}`;

  it('says how to write a dose\'s number written as on a paper plan ("3 x 10", "30s", "10 each side", "1 min", "8-12")', () => {
    const drill = (id: string, side: string, dose: string) => dosed(id, side, dose, 'strength');
    const source =
      'version: 1\nexercises:\n' +
      drill('a', 'both', '      reps: 3 x 10\n') +
      drill('b', 'both', '      holdSeconds: 30s\n') +
      drill('c', 'both', '      reps: 10 each side\n') +
      drill('d', 'painful', '      reps: 10 per side\n') +
      drill('e', 'none', '      holdSeconds: 1 min\n') +
      drill('f', 'none', '      reps: 8-12\n') +
      drill('g', 'none', '      reps: ten\n') +
      drill('h', 'both', '      holdSeconds: 3 x 30s\n') +
      drill('i', 'opposite', '      reps: 10 each leg\n') +
      drill('j', 'both', '      reps: 12 a side\n');
    expect(problemsIn(source)).toEqual([
      '11:7  exercises.0.dose.reps  must be a whole number, not "3 x 10": write the sets and the reps as two fields of the dose, sets: 3 and reps: 10',
      '20:7  exercises.1.dose.holdSeconds  must be a whole number, not "30s": write the number alone, as holdSeconds: 30',
      '29:7  exercises.2.dose.reps  must be a whole number, not "10 each side": write the number alone, as reps: 10, and "perSide: true" for a dose done on each side',
      '38:7  exercises.3.dose.reps  must be a whole number, not "10 per side": write the number alone, as reps: 10 (this drill is done on one side, and its dose is for that side)',
      '47:7  exercises.4.dose.holdSeconds  must be a whole number, not "1 min": the hold is written in seconds, as holdSeconds: 60',
      '56:7  exercises.5.dose.reps  must be a whole number, not "8-12": write one number, not a range, such as reps: 12',
      '65:7  exercises.6.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10',
      '74:7  exercises.7.dose.holdSeconds  must be a whole number, not "3 x 30s": write the sets and the hold as two fields of the dose, sets: 3 and holdSeconds: 30',
      '83:7  exercises.8.dose.reps  must be a whole number, not "10 each leg": write the number alone, as reps: 10 (this drill is done on one side, and its dose is for that side)',
      '92:7  exercises.9.dose.reps  must be a whole number, not "12 a side": write the number alone, as reps: 12, and "perSide: true" for a dose done on each side',
    ]);
  });

  it('works out the seconds of a hold written with minutes, rather than keeping the number before the unit ("1:30" is 90, not 1)', () => {
    const drill = (id: string, side: string, dose: string) => dosed(id, side, dose, 'stretch');
    const source =
      'version: 1\nexercises:\n' +
      drill('a', 'none', '      holdSeconds: 1:30\n') +
      drill('b', 'none', '      holdSeconds: 0:45\n') +
      drill('c', 'none', '      holdSeconds: 1.5 min\n') +
      drill('d', 'none', '      holdSeconds: 1 min 30 s\n') +
      drill('e', 'painful', '      holdSeconds: 2 min each side\n') +
      drill('f', 'both', '      holdSeconds: 3 x 1 min\n') +
      drill('g', 'both', '      holdSeconds: 3 x 30 s each side\n') +
      drill('h', 'none', '      holdSeconds: 2 hours\n') +
      drill('i', 'both', '      reps: 3 x 10 each side\n');
    expect(problemsIn(source)).toEqual([
      '11:7  exercises.0.dose.holdSeconds  must be a whole number, not "1:30": the hold is written in seconds, as holdSeconds: 90',
      '20:7  exercises.1.dose.holdSeconds  must be a whole number, not "0:45": the hold is written in seconds, as holdSeconds: 45',
      '29:7  exercises.2.dose.holdSeconds  must be a whole number, not "1.5 min": the hold is written in seconds, as holdSeconds: 90',
      '38:7  exercises.3.dose.holdSeconds  must be a whole number, not "1 min 30 s": the hold is written in seconds, as holdSeconds: 90',
      '47:7  exercises.4.dose.holdSeconds  must be a whole number, not "2 min each side": the hold is written in seconds, as holdSeconds: 120 (this drill is done on one side, and its dose is for that side)',
      '56:7  exercises.5.dose.holdSeconds  must be a whole number, not "3 x 1 min": write the sets and the hold as two fields of the dose, sets: 3 and holdSeconds: 60',
      '65:7  exercises.6.dose.holdSeconds  must be a whole number, not "3 x 30 s each side": write the sets and the hold as two fields of the dose, sets: 3 and holdSeconds: 30, and "perSide: true" for a dose done on each side',
      // No number of seconds to give: said without advice rather than "holdSeconds: 2".
      '74:7  exercises.7.dose.holdSeconds  must be a whole number, not "2 hours"',
      '83:7  exercises.8.dose.reps  must be a whole number, not "3 x 10 each side": write the sets and the reps as two fields of the dose, sets: 3 and reps: 10, and "perSide: true" for a dose done on each side',
    ]);
  });

  it('says a file nested absurdly deep is, with a path short enough to read', () => {
    const lists = problemsIn(`version: 1\nexercises: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatch(/^2:\d+  exercises  lists or fields are nested here far too deeply/);
    const fields = Array.from({ length: 5000 }, (_, depth) => `${'  '.repeat(depth + 1)}a:`).join('\n');
    const [deepest] = problemsIn(`version: 1\nexercises:\n${fields}\n`);
    expect(deepest).toMatch(/^\d+:\d+  exercises\.a\.a\.a[a.]*…  /);
    expect(deepest!.split('  ')[1]!.length).toBe(80);
  });

  it('says a field is empty rather than naming a type', () => {
    const source = 'version: 1\nexercises:\n  - id: a\n    name:\n';
    expect(problemsIn(source)).toContain('4:5  exercises.0.name  must be text (nothing is written here)');
  });

  it('reports an id that is not lowercase words joined by hyphens', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('id: ankle-rocks', 'id: Ankle Rocks');
    expect(problemsIn(source)).toContain('31:5  exercises.1.id  must be lowercase words joined by hyphens, like "hip-circles": the letters a to z and digits only, without accents, capitals, spaces or "_"; write "ankle-rocks"');
  });

  it('takes a test movement\'s name of up to 200 characters, as a session keeps it with its scores', () => {
    const withName = (name: string) => readFileSync(fixture('good.yaml'), 'utf8').replace('name: Step-down', `name: ${name}`);
    expect(parseLibrary(withName('a'.repeat(200))).ok).toBe(true);
    expect(problemsIn(withName('a'.repeat(201)))).toEqual([
      '12:5  movements.0.name  must be at most 200 characters, as it is kept with the scores of every session (this one has 201)',
    ]);
    expect(problemsIn(withName(`Step-down ${'slowly '.repeat(30)}`))).toEqual([
      '12:5  movements.0.name  must be at most 200 characters, as it is kept with the scores of every session (this one has 219)',
    ]);
  });

  it('takes a movement done on one leg, with room left in its name for the leg a session adds', () => {
    const oneLeg = (name: string, value = 'true') => readFileSync(fixture('good.yaml'), 'utf8').replace('name: Step-down', `name: ${name}\n    oneLeg: ${value}`);
    const firstMovement = (source: string) => {
      const parsed = parseLibrary(source);
      if (!parsed.ok) throw new Error(`not parsed: ${JSON.stringify(parsed.problems)}`);
      const { library } = parsed;
      return library.movements[0]!;
    };
    expect(firstMovement(oneLeg('Step-down')).oneLeg).toBe(true);
    expect(firstMovement(readFileSync(fixture('good.yaml'), 'utf8')).oneLeg).toBe(false);
    expect(parseLibrary(oneLeg('a'.repeat(183))).ok).toBe(true);
    expect(problemsIn(oneLeg('a'.repeat(184)))).toEqual([
      '12:5  movements.0.name  must be at most 183 characters for a movement done on one leg, as a session adds the leg to it (" on the right leg"; this one has 184)',
    ]);
    expect(problemsIn(oneLeg('Step-down', 'yes'))).toEqual(['13:5  movements.0.oneLeg  must be true or false, not "yes"']);
  });

  it('counts a movement\'s name with emoji as it checks it, in the limit and in the count it gives', () => {
    const movement = (name: string, oneLeg = '') => readFileSync(fixture('good.yaml'), 'utf8').replace('name: Step-down', `name: ${name}${oneLeg}`);
    const thumbs = (count: number) => '\u{1F44D}'.repeat(count);
    expect(parseLibrary(movement(thumbs(200))).ok).toBe(true);
    expect(problemsIn(movement(thumbs(201)))).toEqual([
      '12:5  movements.0.name  must be at most 200 characters, as it is kept with the scores of every session (this one has 201)',
    ]);
    expect(parseLibrary(movement(thumbs(183), '\n    oneLeg: true')).ok).toBe(true);
    expect(problemsIn(movement(thumbs(184), '\n    oneLeg: true'))).toEqual([
      '12:5  movements.0.name  must be at most 183 characters for a movement done on one leg, as a session adds the leg to it (" on the right leg"; this one has 184)',
    ]);
  });

  it('takes a drill\'s and a routine\'s name of up to 71 characters, and says where the rest goes', () => {
    const good = readFileSync(fixture('good.yaml'), 'utf8');
    const longest = 'Ankle rocks, slowly, with the knee over the toes and back to the start.';
    expect(longest).toHaveLength(71);
    expect(parseLibrary(good.replace('name: Ankle rocks', `name: ${longest}`).replace('name: Clinic plan', `name: ${longest}`)).ok).toBe(true);
    expect(problemsIn(good.replace('name: Ankle rocks', `name: ${longest}.`))).toEqual([
      '32:5  exercises.1.name  must be at most 71 characters, short enough for the lines that show it (this one has 72): put the details in its steps or cues',
    ]);
    expect(problemsIn(good.replace('name: Clinic plan', `name: Clinic plan ${'for the weeks ahead '.repeat(5)}`))).toEqual([
      '44:5  routines.0.name  must be at most 71 characters, short enough for the lines that show it (this one has 111): put the details in its description',
    ]);
  });

  it('counts a name\'s characters as a person does: an accent or an emoji is one, and spaces run together are one', () => {
    const good = readFileSync(fixture('good.yaml'), 'utf8');
    expect(parseLibrary(good.replace('name: Ankle rocks', `name: "${'é🦵'.repeat(35)}é"`)).ok).toBe(true);
    expect(parseLibrary(good.replace('name: Ankle rocks', `name: "Ankle${' '.repeat(100)}rocks"`)).ok).toBe(true);
    // An accent written as a mark after its letter adds none, nor does a skin tone, nor do the
    // invisible joiners between the people of a family emoji (three people, three characters).
    expect(parseLibrary(good.replace('name: Ankle rocks', `name: "${'e\u0301'.repeat(71)}"`)).ok).toBe(true);
    expect(parseLibrary(good.replace('name: Ankle rocks', `name: "${'👨\u200d👩\u200d👧'.repeat(23)}${'👍\u{1f3fd}'.repeat(2)}"`)).ok).toBe(true);
    expect(problemsIn(good.replace('name: Ankle rocks', `name: "${'🦵'.repeat(72)}"`))).toEqual([
      '32:5  exercises.1.name  must be at most 71 characters, short enough for the lines that show it (this one has 72): put the details in its steps or cues',
    ]);
  });

  it('refuses a name of characters that show nothing, as an empty one is refused, and takes one with a letter among them', () => {
    const good = readFileSync(fixture('good.yaml'), 'utf8');
    const blank = 'must not be empty: it holds only characters that show nothing, such as a zero-width space';
    // A zero-width space and joiner, a word joiner and a byte-order mark, a Hangul filler, a soft hyphen.
    expect(problemsIn(good.replace('name: Ankle rocks', 'name: "\\u200B\\u200D"').replace('name: Clinic plan', 'name: "\\u2060 \\uFEFF"'))).toEqual([
      `32:5  exercises.1.name  ${blank}`,
      `44:5  routines.0.name  ${blank}`,
    ]);
    expect(problemsIn(good.replace('name: Ankle rocks', 'name: "\\u3164"').replace('name: Step-down', 'name: "\\u00AD"'))).toEqual([
      `12:5  movements.0.name  ${blank}`,
      `32:5  exercises.1.name  ${blank}`,
    ]);
    expect(problemsIn(good.replace('name: Ankle rocks', 'name: ""'))).toEqual(['32:5  exercises.1.name  must not be empty']);
    expect(parseLibrary(good.replace('name: Ankle rocks', 'name: "\\u200BAnkle rocks"')).ok).toBe(true);
  });

  it('refuses a step, cue, description, instruction or item of equipment of characters that show nothing, as a blank one', () => {
    const good = readFileSync(fixture('good.yaml'), 'utf8');
    const blank = 'must not be empty: it holds only characters that show nothing, such as a zero-width space';
    const source = good
      .replace('      - Open the top knee, keeping your feet together.', '      - "\\u200B"')
      .replace('      - mat', '      - "\\u2060"')
      .replace('text: Breathe slowly.', 'text: "\\uFEFF \\u200D"')
      .replace('instructions: Step down from a low step five times, then rate your symptom.', 'instructions: "\\u3164"')
      .replace('description: The two drills we agreed on at the clinic.', 'description: "\\u00AD"')
      .replace('    loading: false\n', '    loading: false\n    cues:\n      - "\\u2800"\n');
    expect(problemsIn(source)).toEqual([
      `8:5  cues.1.text  ${blank}`,
      `13:5  movements.0.instructions  ${blank}`,
      `22:9  exercises.0.steps.1  ${blank}`,
      `30:9  exercises.0.equipment.0  ${blank}`,
      `42:9  exercises.1.cues.0  ${blank}`,
      `47:5  routines.0.description  ${blank}`,
    ]);
    // One with something to read among them is taken as it is.
    expect(parseLibrary(good.replace('      - Open the top knee, keeping your feet together.', '      - "\\u200BOpen the top knee."')).ok).toBe(true);
  });

  it('takes an id of up to 40 characters, one a person can type', () => {
    const withId = (id: string) => readFileSync(fixture('good.yaml'), 'utf8').replaceAll('ankle-rocks', id);
    expect(parseLibrary(withId('ankle-rocks-slowly-with-the-knee-over-to')).ok).toBe(true);
    expect(problemsIn(withId('ankle-rocks-slowly-with-the-knee-over-toes'))).toContain(
      '31:5  exercises.1.id  must be at most 40 characters, as it is typed on the command line (this one has 42)',
    );
    expect(problemsIn(withId('ankle-rocks-slowly-with-the-knee-over-toe'))).toContain(
      '31:5  exercises.1.id  must be at most 40 characters, as it is typed on the command line (this one has 41)',
    );
  });
});

describe('checks across the file', () => {
  it('reports duplicate ids of drills and of routines, saying where the first one is', () => {
    expect(problemsOf('duplicate-ids.yaml')).toEqual([
      '23:5  exercises.2.id  duplicate id "bridges" (already used on line 3); give each drill its own id, as a routine names its drills by id',
      `39:5  routines.1.id  duplicate id "strength" (already used on line 34); give each routine its own id, as a session's list takes a routine by its id`,
    ]);
    // The line of the first id itself, when the item starts with another field.
    const nameFirst = 'version: 1\nexercises: []\ncues:\n  - text: Stand tall\n    id: tall\n  - id: tall\n    text: Stand taller\n';
    expect(problemsIn(nameFirst)).toContain('6:5  cues.1.id  duplicate id "tall" (already used on line 5); give each cue its own id, as a routine names its cues by id');
  });

  it('reports duplicate ids of test movements and of cues, saying where the first one is', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8')
      .replace('  - id: breathe\n', '  - id: stand-tall\n')
      .replace('      - breathe\n', '')
      .replace('movements:\n', 'movements:\n  - id: step-down\n    name: Step-down, slowly\n    instructions: Step down slowly.\n');
    expect(problemsIn(source)).toEqual([
      '7:5  cues.1.id  duplicate id "stand-tall" (already used on line 5); give each cue its own id, as a routine names its cues by id',
      '14:5  movements.1.id  duplicate id "step-down" (already used on line 11); give each movement its own id, as `itb session --movement` takes a movement by its id',
    ]);
  });

  it('still checks the cues of routines when the list of drills is misspelt', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('\nexercises:\n', '\nexercise:\n').replace('      - breathe\n', '      - breath\n');
    expect(problemsIn(source)).toEqual([
      '15:1  exercise  unknown field "exercise" (did you mean "exercises"? the library needs that field)',
      '51:9  routines.0.cues.1  unknown cue "breath" (did you mean "breathe"?)',
    ]);
  });

  it('knows a drill\'s name in a routine whatever its capitals and spaces, and says to write its id', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('      - wall-clamshells\n', '      - wall  Clamshells\n');
    expect(problemsIn(source)).toEqual([
      '48:9  routines.0.exercises.1  "wall  Clamshells" is the name of a drill; a routine names its drills by id: "wall-clamshells"',
    ]);
  });

  it("takes a routine's id that is a drill's name in words joined by hyphens for that drill's id before it was changed, where the results stay", () => {
    const renamed = readFileSync(fixture('good.yaml'), 'utf8').replace('  - id: wall-clamshells', '  - id: clams');
    expect(problemsIn(renamed)).toEqual([
      '48:9  routines.0.exercises.1  unknown exercise "wall-clamshells": the drill named "Wall clamshells" has the id "clams"; write that id here, ' +
        'or, if "wall-clamshells" was its id before, give it back that id (results are kept by id: those of sessions with "wall-clamshells" stay with it)',
    ]);
    // One word: the name as an id, not a name written in a routine.
    const oneWord = renamed.replace('    name: Wall clamshells', '    name: Clamshells').replace('      - wall-clamshells\n', '      - clamshells\n');
    expect(problemsIn(oneWord)).toEqual([
      '48:9  routines.0.exercises.1  unknown exercise "clamshells": the drill named "Clamshells" has the id "clams"; write that id here, ' +
        'or, if "clamshells" was its id before, give it back that id (results are kept by id: those of sessions with "clamshells" stay with it)',
    ]);
  });

  it('reports a routine naming unknown drills and cues, suggesting the near ones', () => {
    expect(problemsOf('unknown-references.yaml')).toEqual([
      '32:9  routines.0.exercises.1  unknown exercise "clamshell" (did you mean "clamshells"?)',
      '33:9  routines.0.exercises.2  unknown exercise "nordic-curls"',
      '35:9  routines.0.cues.0  unknown cue "stand-tal" (did you mean "stand-tall"?)',
    ]);
  });

  it('reports a misspelt "exercises:" once, without a line for every drill of every routine', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    expect(problemsIn(source.replace('\nexercises:\n', '\nexercise:\n'))).toEqual([
      '15:1  exercise  unknown field "exercise" (did you mean "exercises"? the library needs that field)',
    ]);
    expect(problemsIn(source.replace('\nexercises:\n', '\nExercises:\n'))).toEqual(['15:1  Exercises  field names are written in lower case: write "exercises", not "Exercises"']);
  });

  it('a required field written with a capital or a typo is one problem, at the field written, not also "missing" at the top of its item', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    // With a capital, the field is the one meant, whatever other fields its name is near ("Side": "video").
    expect(problemsIn(source.replace('    loading: true', '    Loading: true'))).toEqual(['28:5  exercises.0.Loading  field names are written in lower case: write "loading", not "Loading"']);
    expect(problemsIn(source.replace('    side: opposite', '    Side: opposite'))).toEqual(['39:5  exercises.1.Side  field names are written in lower case: write "side", not "Side"']);
    expect(problemsIn(source.replace('    side: opposite', '    SIDE: opposite'))).toEqual(['39:5  exercises.1.SIDE  field names are written in lower case: write "side", not "SIDE"']);
    expect(problemsIn(source.replace('    loading: true', '    laoding: true'))).toEqual(['28:5  exercises.0.laoding  unknown field "laoding" (did you mean "loading"? a drill needs that field)']);
    // A dose's reps in capitals: not also a dose without reps.
    expect(problemsIn(source.replace('      reps: 10', '      Reps: 10'))).toEqual(['38:7  exercises.1.dose.Reps  field names are written in lower case: write "reps", not "Reps"']);
    expect(problemsIn(source.replace('      reps: 10', '      holdseconds: 10'))).toEqual([
      '38:7  exercises.1.dose.holdseconds  field names are written with the capitals the library gives them: write "holdSeconds", not "holdseconds"',
    ]);
    // An optional field: only that one, as it is not missing.
    expect(problemsIn(source.replace('    loading: true', '    loading: true\n    Source: Clinic notes'))).toEqual([expect.stringMatching(/  exercises\.0\.Source  field names are written in lower case: write "source", not "Source"$/)]);
    // Written as well as the field itself: the same field twice, perhaps with two values; one is to go.
    expect(problemsIn(source.replace('    side: opposite', '    Side: painful\n    side: opposite'))).toEqual([
      '39:5  exercises.1.Side  "Side" repeats "side" (line 40) in capitals: keep one of the two, with the value meant, written "side"',
    ]);
    expect(problemsIn(source.replace('    loading: true', '    loading: true\n    Loading: true'))).toEqual([
      '29:5  exercises.0.Loading  "Loading" repeats "loading" (line 28) in capitals: keep one of the two, with the value meant, written "loading"',
    ]);
    expect(problemsIn(source.replace('      reps: 10', '      holdSeconds: 30\n      holdseconds: 30'))).toEqual([
      '39:7  exercises.1.dose.holdseconds  "holdseconds" repeats "holdSeconds" (line 38) with other capitals: keep one of the two, with the value meant, written "holdSeconds"',
    ]);
  });

  it('a required choice written with a capital ("Region: hip", "Version: 1") is one problem too, at the field written', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    const region = problemsIn(source.replace('    region: hip', '    Region: hip'));
    expect(region).toEqual([expect.stringMatching(/^\d+:5  exercises\.0\.Region  field names are written in lower case: write "region", not "Region"$/)]);
    expect(problemsIn(source.replace('version: 1', 'Version: 1'))).toEqual(['2:1  Version  field names are written in lower case: write "version", not "Version"']);
  });

  it('does not suggest copying a drill\'s id that is itself not valid into a routine, but to fix that id', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('  - id: ankle-rocks', '  - id: Ankle Rocks');
    expect(problemsIn(source)).toEqual([
      '31:5  exercises.1.id  must be lowercase words joined by hyphens, like "hip-circles": the letters a to z and digits only, without accents, capitals, spaces or "_"; write "ankle-rocks"',
      '47:9  routines.0.exercises.0  unknown exercise "ankle-rocks": the drill with the id "Ankle Rocks" may be the one meant, but that id is not valid; fix it where the drill is written',
    ]);
    // Nor one too long to type: that id is the one to shorten.
    const long = 'ankle-rocks-done-slowly-against-the-kitchen-wall';
    const tooLong = problemsIn(readFileSync(fixture('good.yaml'), 'utf8').replace('  - id: ankle-rocks', `  - id: ${long}`));
    expect(tooLong[1]).toBe(`47:9  routines.0.exercises.0  unknown exercise "ankle-rocks": the drill with the id "${long}" may be the one meant, but that id is not valid; fix it where the drill is written`);
    // A drill written as words that are no drill's name: unknown, whatever the words.
    const words = problemsIn(readFileSync(fixture('good.yaml'), 'utf8').replace('      - ankle-rocks', '      - Side plank'));
    expect(words).toEqual([expect.stringMatching(/^47:9  routines\.0\.exercises\.0  unknown exercise "Side plank"/)]);
  });

  it('says a routine naming a drill by its name, or a cue by its text, names them by id, in one line each', () => {
    const source = readFileSync(fixture('unknown-references.yaml'), 'utf8')
      .replace('      - clamshell\n', '      - clamshells\n      - Bridges\n')
      .replace('      - stand-tal', '      - Keep your knee soft\n      - stand-tall');
    expect(problemsIn(source)).toEqual([
      '33:9  routines.0.exercises.2  "Bridges" is the name of a drill; a routine names its drills by id: "bridges"',
      '34:9  routines.0.exercises.3  unknown exercise "nordic-curls"',
      '36:9  routines.0.cues.0  a routine\'s cues are the ids of cues listed under "cues:" at the top of the file, not text: list this one there (an id and its text) and write its id here',
    ]);
    // A routine copied from another file, without the cues it names.
    expect(problemsIn(source.replace(/^cues:\n(  .*\n)+/m, '').replace('      - Keep your knee soft\n', '').replace('- stand-tall', '- knee-soft'))).toEqual([
      '30:9  routines.0.exercises.2  "Bridges" is the name of a drill; a routine names its drills by id: "bridges"',
      '31:9  routines.0.exercises.3  unknown exercise "nordic-curls"',
      '33:9  routines.0.cues.0  unknown cue "knee-soft": the file has no "cues:" list at its top, where each cue has an id and its text',
    ]);
    // One the built-in library has (test/library/built-in-copies.test.ts): where to copy it from.
    expect(problemsIn(source.replace(/^cues:\n(  .*\n)+/m, '').replace('      - Keep your knee soft\n', ''))[2]).toMatch(
      /^33:9 {2}routines\.0\.cues\.0 {2}unknown cue "stand-tall": the built-in library has a cue of this id, .* into a "cues:" list at the top of this file, which has none yet, /,
    );
  });

  it('says a routine\'s drill or cue written as a set of fields ("- id: ankle-rocks") is written as its id alone, rather than to put it in quotes', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8')
      .replace('      - ankle-rocks\n', '      - id: ankle-rocks\n      - wall-clamshells: 3 sets\n')
      .replace('      - wall-clamshells\n', '')
      .replace('      - breathe\n', '      - { id: breathe }\n');
    expect(problemsIn(source)).toEqual([
      '47:9  routines.0.exercises.0  a routine lists each drill by its id alone, not as a set of fields: write "- ankle-rocks"',
      '48:9  routines.0.exercises.1  a routine lists each drill by its id alone, not as a set of fields, as in "- clamshells"',
      '51:9  routines.0.cues.1  a routine lists each cue by its id alone, not as a set of fields: write "- breathe"',
    ]);
  });

  it('reports a drill done on one side only whose dose says "per side", which a session would show beside "your left side"', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    const painful = source.replace('      perSide: false\n', '      perSide: true\n');
    expect(problemsIn(painful)).toEqual([
      '26:7  exercises.0.dose.perSide  this drill is done on the painful side only (side: painful), so its dose is for that side: leave out "perSide: true", or make the side "both" for a drill done on each side',
    ]);
    const opposite = source.replace('      reps: 10\n    side: opposite', '      reps: 10\n      perSide: true\n    side: opposite');
    expect(problemsIn(opposite)).toEqual([
      '39:7  exercises.1.dose.perSide  this drill is done on the side opposite the pain only (side: opposite), so its dose is for that side: leave out "perSide: true", or make the side "both" for a drill done on each side',
    ]);
    // On each side, or on no particular side, "per side" is what the drill asks.
    for (const side of ['both', 'none']) expect(parseLibrary(painful.replace('    side: painful', `    side: ${side}`)).ok, side).toBe(true);
  });

  it('reports text holding control characters at the field, as written with YAML escapes', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    const lines = source.split('\n');
    const nameLine = lines.findIndex((line) => /^ {4}name: /.test(line));
    lines[nameLine] = lines[nameLine]!.replace(/name: .*/, 'name: "Step-down\\e[2J"');
    const problems = problemsIn(lines.join('\n'));
    expect(problems).toEqual([`${nameLine + 1}:5  movements.0.name  holds a control character (U+001B); write plain text`]);
  });

  it('reports a file that is one text with a control character in it under (file), like its other problem', () => {
    expect(problemsIn('"Step\\u0001down"\n')).toEqual([
      '1:1  (file)  a library file must be a set of fields ("version: 1", "exercises:" ...), not "Step\\u0001down"',
      '1:1  (file)  holds a control character (U+0001); write plain text',
    ]);
  });

  it('reports a drill or cue listed twice in one routine, since a session judges a drill once', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8')
      .replace('      - wall-clamshells\n', '      - wall-clamshells\n      - ankle-rocks\n')
      .replace('      - breathe\n', '      - breathe\n      - stand-tall\n');
    expect(problemsIn(source)).toEqual([
      '49:9  routines.0.exercises.2  "ankle-rocks" is listed twice in this routine',
      '53:9  routines.0.cues.2  "stand-tall" is listed twice in this routine',
    ]);
  });

  it('lists two problems of one line in the order they are written on it', () => {
    // A routine written on one line, with the id of the one above: its id comes first, then its description.
    const source = `${readFileSync(fixture('good.yaml'), 'utf8')}  - { id: clinic-plan, name: Again, description: "", exercises: [ankle-rocks] }\n`;
    expect(problemsIn(source)).toEqual([
      `52:7  routines.1.id  duplicate id "clinic-plan" (already used on line 43); give each routine its own id, as a session's list takes a routine by its id`,
      '52:37  routines.1.description  must not be empty',
    ]);
  });

  it('refuses the built-in routine ids rehab and retest', () => {
    expect(problemsOf('reserved-routines.yaml')).toEqual([
      '14:5  routines.0.id  "rehab" is a built-in routine name; choose another id',
      '19:5  routines.1.id  "retest" is a built-in routine name; choose another id',
    ]);
  });
});

describe('several problems at once', () => {
  it('reports all of them, shape and cross-file checks together, sorted by line', () => {
    expect(problemsOf('many-problems.yaml')).toEqual([
      '10:7  exercises.0.dose.reps  must be at least 1, not 0',
      '13:5  exercises.1.id  duplicate id "bridges" (already used on line 3); give each drill its own id, as a routine names its drills by id',
      '15:5  exercises.1.region  must be one of: ankle, knee, hip, pelvis, trunk, shoulder, thigh, whole-leg (not "back")',
      '17:5  exercises.1.steps  needs at least one step',
      '18:5  exercises.1.dose  needs reps, holdSeconds or both',
      '22:5  exercises.1.notes  unknown field "notes"; a drill can have: id, name, region, category, steps, dose, side, loading, equipment, cues, video, source',
      '26:5  routines.0.description  must not be empty',
      '28:9  routines.0.exercises.0  unknown exercise "bridge" (did you mean "bridges"?)',
    ]);
  });
});

describe('reading the file', () => {
  function libraryError(file: string): LibraryError {
    try {
      loadLibraryFile(file);
    } catch (error) {
      if (error instanceof LibraryError) return error;
      throw error;
    }
    throw new Error(`${file} loaded without an error`);
  }

  /** The error a file that cannot be read at all gives: one line, not a problem inside the library. */
  function readError(file: string): UserError {
    try {
      loadLibraryFile(file);
    } catch (error) {
      expect(error).not.toBeInstanceOf(LibraryError);
      expect(error).toBeInstanceOf(UserError);
      return error as UserError;
    }
    throw new Error(`${file} loaded without an error`);
  }

  let scratch: string;
  beforeEach(() => void (scratch = mkdtempSync(join(tmpdir(), 'itb-library-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('says where a missing file named without its full path was looked for, as ITB_DATA=my-library.yaml is looked for in every folder', () => {
    const error = readError(join('not-here', 'my-library.yaml'));
    expect(error.message).toBe(`cannot read ${join('not-here', 'my-library.yaml')}: file not found`);
    expect(error.hint).toBe(
      `A file named without its full path is looked for in the folder you run itb from (${process.cwd()}); give its full path, such as ~/itb/my-library.yaml, to use it from any folder.`,
    );
  });

  it('says plainly that a missing file is not there: exit code 2, no problem lines', () => {
    const error = readError(fixture('no-such-library.yaml'));
    expect(error.message).toBe(`cannot read ${fixture('no-such-library.yaml')}: file not found`);
    expect(error.hint).toBe('Check the path of the library file.');
    expect(error.exitCode).toBe(2);
    expect(error.details).toEqual([]);
  });

  it('reports a folder given as the file', () => {
    expect(readError(fixtures).message).toBe(`cannot read ${fixtures}: it is a folder`);
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe at once instead of waiting for a writer', () => {
    const pipe = join(scratch, 'library.yaml');
    execFileSync('mkfifo', [pipe]);
    expect(readError(pipe).message).toBe(`cannot read ${pipe}: it is a named pipe (FIFO), not a regular file`);
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device that never ends, and a link to one, without reading it', () => {
    expect(readError('/dev/zero').message).toBe('cannot read /dev/zero: it is a device, not a regular file');
    const link = join(scratch, 'library.yaml');
    symlinkSync('/dev/zero', link);
    expect(readError(link).message).toBe(`cannot read ${link}: it is a device, not a regular file`);
  });

  it('refuses a file larger than a library can be, saying how large one may be', () => {
    const file = join(scratch, 'huge.yaml');
    writeFileSync(file, `version: 1\n# ${'x'.repeat(LIBRARY_SIZE_LIMIT)}\n`);
    const error = readError(file);
    expect(error.message).toBe(`cannot read ${file}: it is larger than 2 MB, the most a library file may be`);
    expect(error.exitCode).toBe(2);
  });

  it('reads a file just under the limit', () => {
    const file = join(scratch, 'padded.yaml');
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    writeFileSync(file, `${source}\n# ${'x'.repeat(LIBRARY_SIZE_LIMIT - source.length - 4)}\n`);
    expect(statSync(file).size).toBeLessThanOrEqual(LIBRARY_SIZE_LIMIT);
    expect(loadLibraryFile(file).exercises).toHaveLength(2);
  });

  it.skipIf(process.platform === 'win32')('says in words that a link leads back to itself', () => {
    const loop = join(scratch, 'loop.yaml');
    symlinkSync(loop, loop);
    expect(readError(loop).message).toBe(`cannot read ${loop}: it is a link that leads back to itself`);
  });

  it('refuses a file saved in another encoding, pointing at its first byte that is not UTF-8', () => {
    const file = join(scratch, 'latin1.yaml');
    // A real U+FFFD on line 2 is text like any other; the é saved as the Latin-1 byte 0xE9 is not.
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('name: ', 'name: \uFFFD ');
    expect(source.endsWith('\n')).toBe(true);
    writeFileSync(file, Buffer.concat([Buffer.from(`${source}# Caf`), Buffer.from([0xe9, 0x0a])]));
    const line = source.split('\n').length;
    const error = libraryError(file);
    expect(error.details).toEqual([
      `${file}:${line}:6  (file)  byte 0xE9 is not UTF-8 text: save the file as UTF-8 (an editor may have saved it as Latin-1 or Windows-1252)`,
    ]);
    expect(error.exitCode).toBe(2);
  });

  it('refuses a file saved as UTF-16, saying so rather than that it may be Latin-1', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    const saved: [string, Buffer, string][] = [
      ['utf16le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]), 'its first bytes are FF FE'],
      ['utf16be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source, 'utf16le').swap16()]), 'its first bytes are FE FF'],
      ['no-mark-le.yaml', Buffer.from(source, 'utf16le'), 'its first character is two bytes, one of them 0x00'],
      ['no-mark-be.yaml', Buffer.from(source, 'utf16le').swap16(), 'its first character is two bytes, one of them 0x00'],
    ];
    for (const [name, bytes, sign] of saved) {
      const file = join(scratch, name);
      writeFileSync(file, bytes);
      const error = libraryError(file);
      expect(error.details).toEqual([`${file}:1:1  (file)  the file is saved as UTF-16 (${sign}): save it as UTF-8 (in the editor's "Save as", choose the encoding "UTF-8")`]);
      expect(error.message).toBe(`1 problem in the exercise library ${file}`);
      expect(error.exitCode).toBe(2);
    }
    // UTF-8 with a byte-order mark, as some editors save it, is UTF-8 all the same.
    const marked = join(scratch, 'utf8-bom.yaml');
    writeFileSync(marked, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]));
    expect(loadLibraryFile(marked).exercises).toHaveLength(2);
    // Its mark is no character of line 1: a problem there is at the column the editor shows.
    writeFileSync(marked, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source.replace(/^(# .*\n)?version: 1/, 'version: 2'))]));
    expect(libraryError(marked).details).toEqual([`${marked}:1:1  version  must be 1, not 2 (the library format this itb reads)`]);
  });

  it('refuses a word processor\'s document saved under a .yaml name as one problem at 1:1, with how to save it as plain text', () => {
    const advice =
      'not plain text: save it as plain text (TextEdit: Format > Make Plain Text; WordPad or Word: Save as, then "Plain text" or "Text Document") and keep its name ending in .yaml, or edit the library in a plain-text editor';
    const saved: [string, Buffer, string][] = [
      // TextEdit's and WordPad's default: the library's text among RTF markup, which YAML reads as a mapping in { }.
      ['rich.yaml', Buffer.from('{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n{\\fonttbl\\f0\\fswiss Helvetica;}\nversion: 1\\\n}'), 'in rich text (RTF, as TextEdit and WordPad save by default)'],
      // A .docx is a zip of its parts, compressed: bytes that are no UTF-8 text.
      ['word.yaml', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x80, 0xa0]), '(such as a Word .docx) or another zip file'],
      ['old-word.yaml', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]), '(an older Word .doc)'],
    ];
    for (const [name, bytes, what] of saved) {
      const file = join(scratch, name);
      writeFileSync(file, bytes);
      const error = libraryError(file);
      expect(error.details).toEqual([`${file}:1:1  (file)  this is a word-processor document ${what}, ${advice}`]);
      expect(error.message).toBe(`1 problem in the exercise library ${file}`);
    }
  });

  it('prints every problem as FILE:LINE:COL  path  message and counts them in the message', () => {
    const file = fixture('wrong-types.yaml');
    const error = libraryError(file);
    expect(error.details).toEqual([
      `${file}:10:7  exercises.0.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10`,
      `${file}:12:5  exercises.0.loading  must be true or false, not "yes"`,
    ]);
    expect(error.message).toBe(`2 problems in the exercise library ${file}`);
    expect(error.hint).toContain(`itb validate ${file}`);
  });
});

describe('a file with a great many problems', () => {
  it('stops checking thousands of empty items after the first problems', () => {
    const source = `version: 1\nexercises:\n${'  - {}\n'.repeat(20_000)}`;
    const result = parseLibrary(source);
    if (result.ok) throw new Error('expected problems');
    expect(result.more).toBe(true);
    expect(result.problems).toHaveLength(SHOWN_PROBLEMS);
    // Every one of them, in the first items of the list: eight fields missing from each.
    expect(result.problems.slice(0, 8).map((problem) => `${problem.line}:${problem.col}  ${problem.path}  ${problem.message.replace(/ \(.*\)$/, '')}`)).toEqual(
      ['id', 'name', 'region', 'category', 'steps', 'dose', 'side', 'loading'].map((field) => `3:5  exercises.0.${field}  missing required field`),
    );
    // The check itself stops: a few items past the first 50 problems, not all 20 000 of them.
    const { issues } = checkShape({ version: 1, exercises: Array.from({ length: 20_000 }, () => ({})) });
    expect(issues.length).toBeGreaterThan(SHOWN_PROBLEMS);
    expect(issues.length).toBeLessThanOrEqual(SHOWN_PROBLEMS + 8);
  });

  it('with exactly 50 problems, lists them all and does not say there are more', () => {
    const drill = (fields: string) => `  - {id: a, name: b, region: hip, category: stretch, steps: [x], ${fields}}\n`;
    const fifty = parseLibrary(`version: 1\nexercises:\n${'  - {}\n'.repeat(6)}${drill('dose: {reps: 1}')}`);
    if (fifty.ok) throw new Error('expected problems');
    expect([fifty.problems.length, fifty.more]).toEqual([50, false]);
    const fiftyOne = parseLibrary(`version: 1\nexercises:\n${'  - {}\n'.repeat(6)}${drill('side: none')}`.replace(', side: none', ''));
    if (fiftyOne.ok) throw new Error('expected problems');
    expect([fiftyOne.problems.length, fiftyOne.more]).toEqual([50, true]);
    // The 51st in an item of its own, after the first 50: there are more all the same.
    const lastItem = parseLibrary(`version: 1\nexercises:\n${'  - {}\n'.repeat(6)}${drill('loading: true')}${drill('dose: {reps: 1}, side: none').replace('id: a', 'id: c')}`);
    if (lastItem.ok) throw new Error('expected problems');
    expect([lastItem.problems.length, lastItem.more]).toEqual([50, true]);
  });

  it('says so in the error: more than 50, the first 50 listed', () => {
    const error = new LibraryError('big.yaml', Array.from({ length: 50 }, () => ({ line: 1, col: 1, path: 'x', message: 'y' })), true);
    expect(error.message).toBe('more than 50 problems in the exercise library big.yaml (the first 50 are listed)');
    expect(error.details).toHaveLength(50);
  });
});

describe('every message reads as plain words', () => {
  const valid = new Set(['good.yaml', 'long-text.yaml', 'wide-text.yaml']);
  const broken = readdirSync(fixtures).filter((name) => name.endsWith('.yaml') && !valid.has(name));

  it('has broken fixtures to check', () => {
    expect(broken.length).toBeGreaterThanOrEqual(15);
  });

  it.each(broken)('%s', (name) => {
    const result = parseLibrary(readFileSync(fixture(name), 'utf8'));
    expect(result.ok).toBe(false);
    const problems: Problem[] = result.ok ? [] : result.problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const { line, col, path, message } of problems) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(col).toBeGreaterThanOrEqual(1);
      expect(path).toMatch(/^(\(file\)|[\w-]+(\.[\w-]+)*)$/);
      expect(message).toMatch(/^[a-z"*]/);
      expect(message).not.toMatch(/\n|\[object |undefined|Invalid input|Invalid option|expected .* received|Unrecognized|    at /);
    }
    const lines = problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
