// Steps numbered in their text, as on a paper handout: a session numbers each step itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../src/library/load.js';

const good = readFileSync(join(import.meta.dirname, '../fixtures/libraries/good.yaml'), 'utf8');
const first = '      - Lie on your side with your back against a wall.\n';
const second = '      - Open the top knee, keeping your feet together.\n';

function warningsOf(source: string): string[] {
  const result = parseLibrary(source);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.warnings.map((w) => `${w.line}:${w.col}  ${w.path}  ${w.message}`);
}

describe('steps that start with their own numbers', () => {
  it('are warned about once, at the first step, with how it would read; the file still loads', () => {
    const numbered = good.replace(first, first.replace('- Lie', '- 1. Lie')).replace(second, second.replace('- Open', '- 2) Open'));
    expect(warningsOf(numbered)).toEqual([
      '21:9  exercises.0.steps.0  the steps start with their numbers, and a session numbers each step itself, so the first would read ' +
        '"1. 1. Lie on your side with your back agai…": leave the numbers out of the steps',
    ]);
  });

  it('show a first step of 40 characters whole, and cut one longer at 39 with "…"', () => {
    const whole = '1. Lie on your side, back to a wall now.';
    const numbered = (text: string) => good.replace(first, `      - ${text}\n`).replace(second, second.replace('- Open', '- 2. Open'));
    expect(warningsOf(numbered(whole))).toEqual([
      `21:9  exercises.0.steps.0  the steps start with their numbers, and a session numbers each step itself, so the first would read "1. ${whole}": leave the numbers out of the steps`,
    ]);
    expect(warningsOf(numbered(`${whole}!`))).toEqual([
      `21:9  exercises.0.steps.0  the steps start with their numbers, and a session numbers each step itself, so the first would read "1. ${whole.slice(0, 39)}…": leave the numbers out of the steps`,
    ]);
  });

  it('are no slip when a step merely starts with a number, or the numbers are not those of the steps', () => {
    expect(warningsOf(good.replace(first, '      - 10 slow lifts, lying on your side.\n').replace(second, '      - 2 sets of them.\n'))).toEqual([]);
    expect(warningsOf(good.replace(first, '      - 2. Lie on your side.\n').replace(second, '      - 3. Open the knee.\n'))).toEqual([]);
    // A drill of one step: no list to number.
    expect(warningsOf(good.replace('      - Rock your knee', '      - 1. Rock your knee'))).toEqual([]);
  });
});
