// The see-a-professional rule (PRODUCT §4.7): a symptom rated in several weeks in a row of
// consistent work without a meaningful fall. The advice (./advice.ts) and the therapist's report
// both ask it.
import type { AdviceLog } from './advice.js';
import { sidesApart } from './history.js';
import type { PainfulSide } from './records.js';
import { DAY_MS, MINUTE_MS } from './durations.js';

/**
 * The local calendar day `ms` falls on, counted in days: two of them are as many days apart as a
 * person counts on a calendar, even across a change to or from summer time, when a day has 23 or
 * 25 hours. (The local clock read as a UTC one: one look-up of the time zone.)
 */
function localDayNumber(ms: number): number {
  return Math.floor((ms - new Date(ms).getTimezoneOffset() * MINUTE_MS) / DAY_MS);
}

/** The first moment of the local day `days` days before that of `now`. */
function startOfDayBefore(now: Date, days: number): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days).getTime();
}

/**
 * A symptom that kept up through several weeks of consistent work: what the see-a-professional
 * advice is given for, and what a report tells the therapist.
 */
export interface PersistentSymptom {
  /** What the baselines rated (whatWasRated): the symptom during the test movement. */
  rated: string;
  /** The same as the latest of them typed it, to be read. */
  said: string;
  /** The painful side the baselines were given for: scores on another side are not compared with them. */
  side: PainfulSide;
  /**
   * Whether the log's baselines were given for more than one painful side (sidesApart): only then
   * is the side named, as the trends name it.
   */
  sidesApart: boolean;
  /** How many back-to-back weeks of 7 local calendar days had a baseline. */
  weeks: number;
  /** The mean baseline of the oldest of those windows, and of the newest. */
  firstMean: number;
  latestMean: number;
  /**
   * Where the run of weeks begins (the first moment of its first day) and ends (now, or the last
   * moment of its last day), in ms since 1970 (UTC).
   */
  fromMs: number;
  toMs: number;
  /** When the newest of these baselines was given (not after now), in ms since 1970 (UTC). */
  lastRatedMs: number;
  /**
   * When the oldest baseline of the run of weeks was given, in ms since 1970 (UTC): its first week
   * may begin days before it, and a report of a period tells the two apart.
   */
  firstRatedMs: number;
  /**
   * When a break of a week or more came between the run of weeks and the latest week, which then
   * gives latestMean: the last baseline before the break and the first after it, in ms since 1970
   * (UTC).
   */
  afterBreak?: { lastBeforeMs: number; firstAfterMs: number };
}

/** A mean baseline as the advice and the reports say it: to one decimal. */
export const meanAsSaid = (mean: number) => Math.round(mean * 10) / 10;

/** Judged on the means as they are said: "gone up (about 4.3 …, 4.3 …)" would contradict itself. */
export const wentUp = (found: Pick<PersistentSymptom, 'firstMean' | 'latestMean'>) => meanAsSaid(found.latestMean) > meanAsSaid(found.firstMean);

/**
 * The persistent symptoms among the baselines of a log (adviceLog) as of `now`, as `itb history`
 * advises on them: every one that kept up, the highest latest mean first (as it is said, to 0.1),
 * and of those said alike, the one rated most lately. The worst comes first because it is the one
 * most in need of a look, whichever was rated last: a left leg stuck at 1 and rated yesterday
 * must not come before a right leg stuck at 7.
 */
export function persistentSymptoms(log: Pick<AdviceLog, 'baselines'>, now: Date): PersistentSymptom[] {
  const apart = sidesApart(log.baselines);
  return persistentAmong(log.baselines, now).map((found) => ({ ...found, sidesApart: apart }));
}

/**
 * Symptoms that keep up through several weeks of consistent work deserve a clinician's look.
 * "Consistent": a session with a baseline in each of at least 3 back-to-back weeks of 7 local
 * calendar days, the newest being today and the 6 days before, or the 7 days before those when
 * these have none yet (someone who tests once a week, at the start of this week's session).
 * Weeks of calendar days, not of 7 times 24 hours: someone who tests every Sunday at 10:00 has
 * one test in each week, whatever the time of day they look and through a change of summer time
 * (the Sunday of the change is 167 hours after the one before it). "No meaningful fall": the
 * mean baseline of the newest week is less than 2 points AND less than 30% below that of the
 * oldest week of the run, and not zero. The latest weeks are what count: a symptom stuck for the
 * last several weeks gets the advice even when it fell in the weeks before (the longest such
 * stretch is named). A break does not undo such weeks: rated again after one, with fewer than 3
 * weeks since, the latest week is compared with the run of weeks before the break, if it had 3
 * or more. Only baselines that rated the same symptom in the same test movement on the same
 * painful side are compared, as in the trends: moving on from walking to running, or a few low
 * scores for the left leg in the weeks the right one stayed at 7, must neither raise the advice
 * nor hide it. Both sides at once is a side of its own; someone who alternates sides week by
 * week has no side rated in 3 weeks in a row, so no run of weeks to judge. Each group that kept
 * up is found, in the order persistentSymptoms gives.
 */
function persistentAmong(baselines: AdviceLog['baselines'], now: Date): Omit<PersistentSymptom, 'sidesApart'>[] {
  // Each group's baselines by week back from today (0 = today and the 6 days before), sorted in
  // one pass: years of daily sessions make a week-by-week scan far too slow.
  const today = localDayNumber(now.getTime());
  const groups = baselines.map(({ rated, side, said, startedMs, scores }) => {
    let newestMs = -Infinity;
    const byWeek = new Map<number, number[]>();
    startedMs.forEach((started, i) => {
      const age = now.getTime() - started;
      if (!(age >= 0)) return;
      newestMs = Math.max(newestMs, started);
      const index = Math.floor((today - localDayNumber(started)) / 7);
      const week = byWeek.get(index);
      if (week) week.push(scores[i]!);
      else byWeek.set(index, [scores[i]!]);
    });
    return { rated, side, said, startedMs, scores, newestMs, byWeek };
  });
  const found: Omit<PersistentSymptom, 'sidesApart'>[] = [];
  for (const { rated, side, said, startedMs, scores, newestMs, byWeek } of groups) {
    const weeks = noMeaningfulFall(byWeek, now, startedMs, scores);
    if (!weeks) continue;
    // Found rarely, so a second look at this group's times is cheap.
    let firstRatedMs = newestMs;
    let lastBeforeMs = -Infinity;
    let firstAfterMs = Infinity;
    for (const started of startedMs) {
      if (started >= weeks.fromMs && started < firstRatedMs) firstRatedMs = started;
      if (started <= weeks.toMs && started > lastBeforeMs) lastBeforeMs = started;
      if (started > weeks.toMs && started <= now.getTime() && started < firstAfterMs) firstAfterMs = started;
    }
    const { resumed, ...kept } = weeks;
    found.push({ rated, side, said, lastRatedMs: newestMs, firstRatedMs, ...kept, ...(resumed ? { afterBreak: { lastBeforeMs, firstAfterMs } } : {}) });
  }
  found.sort((a, b) => meanAsSaid(b.latestMean) - meanAsSaid(a.latestMean) || b.lastRatedMs - a.lastRatedMs);
  return found;
}

/**
 * The weeks of a group's baselines that have kept up (persistentAmong), if any. `resumed`: they
 * ended before a break of a week or more, and the latest week, after it, is not meaningfully
 * below their first: someone who comes back after a week or more away, their score no lower,
 * has not seen it ease, and the weeks before the break still count. Those weeks are counted back
 * from the day of the last score before the break, not from today: months later, what they were
 * (how many, their days, their first week's mean) stays what it was from one day to the next.
 */
function noMeaningfulFall(
  byWeek: Map<number, number[]>,
  now: Date,
  startedMs: number[],
  scores: number[],
): (Pick<PersistentSymptom, 'weeks' | 'firstMean' | 'latestMean' | 'fromMs' | 'toMs'> & { resumed: boolean }) | undefined {
  const newest = byWeek.has(0) ? 0 : 1;
  const latest = byWeek.get(newest);
  // Nothing rated in the last two weeks: a break, with nothing since to say the symptom is still there.
  if (latest === undefined) return undefined;
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const last = mean(latest);
  if (last === 0) return undefined;
  const runFrom = (weeksBack: Map<number, number[]>, start: number) => {
    const weeks: number[][] = [];
    for (let week = weeksBack.get(start); week !== undefined; week = weeksBack.get(start + weeks.length)) weeks.push(week);
    return weeks;
  };
  let weeks = runFrom(byWeek, newest);
  // The run of weeks ends today, or on the last day rated before a break.
  let endDay = now;
  if (weeks.length < 3) {
    // Too few weeks since the latest break: the run of weeks before it, if it had enough.
    const today = localDayNumber(now.getTime());
    const sinceBreak = newest + weeks.length;
    let lastBeforeMs = -Infinity;
    for (const started of startedMs) {
      if (started <= now.getTime() && Math.floor((today - localDayNumber(started)) / 7) > sinceBreak && started > lastBeforeMs) lastBeforeMs = started;
    }
    if (lastBeforeMs === -Infinity) return undefined;
    endDay = new Date(lastBeforeMs);
    const lastDay = localDayNumber(lastBeforeMs);
    const before = new Map<number, number[]>();
    startedMs.forEach((started, i) => {
      if (started > lastBeforeMs) return;
      const index = Math.floor((lastDay - localDayNumber(started)) / 7);
      const week = before.get(index);
      if (week) week.push(scores[i]!);
      else before.set(index, [scores[i]!]);
    });
    weeks = runFrom(before, 0);
    if (weeks.length < 3) return undefined;
  }
  const resumed = endDay !== now;
  // An early fall must not hide weeks stuck since: from the whole run down to its last 3 weeks,
  // the longest stretch whose first week is not meaningfully above the latest week.
  for (let count = weeks.length; count >= 3; count--) {
    const first = mean(weeks[count - 1]!);
    const fall = first - last;
    if (fall >= 2 || fall >= 0.3 * first) continue;
    // Weeks up to last week (newest 1), for someone who has not rated yet this week, end 7 days ago.
    const ends = resumed ? 0 : newest;
    const toMs = resumed || newest === 1 ? startOfDayBefore(endDay, 7 * ends - 1) - 1 : now.getTime();
    const fromMs = startOfDayBefore(endDay, 7 * (ends + count) - 1);
    return { weeks: count, firstMean: first, latestMean: last, fromMs, toMs, resumed };
  }
  return undefined;
}
