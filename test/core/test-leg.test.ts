// The leg a one-leg test movement is done on, with both sides painful: kept in the movement's
// words, read back from them, and offered first from the latest session.
import { describe, expect, it } from 'vitest';
import { trendKey } from '../../src/core/history.js';
import { lastLeg, legNamed, onLeg } from '../../src/core/test-leg.js';
import { buildSession } from '../helpers/sessions.js';

describe('a movement with its leg', () => {
  it('reads back the leg it was recorded with', () => {
    expect(legNamed(onLeg('step-down', 'left'))).toEqual({ movement: 'step-down', leg: 'left' });
    expect(legNamed(onLeg('single-leg squat', 'right'))).toEqual({ movement: 'single-leg squat', leg: 'right' });
  });

  it('reads the leg as a person may type it: any capitals and spaces, "my" or no word before it', () => {
    expect(legNamed('  Step-Down  on my LEFT   leg ')).toEqual({ movement: 'Step-Down', leg: 'left' });
    expect(legNamed('step-down on right leg')).toEqual({ movement: 'step-down', leg: 'right' });
    expect(legNamed('forward lunge on your Right Leg')).toEqual({ movement: 'forward lunge', leg: 'right' });
  });

  it('finds no leg in words that do not end with one', () => {
    for (const words of ['step-down', 'single-leg squat', 'left leg', 'on the left leg', 'step-down on the left leg slowly', 'hop on the left foot', 'step-down on both legs']) {
      expect(legNamed(words), words).toBeUndefined();
    }
  });

  it('keeps the scores on one leg apart from those on the other, as trends of their own', () => {
    const rated = (movement: string) => trendKey({ symptom: 'pain', movement, side: 'both' });
    expect(rated(onLeg('step-down', 'left'))).not.toBe(rated(onLeg('step-down', 'right')));
    expect(rated(onLeg('step-down', 'left'))).not.toBe(rated('step-down'));
    expect(rated(onLeg('step-down', 'left'))).toBe(rated('Step-down on the left leg'));
  });
});

describe('the leg offered first', () => {
  const session = (startedAt: string, movement: string, side: 'left' | 'right' | 'both' = 'both') => buildSession({ startedAt, movement, side });

  it('is the leg of the latest session of that movement with both sides painful, whatever order the log is in', () => {
    const sessions = [
      session('2026-11-03T09:00:00.000Z', 'step-down on the right leg'),
      session('2026-11-01T09:00:00.000Z', 'step-down on the left leg'),
      session('2026-11-02T09:00:00.000Z', 'step-down on the left leg'),
    ];
    expect(lastLeg(sessions, 'step-down')).toBe('right');
    expect(lastLeg(sessions.slice(1), 'Step-down')).toBe('left');
  });

  it('is none for a movement never done on one leg, and leaves out other movements and one side painful', () => {
    const sessions = [
      session('2026-11-01T09:00:00.000Z', 'single-leg squat on the left leg'),
      session('2026-11-02T09:00:00.000Z', 'step-down on the right leg', 'right'),
      session('2026-11-03T09:00:00.000Z', 'step-down'),
    ];
    expect(lastLeg(sessions, 'step-down')).toBeUndefined();
    expect(lastLeg(sessions, 'single-leg squat')).toBe('left');
    expect(lastLeg([], 'single-leg squat')).toBeUndefined();
  });
});
