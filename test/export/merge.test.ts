import { describe, expect, it } from 'vitest';
import { projectBuckets } from '../../src/core/projection.js';
import { cutOff } from '../../src/core/session.js';
import { canonical, differingFields, editedBucketLists, mergeExport } from '../../src/export/merge.js';
import type { Session } from '../../src/core/records.js';
import type { ParsedExport } from '../../src/export/schema.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore, sessionOne, sessionTwo } from './fixtures.js';

function backupOf(data = sampleStore()): ParsedExport {
  return {
    schemaVersion: 1,
    exportedAt: '2026-11-20T12:00:00.000Z',
    period: { since: null, until: null },
    settings: data.settings,
    sessions: data.sessions,
    moves: data.moves,
    screenings: data.screenings,
    ...(data.bucketsResetAt ? { bucketsResetAt: data.bucketsResetAt } : {}),
    buckets: { rehab: [], avoid: [], untested: [] },
    exercises: [],
  };
}

describe('mergeExport', () => {
  it('restores everything, settings included, into an empty store', () => {
    const outcome = mergeExport(emptyStore(), backupOf());
    const original = sampleStore();
    expect(outcome.sessionsAdded).toBe(3);
    expect(outcome.movesAdded).toBe(1);
    expect(outcome.movesPresent).toBe(0);
    expect(outcome.screeningsAdded).toBe(1);
    expect(outcome.settings).toBe('restored');
    // Nothing of the store's own was decided before the file's reset, so nothing to tell.
    const reset = mergeExport(emptyStore(), backupOf({ ...sampleStore(), bucketsResetAt: '2026-10-09T00:00:00.000Z' }));
    expect(reset.data.bucketsResetAt).toBe('2026-10-09T00:00:00.000Z');
    expect(reset.resetTaken).toBeUndefined();
    expect(outcome.data.settings).toEqual(original.settings);
    expect(outcome.data.sessions).toEqual(original.sessions);
    expect(outcome.data.buckets).toEqual(projectBuckets(original.sessions, original.moves));
  });

  it('keeps sessions, moves and screens once when the same file comes twice', () => {
    const once = mergeExport(emptyStore(), backupOf()).data;
    const twice = mergeExport(once, backupOf());
    expect(twice.sessionsAdded).toBe(0);
    expect(twice.sessionsPresent).toBe(3);
    expect(twice.movesAdded).toBe(0);
    expect(twice.movesPresent).toBe(1);
    expect(twice.screeningsAdded).toBe(0);
    expect(twice.screeningsPresent).toBe(1);
    expect(canonical(twice.data)).toBe(canonical(once));
  });

  it('merges new sessions in time order and keeps the store’s own settings', () => {
    const mine = { ...emptyStore(), sessions: [structuredClone(sessionTwo)], settings: { minImprovement: 2, flareRise: 4, retestAfterDays: 7 } };
    const outcome = mergeExport(mine, backupOf());
    expect(outcome.sessionsAdded).toBe(2);
    expect(outcome.sessionsPresent).toBe(1);
    expect(outcome.settings).toBe('kept');
    expect(outcome.data.settings).toEqual(mine.settings);
    expect(outcome.data.sessions.map((s) => s.id)).toEqual(['session-one', 'session-two', 'session-three']);
  });

  it('says nothing of settings restored when an empty store already has the file\'s', () => {
    const outcome = mergeExport(emptyStore(), backupOf({ ...sampleStore(), settings: emptyStore().settings }));
    expect(outcome.intoEmpty).toBe(true);
    expect(outcome.settings).toBe('same');
  });

  it('puts moves and red-flag screens from the file among the store’s own in time order', () => {
    const mine = sampleStore();
    mine.moves.push({ exerciseId: 'clamshells', bucket: 'rehab', at: '2026-10-30T12:00:00.000Z' });
    mine.screenings.push({ ...mine.screenings[0]!, at: '2026-10-30T11:55:00.000Z' });
    const file = sampleStore();
    file.moves = [{ exerciseId: 'hip-hikes', bucket: 'rehab', at: '2026-10-15T12:00:00.000Z' }];
    file.screenings = [{ ...file.screenings[0]!, at: '2026-10-15T11:55:00.000Z' }];
    const outcome = mergeExport(mine, backupOf(file));
    expect(outcome.data.moves.map((move) => move.at)).toEqual(['2026-10-10T12:00:00.000Z', '2026-10-15T12:00:00.000Z', '2026-10-30T12:00:00.000Z']);
    expect(outcome.data.screenings.map((screen) => screen.at)).toEqual(['2026-10-01T11:55:00.000Z', '2026-10-15T11:55:00.000Z', '2026-10-30T11:55:00.000Z']);
  });

  it('refuses a session whose id is taken by a different session, changing nothing', () => {
    const mine = { ...emptyStore(), sessions: [{ ...structuredClone(sessionOne), baseline: 9 }] };
    const outcome = mergeExport(mine, backupOf());
    expect(outcome.conflicts).toEqual(['session-one']);
    expect(outcome.data).toBe(mine);
    // A file holding that session twice names it once.
    const twice = backupOf();
    twice.sessions = [...twice.sessions, structuredClone(sessionOne)];
    expect(mergeExport(mine, twice).conflicts).toEqual(['session-one']);
  });

  it('refuses a move that differs from the store’s move of the same drill at the same instant, changing nothing', () => {
    const edited = sampleStore();
    edited.moves[0]!.bucket = 'rehab';
    const outcome = mergeExport(sampleStore(), backupOf(edited));
    expect(outcome.moveConflicts).toEqual([edited.moves[0]]);
    expect(outcome.data).toEqual(sampleStore());
    // A move of the same drill at another instant is a move of its own.
    const later = sampleStore();
    later.moves[0]!.at = '2026-10-11T12:00:00.000Z';
    const added = mergeExport(sampleStore(), backupOf(later));
    expect(added.moveConflicts).toEqual([]);
    expect(added.movesAdded).toBe(1);
    // So is a move of another drill at the same instant.
    const other = sampleStore();
    other.moves[0]!.exerciseId = 'clamshells';
    const beside = mergeExport(sampleStore(), backupOf(other));
    expect(beside.moveConflicts).toEqual([]);
    expect(beside.data.moves.map((move) => move.exerciseId)).toEqual(['it-band-stretch', 'clamshells']);
  });

  it('takes a move the file holds twice only once', () => {
    const doubled = sampleStore();
    doubled.moves.push(structuredClone(doubled.moves[0]!));
    const outcome = mergeExport(emptyStore(), backupOf(doubled));
    expect(outcome.movesAdded).toBe(1);
    expect(outcome.data.moves).toEqual(sampleStore().moves);
  });

  describe('a session backed up while it ran', () => {
    /** sessionOne as a backup made after its first drill held it: in progress, two answers in. */
    const partWay = (): Session => {
      const { endedAt: _ended, ...whole } = structuredClone(sessionOne);
      return { ...whole, status: 'in-progress', attempts: whole.attempts.slice(0, 1), results: whole.results.slice(0, 1) };
    };
    const storeWith = (session: Session) => ({ ...emptyStore(), sessions: [session] });
    const backupWith = (session: Session) => ({ ...backupOf(), sessions: [session], moves: [], screenings: [] });

    it('is present in a store where it went on to the end', () => {
      const mine = storeWith(structuredClone(sessionOne));
      const outcome = mergeExport(mine, backupWith(partWay()));
      expect(outcome.conflicts).toEqual([]);
      expect(outcome.sessionsPresent).toBe(1);
      expect(outcome.sessionsUpdated).toBe(0);
      expect(outcome.data.sessions).toEqual([sessionOne]);
    });

    it('is brought up to date, buckets and all, in a store restored from that backup', () => {
      // Restored into an empty store, the part-way session was cut off there: interrupted.
      const restored = mergeExport(emptyStore(), backupWith(partWay())).data;
      const outcome = mergeExport(restored, backupWith(structuredClone(sessionOne)));
      expect(outcome.conflicts).toEqual([]);
      expect(outcome.sessionsUpdated).toBe(1);
      expect(outcome.sessionsAdded).toBe(0);
      expect(outcome.data.sessions).toEqual([sessionOne]);
      expect(outcome.data.buckets).toEqual(projectBuckets([sessionOne], []));
      // The same file again changes nothing more.
      const again = mergeExport(outcome.data, backupWith(structuredClone(sessionOne)));
      expect([again.sessionsPresent, again.sessionsUpdated]).toEqual([1, 0]);
    });

    it('still conflicts when the answers given part-way differ from the finished session', () => {
      const otherScore = partWay();
      otherScore.attempts[0]!.after = 5;
      const otherMovement = { ...partWay(), movement: 'step-down' };
      const loadingThen = { ...partWay(), loading: true };
      const finishedShorter = { ...partWay(), status: 'stopped' as const, endedAt: '2026-10-01T12:06:00.000Z' };
      const otherBaseline = { ...partWay(), baseline: 7 };
      for (const session of [otherScore, otherMovement, loadingThen, finishedShorter, otherBaseline]) {
        const mine = storeWith(structuredClone(sessionOne));
        const outcome = mergeExport(mine, backupWith(session));
        expect(outcome.conflicts).toEqual(['session-one']);
        expect(outcome.data).toBe(mine);
      }
    });
  });

  describe('a red-flag screen backed up while it was asked', () => {
    const whole = () => sampleStore().screenings[0]!;
    /** The screen as saved after its first `count` answers, not yet gone on. */
    const partWay = (count: number) => {
      const screen = whole();
      return { ...screen, answers: Object.fromEntries(Object.entries(screen.answers).slice(0, count)), proceeded: false };
    };
    const storeWith = (...screenings: ReturnType<typeof whole>[]) => ({ ...emptyStore(), screenings });
    const backupWith = (...screenings: ReturnType<typeof whole>[]) => ({ ...backupOf(), sessions: [], moves: [], screenings });

    it('is the same screen as the finished one in the store: kept once, in full', () => {
      const mine = storeWith(whole());
      for (const count of [1, 4, 6]) {
        const outcome = mergeExport(mine, backupWith(partWay(count)));
        expect(outcome.screeningsAdded).toBe(0);
        // Held already, in its fuller form.
        expect(outcome.screeningsPresent).toBe(1);
        expect(outcome.data.screenings).toEqual([whole()]);
      }
    });

    it('is brought up to date in a store restored from that backup, and only once', () => {
      const restored = mergeExport(emptyStore(), backupWith(partWay(4))).data;
      expect(restored.screenings).toEqual([partWay(4)]);
      const outcome = mergeExport(restored, backupWith(whole()));
      expect(outcome.screeningsAdded).toBe(1);
      expect(outcome.data.screenings).toEqual([whole()]);
      expect(mergeExport(outcome.data, backupWith(whole(), partWay(2))).screeningsAdded).toBe(0);
    });

    it('keeps a screen with a different answer, or another start, as a screen of its own', () => {
      const otherAnswer = { ...partWay(2), answers: { ...partWay(2).answers, swelling: true } };
      const laterStart = { ...partWay(2), at: '2026-10-02T11:55:00.000Z' };
      for (const screen of [otherAnswer, laterStart]) {
        const outcome = mergeExport(storeWith(whole()), backupWith(screen));
        expect(outcome.screeningsAdded).toBe(1);
        expect(outcome.data.screenings).toEqual([whole(), screen]);
      }
    });
  });

  it('treats records with the same contents as equal whatever their key order', () => {
    const reordered = Object.fromEntries(Object.entries(structuredClone(sessionOne)).reverse()) as typeof sessionOne;
    const mine = { ...emptyStore(), sessions: [reordered] };
    expect(mergeExport(mine, backupOf()).conflicts).toEqual([]);
  });

  it('keeps the later bucket reset, so drills reset on either side stay reset', () => {
    const mine = { ...emptyStore(), bucketsResetAt: '2026-10-05T00:00:00.000Z' };
    const file = backupOf({ ...sampleStore(), bucketsResetAt: '2026-10-09T00:00:00.000Z' });
    const outcome = mergeExport(mine, file);
    expect(outcome.data.bucketsResetAt).toBe('2026-10-09T00:00:00.000Z');
    // Only decisions after 9 October count: the move of the 10th and the session of the 20th.
    expect(outcome.data.buckets.map((b) => b.exerciseId).sort()).toEqual(['glute-stretch', 'it-band-stretch']);
  });

  it("keeps the store's reset when an older backup was cleared before it", () => {
    const mine = { ...emptyStore(), bucketsResetAt: '2026-10-09T00:00:00.000Z' };
    const outcome = mergeExport(mine, backupOf({ ...sampleStore(), bucketsResetAt: '2026-10-05T00:00:00.000Z' }));
    expect(outcome.data.bucketsResetAt).toBe('2026-10-09T00:00:00.000Z');
    expect(outcome.resetTaken).toBeUndefined();
    expect(outcome.data.buckets.map((b) => b.exerciseId).sort()).toEqual(['glute-stretch', 'it-band-stretch']);
  });

  it("keeps the store's reset when the file's buckets were never cleared", () => {
    const mine = { ...emptyStore(), bucketsResetAt: '2026-10-09T00:00:00.000Z' };
    const outcome = mergeExport(mine, backupOf());
    expect(outcome.data.bucketsResetAt).toBe('2026-10-09T00:00:00.000Z');
    expect(outcome.resetTaken).toBeUndefined();
    expect(outcome.data.buckets.map((b) => b.exerciseId).sort()).toEqual(['glute-stretch', 'it-band-stretch']);
  });

  it("says a later reset from the file now holds for a store with moves made by hand and no sessions", () => {
    const move = { exerciseId: 'clamshells', bucket: 'rehab' as const, at: '2026-10-02T12:00:00.000Z' };
    const mine = { ...emptyStore(), moves: [move] };
    const outcome = mergeExport(mine, backupOf({ ...sampleStore(), bucketsResetAt: '2026-10-09T00:00:00.000Z' }));
    expect(outcome.resetTaken).toBe('2026-10-09T00:00:00.000Z');
  });
});

describe('editedBucketLists', () => {
  it('finds nothing in lists as the records build them', () => {
    const data = sampleStore();
    const lists = { rehab: [] as string[], avoid: [] as string[], untested: [] as string[] };
    for (const entry of projectBuckets(data.sessions, data.moves)) lists[entry.bucket].push(entry.exerciseId);
    expect(lists.avoid.length).toBeGreaterThan(0);
    expect(editedBucketLists({ ...backupOf(data), buckets: lists })).toEqual([]);
  });

  it('finds a drill the file lists elsewhere than its own records put it', () => {
    const edited = { ...backupOf(), buckets: { rehab: ['hip-hikes'], avoid: [], untested: [] } };
    expect(editedBucketLists(edited)).toContainEqual({ exerciseId: 'hip-hikes', listed: 'rehab', decided: 'avoid' });
  });

  it('leaves the lists of a backup of a period from a later day alone: they stand on records it does not hold', () => {
    const later = { ...backupOf(), period: { since: '2026-10-05', until: null }, sessions: [sessionTwo], buckets: { rehab: ['lateral-ankle-tilts', 'clamshells'], avoid: ['hip-hikes'], untested: [] } };
    expect(editedBucketLists(later)).toEqual([]);
  });
});

describe('differingFields', () => {
  it('names only the fields in which two versions of a session differ', () => {
    expect(differingFields(sessionOne, { ...structuredClone(sessionOne), baseline: 9 })).toEqual(['baseline']);
  });

  it('does not name the status and end of a session the store holds in progress, which the file holds cut off', () => {
    const { endedAt: _endedAt, ...rest } = structuredClone(sessionOne);
    const running: Session = { ...rest, status: 'in-progress' };
    const exported: Session = { ...cutOff(running), baseline: 9 };
    expect(exported.status).toBe('interrupted');
    expect(differingFields(running, exported)).toEqual(['baseline']);
  });
});
