// Whether a session's records agree with each other the way a real session leaves them. A backup
// edited by hand can pass the schema and still say a drill flared when the score went down, or
// count a test that has no attempt; `itb import` refuses those before they skew the evidence.
// The rules are not written out again here: verdicts come from `judge`, the chain from
// `latestScore`, and each drill's outcome from replaying its answers through the state machine.
import { compareInstants } from './instant.js';
import type { Attempt, ExerciseResult, Session, Thresholds } from './records.js';
import { judge, latestScore, next, start } from './session.js';

/** One drill's consecutive attempts in the log: a first try, and the retry when one follows it. */
interface Run {
  /** Index of the first attempt in `session.attempts`. */
  start: number;
  exerciseId: string;
  attempts: Attempt[];
}

/**
 * The contradictions among one session's records, each a short sentence that names the attempt
 * or result it is about ("attempt 2 (clamshells): …"), counted from 1 in the order they are
 * stored. Empty for every session the state machine can produce: stopped, interrupted or cut off
 * at any question, with skips, flares and a drill left waiting for its retry. The session must
 * already fit the schema (scores are whole numbers from 0 to 10).
 */
export function sessionContradictions(session: Session): string[] {
  const problems: string[] = [];
  if (session.baseline === undefined && (session.attempts.length > 0 || session.results.length > 0)) {
    // The baseline is the first question of every session: nothing can be recorded before it.
    const recorded = [counted(session.attempts.length, 'attempt'), counted(session.results.length, 'result')].filter(Boolean);
    problems.push(`no baseline score, yet the session records ${recorded.join(' and ')}`);
  }
  session.attempts.forEach((_, index) => checkAttempt(session, index, problems));
  problems.push(...drillContradictions(session));
  return problems;
}

/** What one attempt says against its own scores and the attempt before it, added to `problems`. */
function checkAttempt(session: Session, index: number, problems: string[]): void {
  const { thresholds } = session;
  const attempt = session.attempts[index]!;
  // Sentences are made only for problems: a backup holds tens of thousands of sound attempts.
  const report = (sentence: string) => problems.push(`${attemptLabel(session, index)}: ${sentence}`);

  const verdict = judge(attempt.before, attempt.after, thresholds);
  if (attempt.verdict !== verdict) {
    report(
      `verdict "${attempt.verdict}" does not follow from ${attempt.before} → ${attempt.after} ` +
        `with minImprovement ${thresholds.minImprovement} and flareRise ${thresholds.flareRise} (that is "${verdict}")`,
    );
  }

  const previous = session.attempts[index - 1];
  if (attempt.attempt === 1) {
    const latest = latestScore({ ...session, attempts: session.attempts.slice(0, index) });
    // Without a baseline there is no score to chain from; that is reported once for the session.
    if (latest !== undefined && attempt.before !== latest) {
      const source = previous ? `the after of attempt ${index}` : 'the baseline';
      report(`before ${attempt.before} breaks the chain: the latest score was ${latest} (${source})`);
    }
    return;
  }

  if (!previous || previous.attempt !== 1 || previous.exerciseId !== attempt.exerciseId) {
    report(`a retry (attempt 2) must come right after a first attempt of ${attempt.exerciseId}`);
    return;
  }
  const first = judge(previous.before, previous.after, thresholds);
  if (first !== 'not-improved') {
    report(`a retry only follows a first attempt that did not help, but ${previous.before} → ${previous.after} is "${first}"`);
  }
  if (attempt.before !== previous.before) {
    report(`a retry is judged against the first attempt's before (${previous.before}), not ${attempt.before}`);
  }
}

/**
 * Pairs results with the attempts that led to them, in log order as the session wrote them, and
 * replays each drill to see whether its recorded outcome is the one the method gives.
 */
function drillContradictions(session: Session): string[] {
  const problems: string[] = [];
  const runs = runsOf(session.attempts);
  let cursor = 0;

  session.results.forEach((result, index) => {
    let run: Run | undefined;
    if (result.outcome === 'skipped') {
      // A skip at the retry question keeps the first attempt; a skip at the drill keeps none.
      const candidate = runs[cursor];
      if (candidate && candidate.exerciseId === result.exerciseId && awaitsRetry(session, candidate)) run = runs[cursor++];
    } else {
      const found = runs.findIndex((candidate, at) => at >= cursor && candidate.exerciseId === result.exerciseId);
      if (found >= 0) {
        for (const passed of runs.slice(cursor, found)) problems.push(strayRun(session, passed));
        run = runs[found];
        cursor = found + 1;
      }
    }
    checkOutcome(session, index, run, problems);
  });

  const unclaimed = runs.slice(cursor);
  unclaimed.forEach((run, index) => {
    // Only the drill in hand when the session ended can lack a result: its first attempt did
    // not help and the retry was never answered.
    const last = index === unclaimed.length - 1;
    if (last && awaitsRetry(session, run)) {
      if (session.status === 'completed') {
        problems.push(`${attemptLabel(session, run.start)}: the session is marked completed, yet this drill has no result`);
      }
      return;
    }
    problems.push(strayRun(session, run));
  });
  return problems;
}

/** Whether a result is what its attempts give when replayed; what it is not is added to `problems`. */
function checkOutcome(session: Session, index: number, run: Run | undefined, problems: string[]): void {
  const result = session.results[index]!;
  const report = (sentence: string) => problems.push(`result ${index + 1} (${result.exerciseId}): ${sentence}`);
  if (!run && result.outcome !== 'skipped') {
    report(`outcome "${result.outcome}", but no attempt of ${result.exerciseId} leads to it`);
    return;
  }
  const attempts = run?.attempts ?? [];
  const expected = replayDrill(session.thresholds, attempts, result.outcome === 'skipped');
  if (!expected.outcome) {
    report(`outcome "${result.outcome}", but its first attempt did not help and no retry follows`);
    return;
  }
  if (expected.outcome !== result.outcome) {
    report(`outcome "${result.outcome}" does not follow from its attempts (they make it "${expected.outcome}")`);
    return;
  }
  if (expected.flare !== result.flare) {
    report(`flare is ${result.flare}, but ${expected.flare ? 'its attempt is a flare' : 'none of its attempts is a flare'}`);
  }
  // A decision is recorded with the score that made it; the evidence counts only attempts up to it.
  const deciding = attempts[expected.attemptsTaken - 1];
  if (result.outcome !== 'skipped' && deciding && compareInstants(deciding.at, result.at) > 0) {
    report(`recorded at ${result.at}, before the attempt that decides it (${deciding.at})`);
  }
}

/** What the state machine makes of one drill's scores. */
interface Replayed {
  /** Undefined while the drill waits for its retry. */
  outcome?: ExerciseResult['outcome'];
  flare: boolean;
  /** How many of the attempts the machine took before the drill was decided. */
  attemptsTaken: number;
}

// A replay depends only on the thresholds and the scores (some 35,000 combinations at most):
// remembered, years of history cost a lookup per drill instead of a run of the machine.
const replays = new Map<string, Replayed>();
const PLACEHOLDER_AT = '1970-01-01T00:00:00.000Z';
/** The session fields the machine copies without looking at them. */
const PLACEHOLDER_SETUP = {
  id: 'replay',
  startedAt: PLACEHOLDER_AT,
  routine: 'replay',
  side: 'left',
  symptom: 'pain',
  movement: 'replay',
  loading: false,
} as const;

/**
 * The drill played through the state machine: its first `before` as the baseline, then each
 * attempt's score, then a skip when the result says so. What the machine records is what a real
 * session would have recorded for these scores.
 */
function replayDrill(thresholds: Thresholds, attempts: Attempt[], skipped: boolean): Replayed {
  // A drill skipped before any attempt has no before; any score serves, it plays no part.
  const before = attempts[0]?.before ?? 0;
  const key = `${thresholds.minImprovement} ${thresholds.flareRise} ${before}:${attempts.map((a) => a.after).join(',')}${skipped ? ' skipped' : ''}`;
  const known = replays.get(key);
  if (known) return known;

  const exercise = { id: 'drill', name: 'drill' };
  let state = start({ ...PLACEHOLDER_SETUP, thresholds, exercises: [exercise] });
  state = next(state, { kind: 'score', score: before }, PLACEHOLDER_AT).state;
  for (const attempt of attempts) {
    // Already decided: the attempt-by-attempt checks name the retry that should not be there.
    if (state.ask.kind !== 'exercise') break;
    state = next(state, { kind: 'exercise', choice: 'done' }, PLACEHOLDER_AT).state;
    state = next(state, { kind: 'score', score: attempt.after }, PLACEHOLDER_AT).state;
  }
  if (skipped && state.ask.kind === 'exercise') state = next(state, { kind: 'exercise', choice: 'skip' }, PLACEHOLDER_AT).state;

  const result = state.session.results[0];
  const replayed: Replayed = { flare: result?.flare ?? false, attemptsTaken: state.session.attempts.length };
  if (result) replayed.outcome = result.outcome;
  replays.set(key, replayed);
  return replayed;
}

/** A lone first attempt that leaves the drill undecided: the machine would ask for the retry next. */
function awaitsRetry(session: Session, run: Run): boolean {
  if (run.attempts.length !== 1 || run.attempts[0]!.attempt !== 1) return false;
  return replayDrill(session.thresholds, run.attempts, false).outcome === undefined;
}

function strayRun(session: Session, run: Run): string {
  const label = attemptLabel(session, run.start);
  const named = [...new Set(session.results.map((result) => result.exerciseId))];
  if (!named.includes(run.exerciseId)) {
    const others = named.length > 0 ? `its results name ${named.join(', ')}` : 'it has no results';
    return `${label}: matches no result of the session (${others})`;
  }
  return `${label}: has no result of its own; only the drill in hand when a session ended may lack one, after a first attempt that did not help`;
}

function runsOf(attempts: Attempt[]): Run[] {
  const runs: Run[] = [];
  attempts.forEach((attempt, index) => {
    const last = runs.at(-1);
    const retryOfLast = last && attempt.attempt === 2 && last.attempts.length === 1 && last.attempts[0]!.attempt === 1 && last.exerciseId === attempt.exerciseId;
    if (retryOfLast) last.attempts.push(attempt);
    else runs.push({ start: index, exerciseId: attempt.exerciseId, attempts: [attempt] });
  });
  return runs;
}

function attemptLabel(session: Session, index: number): string {
  return `attempt ${index + 1} (${session.attempts[index]!.exerciseId})`;
}

function counted(count: number, noun: string): string {
  return count === 0 ? '' : `${count} ${noun}${count === 1 ? '' : 's'}`;
}
