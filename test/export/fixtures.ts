// A small store with every case a report has to show: drills that helped, one that did not
// after its retry, a flare, a skip, an interrupted session, a manual move and
// a red-flag screen. Times are at midday UTC, so local dates are the same in the tests' time zone
// (vitest.config.ts) and in any other from UTC-11 to UTC+11.
import { projectBuckets } from '../../src/core/projection.js';
import type { Session, StoreData } from '../../src/core/records.js';
import { emptyStore } from '../../src/store/migrations.js';

const thresholds = { minImprovement: 1, flareRise: 3 };

export const sessionOne: Session = {
  id: 'session-one',
  startedAt: '2026-10-01T12:00:00.000Z',
  endedAt: '2026-10-01T12:30:00.000Z',
  status: 'completed',
  routine: 'joint-chain',
  side: 'left',
  symptom: 'pain',
  movement: 'single-leg squat',
  thresholds,
  loading: false,
  baseline: 6,
  attempts: [
    { exerciseId: 'lateral-ankle-tilts', attempt: 1, before: 6, after: 4, verdict: 'improved', at: '2026-10-01T12:05:00.000Z' },
    { exerciseId: 'lunge-knee-circles', attempt: 1, before: 4, after: 4, verdict: 'not-improved', at: '2026-10-01T12:10:00.000Z' },
    { exerciseId: 'lunge-knee-circles', attempt: 2, before: 4, after: 5, verdict: 'not-improved', at: '2026-10-01T12:12:00.000Z' },
    { exerciseId: 'rehab-hip-circles', attempt: 1, before: 5, after: 4, verdict: 'improved', at: '2026-10-01T12:16:00.000Z' },
  ],
  results: [
    { exerciseId: 'lateral-ankle-tilts', name: 'Lateral ankle tilts', outcome: 'rehab', flare: false, at: '2026-10-01T12:05:00.000Z' },
    { exerciseId: 'lunge-knee-circles', name: 'Forward 45° lunge knee circles', outcome: 'avoid', flare: false, at: '2026-10-01T12:12:00.000Z' },
    { exerciseId: 'rehab-hip-circles', name: 'Rehab hip circles', outcome: 'rehab', flare: false, at: '2026-10-01T12:16:00.000Z' },
    { exerciseId: 'pelvis-tucks-tilts', name: 'Pelvis tucks and tilts', outcome: 'skipped', flare: false, at: '2026-10-01T12:18:00.000Z' },
  ],
};

export const sessionTwo: Session = {
  id: 'session-two',
  startedAt: '2026-10-08T12:00:00.000Z',
  endedAt: '2026-10-08T12:20:00.000Z',
  status: 'stopped',
  routine: 'strength',
  side: 'left',
  symptom: 'pain',
  movement: 'single-leg squat',
  thresholds,
  loading: true,
  baseline: 5,
  attempts: [
    { exerciseId: 'clamshells', attempt: 1, before: 5, after: 3, verdict: 'improved', at: '2026-10-08T12:05:00.000Z' },
    { exerciseId: 'hip-hikes', attempt: 1, before: 3, after: 7, verdict: 'flare', at: '2026-10-08T12:10:00.000Z' },
  ],
  results: [
    { exerciseId: 'clamshells', name: 'Clamshells', outcome: 'rehab', flare: false, at: '2026-10-08T12:05:00.000Z' },
    { exerciseId: 'hip-hikes', name: 'Hip hikes', outcome: 'avoid', flare: true, at: '2026-10-08T12:10:00.000Z' },
  ],
};

export const sessionThree: Session = {
  id: 'session-three',
  startedAt: '2026-10-20T12:00:00.000Z',
  status: 'interrupted',
  routine: 'mobility',
  side: 'left',
  symptom: 'tightness',
  movement: 'walking',
  thresholds,
  loading: false,
  baseline: 4,
  attempts: [{ exerciseId: 'glute-stretch', attempt: 1, before: 4, after: 2, verdict: 'improved', at: '2026-10-20T12:05:00.000Z' }],
  results: [{ exerciseId: 'glute-stretch', name: 'Glute stretch', outcome: 'rehab', flare: false, at: '2026-10-20T12:05:00.000Z' }],
};

/** The store as the session and `buckets move` leave it: the bucket cache matches the log. */
export function sampleStore(): StoreData {
  const data: StoreData = {
    ...emptyStore(),
    settings: { minImprovement: 1, flareRise: 3, retestAfterDays: 14, side: 'left', symptom: 'pain', movement: 'single-leg squat' },
    sessions: structuredClone([sessionOne, sessionTwo, sessionThree]),
    moves: [{ exerciseId: 'it-band-stretch', bucket: 'avoid', note: 'Hurts | *badly* <b>', at: '2026-10-10T12:00:00.000Z' }],
    screenings: [
      {
        at: '2026-10-01T11:55:00.000Z',
        answers: {
          'recent-injury': false,
          swelling: false,
          'locking-or-giving-way': false,
          'numbness-or-tingling': true,
          'fever-or-unwell': false,
          'night-or-rest-pain': false,
        },
        proceeded: true,
      },
    ],
  };
  data.buckets = projectBuckets(data.sessions, data.moves);
  return data;
}

/**
 * Whether a FHIR resource files a score: an Observation with a number for its value (a red-flag
 * screen's Observation has its answers, and no value of its own).
 */
export const filesScore = (resource: { resourceType: string; valueInteger?: number }): boolean => resource.resourceType === 'Observation' && resource.valueInteger !== undefined;

/** Every score the sample store holds: baselines and attempt `after`s. */
export function scoreCount(data: StoreData): number {
  return data.sessions.reduce((sum, s) => sum + (s.baseline === undefined ? 0 : 1) + s.attempts.length, 0);
}
