// The made-up history the benchmark times: it must be one the app itself accepts and could have
// written, or the benchmark's figures are about something else.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../scripts/synthetic-history.js';
import { projectBuckets } from '../../src/core/projection.js';
import { localDate, movementKey } from '../../src/core/history.js';
import { legNamed } from '../../src/core/test-leg.js';
import { storeSchema } from '../../src/core/records.js';
import { loadLibraryFile } from '../../src/library/load.js';

const library = loadLibraryFile(join(import.meta.dirname, '../../data/library.yaml'));
const now = new Date('2026-11-20T12:00:00Z');

describe('syntheticHistory', () => {
  const { data, counts } = syntheticHistory(library, { days: 200, now });

  it('is a store the schema accepts, one session a day ending yesterday', () => {
    expect(storeSchema.safeParse(data).success).toBe(true);
    expect(data.sessions).toHaveLength(200);
    // One a day of the local calendar, as the generator places them.
    const days = data.sessions.map((session) => localDate(new Date(session.startedAt)));
    expect(new Set(days).size).toBe(200);
    expect(Date.parse(data.sessions.at(-1)!.startedAt)).toBeLessThan(now.getTime());
  });

  it('counts what it holds, with the awkward cases the app meets in real use', () => {
    expect(counts.sessions).toBe(data.sessions.length);
    expect(counts.attempts).toBe(data.sessions.reduce((sum, session) => sum + session.attempts.length, 0));
    expect(counts.moves).toBe(data.moves.length);
    expect(counts.interrupted).toBe(data.sessions.filter((session) => session.status === 'interrupted').length);
    for (const kind of ['interrupted', 'stopped', 'flares', 'skips', 'moves'] as const) expect(counts[kind], kind).toBeGreaterThan(0);
  });

  it('records the leg of a one-leg test movement while both sides hurt, the same leg all the while, as a session does', () => {
    const years = syntheticHistory(library, { days: 3650, now }).data.sessions;
    const oneLeg = new Set(library.movements.filter((movement) => movement.oneLeg).map((movement) => movementKey(movement.name)));
    // The legs named in each spell of both sides painful, in order.
    const spells: Set<string>[] = [];
    years.forEach((session, i) => {
      if (session.side !== 'both') {
        // One side painful: the movement alone, the leg being that side.
        expect(legNamed(session.movement), session.movement).toBeUndefined();
        return;
      }
      if (i === 0 || years[i - 1]!.side !== 'both') spells.push(new Set());
      const named = legNamed(session.movement);
      if (oneLeg.has(movementKey(named?.movement ?? session.movement))) {
        expect(named, session.movement).toBeDefined();
        spells.at(-1)!.add(named!.leg);
      }
    });
    expect(spells.filter((legs) => legs.size > 0).length).toBeGreaterThan(0);
    for (const legs of spells) expect(legs.size).toBeLessThanOrEqual(1);
  });

  it('keeps the stored buckets as the core projects them from the log', () => {
    expect(data.buckets).toEqual(projectBuckets(data.sessions, data.moves, data.bucketsResetAt));
  });

  it('is the same history every time for the same seed', () => {
    expect(JSON.stringify(syntheticHistory(library, { days: 200, now }).data)).toBe(JSON.stringify(data));
  });

  it('holds, over ten years, the 3,650 sessions and about 20,000 scored attempts README Speed times', () => {
    const tenYears = syntheticHistory(library, { days: 3650, now });
    expect(tenYears.counts.sessions).toBe(3650);
    expect(tenYears.counts.attempts).toBeGreaterThan(18_000);
    expect(tenYears.counts.attempts).toBeLessThan(22_000);
    expect(storeSchema.safeParse(tenYears.data).success).toBe(true);
  });
});
