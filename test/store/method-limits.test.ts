// A store holds only the thresholds `itb settings` allows (minImprovement 1–3, flareRise 2–5,
// retestAfterDays 1–365), in its settings and in each session's: a file edited by hand or a
// backup from elsewhere with another value is refused by name, not read as a rule itb never
// offers, which would judge drills by it.
import { describe, expect, it } from 'vitest';
import { migrate, StoreProblem } from '../../src/store/migrations.js';
import { emptyStore } from '../../src/store/store.js';
import { sampleSession } from '../fixtures/sample-session.js';

const withSettings = (settings: Record<string, number>) => ({ ...emptyStore(), settings: { ...emptyStore().settings, ...settings } });
const withThresholds = (thresholds: Record<string, number>) => ({
  ...emptyStore(),
  sessions: [{ ...sampleSession('s-1', new Date('2026-03-01T10:00:00Z')), thresholds: { minImprovement: 1, flareRise: 3, ...thresholds } }],
});

function problemOf(raw: unknown): string {
  try {
    migrate(raw);
  } catch (error) {
    if (error instanceof StoreProblem) return error.message;
    throw error;
  }
  throw new Error('expected a StoreProblem');
}

describe('the limits of the method kept in a store', () => {
  it.each([
    ['minImprovement', 1, 3],
    ['flareRise', 2, 5],
    ['retestAfterDays', 1, 365],
  ])('reads settings with %s from %i to %i, and refuses one beyond, naming it', (key, lowest, highest) => {
    expect(migrate(withSettings({ [key]: lowest })).settings[key as 'minImprovement']).toBe(lowest);
    expect(migrate(withSettings({ [key]: highest })).settings[key as 'minImprovement']).toBe(highest);
    expect(problemOf(withSettings({ [key]: lowest - 1 }))).toMatch(new RegExp(`^does not have the expected shape: settings\\.${key}: `));
    expect(problemOf(withSettings({ [key]: highest + 1 }))).toMatch(new RegExp(`^does not have the expected shape: settings\\.${key}: `));
  });

  it.each([
    ['minImprovement', 1, 3],
    ['flareRise', 2, 5],
  ])("reads a session judged with %s from %i to %i, and refuses one beyond, naming it", (key, lowest, highest) => {
    expect(migrate(withThresholds({ [key]: lowest })).sessions[0]!.thresholds[key as 'minImprovement']).toBe(lowest);
    expect(migrate(withThresholds({ [key]: highest })).sessions[0]!.thresholds[key as 'minImprovement']).toBe(highest);
    expect(problemOf(withThresholds({ [key]: lowest - 1 }))).toMatch(new RegExp(`^does not have the expected shape: sessions\\.0\\.thresholds\\.${key}: `));
    expect(problemOf(withThresholds({ [key]: highest + 1 }))).toMatch(new RegExp(`^does not have the expected shape: sessions\\.0\\.thresholds\\.${key}: `));
  });
});
