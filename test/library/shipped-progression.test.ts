// The strength routine of the shipped library (data/library.yaml) builds up as its article says:
// controlled reps over heavy loads, then more reps or resistance a little at a time.
import { describe, expect, it } from 'vitest';
import { builtInLibrary } from '../helpers/built-in-library.js';

describe('the shipped strength routine', () => {
  it('says to build up gradually, with a few more reps or a band once a drill feels easy', () => {
    const strength = builtInLibrary().routines.find((routine) => routine.id === 'strength')!;
    const description = strength.description.replace(/\s+/g, ' ');
    expect(description).toContain('Build up a little at a time: once a drill feels easy, add a few reps, or the band its steps suggest.');
  });
});
