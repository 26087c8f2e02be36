// The side a drill is done on, in words that hold for a pain on the left, the right or both.
import { describe, expect, it } from 'vitest';
import { describeDose, describeSide, holdPlace } from '../../src/ui/describe.js';

describe('describeSide', () => {
  // A dose given once, not per side.
  const once = { sets: 1, perSide: false };
  it('names the side to work when the pain is on one side', () => {
    expect(describeSide('painful', 'left', once)).toBe('your left side (the painful side)');
    expect(describeSide('painful', 'right', once)).toBe('your right side (the painful side)');
    expect(describeSide('opposite', 'left', once)).toBe('your right side (opposite the pain)');
    expect(describeSide('opposite', 'right', once)).toBe('your left side (opposite the pain)');
  });

  it('with pain on both sides, a one-sided drill is done on each side in turn, its whole dose on each', () => {
    for (const side of ['painful', 'opposite'] as const) {
      const words = describeSide(side, 'both', once);
      expect(words).toBe('each side in turn, the full dose on each (both sides are painful)');
      // A shoulder drill such as the scapular camshafts is worked by no leg.
      expect(words).not.toMatch(/leg/);
    }
    // Beside a dose for one side, the words make it a dose for each.
    expect(`${describeDose({ sets: 1, reps: 10, perSide: false })}   Side: ${describeSide('painful', 'both', once)}`).toBe(
      '1 set × 10 reps   Side: each side in turn, the full dose on each (both sides are painful)',
    );
  });

  it('counts one set and one rep in the singular, as a library of your own may give them', () => {
    expect(describeDose({ sets: 1, reps: 1, holdSeconds: 30, perSide: true })).toBe('1 set × 1 rep × hold 30 s per side');
    expect(describeDose({ sets: 2, reps: 8, perSide: false })).toBe('2 sets × 8 reps');
  });

  it('says how a drill of both sides is done, or no particular side, whatever the painful side', () => {
    for (const painful of [undefined, 'left', 'right', 'both'] as const) {
      // A dose per side: one side, then the other, a set at a time as the steps say.
      expect(describeSide('both', painful, { sets: 3, perSide: true })).toBe('each side in turn, a set at a time');
      expect(describeSide('both', painful, { sets: 1, perSide: true })).toBe('each side in turn');
      expect(describeSide('both', painful, { perSide: true })).toBe('each side in turn');
      // A dose given once: done once, on both sides together (a squat held on both legs), as the
      // timer counts its holds, not on each side in turn.
      expect(describeSide('both', painful, { sets: 2, perSide: false })).toBe('both sides at once');
      expect(describeSide('none', painful, once)).toBe('no particular side');
    }
  });

  it('says what happens with pain on both sides when the painful side is not known', () => {
    expect(describeSide('painful', undefined, once)).toBe('the painful side; when both sides are, each side in turn, the full dose on each');
    expect(describeSide('opposite', undefined, once)).toBe('the side opposite the pain; when both sides are painful, each side in turn, the full dose on each');
  });

  it('fits the drill card\'s side line of an 80-column terminal whatever the painful side', () => {
    for (const side of ['painful', 'opposite', 'both', 'none'] as const) {
      for (const painful of ['left', 'right', 'both'] as const) {
        for (const dose of [once, { sets: 3, perSide: true }]) expect(`  Side: ${describeSide(side, painful, dose)}`.length).toBeLessThanOrEqual(80);
      }
    }
  });
});

describe('holdPlace', () => {
  it('counts a per-side dose a set at a time, one side then the other', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => holdPlace(n, 3, false))).toEqual([
      'set 1, first side',
      'set 1, second side',
      'set 2, first side',
      'set 2, second side',
      'set 3, first side',
      'set 3, second side',
    ]);
  });

  it('counts the whole dose on one side, then on the other, for a drill done on each side in turn', () => {
    expect([1, 2, 3, 4].map((n) => holdPlace(n, 2, true))).toEqual(['set 1, first side', 'set 2, first side', 'set 1, second side', 'set 2, second side']);
    // Three sets: the count starts again at set 1 on the second side.
    expect([1, 2, 3, 4, 5, 6].map((n) => holdPlace(n, 3, true))).toEqual([
      'set 1, first side',
      'set 2, first side',
      'set 3, first side',
      'set 1, second side',
      'set 2, second side',
      'set 3, second side',
    ]);
  });

  it('names the side alone when the dose is one set', () => {
    expect([1, 2].map((n) => holdPlace(n, 1, false))).toEqual(['first side', 'second side']);
    expect([1, 2].map((n) => holdPlace(n, 1, true))).toEqual(['first side', 'second side']);
  });
});
