// How a problem line names its item and its field: a test movement by that name, and a path cut
// short only when it is longer than a reader can take in at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const good = readFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), 'utf8');

describe('the words of a problem line', () => {
  it('calls a test movement written without its "- " a test movement', () => {
    const movement = '    instructions: Step down from a low step five times, then rate your symptom.\n';
    const source = good.replace(movement, `${movement}    id: hop\n    name: Hop\n    instructions: Hop on the spot.\n`);
    expect(problemsIn(source)).toEqual([
      '14:5  movements.0.id  a new test movement starts here without "- ": write "- id:" with its "- " in the column of the "- " on line 11; ' +
        'as it is, "id", "name" and "instructions" are read as a second copy of the fields of the test movement on line 11',
    ]);
  });

  it('calls an item of an unknown list an item, whatever the list is called ("constructor", "toString")', () => {
    expect(problemsIn('version: 1\nexercises: []\ntoString:\n  - id: a\n    name: A\n    id: b\n    name: B\n')).toContain(
      '6:5  toString.0.id  a new item starts here without "- ": write "- id:" with its "- " in the column of the "- " on line 4; as it is, "id" and "name" are read as a second copy of the fields of the item on line 4',
    );
    expect(problemsIn('version: 1\nexercises: []\nconstructor:\n  - id: a\n    name: A\n\n  id: b\n    name: B\n')).toEqual([
      '7:3  constructor.0  a new item starts here without "- ": write "- id: b", with its "- " in column 3, as on line 4',
    ]);
  });

  it('names the field a slip is in when it is the first field of the file, not "(file)"', () => {
    expect(problemsIn('version: 1 x: 2\nexercises: []\n')).toEqual(['1:10  version  the ": " in this text makes it read as a field name; put the whole text in quotes: "1 x: 2"']);
    expect(problemsIn('exercises: *all\nversion: 1\n')).toEqual(['1:12  exercises  *all refers to an anchor &all that is not defined above it']);
  });

  it('says no more than "unknown exercise" for a drill when no drill has an id written as text (nothing of cues)', () => {
    const source = good.replace('- id: wall-clamshells', '- id: 1').replace('- id: ankle-rocks', '- id: 2');
    expect(problemsIn(source)).toEqual([
      '16:5  exercises.0.id  must be text, not 1',
      '31:5  exercises.1.id  must be text, not 2',
      '47:9  routines.0.exercises.0  unknown exercise "ankle-rocks"',
      '48:9  routines.0.exercises.1  unknown exercise "wall-clamshells"',
    ]);
  });

  it('says a routine\'s description or a movement\'s instructions, or an item of equipment, starting with & or ! lose that word, and how to quote them', () => {
    expect(problemsIn(good.replace('description: The two drills', 'description: &plan The two drills'))).toEqual([
      '45:18  routines.0.description  text cannot start with & unless it is in quotes: YAML reads "&plan" as the name of an anchor (which no *plan uses) ' +
        'and keeps only "The two drills we agreed on at the clinic."; put the whole text in quotes: "&plan The two drills we agreed on at the clinic."',
    ]);
    expect(problemsIn(good.replace('instructions: Step down', 'instructions: !Slowly step down'))).toEqual([
      '13:19  movements.0.instructions  text cannot start with ! unless it is in quotes: YAML reads "!Slowly" as a tag ' +
        'and keeps only "step down from a low step five times, then rate your symptom."; ' +
        'put the whole text in quotes: "!Slowly step down from a low step five times, then rate your symptom."',
    ]);
    // An item of a drill's equipment too.
    expect(problemsIn(good.replace('      - mat', '      - !Thick mat'))).toEqual([
      '30:9  exercises.0.equipment.0  text cannot start with ! unless it is in quotes: YAML reads "!Thick" as a tag and keeps only "mat"; put the whole text in quotes: "!Thick mat"',
    ]);
  });

  it('says text in curly quotes, as a word processor types them, is not in quotes, and gives it in straight ones', () => {
    const advice = 'put it in straight quotes (" or \'): a word processor\'s curly quotes “ ” and ‘ ’ are read as part of the text: "Tip: keep your feet together."';
    expect(problemsIn(good.replace('      - Open the top knee, keeping your feet together.', '      - “Tip: keep your feet together.”'))).toEqual([
      `22:9  exercises.0.steps.1  must be text, not a set of fields: the ": " after "“Tip" makes it a field name; ${advice}`,
    ]);
    expect(problemsIn(good.replace('    name: Wall clamshells', '    name: ‘Wall clamshells: lying’'))).toEqual([
      '17:11  exercises.0.name  the ": " in this text makes it read as a field name; put it in straight quotes (" or \'): a word processor\'s curly quotes “ ” and ‘ ’ are read as part of the text: "Wall clamshells: lying"',
    ]);
    // German quotes close with the mark English ones open with.
    expect(problemsIn(good.replace('    name: Wall clamshells', '    name: „Wall clamshells: lying“'))).toEqual([
      '17:11  exercises.0.name  the ": " in this text makes it read as a field name; put it in straight quotes (" or \'): a word processor\'s curly quotes “ ” and ‘ ’ are read as part of the text: "Wall clamshells: lying"',
    ]);
  });

  it('says a list item that starts with a long dash, as a word processor types one for "-", needs a plain "-", and gives the line to write', () => {
    const why = 'a long dash where a list item starts with a plain "-" (a word processor may type one in place of the other)';
    expect(problemsIn(good.replace('      - Open the top knee', '      – Open the top knee'))).toEqual([
      `22:7  exercises.0.steps  this line starts with "–", ${why}: write "- Open the top knee, keeping your feet together."`,
    ]);
    // Named by the list the line was meant to go on, not by the item of the line above.
    expect(problemsIn(good.replace('  - id: ankle-rocks', '  — id: ankle-rocks'))).toEqual([`31:3  exercises  this line starts with "—", ${why}: write "- id: ankle-rocks"`]);
    expect(problemsIn(good.replace('      - mat', '      - mat\n\n      — towel'))).toEqual([`32:7  exercises.0.equipment  this line starts with "—", ${why}: write "- towel"`]);
    // A minus sign, told at the dash and not at the blank line above it; a note after it is not part of the line to write.
    expect(problemsIn(good.replace('  - id: ankle-rocks', '\n  − id: ankle-rocks'))).toEqual([`32:3  exercises  this line starts with "−", ${why}: write "- id: ankle-rocks"`]);
    expect(problemsIn(good.replace('      - Open the top knee, keeping your feet together.', '      – Open the top knee  # from the clinic'))).toEqual([
      `22:7  exercises.0.steps  this line starts with "–", ${why}: write "- Open the top knee"`,
    ]);
    // The first item of a list, read as a text in place of the list.
    expect(problemsIn(good.replace('      - Lie on your side', '      – Lie on your side').replace('      - Open the top knee', '        Open the top knee'))).toEqual([
      `20:5  exercises.0.steps  must be a list, not "– Lie on your side with your back aga...": "–" is ${why}; write each item on a line of its own under "steps:", indented and starting with "- "`,
    ]);
  });

  it('shows a cue written as fields in a routine, without its id, how a cue is named there', () => {
    expect(problemsIn(good.replace('      - breathe', '      - text: Breathe slowly.'))).toEqual([
      '51:9  routines.0.cues.1  a routine lists each cue by its id alone, not as a set of fields, as in "- stand-tall"',
    ]);
  });

  it('shows a path of 80 characters in full, and cuts one of 81 to its first 79 and "…"', () => {
    const pathOf = (key: string) => {
      const problems = problemsIn(`version: 1\nexercises:\n  - id: a\n    ${key}: 1\n`);
      return problems.find((line) => line.startsWith('4:5  '))!.split('  ')[1];
    };
    // "exercises.0." is 12 characters.
    expect(pathOf('k'.repeat(68))).toBe(`exercises.0.${'k'.repeat(68)}`);
    expect(pathOf('k'.repeat(69))).toBe(`exercises.0.${'k'.repeat(67)}…`);
  });
});
