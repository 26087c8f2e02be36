import { describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/records.js';
import { emptyStore, migrate, migrations, runMigrations, StoreProblem, type MigrationStep } from '../../src/store/migrations.js';
import { sampleSession } from '../fixtures/sample-session.js';

// A made-up version 0 that kept settings under `prefs` and sessions under `log`.
const versionZero = {
  schemaVersion: 0,
  prefs: { minImprovement: 2, flareRise: 4, retestAfterDays: 7 },
  log: [sampleSession('old-1', new Date('2024-03-01T10:00:00Z'))],
};
const zeroToOne: MigrationStep = (raw) => ({
  settings: raw.prefs,
  sessions: raw.log,
  moves: [],
  screenings: [],
  buckets: [],
});

function problemOf(run: () => unknown): StoreProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreProblem) return error;
    throw error;
  }
  throw new Error('expected a StoreProblem');
}

describe('runMigrations', () => {
  it('runs the step for an older version, stamps the new version and validates the result', () => {
    const step = vi.fn(zeroToOne);
    const data = runMigrations(structuredClone(versionZero), { ...migrations, 0: step });
    expect(step).toHaveBeenCalledTimes(1);
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(data.settings).toEqual({ minImprovement: 2, flareRise: 4, retestAfterDays: 7 });
    expect(data.sessions.map((session) => session.id)).toEqual(['old-1']);
  });

  it('rejects what a step produces when it does not validate, naming the field', () => {
    const broken: MigrationStep = (raw) => ({ ...zeroToOne(raw), settings: { ...(raw.prefs as object), flareRise: 9 } });
    const problem = problemOf(() => runMigrations(structuredClone(versionZero), { ...migrations, 0: broken }));
    expect(problem.message).toBe('does not have the expected shape: settings.flareRise: must be at most 5, not 9');
  });

  it('leaves a current store to validation alone, without running any step', () => {
    const step = vi.fn(zeroToOne);
    const current = { ...emptyStore(), sessions: [sampleSession('now')] };
    expect(runMigrations(structuredClone(current), { 0: step })).toEqual(current);
    expect(step).not.toHaveBeenCalled();
  });

  it('brings a store several versions behind through every step in turn, oldest first', () => {
    // Made up: a version after this itb's, which its schema does not know yet, reached from 0 through every version.
    const later: MigrationStep = (raw) => ({ ...raw, buckets: [] });
    const first = vi.fn(zeroToOne);
    const last = vi.fn(later);
    problemOf(() => runMigrations(structuredClone(versionZero), { ...migrations, 0: first, [SCHEMA_VERSION]: last }, SCHEMA_VERSION + 1));
    expect(first).toHaveBeenCalledTimes(1);
    expect(last).toHaveBeenCalledTimes(1);
    expect(last).toHaveBeenCalledWith(expect.objectContaining({ schemaVersion: SCHEMA_VERSION, sessions: versionZero.log }));
  });

  it('says so when an old version has no step', () => {
    expect(problemOf(() => runMigrations({ ...versionZero }, {})).message).toBe(
      'has schemaVersion 0, which this itb cannot convert',
    );
  });

  it('refuses a version newer than the program knows and says to update itb', () => {
    const problem = problemOf(() => migrate({ ...emptyStore(), schemaVersion: SCHEMA_VERSION + 1 }));
    expect(problem.message).toBe(`was written by a newer itb (schemaVersion ${SCHEMA_VERSION + 1}; this itb knows up to ${SCHEMA_VERSION})`);
    expect(problem.hint).toMatch(/update itb/i);
  });
});

describe('migrate', () => {
  it('reads a store of version 1, before attempts could keep their timed holds, with its attempts as they were', () => {
    const session = sampleSession('v1');
    const versionOne = { ...emptyStore(), schemaVersion: 1, sessions: [session] };
    expect(session.attempts.length).toBeGreaterThan(0);
    expect(migrate(structuredClone(versionOne))).toEqual({ ...versionOne, schemaVersion: SCHEMA_VERSION });
    // Its sessions say nothing of holds: none was counted then.
    expect(migrate(structuredClone(versionOne)).sessions[0]!.attempts.some((attempt) => 'holds' in attempt)).toBe(false);
  });

  it('keeps the holds an attempt timed, and refuses counts that cannot be', () => {
    const session = sampleSession('s1');
    const withHolds = (holds: unknown) => ({ ...emptyStore(), sessions: [{ ...session, attempts: [{ ...session.attempts[0]!, holds }] }] });
    expect(migrate(withHolds({ timed: 2, of: 6 })).sessions[0]!.attempts[0]!.holds).toEqual({ timed: 2, of: 6 });
    // A dose timed in full is not kept, so a count that says so is no count itb wrote.
    expect(problemOf(() => migrate(withHolds({ timed: 6, of: 6 }))).message).toBe(
      'does not have the expected shape: sessions.0.attempts.0.holds.timed: timed must be fewer than of: a dose timed in full is not kept',
    );
    expect(problemOf(() => migrate(withHolds({ timed: 0, of: 6 }))).message).toMatch(/^does not have the expected shape: sessions\.0\.attempts\.0\.holds\.timed: /);
    expect(problemOf(() => migrate(withHolds({ timed: 2 }))).message).toMatch(/^does not have the expected shape: sessions\.0\.attempts\.0\.holds\.of: /);
  });

  it('reads an empty object, the store with nothing saved yet, as the empty store', () => {
    expect(migrate({})).toEqual(emptyStore());
  });

  it('refuses anything else without a schemaVersion', () => {
    expect(problemOf(() => migrate({ sessions: [] })).message).toMatch(/no schemaVersion/);
  });

  it.each([
    ['a list', []],
    ['null', null],
    ['a string', 'store'],
    ['a number', 7],
    ['true or false', true],
  ])('refuses %s where an object belongs', (what, raw) => {
    expect(problemOf(() => migrate(raw)).message).toBe(`does not hold itb data (expected a JSON object, found ${what})`);
  });

  it.each([['"1"'], ['1.5'], ['-1']])('refuses the schemaVersion %s', (version) => {
    expect(problemOf(() => migrate({ ...emptyStore(), schemaVersion: JSON.parse(version) })).message).toBe(
      `has an invalid schemaVersion (${version})`,
    );
  });

  it('says a schemaVersion too large for a number as Infinity, not as null', () => {
    const raw = JSON.parse('{"schemaVersion": 1e400}') as unknown;
    expect(problemOf(() => migrate(raw)).message).toBe('has an invalid schemaVersion (Infinity)');
  });

  it('gives the first problem of a wrong shape as path: message', () => {
    const session = { ...sampleSession('s1'), baseline: 11 };
    const problem = problemOf(() => migrate({ ...emptyStore(), sessions: [session] }));
    expect(problem.message).toBe('does not have the expected shape: sessions.0.baseline: must be at most 10, not 11');
  });

  it('names a field the store does not know at its place, in words', () => {
    // A store edited by hand: a misspelt field in a session, one of another program at the top.
    const session = { ...sampleSession('s1'), startedat: '2026-10-01T12:00:00.000Z' };
    expect(problemOf(() => migrate({ ...emptyStore(), sessions: [session] })).message).toBe(
      'does not have the expected shape: sessions.0.startedat: unknown field',
    );
    expect(problemOf(() => migrate({ ...emptyStore(), 'synced by': 'cloud' })).message).toBe('does not have the expected shape: unknown field "synced by"');
  });

  it('refuses text with control characters, which itb never writes, and says where', () => {
    const screenClear = { ...sampleSession('s1'), movement: 'walking\u001b[2J' };
    const reversed = { ...sampleSession('s2'), movement: 'step\u202edown' };
    const problem = problemOf(() => migrate({ ...emptyStore(), sessions: [screenClear, reversed] }));
    expect(problem.message).toBe('holds a control character (U+001B) in sessions.0.movement and 1 more field');
    // One alone is named with nothing more.
    expect(problemOf(() => migrate({ ...emptyStore(), sessions: [screenClear] })).message).toBe('holds a control character (U+001B) in sessions.0.movement');
    expect(problem.hint).toMatch(/^Nothing was changed\. itb never writes these: remove them/);
    expect(migrate({ ...emptyStore(), sessions: [{ ...sampleSession('s3'), movement: 'step-down\ton a stair' }] }).sessions).toHaveLength(1);
  });

  it('gives each caller its own empty store', () => {
    const first = emptyStore();
    first.settings.flareRise = 5;
    first.sessions.push(sampleSession('x'));
    expect(emptyStore().settings.flareRise).toBe(3);
    expect(emptyStore().sessions).toEqual([]);
  });
});
