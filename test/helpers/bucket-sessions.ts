// The log most `itb buckets` tests start from, saved as sessions alone (no buckets stored beside
// it): hip hikes set aside a month ago, clamshells helping and monster walks flaring up since.
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession } from './sessions.js';

/** The clock of those tests: 2026-03-01, two days after the last session. */
export const now = new Date('2026-03-01T12:00:00Z');

export const sessions: Session[] = [
  // Long ago: hip hikes set aside, now due for re-test (14 days).
  buildSession({ startedAt: '2026-02-01T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 7] }] }),
  buildSession({
    startedAt: '2026-02-27T09:00:00Z',
    baseline: 6,
    drills: [
      { id: 'clamshells', name: 'Clamshells', scores: [4] },
      { id: 'monster-walks', name: 'Monster walks', scores: [7] }, // 4 -> 7: a flare
      { id: 'bridges', skipped: true },
    ],
  }),
];

/** Adds the sessions above to the store in `home`. */
export async function withSessionsIn(home: string): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(...sessions));
}
