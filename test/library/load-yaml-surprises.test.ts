// What YAML reads otherwise than a person meant: a field given twice, text read as something else or cut at " #", a step as a list, two drills of one name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/library.js';
import { LibraryError, parseLibrary } from '../../src/library/load.js';
import { fixture, problemsIn, problemsOf } from '../helpers/library-problems.js';

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
