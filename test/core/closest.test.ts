// "Did you mean" suggestions: the near ids, nearest first, nothing for nothing typed, and the same
// answer whether or not the far candidates are compared in full; and a name typed for an id.
import { describe, expect, it } from 'vitest';
import { closest, contains, namedAs } from '../../src/core/closest.js';

const ids = ['clamshells', 'hip-hikes', 'bridges', 'single-leg-bridges', 'adductor-mobility', 'ankle-mobilisations', 'balance'];

/** closest() as it was written first: every candidate compared in full. */
function closestInFull(wanted: string, candidates: readonly string[], limit = 2): string[] {
  const target = wanted.toLowerCase();
  const threshold = Math.max(2, Math.floor(target.length / 3));
  return candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      return { candidate, distance: contains(lower, target) ? 1 : distance(target, lower) };
    })
    .filter((near) => near.distance <= threshold)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      // Two letters side by side swapped: one edit.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i]![j] = Math.min(rows[i]![j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

describe('closest', () => {
  it('suggests the near ids, nearest first', () => {
    expect(closest('clamshell', ids)).toEqual(['clamshells']);
    expect(closest('Hip-Hikse', ids)).toEqual(['hip-hikes']);
    expect(closest('bridge', ids)).toEqual(['bridges', 'single-leg-bridges']);
    expect(closest('zzz', ids)).toEqual([]);
  });

  it('counts two letters swapped as one slip, so the word meant comes first', () => {
    expect(closest('vidoe', ['side', 'video', 'steps'])).toEqual(['video', 'side']);
    expect(closest('brigdes', ids)).toEqual(['bridges']);
    expect(closest('calmshells', ids)).toEqual(['clamshells']);
  });

  it('takes a short id inside a long word for chance, not a likeness', () => {
    expect(closest('Clamshells', ['a', 'hip'])).toEqual([]);
    expect(closest('hip-hikes-today', ['a', 'hip-hikes'])).toEqual(['hip-hikes']);
    expect(closest('strength today', ['mobility', 'strength'])).toEqual(['strength']);
  });

  it('takes a single letter typed for the start of a word, not for any letter inside one', () => {
    const settings = ['minImprovement', 'flareRise', 'retestAfterDays', 'side', 'symptom', 'movement'];
    expect(closest('s', settings)).toEqual(['side', 'symptom']);
    expect(closest('a', settings)).toEqual([]);
    expect(closest('mo', settings)).toEqual(['movement']);
    expect(contains('flarerise', 's')).toBe(false);
    expect(contains('hip', 'h')).toBe(true);
  });

  it('suggests two ids at most unless asked for more', () => {
    const near = ['bridge', 'bridges', 'bridged'];
    expect(closest('bridgs', near)).toEqual(['bridge', 'bridges']);
    expect(closest('bridgs', near, 3)).toEqual(['bridge', 'bridges', 'bridged']);
  });

  it('takes an id of three letters or more, and a third of what was typed, inside it for a likeness', () => {
    expect(contains('strength', 'strength for today')).toBe(true);
    expect(contains('strength', 'strength for the rest of today')).toBe(false);
    expect(contains('hip', 'hips')).toBe(true);
    expect(contains('hi', 'hip')).toBe(false);
  });

  it('suggests nothing for an empty id, which every id would contain', () => {
    expect(closest('', ids)).toEqual([]);
  });

  it('gives the same answer as comparing every candidate in full', () => {
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: 1 + Math.floor(next() * 14) }, () => 'abcde-'[Math.floor(next() * 6)]).join('');
    const candidates = Array.from({ length: 200 }, word);
    for (let i = 0; i < 300; i++) {
      const wanted = word();
      expect(closest(wanted, candidates, 3), wanted).toEqual(closestInFull(wanted, candidates, 3));
    }
  });
});

describe('namedAs', () => {
  it('takes a name or the words of an id, whatever the case, spaces, commas and hyphens', () => {
    expect(namedAs('joint chain, feet upward', 'Joint chain, feet upward', 'joint-chain')).toBe(true);
    expect(namedAs('Joint chain feet upward', 'Joint chain, feet upward', 'joint-chain')).toBe(true);
    expect(namedAs('joint chain', 'Joint chain, feet upward', 'joint-chain')).toBe(true);
    expect(namedAs('lateral  ankle-tilts', 'Lateral ankle tilts', 'lateral-ankle-tilts')).toBe(true);
  });

  it('takes no part of a name, and nothing typed is no name', () => {
    expect(namedAs('joint', 'Joint chain, feet upward', 'joint-chain')).toBe(false);
    expect(namedAs('ankle tilts', 'Lateral ankle tilts', 'lateral-ankle-tilts')).toBe(false);
    expect(namedAs(' , ', 'Joint chain, feet upward', 'joint-chain')).toBe(false);
  });
});
