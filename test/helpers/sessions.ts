// Builds realistic Session records for tests: scores chain as in a real session (each drill's
// `before` is the latest score), verdicts follow the thresholds, a retry is judged against the
// same original `before`, and a flare ends the drill at once.
import { projectBuckets } from '../../src/core/projection.js';
import type { Attempt, ExerciseResult, Session, StoreData } from '../../src/core/records.js';
import { emptyStore } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import type { Answer } from './scripted.js';

/** The answers of a red-flag screen with every question answered no. */
export const noRedFlags = {
  'recent-injury': false,
  swelling: false,
  'locking-or-giving-way': false,
  'numbness-or-tingling': false,
  'fever-or-unwell': false,
  'night-or-rest-pain': false,
};

/** A first run's red-flag screen as the answers typed to it: every question answered no. */
export const screenClear: Answer[] = [false, false, false, false, false, false];

/**
 * Saves `sessions` to the store in `home` as if they had run: the safety screen passed before the
 * first (or on 2026-11-01 with none), the buckets as the core projects them from the log.
 */
export async function saveSessions(home: string, ...sessions: Session[]): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => {
    data.screenings.push({ at: sessions[0]?.startedAt ?? '2026-11-01T08:00:00.000Z', answers: noRedFlags, proceeded: true });
    data.sessions.push(...sessions);
    data.buckets = projectBuckets(data.sessions, data.moves);
  });
}

/** The flags that skip a session's set-up questions and its countdown; their side is buildSession's. */
export const setUpFlags = ['--side', 'left', '--symptom', 'pain', '--movement', 'single-leg squat', '--no-timer'];

export interface DrillPlan {
  id: string;
  name?: string;
  /** Scores after attempt 1 and, when it did not help, after the retry. */
  scores?: number[];
  skipped?: boolean;
  /** Attempts are recorded but no result: the session was interrupted during this drill. */
  unfinished?: boolean;
}

export interface SessionPlan {
  id?: string;
  startedAt: string;
  routine?: string;
  baseline?: number;
  drills?: DrillPlan[];
  status?: Session['status'];
  loading?: boolean;
  symptom?: Session['symptom'];
  movement?: string;
  side?: Session['side'];
  minImprovement?: number;
  flareRise?: number;
}

let counter = 0;
const MINUTE_MS = 60_000;

/**
 * A session; each answer (a drill's score, a skip, the stop) comes one minute after the previous
 * one. As in a real session, a drill's result is recorded with the score that decided it, at the
 * same moment as its last attempt.
 */
export function buildSession(plan: SessionPlan): Session {
  const thresholds = { minImprovement: plan.minImprovement ?? 1, flareRise: plan.flareRise ?? 3 };
  let clock = Date.parse(plan.startedAt);
  const tick = () => new Date((clock += MINUTE_MS)).toISOString();
  const attempts: Attempt[] = [];
  const results: ExerciseResult[] = [];
  let current = plan.baseline;

  for (const drill of plan.drills ?? []) {
    const name = drill.name ?? titleOf(drill.id);
    if (drill.skipped) {
      results.push({ exerciseId: drill.id, name, outcome: 'skipped', flare: false, at: tick() });
      continue;
    }
    if (current === undefined) throw new Error('a drill needs a baseline first');
    const before = current;
    let outcome: 'rehab' | 'avoid' | undefined;
    let flare = false;
    let decidedAt = '';
    (drill.scores ?? []).slice(0, 2).forEach((after, index) => {
      if (outcome) return;
      const verdict = after - before >= thresholds.flareRise ? 'flare' : after <= before - thresholds.minImprovement ? 'improved' : 'not-improved';
      decidedAt = tick();
      attempts.push({ exerciseId: drill.id, attempt: index === 0 ? 1 : 2, before, after, verdict, at: decidedAt });
      current = after;
      if (verdict === 'improved') outcome = 'rehab';
      else if (verdict === 'flare') [outcome, flare] = ['avoid', true];
      else if (index === 1) outcome = 'avoid';
    });
    if (drill.unfinished) break;
    if (!outcome) throw new Error(`drill ${drill.id} needs a second score or unfinished: true`);
    results.push({ exerciseId: drill.id, name, outcome, flare, at: decidedAt });
  }

  const unfinished = (plan.drills ?? []).some((drill) => drill.unfinished);
  const session: Session = {
    id: plan.id ?? `s-${++counter}-${plan.startedAt}`,
    startedAt: plan.startedAt,
    status: plan.status ?? (unfinished ? 'interrupted' : 'completed'),
    routine: plan.routine ?? 'strength',
    // The side of setUpFlags: a session run after these is on the same side unless a test says otherwise.
    side: plan.side ?? 'left',
    symptom: plan.symptom ?? 'pain',
    movement: plan.movement ?? 'single-leg squat',
    thresholds,
    loading: plan.loading ?? false,
    attempts,
    results,
  };
  if (plan.baseline !== undefined) session.baseline = plan.baseline;
  if (session.status !== 'interrupted' && session.status !== 'in-progress') session.endedAt = tick();
  return session;
}

/** The time a session's last result was recorded. */
export function lastResultAt(session: Session): string {
  const at = session.results.at(-1)?.at;
  if (!at) throw new Error('the session has no results');
  return at;
}

export function storeWith(partial: Partial<StoreData> = {}): StoreData {
  return { ...emptyStore(), ...partial };
}

function titleOf(id: string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
