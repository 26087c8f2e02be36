// The small library (test/fixtures/libraries/good.yaml) with a third drill that no routine
// holds: no session offers it, so it is not one of the drills "not tried yet" to test.
import { readFileSync, writeFileSync } from 'node:fs';
import { libraryFile } from './libraries.js';

const good = libraryFile('good.yaml');

const sideSteps = [
  '  - id: side-steps',
  '    name: Side steps',
  '    region: hip',
  '    category: strength',
  '    steps: [Step sideways slowly.]',
  '    dose: { sets: 1, reps: 10 }',
  '    side: both',
  '    loading: false',
  '',
].join('\n');

/** Writes that library to `file` and returns its path. */
export function writeOutsideRoutines(file: string): string {
  writeFileSync(file, readFileSync(good, 'utf8').replace('\nroutines:', `\n${sideSteps}\nroutines:`));
  return file;
}
