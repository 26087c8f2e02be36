import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, jsonLines } from '../src/json-position.js';

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}', ' 0 ', '[9, 1e-5, 0.5E+2]', '"a\\/b"', '{\t"a":\t1}\r\n']) {
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
    expect(findJsonSyntaxError("{'a': 1}")).toMatchObject({ line: 1, col: 2, message: 'expected a property name in double quotes' });
    expect(findJsonSyntaxError('{"a": 1,\n')).toMatchObject({ line: 2, col: 1, message: 'unexpected end of file' });
    expect(findJsonSyntaxError('{"a": "b')).toMatchObject({ line: 1, col: 9, message: 'unexpected end of file' });
    // A word that is not true, false or null is quoted, not "expected null".
    expect(findJsonSyntaxError('not a backup')).toMatchObject({ line: 1, col: 1, message: 'unexpected text "not"' });
    expect(findJsonSyntaxError('{"a": nul}')).toMatchObject({ line: 1, col: 7, message: 'unexpected text "nul"' });
  });

  it('says in words what is wrong at that place', () => {
    expect(findJsonSyntaxError('{"a" 1}')).toEqual({ line: 1, col: 6, message: 'expected : after the property name' });
    expect(findJsonSyntaxError('[1,\n]')).toEqual({ line: 2, col: 1, message: 'trailing comma before ]' });
    expect(findJsonSyntaxError('[1 2]')).toEqual({ line: 1, col: 4, message: 'expected , or ] after a value' });
    expect(findJsonSyntaxError('{"a": 1 "b": 2}')).toEqual({ line: 1, col: 9, message: 'expected , or } after a property value' });
    expect(findJsonSyntaxError('["a\\x"]')).toEqual({ line: 1, col: 4, message: 'bad escape in a string' });
    expect(findJsonSyntaxError('["a\u001f"]')).toEqual({ line: 1, col: 4, message: 'control character in a string (write it as \\n or \\t)' });
    expect(findJsonSyntaxError('[1.]')).toEqual({ line: 1, col: 3, message: 'expected , or ] after a value' });
    // A long word is quoted by its first 20 characters.
    expect(findJsonSyntaxError('{"a": nothing-like-a-value-here}')?.message).toBe('unexpected text "nothing-like-a-value"');
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
    for (const text of ['', '{', '[1,]', '"\t"', '01', 'tru', '{"a":1}}', '"\\x"', '-', '[\f]']) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(findJsonSyntaxError(text), text).toBeDefined();
    }
  });
});

describe('jsonLines', () => {
  const text = [
    '{',
    '  "period": {"since": null},',
    '  "sessions": [',
    '    {"id": "a", "note": "a \\"quoted\\" [text] {here}"},',
    '    {',
    '      "id": "b",',
    '      "attempts": [[[1, 2]], {"after":',
    '        11}]',
    '    }',
    '  ],',
    '  "odd \\u0041 name": true',
    '}',
  ].join('\n');

  it('gives the line where the value at each path begins', () => {
    expect(() => JSON.parse(text)).not.toThrow();
    const paths = [['period', 'since'], ['sessions', 0], ['sessions', 1, 'id'], ['sessions', 1, 'attempts', 1, 'after'], ['odd A name']];
    const lineOf = jsonLines(text, paths);
    expect(paths.map(lineOf)).toEqual([2, 4, 6, 8, 11]);
  });

  it('gives a missing field the line of what should hold it, and the file itself none', () => {
    const lineOf = jsonLines(text, [['sessions', 1, 'routine'], ['sessions', 7, 'id'], ['settings'], []]);
    expect(lineOf(['sessions', 1, 'routine'])).toBe(5);
    expect(lineOf(['sessions', 7, 'id'])).toBe(3);
    expect(lineOf(['settings'])).toBeUndefined();
    expect(lineOf([])).toBeUndefined();
  });

  it('tells a field whose name has a dot from a field inside another', () => {
    const dotted = '{\n  "a": {\n    "b": 1\n  },\n  "a.b": 2\n}';
    const lineOf = jsonLines(dotted, [['a', 'b'], ['a.b']]);
    expect([lineOf(['a', 'b']), lineOf(['a.b'])]).toEqual([3, 5]);
  });

  it('counts lines the same in a file saved with Windows line ends', () => {
    const windows = text.replaceAll('\n', '\r\n');
    const paths = [['period', 'since'], ['sessions', 1, 'id'], ['sessions', 1, 'attempts', 1, 'after'], ['odd A name']];
    expect(paths.map(jsonLines(windows, paths))).toEqual([2, 6, 8, 11]);
  });

  it('goes past values deeper than a call a level could follow, when no path leads into them', () => {
    const deep = `{"sessions": ${'['.repeat(100_000)}${']'.repeat(100_000)},\n"settings": 1}`;
    const lineOf = jsonLines(deep, [['sessions', 0], ['settings']]);
    expect(lineOf(['sessions', 0])).toBe(1);
    expect(lineOf(['settings'])).toBe(2);
  });
});
