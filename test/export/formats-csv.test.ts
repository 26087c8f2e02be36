// The CSV export: one row per attempt, its holds and thresholds, and cells a spreadsheet will not run.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvColumns } from '../../src/export/csv.js';
import { buildReport } from '../../src/export/report.js';
import { toCsv } from '../helpers/export-text.js';
import { data, library, NOW, report } from '../helpers/sample-report.js';

describe('csv', () => {
  it('has one row per attempt whose numbers match the store', () => {
    const text = toCsv(report);
    // A byte-order mark first, so Excel reads the text as UTF-8 ("45°", accents), then the header.
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${csvColumns.join(',')}`);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
    const attempts = data.sessions.flatMap((s) => s.attempts.map((a) => ({ s, a })));
    expect(rows).toHaveLength(attempts.length);
    rows.forEach((row, i) => {
      const { s, a } = attempts[i]!;
      expect(row.session_id).toBe(s.id);
      // Local time with its offset: the same instant, as the clock showed it.
      expect(row.session_started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(Date.parse(row.session_started_at!)).toBe(Math.floor(Date.parse(s.startedAt) / 1000) * 1000);
      // The same clock time as spreadsheets read a date and time: Excel keeps one with a T or an
      // offset as text, which cannot be sorted as a date, charted on a time axis or counted by day.
      expect(row.session_started_local).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(row.session_started_local).toBe(row.session_started_at!.slice(0, 19).replace('T', ' '));
      expect(row.exercise_id).toBe(a.exerciseId);
      expect(Number(row.before)).toBe(a.before);
      expect(Number(row.after)).toBe(a.after);
      expect(Number(row.change)).toBe(a.after - a.before);
      expect(Number(row.attempt)).toBe(a.attempt);
      expect(row.verdict).toBe(a.verdict);
      // How its session ended: completed, stopped or interrupted, all three in this store.
      expect(row.session_status).toBe(s.status);
    });
    expect(new Set(rows.map((row) => row.session_status))).toEqual(new Set(['completed', 'stopped', 'interrupted']));
    // A skipped drill has no attempt, so no row; a fall in score stays a plain negative number.
    expect(rows.some((row) => row.exercise_id === 'pelvis-tucks-tilts')).toBe(false);
    expect(rows[0]!.change).toBe('-2');
    expect(text).toMatch(/,-2,improved,1,3,completed,,\r\n/);
  });

  it('gives the holds timed and those of the dose in the last two columns, for an attempt done after timing only some', () => {
    const timed = structuredClone(data);
    timed.sessions[0]!.attempts[0]!.holds = { timed: 2, of: 6 };
    const text = toCsv(buildReport(timed, library, { now: NOW }));
    // Added after the columns there were, which keep their places.
    expect(csvColumns.slice(-3)).toEqual(['session_status', 'holds_timed', 'holds_in_dose']);
    const rows = parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.holds_timed, row.holds_in_dose])).toEqual(rows.map((_, i) => (i === 0 ? ['2', '6'] : ['', ''])));
    expect(text.split('\r\n')[1]).toMatch(/,-2,improved,1,3,completed,2,6$/);
  });

  it('gives each row the thresholds its verdict was judged by, which change between sessions', () => {
    // The same fall of 1 point helped under the default threshold and did not after it was raised to 2.
    const raised = structuredClone(data);
    const later = raised.sessions[1]!;
    later.thresholds = { minImprovement: 2, flareRise: 4 };
    later.attempts[0] = { ...later.attempts[0]!, after: 4, verdict: 'not-improved' };
    const rows = parseCsv(toCsv(buildReport(raised, library, { now: NOW })), { columns: true, bom: true }) as Record<string, string>[];
    const fallOfOne = rows.filter((row) => row.change === '-1').map((row) => [row.verdict, row.min_improvement, row.flare_rise]);
    expect(fallOfOne).toEqual([
      ['improved', '1', '3'],
      ['not-improved', '2', '4'],
    ]);
  });

  it('guards text cells that a spreadsheet would run as a formula', () => {
    const risky = structuredClone(data);
    risky.sessions[0]!.movement = '-1+2';
    risky.sessions[0]!.results[0]!.name = '=HYPERLINK("http://x")';
    risky.sessions[0]!.routine = '@SUM(A1)';
    const rows = parseCsv(toCsv(buildReport(risky, library, { now: NOW })), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows[0]!.movement).toBe("'-1+2");
    expect(rows[0]!.exercise_name).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[0]!.routine).toBe("'@SUM(A1)");
  });

  it('guards text cells that a spreadsheet would turn into a number or a date, and no others', () => {
    // Ids of a therapist's library and names it gives, as a spreadsheet would change them: 007 to
    // 7, 1e5 to 100000, 1-2 and 1/2 to the 2nd of January, 10-12 to the 12th of October.
    const cases: [string, string][] = [
      ['007', "'007"],
      ['1e5', "'1e5"],
      ['1-2', "'1-2"],
      ['1/2', "'1/2"],
      ['2026-01-05', "'2026-01-05"],
      ['3 Mar', "'3 Mar"],
      ['10:30 am', "'10:30 am"],
      ['1,5', "'1,5"],
      ['€5', "'€5"],
      ['TRUE', "'TRUE"],
      ['90/90 stretch', '90/90 stretch'],
      ['Step-down 3', 'Step-down 3'],
      ['may', 'may'],
      ['glute-bridge', 'glute-bridge'],
    ];
    const odd = structuredClone(data);
    odd.sessions = cases.map(([text], i) => ({ ...structuredClone(data.sessions[0]!), id: `s-${i}`, routine: text, movement: text }));
    const rows = parseCsv(toCsv(buildReport(odd, library, { now: NOW })), { columns: true, bom: true }) as Record<string, string>[];
    const firstRows = odd.sessions.map((session) => rows.find((row) => row.session_id === session.id)!);
    expect(firstRows.map((row) => [row.routine, row.movement])).toEqual(cases.map(([, cell]) => [cell, cell]));
    // The scores stay numbers, the time a date and time.
    expect(rows.every((row) => /^-?\d+$/.test(row.change!) && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(row.session_started_local!))).toBe(true);
  });
});
