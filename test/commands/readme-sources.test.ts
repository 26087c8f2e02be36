// The README names each article the built-in drills come from by the title `itb exercises ID`
// gives under "From:", so that a reader can match the two and look the article up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInLibrary } from '../helpers/built-in-library.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const start = readme.indexOf('**Where they come from.**');
const paragraph = readme.slice(start, readme.indexOf('\n\n', start)).replace(/\s+/g, ' ');

describe('the README on where the drills come from', () => {
  it('names every source of the built-in drills by its title', () => {
    expect(start).toBeGreaterThan(-1);
    const sources = new Set(builtInLibrary().exercises.map((exercise) => exercise.source).filter((source) => source !== undefined));
    expect(sources.size).toBe(3);
    for (const source of sources) expect(paragraph, source).toContain(`*${source}*`);
  });
});
