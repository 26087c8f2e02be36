// A value close to a right one, written from habit (a side named "left", an id with capitals, a
// web address without https://), is told with the value to write.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../helpers/library-problems.js';

const good = readFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), 'utf8');
const sideRule = 'must be one of: painful, opposite, both, none';
const idRule = 'must be lowercase words joined by hyphens, like "hip-circles": the letters a to z and digits only, without accents, capitals, spaces or "_"';

describe('a value written from habit', () => {
  it('says a side is told relative to the pain, not as left or right', () => {
    const relative = 'the side is told relative to the pain, not as left or right: write "painful" for the side that hurts, or "opposite" for the other one';
    for (const side of ['left', 'Right', 'R', 'left leg']) {
      expect(problemsIn(good.replace('side: painful', `side: ${side}`))).toEqual([`27:5  exercises.0.side  ${sideRule} (not "${side}"); ${relative}`]);
    }
    expect(problemsIn(good.replace('side: painful', 'side: both legs'))).toEqual([`27:5  exercises.0.side  ${sideRule} (not "both legs"); write "both" for a drill done on both sides`]);
    // A misspelt choice is told the one it is closest to.
    expect(problemsIn(good.replace('side: painful', 'side: painfull'))).toEqual([`27:5  exercises.0.side  ${sideRule} (not "painfull"); did you mean "painful"?`]);
  });

  it('gives an id with capitals, spaces, underscores or accents written as an id', () => {
    const renamed = (id: string) => good.replace('- id: wall-clamshells', `- id: ${id}`).replace('- wall-clamshells', '- wall-clamshell-x');
    expect(problemsIn(renamed('Wall Clamshells'))[0]).toBe(`16:5  exercises.0.id  ${idRule}; write "wall-clamshells"`);
    expect(problemsIn(renamed('wall_clamshells'))[0]).toBe(`16:5  exercises.0.id  ${idRule}; write "wall-clamshells"`);
    expect(problemsIn(renamed('almejas-pared-ñ'))[0]).toBe(`16:5  exercises.0.id  ${idRule}; write "almejas-pared-n"`);
    expect(problemsIn(good.replace('- id: clinic-plan', '- id: Clinic Plan'))).toEqual([`43:5  routines.0.id  ${idRule}; write "clinic-plan"`]);
    // Nothing to offer for a character that is no letter, nor for a hyphen where a word should be.
    expect(problemsIn(renamed('wall-clamshells!'))[0]).toBe(`16:5  exercises.0.id  ${idRule}`);
  });

  it('gives a video link without its https:// with it', () => {
    const withVideo = (video: string) => good.replace('      - mat\n', `      - mat\n    video: ${video}\n`);
    expect(problemsIn(withVideo('www.youtube.com/watch?v=abc123'))).toEqual([
      '31:5  exercises.0.video  must be a web address starting with https:// or http://, not "www.youtube.com/watch?v=abc123"; write it with https:// at its start: "https://www.youtube.com/watch?v=abc123"',
    ]);
    expect(problemsIn(withVideo('youtu.be/abc123'))).toEqual([
      '31:5  exercises.0.video  must be a web address starting with https:// or http://, not "youtu.be/abc123"; write it with https:// at its start: "https://youtu.be/abc123"',
    ]);
    // Words, or another kind of address, are no web address with its start left off.
    expect(problemsIn(withVideo('see the clinic video'))).toEqual(['31:5  exercises.0.video  must be a web address starting with https:// or http://, not "see the clinic video"']);
    expect(problemsIn(withVideo('ftp://example.com/a'))).toEqual(['31:5  exercises.0.video  must be a web address starting with https:// or http://, not "ftp://example.com/a"']);
  });

  it('gives a dose written in words with its number in digits', () => {
    const reps = (written: string) => problemsIn(good.replace('reps: 12', `reps: ${written}`));
    expect(reps('ten')).toEqual(['25:7  exercises.0.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10']);
    expect(reps('Twelve reps')).toEqual(['25:7  exercises.0.dose.reps  must be a whole number, not "Twelve reps": write the number in digits, as reps: 12']);
    // A one-sided drill's dose is for its one side: said, as for "10 each side".
    expect(reps('ten each side')).toEqual([
      '25:7  exercises.0.dose.reps  must be a whole number, not "ten each side": write the number in digits, as reps: 10 (this drill is done on one side, and its dose is for that side)',
    ]);
    const hold = (written: string) => problemsIn(good.replace('reps: 10\n', `holdSeconds: ${written}\n`));
    expect(hold('thirty seconds')).toEqual(['38:7  exercises.1.dose.holdSeconds  must be a whole number, not "thirty seconds": write the number in digits, as holdSeconds: 30']);
    // Sets in words, or minutes, are no number of the field to copy.
    expect(reps('three x ten')).toEqual(['25:7  exercises.0.dose.reps  must be a whole number, not "three x ten"']);
    expect(hold('one minute')).toEqual(['38:7  exercises.1.dose.holdSeconds  must be a whole number, not "one minute"']);
  });

  it('gives a choice written with capitals, spaces or a typo as the choice it is most likely', () => {
    const regions = 'must be one of: ankle, knee, hip, pelvis, trunk, shoulder, thigh, whole-leg';
    const region = (written: string) => problemsIn(good.replace('region: hip', `region: ${written}`));
    expect(region('Hip')).toEqual([`18:5  exercises.0.region  ${regions} (not "Hip"); write "hip", in lower case`]);
    expect(region('Whole leg')).toEqual([`18:5  exercises.0.region  ${regions} (not "Whole leg"); write "whole-leg"`]);
    expect(region('hips')).toEqual([`18:5  exercises.0.region  ${regions} (not "hips"); did you mean "hip"?`]);
    expect(region('lower back')).toEqual([`18:5  exercises.0.region  ${regions} (not "lower back")`]);
    const categories = 'must be one of: joint-mobility, strength, stretch, mobility, soft-tissue, balance, warm-up';
    expect(problemsIn(good.replace('category: strength', 'category: strengthening'))).toEqual([`19:5  exercises.0.category  ${categories} (not "strengthening"); did you mean "strength"?`]);
    expect(problemsIn(good.replace('category: strength', 'category: warm up'))).toEqual([`19:5  exercises.0.category  ${categories} (not "warm up"); write "warm-up"`]);
    expect(problemsIn(good.replace('side: painful', 'side: Painful'))).toEqual([`27:5  exercises.0.side  ${sideRule} (not "Painful"); write "painful", in lower case`]);
  });

  it('gives a side in a clinic\'s words (bilateral, contralateral, affected) as the side it is', () => {
    const side = (written: string) => problemsIn(good.replace('side: painful', `side: ${written}`));
    expect(side('bilateral')).toEqual([`27:5  exercises.0.side  ${sideRule} (not "bilateral"); write "both"`]);
    expect(side('Contralateral')).toEqual([`27:5  exercises.0.side  ${sideRule} (not "Contralateral"); write "opposite"`]);
    expect(side('affected')).toEqual([`27:5  exercises.0.side  ${sideRule} (not "affected"); write "painful"`]);
    // A word every object has in JavaScript is no side.
    expect(side('constructor')).toEqual([`27:5  exercises.0.side  ${sideRule} (not "constructor")`]);
  });
});

describe('a dose\'s number with words after a ": "', () => {
  it('says the number goes alone and the words in the steps or cues, not to quote them', () => {
    expect(problemsIn(good.replace('reps: 12', 'reps: 12: slowly'))).toEqual([
      `25:13  exercises.0.dose.reps  a dose's reps is a number alone, and the ": " after it makes it read as a field name: write "reps: 12", and put "slowly" in the drill's steps or cues`,
    ]);
    // Without a number before the ": ", there is none to keep: the text is told to be quoted, as before.
    expect(problemsIn(good.replace('reps: 12', 'reps: slowly: 12'))[0]).toContain('put the whole text in quotes: "slowly: 12"');
  });
});
