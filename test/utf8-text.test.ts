// Reading a file a person gives itb as UTF-8 text, or finding the first byte that is not.
import { describe, expect, it } from 'vitest';
import { byteWords, utf8Text } from '../src/utf8-text.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('utf8Text', () => {
  it('reads UTF-8 text as it is, a real U+FFFD included', () => {
    expect(utf8Text(bytes('Café ✓ \uFFFD 🦵'))).toEqual({ text: 'Café ✓ \uFFFD 🦵' });
  });

  it('finds a Latin-1 byte by line and column, counting characters, not bytes', () => {
    expect(utf8Text(bytes('a: 1\nnote: "é ', [0xe9], '"\n'))).toEqual({ foreign: { line: 2, col: 10, byte: 0xe9 } });
  });

  it('looks past a real U+FFFD and characters of several bytes before the foreign byte', () => {
    expect(utf8Text(bytes('🦵\uFFFD\uFFFDx', [0x96], ' and ', [0x92]))).toEqual({ foreign: { line: 1, col: 6, byte: 0x96 } });
  });

  it('finds a foreign byte right after a real U+FFFD', () => {
    expect(utf8Text(bytes('\uFFFD', [0xe9], 'x'))).toEqual({ foreign: { line: 1, col: 2, byte: 0xe9 } });
    // The start of a U+FFFD alone, or cut short, is no U+FFFD.
    expect(utf8Text(bytes('x', [0xef], 'o', [0xbd]))).toEqual({ foreign: { line: 1, col: 2, byte: 0xef } });
    expect(utf8Text(bytes('x', [0xef, 0xbf], '"'))).toEqual({ foreign: { line: 1, col: 2, byte: 0xef } });
  });

  it('refuses a character cut short, an overlong form and an encoded surrogate', () => {
    expect(utf8Text(bytes('ok', [0xe2, 0x9c]))).toEqual({ foreign: { line: 1, col: 3, byte: 0xe2 } });
    expect(utf8Text(bytes([0xc0, 0xaf]))).toEqual({ foreign: { line: 1, col: 1, byte: 0xc0 } });
    expect(utf8Text(bytes('\n\n', [0xed, 0xa0, 0x80]))).toEqual({ foreign: { line: 3, col: 1, byte: 0xed } });
  });

  it('names a byte in hexadecimal, two digits at least', () => {
    expect(byteWords(0xe9)).toBe('byte 0xE9');
    expect(byteWords(0x0a)).toBe('byte 0x0A');
  });
});
