// The words every report format shares, so the Markdown, HTML and FHIR say the same things.
import type { ExerciseStatus } from '../core/buckets.js';
import type { Evidence, SideCount } from '../core/evidence.js';
import { localDate, localDateTime } from '../core/history.js';
import { compareInstants } from '../core/instant.js';
import type { Attempt, PainfulSide, Session, Symptom } from '../core/records.js';
import type { SideSpan } from './reading-view.js';
import { dayRange, periodWords, type Report } from './report.js';

// Kept in a module of their own; the formats take them from here with the rest.
export { anyRedFlag, RED_FLAG_QUESTIONS_ASKED, screenWords } from './screen-words.js';
export { EARLIER_MOVE_TAIL, earlierMoveWords, flagWords, mixedRatingsWords, mixedThresholdsWords, movedToWords, resetWords, retestWords } from './list-notes.js';

export const dateOf = (iso: string): string => localDate(new Date(iso));
export const dateTimeOf = (iso: string): string => localDateTime(new Date(iso));

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

export const symptomWords: Record<Symptom, string> = {
  pain: 'Pain',
  tightness: 'Tightness',
  discomfort: 'Discomfort',
};

export const sideWords = { left: 'left', right: 'right', both: 'both sides' } as const;

/** A painful side as said to the person: "your left side", "both sides" ("when your left side hurt"). */
export const yourSide = (side: PainfulSide): string => (side === 'both' ? 'both sides' : `your ${side} side`);

/** The painful sides of a report's sessions: "left", or when it changed, which hurt when: "left (2 sessions, 2026-10-01 to 2026-10-08), right (1 session, 2026-10-20)". */
export function sidesWords(spans: SideSpan[]): string {
  if (spans.length === 1) return sideWords[spans[0]!.side];
  return spans.map(({ side, sessions, first, last }) => `${sideWords[side]} (${plural(sessions, 'session')}, ${dayRange(dateOf(first), dateOf(last))})`).join(', ');
}

export const statusWords: Record<Session['status'], string> = {
  completed: 'completed',
  stopped: 'stopped early',
  interrupted: 'interrupted',
  'in-progress': 'in progress',
};

/**
 * The first try a session ended after, between it and its retry: the try did not help and the
 * retry never came, so it decided nothing. Undefined for a session that ended otherwise.
 */
export function unfinishedTry(session: Session): Attempt | undefined {
  const last = session.attempts.at(-1);
  if (last === undefined || last.attempt !== 1) return undefined;
  // Its retry skipped after it: an answer that decided the drill ("0, retry skipped" in the drills).
  const retrySkipped = session.results.some((result) => result.exerciseId === last.exerciseId && result.outcome === 'skipped' && compareInstants(result.at, last.at) > 0);
  if (retrySkipped) return undefined;
  const tries = session.attempts.filter((attempt) => attempt.exerciseId === last.exerciseId && attempt.attempt === 1).length;
  const decided = session.results.filter((result) => result.exerciseId === last.exerciseId && result.outcome !== 'skipped').length;
  return tries <= decided ? undefined : last;
}

/**
 * ", before the retry of Clamshells (first try: 5 → 5)": said after the status of a session that
 * ended between a drill's first try, which did not help, and its retry (see unfinishedTry). That
 * try decided nothing, so the drill is in no list and no count of the session: without these
 * words a therapist would not see it was tried, nor that the session ended right after it. Empty
 * otherwise.
 */
export function unfinishedWords(session: Session, nameOf: (exerciseId: string) => string, user: TextWriter['user']): string {
  const last = unfinishedTry(session);
  if (last === undefined) return '';
  // Only the drill's name needs escaping, in either format.
  return `, before the retry of ${user(nameOf(last.exerciseId))} (first try: ${last.before} → ${last.after})`;
}

export const verdictWords: Record<Attempt['verdict'], string> = {
  improved: 'helped',
  'not-improved': 'did not help',
  flare: 'flare',
};

/** "No sessions yet", or "No sessions in this period" for a report that asked for a period. */
export function noneWords(report: Report, what: 'sessions' | 'scores'): string {
  return `No ${what} ${report.period.since === null && report.period.until === null ? 'yet' : 'in this period'}`;
}

/**
 * How a format writes text: its own words made safe (`plain`), and text a person typed or a
 * library gave (`user`), which is also set apart from the words around it, since right-to-left
 * text would otherwise carry the numbers and signs beside it into its own direction.
 */
export interface TextWriter {
  plain: (text: string) => string;
  user: (text: string) => string;
}

/** The report's header line, in parts: when it was made, its period, the time zone of its times, the exercise library, the patient. */
export function headerParts(report: Report, write: TextWriter): string[] {
  const parts = [`Generated ${dateOf(report.generatedAt)}`, `period: ${periodWords(report)}`, `dates and times in ${report.timeZone}`].map(write.plain);
  // The drills' names, doses and routines are the library's of the day of the report: which one,
  // a therapist's own file (or an old copy of it) or the built-in one, is said.
  parts.push(report.drillsFrom === undefined ? write.plain('exercise library: built-in') : `${write.plain('exercise library: file')} ${write.user(report.drillsFrom)}`);
  if (report.patientName !== undefined) parts.push(`patient: ${write.user(report.patientName)}`);
  return parts;
}

// A drill's list is its latest decision, while its evidence counts every test: without the rule
// said, "helped 60 of 91 tests" under "Avoid for now" reads as a mistake.
export const REHAB_ROUTINE =
  'The drills that helped the last time they were tested, and any moved here by hand (marked so), warm-up drills first, then in routine order: this is the rehab routine.';

export const AVOID_FOR_NOW =
  'The drills that did not help the last time they were tested, even on the retry, or that flared up then, and any moved here by hand (marked so): each is offered again from its re-test date.';

export const METHOD_NOTE =
  'Self-reported data from the assess / re-assess method: the person rates a symptom from 0 (none) to 10 ' +
  '(worst imaginable) during a test movement, does one drill, and rates again. A drill that does not help gets one more careful ' +
  'try; if it still does not help it is set aside for now. A change is the score after a drill minus the score before it, ' +
  'so a fall, the symptom easing, is negative (-2) and a rise is positive (+1). This is not a diagnosis.';

/** A signed score change: "-2", "+1", "0". */
export function signed(change: number): string {
  return change > 0 ? `+${change}` : String(change);
}

/**
 * "helped 2 of 3 tests (1 of them only on the retry), mean change -1.5, last -2 on 2026-10-03, 1
 * flare (on 2026-09-20)", or "not tested in a session" (a drill with flare-ups but no test: their
 * count and day, "1 flare (on 2026-09-20)"). `sidesApart` when the sessions behind the evidence
 * gave more than one painful side (see evidenceBySide): a drill tested on one of them says which,
 * one tested on several each side's mean change (bySideWords) instead of one for all.
 * `flareFlagged`: the drill is said to be set aside after a flare-up (see flareSaidBeside).
 */
export function evidenceWords(evidence: Evidence, sidesApart = false, flareFlagged = false): string {
  if (evidence.tested === 0) return evidence.flares > 0 ? flaresWords(evidence) : 'not tested in a session';
  const side = bySideWords(evidence) ?? (sidesApart ? oneSideWords(evidence) : undefined);
  const aside = [retryWords(evidence), side].filter((words) => words !== undefined);
  const parts = [`helped ${evidence.helped} of ${plural(evidence.tested, 'test')}${aside.length > 0 ? ` (${aside.join('; ')})` : ''}`];
  const tooLow = tooLowWords(evidence);
  if (tooLow !== undefined) parts.push(tooLow);
  if (evidence.meanChange !== null && evidence.sides.length < 2) parts.push(`mean change ${signed(evidence.meanChange)}`);
  if (evidence.lastChange !== null) {
    parts.push(`last ${signed(evidence.lastChange)}${evidence.lastTestedAt ? ` on ${dateOf(evidence.lastTestedAt)}` : ''}${lastSideWords(evidence)}`);
  }
  if (evidence.flares > 0 && !flareSaidBeside(evidence, flareFlagged)) parts.push(flaresWords(evidence));
  return parts.join(', ');
}

/**
 * A drill said to be set aside after a flare-up whose one flare-up was its last test, dated by
 * "last +3 on …": "1 flare (on …)" as well would say it twice. More than one, the count is news.
 */
export function flareSaidBeside(evidence: Evidence, flareFlagged: boolean): boolean {
  return flareFlagged && evidence.flares === 1 && evidence.lastFlareAt === evidence.lastTestedAt;
}

/**
 * Of the tests that helped, those that did only on the retry: "1 of them only on the retry"; when
 * every one did, "only on the retry" (one), "both only on the retry", "all 3 only on the retry".
 * Undefined with none.
 */
function retryWords({ helped, helpedOnRetry }: Evidence): string | undefined {
  if (helpedOnRetry === 0) return undefined;
  if (helpedOnRetry < helped) return `${helpedOnRetry} of them only on the retry`;
  return `${everyOneOf(helped)}only on the retry`;
}

/**
 * "", "both " or "all 3 ": said of every one of a count that is not the one just before it. A
 * bare "all" in "helped 3 of 10 tests (all only on the retry)" reads as all 10.
 */
export const everyOneOf = (count: number): string => (count === 1 ? '' : count === 2 ? 'both ' : `all ${count} `);

/**
 * "1 flare (on 2026-09-20)", "22 flares (the last on 2026-11-02)": the count of flare-ups and the
 * day of the newest, so that a recent one is told from one long past. When the tests span more
 * than one painful side, the newest one's too, as the last test's is said (lastSideWords): "2
 * flares (the last on 2026-11-02, left side painful)".
 */
export function flaresWords(evidence: Evidence): string {
  const { flares, lastFlareAt } = evidence;
  if (lastFlareAt === null) return plural(flares, 'flare');
  const side = painfulSideWords(evidence, evidence.lastFlareSide);
  return `${plural(flares, 'flare')} (${flares === 1 ? 'on' : 'the last on'} ${dateOf(lastFlareAt)}${side === undefined ? '' : `, ${side}`})`;
}

/**
 * "by painful side: left 1 of 1 with mean change -2, right 0 of 1 with mean change 0" for a drill
 * tested on more than one (it may help one side only), each side with its own mean: one of both
 * would be true of neither.
 */
function bySideWords(evidence: Evidence): string | undefined {
  return evidence.sides.length < 2 ? undefined : `${BY_SIDE}${sideCountWords(evidence).join(', ')}`;
}

/** What bySideWords puts before the sides, for `itb buckets`, which sets them out on lines of their own. */
export const BY_SIDE = 'by painful side: ';

/** Each side's part of bySideWords: "left 1 of 1 with mean change -2". */
export function sideCountWords(evidence: Evidence, mean = (change: number) => `mean change ${signed(change)}`): string[] {
  const side = (count: SideCount) => `${sideWords[count.side]} ${count.helped} of ${count.tested}${count.meanChange === null ? '' : ` with ${mean(count.meanChange)}`}`;
  return evidence.sides.map(side);
}

/**
 * "all 3 with the right side painful": the one painful side of a drill's tests, said when the
 * history has others. Without it, a report whose head says "left" would show a flare-up of the
 * weeks the right side hurt as if of the left. Undefined when the tests span more than one.
 */
export function oneSideWords(evidence: Evidence): string | undefined {
  const [only, other] = evidence.sides;
  if (only === undefined || other !== undefined) return undefined;
  const painful = only.side === 'both' ? 'both sides painful' : `the ${only.side} side painful`;
  return `${everyOneOf(only.tested)}with ${painful}`;
}

/** " (right side painful)", said after the last test's date when the tests span more than one painful side; else nothing. */
export function lastSideWords(evidence: Evidence): string {
  const side = painfulSideWords(evidence, evidence.lastSide);
  return side === undefined ? '' : ` (${side})`;
}

/**
 * "right side painful", "both sides painful": the side of one of a drill's tests or flare-ups,
 * said only when its tests span more than one painful side. Undefined otherwise.
 */
function painfulSideWords(evidence: Evidence, side: PainfulSide | null): string | undefined {
  if (evidence.sides.length < 2 || side === null) return undefined;
  return side === 'both' ? 'both sides painful' : `${side} side painful`;
}

/**
 * "3 started too low to show help": tests whose score was already under the fall that counts as
 * helping. The method set them aside all the same; said, a drill that failed is told from one
 * that had no room to help. Undefined with none.
 */
export function tooLowWords(evidence: Evidence): string | undefined {
  return evidence.tooLowToShowHelp > 0 ? `${evidence.tooLowToShowHelp} started too low to show help` : undefined;
}

/**
 * Said at a drill whose last test could not show help, or a flare-up, from the score it started
 * at; or that fell, but by less than counted as helping then: its "last -1" would read as help.
 */
export function lastTestWords(evidence: Evidence): string | undefined {
  const hidden = evidence.lastCouldNotShow;
  if (hidden === null) {
    const needed = evidence.lastFallNeeded;
    if (needed === null || evidence.lastChange === null) return undefined;
    return `its last test fell by ${plural(-evidence.lastChange, 'point')}, less than the ${needed} that ${needed === 1 ? 'counts' : 'count'} as helping`;
  }
  if (hidden.what === 'help') {
    const counts = hidden.points === 1 ? 'counts' : 'count';
    return `its last test started at ${hidden.from}, too low to fall by the ${plural(hidden.points, 'point')} that ${counts} as helping: it could not show help`;
  }
  return `its last test went from ${hidden.from} to 10, the top of the scale: a flare-up (a rise of ${plural(hidden.points, 'point')}) could not show`;
}

/**
 * "its last test had 2 of 6 holds timed on the first try; 1 earlier test had only some timed":
 * tests done after the countdown timed fewer holds than the dose, whose score may be for those
 * only. Undefined with none. It counts holds timed, not done: others may have been done untimed.
 */
export function timedHoldsWords(evidence: Evidence): string | undefined {
  const tried = (attempt: 1 | 2) => (attempt === 1 ? 'the first try' : 'the retry');
  const [first, second] = evidence.lastHolds;
  const parts: string[] = [];
  if (first !== undefined) {
    const retry = second === undefined ? '' : ` and ${second.timed} of ${second.of} on ${tried(second.attempt)}`;
    parts.push(`its last test had ${first.timed} of ${first.of} holds timed on ${tried(first.attempt)}${retry}`);
  }
  const earlier = evidence.partlyTimed - (first === undefined ? 0 : 1);
  if (earlier > 0) parts.push(`${plural(earlier, 'earlier test')} had only some holds timed`);
  return parts.length === 0 ? undefined : parts.join('; ');
}

/**
 * The drills in neither list: the library's never tested, and those tested only before the
 * buckets were cleared, the library's or not (untestedDrills): a paragraph for each kind there is,
 * written with `write`. The first names its drills; a report lists the latter after these words,
 * with their evidence (testedBefore).
 */
export function untestedWords(untested: ExerciseStatus[], write: TextWriter): string[] {
  const never = untested.filter((status) => status.evidence.tested === 0);
  const earlier = untested.length - never.length;
  const paragraphs: string[] = [];
  // Named, in the library's order, so that a therapist can suggest one to try next. Semicolons between
  // them: a name with a comma in it stays one name.
  if (never.length > 0) {
    paragraphs.push(`${write.plain(`${plural(never.length, 'drill')} in the library not tested yet:`)} ${never.map((status) => write.user(status.name)).join('; ')}.`);
  }
  if (earlier > 0) paragraphs.push(write.plain(`${plural(earlier, 'drill')} tested only before the buckets were cleared, with what they showed then:`));
  return paragraphs;
}

/** The untested drills that were tested before the buckets were cleared: offered again as if new, their evidence still counts. */
export const testedBefore = (untested: ExerciseStatus[]): ExerciseStatus[] => untested.filter((status) => status.evidence.tested > 0);

/** What the routine ids of the session table stand for; undefined when no routine is named. */
export function routineWords(report: Report, user: (text: string) => string): string | undefined {
  if (report.routines.length === 0) return undefined;
  return `Routines: ${report.routines.map((routine) => `${user(routine.id)} (${user(routine.name)})`).join('; ')}.`;
}
