// The report every format is written from: the buckets, the period, the drills it lists.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { summarizeBuckets } from '../../src/core/buckets.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { toCsv } from '../helpers/export-text.js';
import { sampleStore, sessionThree } from './fixtures.js';
import { data, library, NOW, report } from '../helpers/sample-report.js';

describe('report', () => {
  it('puts each drill in the bucket of its latest decision, with the re-test due for old ones', () => {
    expect(report.buckets.rehab.map((s) => s.exerciseId)).toEqual(['lateral-ankle-tilts', 'rehab-hip-circles', 'clamshells', 'glute-stretch']);
    const avoid = Object.fromEntries(report.buckets.avoid.map((s) => [s.exerciseId, s]));
    expect(Object.keys(avoid).sort()).toEqual(['hip-hikes', 'it-band-stretch', 'lunge-knee-circles']);
    expect(avoid['hip-hikes']!.flare).toBe(true);
    expect(avoid['it-band-stretch']!.note).toBe('Hurts | *badly* <b>');
    // Decided on 2026-10-01, 14 days to wait: due by 2026-11-20.
    expect(avoid['lunge-knee-circles']!.retestDue).toBe(true);
  });

  it('keeps only the days asked for, both ends included, and judges buckets at the end of the period', () => {
    const october = buildReport(data, library, { since: '2026-10-08', until: '2026-10-08', now: NOW });
    expect(october.sessions.map((s) => s.id)).toEqual(['session-two']);
    expect(october.moves).toEqual([]);
    // A move made before the period began is not one of its moves.
    const after = buildReport(data, library, { since: '2026-10-11', now: NOW });
    expect(after.moves).toEqual([]);
    expect(toMarkdown(after)).not.toContain('## Moved by hand');
    // Buckets as they stood on 8 October: session one counts, the later move and session do not.
    expect(october.buckets.rehab.map((s) => s.exerciseId)).toContain('lateral-ankle-tilts');
    expect(october.buckets.rehab.map((s) => s.exerciseId)).not.toContain('glute-stretch');
    expect(october.buckets.avoid.map((s) => s.exerciseId)).not.toContain('it-band-stretch');
    expect(october.buckets.avoid.find((s) => s.exerciseId === 'lunge-knee-circles')!.retestDue).toBe(false);
    // The screen was answered before the period but still applies.
    expect(october.redFlagScreens.map((s) => s.at)).toEqual(['2026-10-01T11:55:00.000Z']);
    // One answered after the period's end does not.
    const later = { ...data, screenings: [...data.screenings, { ...data.screenings[0]!, at: '2026-10-09T12:00:00.000Z' }] };
    expect(buildReport(later, library, { until: '2026-10-08', now: NOW }).redFlagScreens).toHaveLength(1);
  });

  it('takes the buckets from a summary of the store when one is given and the report runs up to now', () => {
    const summary = summarizeBuckets(data);
    expect(buildReport(data, library, { now: NOW, patientName: 'Sam <Lee>', bucketSummary: summary })).toEqual(report);
    // Proof that it is used: a summary that says otherwise shows through, since, too.
    const otherwise = { ...summary, entries: summary.entries.filter((entry) => entry.exerciseId !== 'clamshells') };
    const since = buildReport(data, library, { since: '2026-10-08', now: NOW, bucketSummary: otherwise });
    expect(since.buckets.rehab.map((s) => s.exerciseId)).not.toContain('clamshells');
    // A report that ends earlier cannot use it: the buckets are those at its end.
    const october = buildReport(data, library, { until: '2026-10-08', now: NOW, bucketSummary: otherwise });
    expect(october).toEqual(buildReport(data, library, { until: '2026-10-08', now: NOW }));
  });

  it('lists the library drills the records mention, and no others', () => {
    expect(report.exercises.map((e) => e.id).sort()).toEqual(
      ['clamshells', 'glute-stretch', 'hip-hikes', 'it-band-stretch', 'lateral-ankle-tilts', 'lunge-knee-circles', 'pelvis-tucks-tilts', 'rehab-hip-circles'].sort(),
    );
  });
  it('names a drill whose session was cut short between its two tries, before any result was saved', () => {
    const cut = sampleStore();
    cut.sessions[2] = {
      ...sessionThree,
      attempts: [{ exerciseId: 'piriformis-stretch', attempt: 1, before: 4, after: 4, verdict: 'not-improved', at: '2026-10-20T12:05:00.000Z' }],
      results: [],
    };
    const cutReport = buildReport(cut, library, { now: NOW });
    expect(cutReport.exercises.map((e) => e.id)).toContain('piriformis-stretch');
    const rows = parseCsv(toCsv(cutReport), { columns: true, bom: true }) as Record<string, string>[];
    const name = library.exercises.find((exercise) => exercise.id === 'piriformis-stretch')!.name;
    expect(rows.find((row) => row.exercise_id === 'piriformis-stretch')!.exercise_name).toBe(name);
  });
});
