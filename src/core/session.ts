// The assess / re-assess method as a state machine: `next(state, answer, at)` returns the new
// state, which holds the next question, and what to tell the user about the answer just given at
// `at`. The command loops: ask, save, feed the answer back. No terminal, no files: a whole session is a list of answers.
import { compareInstants } from './instant.js';
import { plainDigits, shownSafely } from './text.js';
import type { Attempt, ExerciseResult, Session, Thresholds, TimedHolds } from './records.js';

export interface PlannedExercise {
  id: string;
  name: string;
  /** A strength drill: once it is tried, the session counts as a loading session. */
  loading?: boolean;
}

type SessionSetup = Pick<Session, 'id' | 'startedAt' | 'routine' | 'side' | 'symptom' | 'movement' | 'thresholds'> & {
  exercises: PlannedExercise[];
};

interface Position {
  /** 0-based place of the exercise in the routine. */
  index: number;
  total: number;
  exercise: PlannedExercise;
  attempt: 1 | 2;
}

export type Ask =
  | { kind: 'baseline' }
  /** Show the drill; the answer says whether it was done, skipped, or the session stops. */
  | ({ kind: 'exercise'; before: number } & Position)
  /** The re-test score after doing the drill; `holds` when only some of its holds were timed. */
  | ({ kind: 'score'; before: number; holds?: TimedHolds } & Position)
  /** After a flare: go on with the next drill, or stop the session. */
  | { kind: 'after-flare'; exercise: PlannedExercise; index: number }
  | { kind: 'finished' };

export type Answer =
  | { kind: 'score'; score: number }
  /** `holds`, with done: the countdown timed only some of the drill's holds (kept with its score). */
  | { kind: 'exercise'; choice: 'done' | 'skip' | 'stop'; holds?: TimedHolds }
  | { kind: 'after-flare'; goOn: boolean };

type Verdict = Attempt['verdict'];

/** What the last answer meant, for the user. */
export type Feedback =
  | { kind: 'improved' | 'retry' | 'avoid' | 'flare'; exercise: PlannedExercise; attempt: 1 | 2; before: number; after: number }
  | { kind: 'skipped'; exercise: PlannedExercise };

export interface SessionState {
  session: Session;
  exercises: PlannedExercise[];
  ask: Ask;
}

interface Step {
  state: SessionState;
  feedback?: Feedback;
}

export function judge(before: number, after: number, thresholds: Thresholds): Verdict {
  if (after - before >= thresholds.flareRise) return 'flare';
  return after <= before - thresholds.minImprovement ? 'improved' : 'not-improved';
}

/** The strength drills a session can try before it is told that two or three are enough for one day, as the sources advise. */
export const LOADING_DRILLS_A_DAY = 3;

/**
 * How many strength (loading) drills have been tried so far, each once: the session's, and
 * `earlier` (the ids of those tried earlier today, in the part of the routine it goes on from).
 */
export function loadingDrillsTried(state: SessionState, earlier: readonly string[] = []): number {
  const loading = new Set(state.exercises.filter((exercise) => exercise.loading).map((exercise) => exercise.id));
  return new Set([...earlier, ...state.session.attempts.filter((attempt) => loading.has(attempt.exerciseId)).map((attempt) => attempt.exerciseId)]).size;
}

/** The latest score of the session: the chain every exercise's `before` comes from. */
export function latestScore(session: Session): number | undefined {
  return session.attempts.at(-1)?.after ?? session.baseline;
}

export function start(setup: SessionSetup): SessionState {
  const { exercises, ...fields } = setup;
  const session: Session = { ...fields, loading: false, status: 'in-progress', attempts: [], results: [] };
  return { session, exercises, ask: { kind: 'baseline' } };
}

export function next(state: SessionState, answer: Answer, at: string): Step {
  const { ask } = state;
  const session = structuredClone(state.session);

  if (ask.kind === 'baseline' && answer.kind === 'score') {
    session.baseline = checkedScore(answer.score);
    // Dated from its baseline, the first answer it keeps: a computer asleep at the question (its
    // lid closed until the morning) would otherwise date this morning's scores to last night,
    // in the history, the trend and every rule that counts days or weeks.
    session.startedAt = at;
    return { state: moveTo(state, session, 0, at) };
  }

  if (ask.kind === 'exercise' && answer.kind === 'exercise') {
    if (answer.choice === 'stop') return { state: finish(state, session, 'stopped', at) };
    if (answer.choice === 'skip') {
      session.results.push(result(ask.exercise, 'skipped', false, at));
      return { state: moveTo(state, session, ask.index + 1, at), feedback: { kind: 'skipped', exercise: ask.exercise } };
    }
    const holds = answer.holds === undefined ? {} : { holds: { ...answer.holds } };
    return { state: { ...state, session, ask: { ...ask, kind: 'score', ...holds } } };
  }

  if (ask.kind === 'score' && answer.kind === 'score') {
    const after = checkedScore(answer.score);
    const verdict = judge(ask.before, after, session.thresholds);
    const attempt: Attempt = { exerciseId: ask.exercise.id, attempt: ask.attempt, before: ask.before, after, verdict, at };
    if (ask.holds !== undefined) attempt.holds = ask.holds;
    session.attempts.push(attempt);
    if (ask.exercise.loading) session.loading = true;
    const said = { exercise: ask.exercise, attempt: ask.attempt, before: ask.before, after };

    if (verdict === 'flare') {
      session.results.push(result(ask.exercise, 'avoid', true, at));
      return { state: { ...state, session, ask: { kind: 'after-flare', exercise: ask.exercise, index: ask.index } }, feedback: { kind: 'flare', ...said } };
    }
    if (verdict === 'improved') {
      session.results.push(result(ask.exercise, 'rehab', false, at));
      return { state: moveTo(state, session, ask.index + 1, at), feedback: { kind: 'improved', ...said } };
    }
    if (ask.attempt === 1) {
      // One more careful try, judged against the same original score.
      // Its holds are counted afresh.
      const { holds: _holds, ...position } = ask;
      const retry: Ask = { ...position, kind: 'exercise', attempt: 2 };
      return { state: { ...state, session, ask: retry }, feedback: { kind: 'retry', ...said } };
    }
    session.results.push(result(ask.exercise, 'avoid', false, at));
    return { state: moveTo(state, session, ask.index + 1, at), feedback: { kind: 'avoid', ...said } };
  }

  if (ask.kind === 'after-flare' && answer.kind === 'after-flare') {
    if (!answer.goOn) return { state: finish(state, session, 'stopped', at) };
    return { state: moveTo(state, session, ask.index + 1, at) };
  }

  throw new Error(`the answer "${answer.kind}" does not fit the question "${ask.kind}"`);
}

/**
 * A stored session still marked in progress while no session runs: its process was killed or
 * the computer went off mid-way. It counts as interrupted, ended at its last answer.
 */
export function cutOff(session: Session): Session {
  // A skip is an answer with a result and no attempt, so the last answer is the later of both.
  const answers = [session.startedAt, session.attempts.at(-1)?.at, session.results.at(-1)?.at].filter((at) => at !== undefined);
  const endedAt = answers.reduce((latest, at) => (compareInstants(at, latest) > 0 ? at : latest));
  // endedAt in its place after startedAt, as the store keeps it: two exports of the same
  // records then read the same.
  const { id, startedAt, endedAt: _unfinished, ...rest } = session;
  return { id, startedAt, endedAt, ...rest, status: 'interrupted' };
}

/** Ctrl-C: everything answered so far stays; drills not finished leave their buckets alone. */
export function interrupt(state: SessionState, at: string): SessionState {
  if (state.session.status !== 'in-progress') return state;
  return finish(state, structuredClone(state.session), 'interrupted', at);
}

/** On to the drill at `index`; past the last one the session is complete, ended at `at` (the answer just given). */
function moveTo(state: SessionState, session: Session, index: number, at: string): SessionState {
  const exercise = state.exercises[index];
  if (!exercise) return finish(state, session, 'completed', at);
  const before = latestScore(session)!;
  return { ...state, session, ask: { kind: 'exercise', index, total: state.exercises.length, exercise, attempt: 1, before } };
}

function finish(state: SessionState, session: Session, status: Session['status'], at: string): SessionState {
  session.status = status;
  session.endedAt = at;
  return { ...state, session, ask: { kind: 'finished' } };
}

function result(exercise: PlannedExercise, outcome: ExerciseResult['outcome'], flare: boolean, at: string): ExerciseResult {
  return { exerciseId: exercise.id, name: exercise.name, outcome, flare, at };
}

function checkedScore(score: number): number {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`a score is a whole number from 0 to 10, not ${score}`);
  return score;
}

/**
 * Reads what a person typed as a score: a whole number from 0 to 10, or the reason it is not.
 * Spaces around it and a plus sign are let through ("+3" is 3): the answer then shows as the
 * number alone.
 */
export function parseScore(text: string): { ok: true; score: number } | { ok: false; reason: string } {
  // Full-width digits ("５") and those of other scripts ("٣") are digits all the same. Invisible
  // marks a paste may bring along (a zero-width space, a left-to-right mark from a chat) are no
  // part of the number: quoted back, "7" would be refused as not a number with nothing to see.
  // A mark that turns text around (U+202E) is not one of them: it changes what the number reads as.
  const trimmed = plainDigits(text).replace(/[\u200b-\u200f\u2060\ufeff\u061c]/g, '').trim();
  if (trimmed === '') return { ok: false, reason: 'Type a number from 0 (none) to 10 (worst imaginable).' };
  // "5/10", "5 out of 10": the scale is known, only the number is wanted.
  const outOfTen = /^(\d+)\s*(?:\/|out of)\s*10$/i.exec(trimmed);
  if (outOfTen && Number(outOfTen[1]) <= 10) return { ok: false, reason: `Type just the number, like ${Number(outOfTen[1])}: the scale is always out of 10.` };
  // "6-7", "6 to 7": between two scores, as people often rate pain; the scale wants one.
  // With an en or em dash too (\u2013, \u2014: escaped, so the bundle's text stays Latin-1; see
  // scripts/build.mjs).
  const between = /^(\d+)\s*(?:-|\u2013|\u2014|to|or)\s*(\d+)$/i.exec(trimmed);
  if (between && Number(between[1]) <= 10 && Number(between[2]) <= 10) {
    return { ok: false, reason: `Pick one number, ${Number(between[1])} or ${Number(between[2])}: the one closer to how it feels right now.` };
  }
  // A decimal comma ("5,5") is a number too, as many people write one, and "5." is 5. Quoted back
  // with any control character escaped: one that reverses the text would garble the line.
  if (!/^[+-]?\d+([.,]\d*)?$/.test(trimmed)) return { ok: false, reason: `"${quoted(trimmed)}" is not a number. Type just the number, from 0 to 10, like 5.` };
  // Judged on the digits typed: "5.0000000000000000001" is no whole number, though it reads as 5.
  if (/[.,]\d*[1-9]/.test(trimmed)) return { ok: false, reason: 'Use a whole number from 0 to 10, without decimals.' };
  const value = Number(trimmed.replace(',', '.'));
  // A number too long to be written out (a key held down) is named as typed, not as 1e+23.
  if (value < 0 || value > 10) return { ok: false, reason: `${Number.isSafeInteger(value) ? value : quoted(trimmed)} is outside the scale. Use 0 (none) to 10 (worst imaginable).` };
  // + 0 turns "-0" into 0.
  return { ok: true, score: value + 0 };
}

/** What was typed, as a refused score quotes it back: control characters escaped, a long paste cut short. */
function quoted(typed: string): string {
  const characters = [...typed];
  return shownSafely(characters.length > 20 ? `${characters.slice(0, 20).join('')}…` : typed);
}
