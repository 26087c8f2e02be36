// What the tests of the library commands share: the library files they give to --data, ITB_DATA
// and validate, and checks of what those commands print.
import { join } from 'node:path';
import { expect } from 'vitest';
import { librariesFolder } from './libraries.js';

export const fixtures = librariesFolder();
export const good = join(fixtures, 'good.yaml');
export const wrongTypes = join(fixtures, 'wrong-types.yaml');
export const manyProblems = join(fixtures, 'many-problems.yaml');

export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toContain('[object Object]');
}

/** `text` with the characters a regular expression reads as its own escaped, to match as it is. */
export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
