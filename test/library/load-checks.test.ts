// Checks across a library file, several problems or a great many at once, and every message in plain words.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibraryError, parseLibrary, type Problem } from '../../src/library/load.js';
import { SHOWN_PROBLEMS } from '../../src/library/problems.js';
import { checkShape } from '../../src/library/shape.js';
import { fixture, fixtures, problemsIn, problemsOf } from '../helpers/library-problems.js';

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
