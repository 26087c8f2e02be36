// Days are the person's own: a session just after local midnight belongs to that local day, even
// when in UTC it is still the day before. Run in Auckland (UTC+13 in its summer), where a session
// at 01:30 local time is 12:30 UTC the previous day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retestDueAt } from '../../src/core/buckets.js';
import { localDate, sessionsSince } from '../../src/core/history.js';
import type { StoreData } from '../../src/core/records.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { toCsv } from '../helpers/export-text.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { sampleStore, sessionOne } from './fixtures.js';

const library = builtInLibrary();
const NOW = new Date('2026-11-20T00:00:00.000Z');
// 2026-10-08 01:30 in Auckland.
const AFTER_MIDNIGHT = '2026-10-07T12:30:00.000Z';

let zone: string | undefined;
beforeAll(() => {
  zone = process.env.TZ;
  process.env.TZ = 'Pacific/Auckland';
});
afterAll(() => {
  process.env.TZ = zone;
});

function storeWithSessionAt(startedAt: string): StoreData {
  const data = sampleStore();
  const shift = Date.parse(startedAt) - Date.parse(sessionOne.startedAt);
  const moved = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  data.sessions = [
    {
      ...sessionOne,
      startedAt,
      endedAt: moved(sessionOne.endedAt!),
      attempts: sessionOne.attempts.map((attempt) => ({ ...attempt, at: moved(attempt.at) })),
      results: sessionOne.results.map((result) => ({ ...result, at: moved(result.at) })),
    },
  ];
  data.moves = [];
  return data;
}

describe('whole local days', () => {
  it('are the days of the time zone the tests now run in', () => {
    expect(localDate(new Date(AFTER_MIDNIGHT))).toBe('2026-10-08');
  });

  it('decide which sessions a report period holds, and the date it shows', () => {
    const data = storeWithSessionAt(AFTER_MIDNIGHT);
    expect(buildReport(data, library, { since: '2026-10-08', now: NOW }).sessions).toHaveLength(1);
    expect(buildReport(data, library, { until: '2026-10-07', now: NOW }).sessions).toHaveLength(0);
    expect(toMarkdown(buildReport(data, library, { now: NOW }))).toMatch(/^\| 2026-10-08 01:30 \| joint-chain \|/m);
  });

  it('decide which sessions history --since lists', () => {
    const { sessions } = storeWithSessionAt(AFTER_MIDNIGHT);
    expect(sessionsSince(sessions, new Date('2026-10-08T00:00:00'))).toHaveLength(1);
    expect(sessionsSince(sessions, new Date('2026-10-09T00:00:00'))).toHaveLength(0);
  });

  it('start a re-test: due from the start of the local day, 14 days after the local day of the decision', () => {
    expect(retestDueAt(AFTER_MIDNIGHT, 14).toISOString()).toBe('2026-10-21T11:00:00.000Z'); // 2026-10-22 00:00 in Auckland
  });

  it('are the clock the CSV shows, with its offset', () => {
    const csv = toCsv(buildReport(storeWithSessionAt(AFTER_MIDNIGHT), library, { now: NOW }));
    expect(csv).toContain(',2026-10-08T01:30:00+13:00,2026-10-08 01:30:00,joint-chain,');
  });
});
