// The evidence behind a drill's bucket: how often it was tested, how often it helped, and by how
// much, summed up in one walk through the session log.
import { compareInstants } from './instant.js';
import type { Attempt, ExerciseResult, Session } from './records.js';

export interface Evidence {
  tested: number;
  helped: number;
  /** Of those that helped, how many only on the retry (the first try did not help). */
  helpedOnRetry: number;
  meanChange: number | null;
  lastChange: number | null;
  lastTestedAt: string | null;
  flares: number;
}

/** What the log says about one drill, summed up as it is walked (no list of tests is kept). */
export interface Observed {
  /** Tests: results with outcome rehab or avoid. */
  tested: number;
  helped: number;
  helpedOnRetry: number;
  changeSum: number;
  changeCount: number;
  /** The newest test (the later one in the log at equal times) and its change. */
  newestAt: string | null;
  newestChange: number | null;
  flares: number;
  lastName: string | null;
  lastNameAt: string | null;
}

/**
 * Walks the log once for the evidence, handing each test to `onTest` on the way (so the caller
 * can project the buckets in the same walk). A test is one result with outcome rehab or avoid; its attempts are those
 * of the same drill in the same session up to the result, not claimed by an earlier result.
 * Its change is the score after the deciding (last) attempt minus the `before` of its first
 * attempt; null without attempts. Attempts with no result (an interrupted drill) are no test.
 */
export function observe(sessions: readonly Session[], onTest: (result: ExerciseResult) => void): Map<string, Observed> {
  const observed = new Map<string, Observed>();
  const claimed: boolean[] = [];
  for (const session of sessions) {
    const attempts = session.attempts;
    for (let index = 0; index < attempts.length; index++) claimed[index] = false;
    for (const result of session.results) {
      let seen = observed.get(result.exerciseId);
      if (!seen) {
        seen = { tested: 0, helped: 0, helpedOnRetry: 0, changeSum: 0, changeCount: 0, newestAt: null, newestChange: null, flares: 0, lastName: null, lastNameAt: null };
        observed.set(result.exerciseId, seen);
      }
      if (seen.lastNameAt === null || compareInstants(result.at, seen.lastNameAt) >= 0) {
        seen.lastName = result.name;
        seen.lastNameAt = result.at;
      }
      let deciding: Attempt | undefined;
      let first: Attempt | undefined;
      for (let index = 0; index < attempts.length; index++) {
        const attempt = attempts[index]!;
        if (claimed[index] || attempt.exerciseId !== result.exerciseId || compareInstants(attempt.at, result.at) > 0) continue;
        claimed[index] = true;
        deciding = attempt;
        if (attempt.attempt === 1) first = attempt;
      }
      if (result.flare) seen.flares++;
      if (result.outcome === 'skipped') continue;
      onTest(result);
      const change = deciding && first ? deciding.after - first.before : null;
      seen.tested++;
      if (result.outcome === 'rehab') {
        seen.helped++;
        if (deciding !== undefined && deciding.attempt > 1) seen.helpedOnRetry++;
      }
      if (change !== null) {
        seen.changeSum += change;
        seen.changeCount++;
      }
      if (seen.newestAt === null || compareInstants(result.at, seen.newestAt) >= 0) {
        seen.newestAt = result.at;
        seen.newestChange = change;
      }
    }
  }
  return observed;
}

export function evidenceOf(seen: Observed | undefined): Evidence {
  if (!seen) return { tested: 0, helped: 0, helpedOnRetry: 0, meanChange: null, lastChange: null, lastTestedAt: null, flares: 0 };
  return {
    tested: seen.tested,
    helped: seen.helped,
    helpedOnRetry: seen.helpedOnRetry,
    meanChange: seen.changeCount > 0 ? roundToTenth(seen.changeSum / seen.changeCount) : null,
    lastChange: seen.newestChange,
    lastTestedAt: seen.newestAt,
    flares: seen.flares,
  };
}

/** Half away from zero, so a mean of -0.75 reads -0.8 like +0.75 reads 0.8. */
function roundToTenth(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10 || 0;
}
