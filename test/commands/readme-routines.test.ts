// The README's words on the routines, as itb has them: a person in pain looks for where to start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/run.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

describe("the README's routines", () => {
  it('names as the routine to start with the one a first session offers first', async () => {
    const lead = readme.slice(readme.indexOf('## The routines'), readme.indexOf('| routine |')).replace(/\s+/g, ' ');
    const first = /Take `([a-z-]+)`, the first in the session's list/.exec(lead)![1];
    const routines = JSON.parse((await run(['routines', '--json'], { home })).stdout) as { id: string }[];
    expect(routines[0]!.id).toBe(first);
  });
});
