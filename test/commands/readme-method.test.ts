// The README's opening tells the method as a session runs it: a drill that does not help gets one
// careful retry, and is set aside only when that retry does not help either.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const opening = readme.slice(0, readme.indexOf('\n## ')).replace(/\s+/g, ' ').replace(/\*\*/g, '');

describe('the README opening', () => {
  it('sends a drill that helps on its second try to rehab, and sets aside only one that does not', () => {
    expect(opening).toMatch(/If that try lowers your score, it goes into rehab too; if not, it is set aside in an avoid for now bucket\./);
    expect(opening).not.toMatch(/and is then set aside/);
  });
});
