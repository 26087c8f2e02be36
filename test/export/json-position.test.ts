import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/export/json-position.js';

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}', ' 0 ']) {
      expect(findJsonSyntaxError(text), text).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('points at the first problem by line and column', () => {
    expect(findJsonSyntaxError('{\n  "a": x\n}')).toMatchObject({ line: 2, col: 8, message: 'unexpected character "x"' });
    expect(findJsonSyntaxError('{"a": 1,\n}')).toMatchObject({ line: 2, col: 1, message: 'trailing comma before }' });
    expect(findJsonSyntaxError('[1 2]')).toMatchObject({ line: 1, col: 4 });
    expect(findJsonSyntaxError('{"a": 1')).toMatchObject({ line: 1, col: 8, message: 'unexpected end of file' });
    expect(findJsonSyntaxError('{} {}')).toMatchObject({ line: 1, col: 4 });
    expect(findJsonSyntaxError("{'a': 1}")).toMatchObject({ line: 1, col: 2 });
    expect(findJsonSyntaxError('{"a": 1,\n')).toMatchObject({ line: 2, col: 1, message: 'unexpected end of file' });
    // A word that is not true, false or null is quoted, not "expected null".
    expect(findJsonSyntaxError('not a backup')).toMatchObject({ line: 1, col: 1, message: 'unexpected text "not"' });
    expect(findJsonSyntaxError('{"a": nul}')).toMatchObject({ line: 1, col: 7, message: 'unexpected text "nul"' });
  });

  it('says in words where lists or fields nest too deeply to follow, rather than pass on a stack overflow', () => {
    const deep = `{"sessions": [${'['.repeat(1_000_000)}`;
    const problem = findJsonSyntaxError(deep);
    expect(problem?.message).toBe('lists or fields nested too deeply to read (an itb backup nests them 5 deep)');
    expect(problem?.line).toBe(1);
    // Somewhere inside the nest, not at its end.
    expect(problem?.col).toBeGreaterThan(15);
    expect(problem?.col).toBeLessThan(deep.length);
  });

  it('agrees with JSON.parse on what is broken', () => {
    for (const text of ['', '{', '[1,]', '"\t"', '01', 'tru', '{"a":1}}', '"\\x"', '-']) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(findJsonSyntaxError(text), text).toBeDefined();
    }
  });
});
