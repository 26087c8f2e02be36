import { describe, expect, it } from 'vitest';
import { compareInstants } from '../../src/core/instant.js';

const order = (a: string, b: string) => Math.sign(compareInstants(a, b));

describe('compareInstants', () => {
  it('orders timestamps as itb writes them', () => {
    expect(order('2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.001Z')).toBe(-1);
    expect(order('2026-01-06T00:00:00.000Z', '2025-12-31T23:59:59.999Z')).toBe(1);
    expect(order('2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')).toBe(0);
  });

  it('orders timestamps with another offset by the instant they name, not by their text', () => {
    // 11:00 at +02:00 is 09:00 UTC: earlier, although its text sorts later.
    expect(order('2026-01-05T11:00:00+02:00', '2026-01-05T10:00:00.000Z')).toBe(-1);
    expect(order('2026-01-05T10:00:00.000Z', '2026-01-05T11:00:00+02:00')).toBe(1);
    expect(order('2026-01-05T08:00:00-01:00', '2026-01-05T09:00:00.000Z')).toBe(0);
  });

  it('treats other precisions of the same instant as the same instant', () => {
    expect(order('2026-01-05T10:00:00Z', '2026-01-05T10:00:00.000Z')).toBe(0);
    expect(order('2026-01-05T10:00:00.5Z', '2026-01-05T10:00:00.499Z')).toBe(1);
  });
});
