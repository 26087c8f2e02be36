// A routine of a library file that names a drill or a cue of the built-in library: the file is
// used in place of the built-in library, so the problem says where to copy the item from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInLibraryFile } from '../../src/library/library.js';
import { problemsIn } from '../helpers/library-problems.js';

const good = readFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), 'utf8');
const builtIn = builtInLibraryFile();
/** The routine of good.yaml with `drill` after its two, and `cue` after its two cues. */
const withRoutineItems = (drill: string, cue: string) => good.replace('      - wall-clamshells\n', `      - wall-clamshells\n      - ${drill}\n`).replace('      - breathe\n', `      - breathe\n      - ${cue}\n`);

describe('a routine naming a drill or a cue of the built-in library', () => {
  it('is told to copy it from the built-in library file, or to take it out of the routine', () => {
    expect(problemsIn(withRoutineItems('hip-hikes', 'never-into-pain'))).toEqual([
      `49:9  routines.0.exercises.2  unknown exercise "hip-hikes": the built-in library's drill "Hip hikes" has this id, but a library file is used in place of the built-in one, not beside it: ` +
        `copy that drill (its "- id: hip-hikes" line and the lines under it) from ${builtIn} into this file's "exercises:", or take it out of this routine`,
      `53:9  routines.0.cues.2  unknown cue "never-into-pain": the built-in library has a cue of this id, but a library file is used in place of the built-in one, not beside it: ` +
        `copy that cue (its "- id: never-into-pain" line and its "text:") from ${builtIn} into the "cues:" list at the top of this file, or take it out of this routine`,
    ]);
  });

  it('and a drill of neither library is told as unknown alone', () => {
    expect(problemsIn(withRoutineItems('nordic-curls', 'breathe-out'))).toEqual([
      '49:9  routines.0.exercises.2  unknown exercise "nordic-curls"',
      '53:9  routines.0.cues.2  unknown cue "breathe-out" (did you mean "breathe"?)',
    ]);
  });

  it('keeps to the file when it has a drill of a near id, and says nothing of the built-in library beside another problem', () => {
    // "clamshell" here, "clamshells" in the routine: a slip of the file's own id.
    const near = withRoutineItems('clamshells', 'stand-tall-2').replace('- id: wall-clamshells', '- id: clamshell').replace('      - wall-clamshells\n', '      - clamshell\n');
    expect(problemsIn(near)).toEqual([
      '49:9  routines.0.exercises.2  unknown exercise "clamshells" (did you mean "clamshell"?)',
      '53:9  routines.0.cues.2  unknown cue "stand-tall-2" (did you mean "stand-tall"?)',
    ]);
    // A dose left out is the problem to fix first; the routine's drill is told as unknown alone.
    const withSlip = withRoutineItems('hip-hikes', 'breathe').replace('      reps: 10\n', '').replace('    dose:\n    side: opposite', '    side: opposite');
    expect(problemsIn(withSlip)[1]).toBe('47:9  routines.0.exercises.2  unknown exercise "hip-hikes"');
  });
});
