// The shape of a library file and of each item in it: a file with nothing to read, missing or unknown fields, doses, names and ids.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../src/library/load.js';
import { fixture, problemsIn, problemsOf } from '../helpers/library-problems.js';

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
