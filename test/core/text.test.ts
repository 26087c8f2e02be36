import { describe, expect, it } from 'vitest';
import { controlCharacterIn, controlCharacterPaths, inSentence, oneLineProblem, readsInPath, shownSafely } from '../../src/core/text.js';

describe('control characters in text', () => {
  it('finds escapes, other C0 and C1 controls and bidirectional overrides, and names the first', () => {
    expect(controlCharacterIn('single-leg squat')).toBeUndefined();
    expect(controlCharacterIn('45° lunge – “gentle”, naïve 😀')).toBeUndefined();
    expect(controlCharacterIn('squat\u001b[2J')).toBe('U+001B');
    expect(controlCharacterIn('bell\u0007 then\u001b')).toBe('U+0007');
    expect(controlCharacterIn('nul\u0000')).toBe('U+0000');
    expect(controlCharacterIn('c1\u0085')).toBe('U+0085');
    expect(controlCharacterIn('abc\u202edef')).toBe('U+202E');
    expect(controlCharacterIn('isolate\u2066x\u2069')).toBe('U+2066');
    expect(controlCharacterIn('del\u007f')).toBe('U+007F');
    // A vertical tab and a form feed move the cursor down: neither is a line break a person types.
    expect(controlCharacterIn('down\u000bone')).toBe('U+000B');
    expect(controlCharacterIn('page\u000c')).toBe('U+000C');
    // The ends of each range.
    expect(['unit\u001f', 'c1\u009f', 'embed\u202a', 'pop\u2069'].map((text) => controlCharacterIn(text))).toEqual(['U+001F', 'U+009F', 'U+202A', 'U+2069']);
    expect(['space ', 'nbsp\u00a0', 'mark\u200f', 'after\u206a'].map((text) => controlCharacterIn(text))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('lets line breaks and tabs through, except in text that must stay on one line', () => {
    expect(controlCharacterIn('two\nlines\tand a tab')).toBeUndefined();
    expect(controlCharacterIn('two\nlines', { oneLine: true })).toBe('U+000A');
    expect(controlCharacterIn('a\ttab', { oneLine: true })).toBe('U+0009');
    expect(controlCharacterIn('cr\r', { oneLine: false })).toBe('U+000D');
  });

  it('names what keeps text off one line in words a person knows', () => {
    expect(oneLineProblem('3 sets, 10 reps')).toBeUndefined();
    expect(oneLineProblem('3 sets\t10 reps')).toBe('a tab');
    expect(oneLineProblem('line one\nline two')).toBe('a line break');
    expect(oneLineProblem('line one\r\nline two')).toBe('a line break');
    expect(oneLineProblem('squat\u001b[2J')).toBe('a control character (U+001B)');
  });

  it('gives the path of every string that holds one, however deep', () => {
    const value = { a: 'fine', b: [{ c: 'x\u001b' }, 'ok', 3, null], d: { e: '\u202e' } };
    expect(controlCharacterPaths(value)).toEqual([
      { path: 'b.0.c', character: 'U+001B' },
      { path: 'd.e', character: 'U+202E' },
    ]);
    expect(controlCharacterPaths('\u0007')).toEqual([{ path: '(file)', character: 'U+0007' }]);
  });

  it('finds each kind whether JSON would write it as an escape or as it is, and nothing in plain text', () => {
    // JSON writes \b, \f, \r and the other C0 controls as escapes; DEL, C1 and the overrides as they are.
    for (const [character, code] of [['\u202a', 'U+202A'], ['\u202e', 'U+202E'], ['\b', 'U+0008'], ['\f', 'U+000C'], ['\r', 'U+000D'], ['\u001b', 'U+001B'], ['\u007f', 'U+007F'], ['\u0085', 'U+0085'], ['\u2067', 'U+2067']]) {
      expect(controlCharacterPaths({ sessions: [{ movement: `step${character}down` }] })).toEqual([{ path: 'sessions.0.movement', character: code }]);
    }
    // Backslashes before b, f, r or u, line breaks, tabs, accents and emoji are text.
    const plain = { notes: ['C:\\build\\fast\\run\\unit', 'two\nlines\tand a tab', '45° naïve 😀', 'x'.repeat(10_000)], n: 3 };
    expect(controlCharacterPaths(plain)).toEqual([]);
    // A key is not text that is shown.
    expect(controlCharacterPaths({ 'odd\u001bkey': 'fine' })).toEqual([]);
  });
});

describe('text shown in an error', () => {
  it('writes each control character as an escape, leaving line breaks and everything else alone', () => {
    expect(shownSafely('no drill "x\u001b[2J"')).toBe('no drill "x\\u001b[2J"');
    expect(shownSafely('a\u202eb\u0007c')).toBe('a\\u202eb\\u0007c');
    expect(shownSafely('two\nlines, 45° – “fine”')).toBe('two\nlines, 45° – “fine”');
  });
});

describe('inSentence', () => {
  it('writes a name with a small first letter, as it reads in "pain during single-leg squat"', () => {
    expect(inSentence('Single-leg squat')).toBe('single-leg squat');
    expect(inSentence('Étirement debout')).toBe('étirement debout');
    expect(inSentence('Clamshells with a TheraBand')).toBe('clamshells with a TheraBand');
  });

  it('leaves a first word in capitals, and a name not starting with a capital, as they are', () => {
    expect(inSentence('ITB walk')).toBe('ITB walk');
    expect(inSentence('step-down')).toBe('step-down');
    expect(inSentence('90/90 hip switch')).toBe('90/90 hip switch');
    expect(inSentence('A')).toBe('A');
  });
});

describe('readsInPath', () => {
  it('takes a name of letters, digits and signs, not one with a space, a tab or a control character', () => {
    expect(['startedAt', 'video-url', 'ñame', '0'].map(readsInPath)).toEqual([true, true, true, true]);
    expect(['video link', 'tab\there', 'bell\u0007', '', 'line\nbreak', 'no\u00a0break'].map(readsInPath)).toEqual([false, false, false, false, false, false]);
  });
});
