// A pause in a trend: more than 4 weeks between two of its sessions. The HTML report's chart stops
// its lines there, and the bars of `itb history` and the Markdown report leave a gap: drawn
// straight on across months without a session, they would show a steady course where nothing
// was recorded.
import { DAY_MS, MINUTE_MS } from './durations.js';

export const PAUSE_DAYS = 28;

/**
 * More than PAUSE_DAYS between two moments as a calendar counts them: by the local clock at each,
 * so that a Sunday at 10:00 four weeks after another, across the end of summer time (28 days and
 * an hour of real time), is no pause, as "more than 4 weeks" reads. Summer time moves the clock
 * by an hour or two: only a gap within a day of the limit needs the clocks.
 */
export function pauseBetween(earlier: number, later: number): boolean {
  const apart = later - earlier;
  if (apart <= (PAUSE_DAYS - 1) * DAY_MS) return false;
  if (apart > (PAUSE_DAYS + 1) * DAY_MS) return true;
  const localClock = (ms: number) => ms - new Date(ms).getTimezoneOffset() * MINUTE_MS;
  return localClock(later) - localClock(earlier) > PAUSE_DAYS * DAY_MS;
}

/** For each of a trend's sessions (oldest first), whether a pause came before it. */
export function pausesBefore(points: readonly { at: string }[]): boolean[] {
  return points.map((point, i) => i > 0 && pauseBetween(Date.parse(points[i - 1]!.at), Date.parse(point.at)));
}
