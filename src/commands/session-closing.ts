// The end of a session: its summary, what changed in the buckets, and what to run next.
import { adviceFor, afterFlareUpAdvice, routineReadyAt } from '../core/advice.js';
import { bucketView, builtInRoutine, firstRetestDueAt, type BucketView } from '../core/buckets.js';
import { localDate, localDateTime } from '../core/history.js';
import type { PainfulSide, Session, StoreData } from '../core/records.js';
import { shownSafely } from '../core/text.js';
import { untriedRoutine, untriedWords } from '../core/untried.js';
import type { Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { bucketWords, type BucketChange } from '../ui/bucket-changes.js';
import { standingIn, summary } from '../ui/session-view.js';
import { table } from '../ui/table.js';
import { width } from '../ui/width.js';
import { onScreen, wrap } from '../ui/wrap.js';
import { plural, yourSide } from '../export/words.js';
import { commandLines } from '../shell-word.js';
import { drillsLeft } from './part-way.js';

/** `itb`: how to start it (itbWithLibrary). */
export function closing(session: Session, library: Library, before: BucketView, after: StoreData, now: Date, itb: string, colour: Colours): string {
  const view = bucketView(after, library, now);
  const bucketOf = (v: BucketView, id: string) => bucketWords([...v.rehab, ...v.avoid], id);
  const names = new Map(library.exercises.map((exercise) => [exercise.id, exercise.name]));
  const changes: BucketChange[] = [];
  for (const id of new Set(session.results.map((r) => r.exerciseId))) {
    const from = bucketOf(before, id);
    const to = bucketOf(view, id);
    // A flare-up flag added to a drill set aside by hand leaves it where the move put it.
    const bucketWord = (standing: string) => standing.split(' ')[0];
    const flared = session.results.some((result) => result.exerciseId === id && result.flare);
    if (from === to) continue;
    const record = to === 'avoid for now' && bucketWord(from) !== 'avoid' ? goodRecord(before, view, id, session.side) : undefined;
    changes.push({ name: names.get(id) ?? id, from, to, ...(record === undefined ? {} : { record }), ...(bucketWord(from) === bucketWord(to) ? {} : byHand(before, id, itb, flared)) });
  }
  const stopped =
    session.status !== 'stopped' ? '' : session.attempts.length === 0 ? 'You stopped the session before scoring a drill; your baseline is saved.' : 'You stopped the session early; what you finished is saved.';
  // Flare-ups call for easing off, as the method's sources advise: said after every such session.
  const flared = session.results.some((result) => result.flare);
  const afterFlare = flared ? afterFlareUpAdvice : '';
  const status = [stopped, afterFlare].filter(Boolean).map((text) => `\n${wrap(text, 78).map((line) => colour.dim(line)).join('\n')}\n`).join('');
  const nextSteps = [[`${itb} buckets`, 'what helps and what to avoid for now']];
  // Stopped part way, the routine can go on later today from where it was left (see leftPartWay),
  // its strength drills with no 48-hour wait; not on a day with a flare-up, which calls for rest.
  const advice = adviceFor(after, now, library);
  const left = session.status === 'stopped' ? leftForLater(session, view, after, library, now, advice) : 0;
  if (left > 0) nextSteps.push([`${itb} session ${session.routine}`, `go on with the ${left === 1 ? 'one drill' : plural(left, 'drill')} left, later today`]);
  // Not before its strength drills have had their 48 hours, when it has nothing else; after a
  // flare-up, this session's or an earlier one's today, not another session today (nor after
  // one in this session rated before midnight).
  const loading = new Map(library.exercises.map((exercise) => [exercise.id, exercise.loading]));
  let spaced = false;
  const when = (ids: string[], routine?: string) => {
    const readyAt = routineReadyAt(advice, ids.map((id) => loading.get(id) === true), now, routine);
    if (readyAt instanceof Date) spaced = true;
    return readyAt === undefined ? (flared ? ', on another day' : '') : readyAt === 'another day' ? ', on another day' : `, from ${localDateTime(readyAt)}`;
  };
  // The built-in routines as `itb session rehab` and `retest` run them: drills of another library than this one are not in them.
  const rehab = builtInRoutine('rehab', view, library);
  // A built-in routine to go on with is listed once, as that.
  const goingOn = (routine: string) => left > 0 && session.routine === routine;
  if (rehab.length > 0 && !goingOn('rehab')) nextSteps.push([`${itb} session rehab`, `your rehab routine${when(rehab, 'rehab')}`]);
  // Drills back for their re-test, as `itb buckets` offers them.
  const due = builtInRoutine('retest', view, library);
  if (due.length > 0 && !goingOn('retest')) nextSteps.push([`${itb} session retest`, `re-test ${plural(due.length, 'drill')} set aside for now${when(due, 'retest')}`]);
  // The routines' drills not tried yet, as `itb buckets` offers them: testing them is how the
  // buckets fill, so they are offered beside the rehab routine, not only once it is empty. With
  // the routine that holds them named: plain `itb session` offers the latest routine first. Not
  // the one to go on with, listed above.
  const untried = untriedRoutine(view, library, advice, now, left > 0 ? session.routine : undefined);
  if (untried !== undefined) nextSteps.push([`${itb} session ${untried.routine}`, `test ${untriedWords(untried)}${when(untried.ids, untried.routine)}`]);
  // Every drill of the routines set aside and none due, as `itb buckets` says: the day to come back.
  const firstRetest = firstRetestDueAt(view);
  if (nextSteps.length === 1 && firstRetest !== undefined) nextSteps.push([`${itb} session retest`, `the first re-test is due on ${localDate(new Date(firstRetest))}`]);
  nextSteps.push([`${itb} export -o report.html`, 'a report for your physical therapist']);
  let next = table(nextSteps.map(([command, what]) => [`  ${command}`, colour.dim(what!)]));
  // Too narrow for two columns: each command with what it does under it, a command too long for
  // its line going on after the shell's "\", further in than what it does.
  if (next.some((line) => width(line) > onScreen(80))) next = nextSteps.flatMap(([command, what]) => [...commandLines(command!, onScreen(80), '  ', '      '), ...wrap(what!, 80, '    ').map((line) => colour.dim(line))]);
  // A routine of strength drills alone waits for the hours strength work needs: without the
  // reason, "from Sunday 07:00" reads as a drill not due until then.
  if (spaced) next.push(...wrap('A time given above is when 48 hours have passed since your last strength session began: strength drills need that rest between sessions.', 78, '  ').map((line) => colour.dim(line)));
  // Said again at the end, where the person decides what to do next: a session whose drills lowered
  // the score reads as progress, and the advice given before the first rating is screens behind.
  const professional = advice
    .filter((item) => item.id === 'see-a-professional')
    .map((item) => `\n${wrap(item.message, 78).map((line) => colour.bold(line)).join('\n')}\n`)
    .join('');
  return `${summary(session, names, changes, colour, standingIn(before))}${status}${professional}\nNext:\n${next.join('\n')}\n`;
}

/**
 * A drill set aside today, not by a flare-up, that had helped in most of its earlier tests and at
 * least 3 times: the method sets it aside all the same, but one bad day may be the day's and not
 * the drill's, and the person should not read it as a verdict on all that went before. Tested
 * only while another side hurt than today's `side`, its help was for that side: the difference
 * may be the side's, not the day's, and that is said instead.
 */
function goodRecord(before: BucketView, after: BucketView, id: string, side: PainfulSide): string | undefined {
  // Not in before.avoid: a drill set aside before the session is not asked about (closing).
  const earlier = [...before.rehab, ...before.untested].find((status) => status.exerciseId === id)?.evidence;
  if (earlier === undefined || earlier.helped < 3 || earlier.helped * 2 <= earlier.tested) return undefined;
  const retestDueAt = after.avoid.find((status) => status.exerciseId === id)?.retestDueAt;
  const back = retestDueAt === undefined ? '' : ` It comes back for a re-test on ${localDate(new Date(retestDueAt))}.`;
  const helped = `It helped in ${earlier.helped} of its ${earlier.tested} earlier tests`;
  if (earlier.sides.length > 0 && earlier.sides.every((count) => count.side !== side)) {
    const then = earlier.sides.map((count) => yourSide(count.side)).join(' or ');
    return `${helped}, all when ${then} hurt (today: ${yourSide(side)}): what helps one side need not help the other.${back}`;
  }
  return `${helped}: one bad day may be down to the day, not the drill.${back}`;
}

/**
 * A drill put in its bucket by hand, often on a therapist's advice, that the session has just
 * moved: the move and its note would otherwise vanish without a word, with no way back named.
 * One that flared up today is not offered back into rehab: that is for the therapist to weigh.
 */
function byHand(before: BucketView, id: string, itb: string, flared: boolean): Pick<BucketChange, 'aside'> {
  const was = [...before.rehab, ...before.avoid].find((status) => status.exerciseId === id);
  if (was?.source !== 'manual' || was.bucket === 'untested') return {};
  const bucket = was.bucket === 'rehab' ? 'rehab' : 'avoid for now';
  const note = was.note === undefined ? '' : ` with the note "${shownSafely(was.note)}"`;
  if (flared && was.bucket === 'rehab') {
    return { aside: { text: `You had moved it to rehab by hand${note}. It flared up today: ask your physical therapist before you do it again.` } };
  }
  return { aside: { text: `You had moved it to ${bucket} by hand${note}. To keep it there all the same, as your physical therapist may advise:`, command: `${itb} buckets move ${id} ${was.bucket}` } };
}

/**
 * How many drills of the routine of `session`, left part way, can go on later today: none on a
 * day with a flare-up, in this session or an earlier one, which calls for rest.
 */
export function leftForLater(session: Session, view: BucketView, after: StoreData, library: Library, now: Date, advice = adviceFor(after, now, library)): number {
  const rest = session.results.some((result) => result.flare) || advice.some((item) => item.id === 'rest-after-flare-up');
  return rest ? 0 : drillsLeft(session, view, library, now, after);
}
