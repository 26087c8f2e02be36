// The evidence behind a drill's bucket: how often it was tested, how often it helped, and by how
// much, summed up in one walk through the session log.
import { compareInstants } from './instant.js';
import type { Attempt, ExerciseResult, PainfulSide, Session, Symptom, Thresholds, TimedHolds } from './records.js';
import { painfulSides } from './terms.js';

/**
 * What a test could not show because of the score it started from: help, when the score was
 * below the session's minImprovement (no score after it counts as helping, so the drill was set
 * aside whatever it did); a flare-up, when the score rose to 10, the top of the scale, by less
 * than the session's flareRise. `from`: the score it started at; `points`: that minImprovement or
 * flareRise.
 */
interface CouldNotShow {
  what: 'help' | 'flare-up';
  from: number;
  points: number;
}

/** The holds an attempt timed, fewer than its dose's, and which try it was. */
type TriedHolds = TimedHolds & { attempt: 1 | 2 };

export interface Evidence {
  tested: number;
  helped: number;
  /** Of those that helped, how many only on the retry (the first try did not help). */
  helpedOnRetry: number;
  meanChange: number | null;
  lastChange: number | null;
  /** When the newest test was done: the time of its deciding score. */
  lastTestedAt: string | null;
  flares: number;
  /** When the newest flare-up was: the time of the score that rose; null without one. */
  lastFlareAt: string | null;
  /** The painful side of the newest flare-up's session; null without one. */
  lastFlareSide: PainfulSide | null;
  /** Of the tests that did not help (flare-ups aside), those that started too low to show help. */
  tooLowToShowHelp: number;
  /** What the newest test could not show, when it did not help; null when it could show both. */
  lastCouldNotShow: CouldNotShow | null;
  /**
   * The fall the newest test needed to count as helping (its session's minImprovement), when it
   * was set aside with a smaller one: a fall of 1 set aside where 2 points count; null otherwise.
   */
  lastFallNeeded: number | null;
  /**
   * The tests and those that helped by the painful side their session gave, in the order left,
   * right, both, for the sides tested: a drill may help one side and not the other.
   */
  sides: SideCount[];
  /** The painful side of the newest test. */
  lastSide: PainfulSide | null;
  /** What the newest test rated: the symptom and the test movement (as typed) of its session. */
  lastSymptom: Symptom | null;
  lastMovement: string | null;
  /** Tests with a try done after the countdown timed only some of the drill's holds. */
  partlyTimed: number;
  /** The newest test's tries done so, in order: its score may be for fewer holds than the dose. */
  lastHolds: TriedHolds[];
}

export interface SideCount {
  side: PainfulSide;
  tested: number;
  helped: number;
  /**
   * The mean change of the tests on this side alone (to a tenth; null without one): a drill that
   * eased one side and did nothing for the other has a mean change between the two, true of neither.
   */
  meanChange: number | null;
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
  /**
   * When the newest test was really done: the time of its deciding score. Its result may be dated
   * later, to count after a decision dated ahead of the clock (see datedToCount); the day it was
   * tested, and its re-test, go by this one.
   */
  newestTestedAt: string | null;
  newestChange: number | null;
  flares: number;
  /** The newest flare-up's time (see Evidence.lastFlareAt). */
  newestFlareAt: string | null;
  /** The painful side of the session of that flare-up (see Evidence.lastFlareSide). */
  newestFlareSide: PainfulSide | null;
  tooLowToShowHelp: number;
  newestCouldNotShow: CouldNotShow | null;
  newestFallNeeded: number | null;
  lastName: string | null;
  lastNameAt: string | null;
  /** Tests, helps and changes by the painful side of their session. */
  sides: Partial<Record<PainfulSide, [tested: number, helped: number, changeSum: number, changeCount: number]>>;
  newestSide: PainfulSide | null;
  newestSymptom: Symptom | null;
  newestMovement: string | null;
  partlyTimed: number;
  newestHolds: TriedHolds[];
}

/**
 * Walks the log once for the evidence, handing each test to `onTest` on the way (so the caller
 * can project the buckets in the same walk). A test is one result with outcome rehab or avoid; its attempts are those
 * of the same drill in the same session up to the result (upTo), not claimed by an earlier result.
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
        seen = { tested: 0, helped: 0, helpedOnRetry: 0, changeSum: 0, changeCount: 0, newestAt: null, newestTestedAt: null, newestChange: null, flares: 0, newestFlareAt: null, newestFlareSide: null, tooLowToShowHelp: 0, newestCouldNotShow: null, newestFallNeeded: null, lastName: null, lastNameAt: null, sides: {}, newestSide: null, newestSymptom: null, newestMovement: null, partlyTimed: 0, newestHolds: [] };
        observed.set(result.exerciseId, seen);
      }
      if (seen.lastNameAt === null || compareInstants(result.at, seen.lastNameAt) >= 0) {
        seen.lastName = result.name;
        seen.lastNameAt = result.at;
      }
      let deciding: Attempt | undefined;
      let first: Attempt | undefined;
      let flaring: Attempt | undefined;
      const holds: TriedHolds[] = [];
      for (let index = 0; index < attempts.length; index++) {
        const attempt = attempts[index]!;
        if (claimed[index] || attempt.exerciseId !== result.exerciseId || !upTo(attempts, index, result.at)) continue;
        claimed[index] = true;
        deciding = attempt;
        if (attempt.attempt === 1) first = attempt;
        if (attempt.verdict === 'flare') flaring = attempt;
        if (attempt.holds !== undefined) holds.push({ attempt: attempt.attempt, ...attempt.holds });
      }
      if (result.flare) {
        seen.flares++;
        // The rise itself, as the advice to rest dates it: its result may be dated later.
        const flaredAt = flaring?.at ?? result.at;
        if (seen.newestFlareAt === null || compareInstants(flaredAt, seen.newestFlareAt) > 0) {
          seen.newestFlareAt = flaredAt;
          seen.newestFlareSide = session.side;
        }
      }
      if (result.outcome === 'skipped') continue;
      onTest(result);
      const change = deciding && first ? deciding.after - first.before : null;
      const couldNotShow = deciding && first && result.outcome === 'avoid' && !result.flare ? hiddenBy(first, deciding, session.thresholds) : null;
      if (couldNotShow?.what === 'help') seen.tooLowToShowHelp++;
      const fallNeeded = couldNotShow === null && result.outcome === 'avoid' && change !== null && change < 0 ? session.thresholds.minImprovement : null;
      seen.tested++;
      if (holds.length > 0) seen.partlyTimed++;
      const onSide = (seen.sides[session.side] ??= [0, 0, 0, 0]);
      onSide[0]++;
      if (result.outcome === 'rehab') {
        onSide[1]++;
        seen.helped++;
        if (deciding !== undefined && deciding.attempt > 1) seen.helpedOnRetry++;
      }
      if (change !== null) {
        seen.changeSum += change;
        seen.changeCount++;
        onSide[2] += change;
        onSide[3]++;
      }
      if (seen.newestAt === null || compareInstants(result.at, seen.newestAt) >= 0) {
        seen.newestAt = result.at;
        seen.newestTestedAt = deciding?.at ?? result.at;
        seen.newestChange = change;
        seen.newestCouldNotShow = couldNotShow;
        seen.newestFallNeeded = fallNeeded;
        seen.newestSide = session.side;
        seen.newestSymptom = session.symptom;
        seen.newestMovement = session.movement;
        seen.newestHolds = holds;
      }
    }
  }
  return observed;
}

/**
 * Whether the attempt at `index` came up to a result dated `at`: dated at or before it, or the
 * first try of a retry that is. A retry follows its first try in the log; a clock set back
 * between the two dates the retry earlier, and the first try still belongs to the same test.
 */
export function upTo(attempts: readonly Attempt[], index: number, at: string): boolean {
  const attempt = attempts[index]!;
  if (compareInstants(attempt.at, at) <= 0) return true;
  const retry = attempts[index + 1];
  return attempt.attempt === 1 && retry?.attempt === 2 && retry.exerciseId === attempt.exerciseId && compareInstants(retry.at, at) <= 0;
}

/** What a test set aside without a flare-up could not show from where its score started (see CouldNotShow). */
function hiddenBy(first: Attempt, deciding: Attempt, { minImprovement, flareRise }: Thresholds): CouldNotShow | null {
  if (first.before < minImprovement) return { what: 'help', from: first.before, points: minImprovement };
  const atTop = [first, deciding].some((attempt) => attempt.after === 10);
  return atTop && 10 - first.before < flareRise ? { what: 'flare-up', from: first.before, points: flareRise } : null;
}

export function evidenceOf(seen: Observed | undefined): Evidence {
  if (!seen) {
    return { tested: 0, helped: 0, helpedOnRetry: 0, meanChange: null, lastChange: null, lastTestedAt: null, flares: 0, lastFlareAt: null, lastFlareSide: null, tooLowToShowHelp: 0, lastCouldNotShow: null, lastFallNeeded: null, sides: [], lastSide: null, lastSymptom: null, lastMovement: null, partlyTimed: 0, lastHolds: [] };
  }
  return {
    tested: seen.tested,
    helped: seen.helped,
    helpedOnRetry: seen.helpedOnRetry,
    meanChange: meanOf(seen.changeSum, seen.changeCount),
    lastChange: seen.newestChange,
    lastTestedAt: seen.newestTestedAt,
    flares: seen.flares,
    lastFlareAt: seen.newestFlareAt,
    lastFlareSide: seen.newestFlareSide,
    tooLowToShowHelp: seen.tooLowToShowHelp,
    lastCouldNotShow: seen.newestCouldNotShow,
    lastFallNeeded: seen.newestFallNeeded,
    sides: painfulSides.flatMap((side) => {
      const count = seen.sides[side];
      return count === undefined ? [] : [{ side, tested: count[0], helped: count[1], meanChange: meanOf(count[2], count[3]) }];
    }),
    lastSide: seen.newestSide,
    lastSymptom: seen.newestSymptom,
    lastMovement: seen.newestMovement,
    partlyTimed: seen.partlyTimed,
    lastHolds: seen.newestHolds,
  };
}

const meanOf = (sum: number, count: number): number | null => (count > 0 ? roundToTenth(sum / count) : null);

/** Half away from zero, so a mean of -0.75 reads -0.8 like +0.75 reads 0.8. */
function roundToTenth(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10 || 0;
}
