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

/**
 * The Monday-to-Sunday week a local day number falls in (1970-01-01, day 0, was a Thursday, so
 * day 4 was a Monday): the week of a score never changes with the day it is now.
 */
const MONDAY_OFFSET = 4;
/**
 * The fewest local calendar days from the first score of a run of weeks to its latest: three
 * calendar weeks may hold only eight days (a Sunday, the week after, the Monday after that), too
 * soon to speak of weeks of consistent work. Two weeks, as three weeks of 7 days counted back
 * from the latest score would need.
 */
const MIN_SPAN_DAYS = 14;

/** The baselines of one calendar week: their scores, and the first and last local day rated. */
interface Week {
  scores: number[];
  firstDay: number;
  lastDay: number;
}
const weekOfDay = (day: number) => Math.floor((day - MONDAY_OFFSET) / 7);

/** The first moment of the Monday of `week` (weekOfDay), local time, in ms since 1970 (UTC). */
function mondayMs(week: number): number {
  const monday = new Date((week * 7 + MONDAY_OFFSET) * DAY_MS);
  return new Date(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate()).getTime();
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
  /** How many back-to-back Monday-to-Sunday weeks of the local calendar had a baseline. */
  weeks: number;
  /** The mean baseline of the oldest of those weeks, and of the newest. */
  firstMean: number;
  latestMean: number;
  /**
   * Where the run of weeks begins (the first moment of its first Monday) and ends (now, or the
   * last moment of the Sunday of its last week), in ms since 1970 (UTC).
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
 * "Consistent": a session with a baseline in each of at least 3 back-to-back Monday-to-Sunday
 * weeks of the local calendar, over 14 days or more (MIN_SPAN_DAYS), the newest being this week, or last week when this one has none
 * yet (someone who tests once a week, at the start of this week's session). Calendar weeks, the
 * same whatever day it is now: the weeks a score falls in, and so the run and its breaks, do not
 * move from one day to the next. Weeks of calendar days, not of 7 times 24 hours: someone who
 * tests every Sunday at 10:00 has one test in each week through a change of summer time (the
 * Sunday of the change is 167 hours after the one before it). "No meaningful fall": the
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
  // Each group's baselines by the Monday-to-Sunday week they fall in, sorted in one pass: years
  // of daily sessions make a week-by-week scan far too slow.
  const groups = baselines.map(({ rated, side, said, startedMs, scores }) => {
    let newestMs = -Infinity;
    const byWeek = new Map<number, Week>();
    startedMs.forEach((started, i) => {
      const age = now.getTime() - started;
      if (!(age >= 0)) return;
      newestMs = Math.max(newestMs, started);
      const day = localDayNumber(started);
      const week = byWeek.get(weekOfDay(day));
      if (!week) byWeek.set(weekOfDay(day), { scores: [scores[i]!], firstDay: day, lastDay: day });
      else {
        week.scores.push(scores[i]!);
        week.firstDay = Math.min(week.firstDay, day);
        week.lastDay = Math.max(week.lastDay, day);
      }
    });
    return { rated, side, said, startedMs, newestMs, byWeek };
  });
  const found: Omit<PersistentSymptom, 'sidesApart'>[] = [];
  for (const { rated, side, said, startedMs, newestMs, byWeek } of groups) {
    const weeks = noMeaningfulFall(byWeek, now);
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
 * The weeks of a group's baselines (by weekOfDay) that have kept up (persistentAmong), if any.
 * `resumed`: they ended before a break of a week or more, and the latest week, after it, is not
 * meaningfully below their first: someone who comes back after a week or more away, their score
 * no lower, has not seen it ease, and the weeks before the break still count. They are the
 * calendar weeks they always were: months later, what they were (how many, their days, their
 * first week's mean) stays what it was from one day to the next.
 */
function noMeaningfulFall(
  byWeek: Map<number, Week>,
  now: Date,
): (Pick<PersistentSymptom, 'weeks' | 'firstMean' | 'latestMean' | 'fromMs' | 'toMs'> & { resumed: boolean }) | undefined {
  const thisWeek = weekOfDay(localDayNumber(now.getTime()));
  const newest = byWeek.has(thisWeek) ? thisWeek : thisWeek - 1;
  const latest = byWeek.get(newest);
  // Rated neither this week nor last week: a break, with nothing since to say the symptom is still there.
  if (latest === undefined) return undefined;
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const last = mean(latest.scores);
  if (last === 0) return undefined;
  // The back-to-back weeks with a baseline that end with the week `end`, the newest first.
  const runTo = (end: number) => {
    const weeks: Week[] = [];
    for (let week = byWeek.get(end); week !== undefined; week = byWeek.get(end - weeks.length)) weeks.push(week);
    return weeks;
  };
  // The newest `count` weeks of a run are enough: 3 weeks or more, over two weeks of days or more.
  const enough = (weeks: Week[], count: number) => count >= 3 && weeks[0]!.lastDay - weeks[count - 1]!.firstDay >= MIN_SPAN_DAYS;
  let end = newest;
  let weeks = runTo(end);
  if (!enough(weeks, weeks.length)) {
    // Too few weeks since the latest break: the run of weeks before it, if it had enough.
    const sinceBreak = newest - weeks.length;
    end = -Infinity;
    for (const week of byWeek.keys()) if (week < sinceBreak && week > end) end = week;
    if (end === -Infinity) return undefined;
    weeks = runTo(end);
    if (!enough(weeks, weeks.length)) return undefined;
  }
  const resumed = end !== newest;
  // An early fall must not hide weeks stuck since: from the whole run down to its last 3 weeks,
  // the longest stretch whose first week is not meaningfully above the latest week.
  for (let count = weeks.length; enough(weeks, count); count--) {
    const first = mean(weeks[count - 1]!.scores);
    const fall = first - last;
    if (fall >= 2 || fall >= 0.3 * first) continue;
    // The run ends now, or at the end of the Sunday of its last week: the one before a break, or
    // last week for someone who has not rated yet this week.
    const toMs = end === thisWeek ? now.getTime() : mondayMs(end + 1) - 1;
    return { weeks: count, firstMean: first, latestMean: last, fromMs: mondayMs(end - count + 1), toMs, resumed };
  }
  return undefined;
}
