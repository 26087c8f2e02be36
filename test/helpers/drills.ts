// A library drill for core tests, where only its id and name matter.
import type { Exercise } from '../../src/library/schema.js';

export function drill(id: string, name: string): Exercise {
  return {
    id,
    name,
    region: 'hip',
    category: 'strength',
    steps: ['Do it slowly.'],
    dose: { reps: 10, perSide: true },
    side: 'painful',
    loading: true,
    equipment: [],
    cues: [],
  };
}
