// A library file of two drills, a wall sit (strength) and knee rolls (mobility), each alone in a
// routine of its own: for the 48 hours between strength sessions and the gentler routine offered.
import { writeFileSync } from 'node:fs';

function drill(id: string, name: string, loading: boolean): string[] {
  return [
    `  - id: ${id}`,
    `    name: ${name}`,
    '    region: knee',
    `    category: ${loading ? 'strength' : 'mobility'}`,
    '    steps: [Do it slowly.]',
    '    dose: { sets: 1, reps: 5 }',
    '    side: both',
    `    loading: ${loading}`,
  ];
}

/** Writes the library to `file`: routine `strength` holds wall-sit, routine `gentle` knee-rolls; `described` is the strength routine's description. */
export function writeTwoRoutines(file: string, { strength, gentle, described = 'One drill.' }: { strength: string; gentle: string; described?: string }): void {
  const routine = (id: string, exercise: string) => [`  - id: ${id}`, `    name: ${id}`, `    description: ${id === strength ? described : 'One drill.'}`, `    exercises: [${exercise}]`];
  const lines = ['version: 1', 'exercises:', ...drill('wall-sit', 'Wall sit', true), ...drill('knee-rolls', 'Knee rolls', false)];
  writeFileSync(file, [...lines, 'routines:', ...routine(strength, 'wall-sit'), ...routine(gentle, 'knee-rolls'), ''].join('\n'));
}
