// How a report is built from the store: which records fall in its period, and the buckets as
// they stood at its end.
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { toMarkdown } from '../../src/export/md.js';
import { readingView } from '../../src/export/reading-view.js';
import { buildReport, drillNamer, endOfDay } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore, sessionOne } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();

describe('buildReport', () => {
  it('lists the moves oldest first, whatever their order in the store', () => {
    const data: StoreData = {
      ...sampleStore(),
      moves: [
        { exerciseId: 'clamshells', bucket: 'avoid', at: '2026-10-15T12:00:00.000Z' },
        { exerciseId: 'it-band-stretch', bucket: 'avoid', at: '2026-10-10T12:00:00.000Z' },
      ],
    };
    expect(buildReport(data, library, { now: NOW }).moves.map((move) => move.at)).toEqual(['2026-10-10T12:00:00.000Z', '2026-10-15T12:00:00.000Z']);
  });

  it('keeps a move made before the period in the buckets at its end, though not among its moves', () => {
    const report = buildReport(sampleStore(), library, { since: '2026-10-11', now: NOW });
    expect(report.moves).toEqual([]);
    const moved = report.buckets.avoid.find((status) => status.exerciseId === 'it-band-stretch');
    expect(moved?.source).toBe('manual');
    expect(moved?.note).toBe('Hurts | *badly* <b>');
  });

  it('counts a reset dated ahead of the clock in a report up to now, as `itb buckets` does', () => {
    const ahead = '2026-11-21T12:00:00.000Z';
    const report = buildReport({ ...sampleStore(), bucketsResetAt: ahead }, library, { now: NOW });
    expect(report.bucketsResetAt).toBe(ahead);
    expect(report.buckets.rehab).toEqual([]);
    // A period that ends before it does not.
    const october = buildReport({ ...sampleStore(), bucketsResetAt: ahead }, library, { until: '2026-10-31', now: NOW });
    expect(october.bucketsResetAt).toBeUndefined();
    expect(october.buckets.rehab.map((status) => status.exerciseId)).toContain('clamshells');
  });

  it('counts a reset made in the last moment of the period', () => {
    const last = endOfDay('2026-10-31').toISOString();
    const report = buildReport({ ...sampleStore(), bucketsResetAt: last }, library, { until: '2026-10-31', now: NOW });
    expect(report.bucketsResetAt).toBe(last);
    expect(report.buckets.rehab).toEqual([]);
  });

  it('names the built-in re-test routine a session used', () => {
    const data: StoreData = { ...sampleStore(), sessions: [{ ...structuredClone(sessionOne), routine: 'retest' }] };
    expect(buildReport(data, library, { now: NOW }).routines).toEqual([{ id: 'retest', name: 'drills set aside earlier, tried again from their re-test date' }]);
  });

  it('says the evidence mixes ratings when sessions before the period rated something else', () => {
    // Only the third session, on tightness in walking, is in the period; the two before it rated pain in a squat.
    const report = buildReport(sampleStore(), library, { since: '2026-10-20', now: NOW });
    expect(report.sessions.map((session) => session.symptom)).toEqual(['tightness']);
    expect(readingView(report).evidenceMixesRatings).toBe(true);
    expect(toMarkdown(report)).toContain('these sessions rated more than one symptom or test movement');
  });

  it('names a drill gone from the library as its latest result did, the later one in the log at equal times', () => {
    const at = '2026-10-01T12:20:00.000Z';
    const result = (name: string) => ({ exerciseId: 'gone-drill', name, outcome: 'rehab' as const, flare: false, at });
    const first = structuredClone(sessionOne);
    first.results.push(result('Old name'));
    const second = { ...structuredClone(sessionOne), id: 'session-copy', results: [result('New name')] };
    const report = buildReport({ ...sampleStore(), sessions: [first, second] }, library, { now: NOW });
    expect(drillNamer(report)('gone-drill')).toBe('New name');
  });
});
