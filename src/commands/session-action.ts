// The interactive session: setup questions, then the core state machine asked one question at a
// time, every answer saved as it is given. Ctrl-C at any prompt keeps what was answered.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { adviceFor, afterFlareUpAdvice, flareUpsToday } from '../core/advice.js';
import { namedAs } from '../core/closest.js';
import { bucketView, retestDueAt } from '../core/buckets.js';
import { applySessionResults, datedToCount, projectBuckets } from '../core/projection.js';
import { localDate } from '../core/history.js';
import type { Session, Settings, StoreData } from '../core/records.js';
import { cutOff, interrupt, LOADING_DRILLS_A_DAY, loadingDrillsTried, next, start, type SessionState } from '../core/session.js';
import type { Context } from '../context.js';
import { Interrupted, UserError } from '../errors.js';
import type { Library } from '../library/schema.js';
import { StoppedWaiting, Store, StoreBusy, StoreDamagedSince, StoreDiskRefused } from '../store/store.js';
import { identityOf } from '../store/summary-file.js';
import { isPromptExit } from '../ui/prompter.js';
import { feedbackLine, interruptedNote, standingIn } from '../ui/session-view.js';
import { wrap } from '../ui/wrap.js';
import { plural } from '../export/words.js';
import { closing, leftForLater } from './session-closing.js';
import { ask } from './session-ask.js';
import { introduction } from './session-opening.js';
import { busyInSession, changedOutsideNote, damagedInSession, diskRefusedInSession, savedOrAsked, stoppedWaitingInSession } from './session-saving.js';
import { leftOutHere, nothingToRunToday, routineExercises } from './session-routines.js';
import { goOnAfterFlareUp } from './session-rest.js';
import { screenIfNeeded } from './session-screen.js';
import { nothingGotThrough } from './part-way.js';
import { setUp } from './session-setup.js';
import type { SessionOptions } from './session.js';
import { itbWithLibrary, libraryOrStop, numberAsMovement, paint, promptsFor, shellWord, typedWith } from './shared.js';

export async function runSession(ctx: Context, command: Command, routineArg: string | undefined, options: SessionOptions) {
  const colour = paint(ctx, command);
  const library = await libraryOrStop(ctx, command, { command: 'session', does: 'runs one' });
  const store = Store.open(ctx.env, ctx);
  const read = identityOf(store.path);
  let data = store.read(); // a damaged store stops us here, before any question
  // The buckets as the session begins, worked out once (on years of history it takes a while):
  // they offer the built-in routines, and the closing screen compares against them.
  let bucketsBefore = bucketView(data, library, ctx.now());
  // A routine that does not exist (or an empty rehab bucket) stops us before any question too,
  // not after the safety screen.
  const itb = itbWithLibrary(ctx, command);
  // Where each drill stood as the session began: one skipped or left unfinished stays there.
  let standing = standingIn(bucketsBefore);
  if (routineArg !== undefined) {
    try {
      routineExercises(routineArg, bucketsBefore, library, { itb, typed: (routine) => typedWith(ctx, command, [routine]) });
    } catch (error) {
      throw movementWordsApart(ctx, command, error, routineArg, options, library) ?? error;
    }
  } else {
    const nothing = nothingToRunToday(bucketsBefore, library, itb);
    if (nothing) throw nothing;
  }
  // A number given as the movement is refused before any question, as the question itself
  // refuses one; after the routine, whose error names a movement of several words left unquoted.
  const asNumber = options.movement === undefined ? undefined : numberAsMovement(ctx, command, library, options.movement, 'session');
  if (asNumber) throw asNumber;
  // Checked after the routine, so that a mistyped one is named first.
  if (!ctx.stdinIsTTY || !ctx.stdout.isTTY) {
    throw new UserError(
      '`itb session` asks questions as you go, so it needs a terminal for its input and output',
      `Without one you can still use \`${itb} buckets\`, \`${itb} history\` and \`${itb} export\`.`,
    );
  }
  const prompter = await promptsFor(ctx, command);
  const say = (text: string) => ctx.stdout.write(text);
  // Every answer is saved as it is given: a store that cannot be saved to is said before the first.
  store.refuseReadOnly();
  // Suspended with Ctrl-Z for longer than its lock lasts (or seen from a computer whose clock is
  // set ahead, on a shared store), a session may have another take its place; going on as if
  // alone would mix the two, so it stops as Ctrl-C stops it, and says why.
  let takenOver = false;
  const release = await store
    .lockSession(() => {
      takenOver = true;
      prompter.stop();
    })
    .catch((error: unknown) => {
      // Ctrl-C while the session waited to begin until another itb's save was done: nothing was
      // asked yet, so there is no answer or change to speak of.
      throw error instanceof StoppedWaiting ? new Interrupted(wrap(STOPPED_BEFORE_BEGINNING, 78).join('\n')) : error;
    });
  let state: SessionState | undefined;
  // The session as its last save left it: what a store kept busy by another itb did not take is said.
  let savedSession: Session | undefined;
  // `answered`: the session as answered, before it was marked interrupted.
  // Or a save the disk refused (full, or read-only), given up the same way.
  const busy = (error: StoreBusy | StoreDiskRefused, answered = state?.session) =>
    error instanceof StoreDiskRefused ? diskRefusedInSession(error, answered, savedSession, library, itb, routineArg) : busyInSession(error, answered, savedSession, library, itb, routineArg);
  const stoppedWaiting = (answered = state?.session) => stoppedWaitingInSession(answered, savedSession, library, itb, routineArg);
  const damaged = (error: StoreDamagedSince, answered = state?.session) => damagedInSession(error, store.path, answered, savedSession, library, itb, routineArg);
  // The store file deleted or replaced under the session, said once it is saved again; not when
  // another itb took the session's place, whose own save that is.
  const sayChangedOutside = () => {
    const note = takenOver ? undefined : changedOutsideNote(store.changedOutside, colour);
    if (note !== undefined) say(note);
  };
  try {
    // Saved by another itb just before the lock was taken (a reset of the buckets in another
    // window): the session starts from the store as it is now, and nothing else changes it after.
    if (identityOf(store.path) !== read) {
      data = store.read();
      bucketsBefore = bucketView(data, library, ctx.now());
      standing = standingIn(bucketsBefore);
    }
    // A flare-up earlier today calls for rest: the person chooses before anything is saved, even
    // the answers to the safety questions.
    const flareUps = flareUpsToday(data.sessions, ctx.now());
    if (flareUps.length > 0 && !(await goOnAfterFlareUp(flareUps, library, prompter, say, colour))) return;
    const flaredToday = flareUps.length > 0;
    // Said after these saves too: a store file deleted or replaced before the first score.
    const saveBeforeFirstScore = async (change: (stored: StoreData) => void) => {
      await store.update(change);
      sayChangedOutside();
    };
    if (!(await screenIfNeeded(ctx, saveBeforeFirstScore, data, prompter, colour))) return;
    const plan = await setUp(ctx, saveBeforeFirstScore, data, bucketsBefore, library, prompter, routineArg, options, colour, itb);
    if (!plan) return;
    state = start({
      id: randomUUID(),
      startedAt: ctx.now().toISOString(),
      routine: plan.routine,
      side: plan.side,
      symptom: plan.symptom,
      movement: plan.movement,
      thresholds: { minImprovement: data.settings.minImprovement, flareRise: data.settings.flareRise },
      exercises: plan.exercises.map(({ id, name, loading }) => ({ id, name, loading })),
    });
    // Saved from the first score on: before it there is nothing worth keeping, even after a crash.
    let saved: StoreData | undefined;
    const notHere = plan.routine === 'rehab' || plan.routine === 'retest' ? leftOutHere(plan.routine, bucketsBefore, library, itb) : undefined;
    say(introduction(plan, library, flaredToday, colour, notHere));

    const exercises = new Map(plan.exercises.map((exercise) => [exercise.id, exercise]));
    let enoughSaid = false;
    // Going on with a routine left part way today: its strength drills tried then count too.
    const strengthTried = (state: SessionState) => loadingDrillsTried(state, plan.goingOn?.loadingTried);
    while (state.ask.kind !== 'finished') {
      // Before a fourth strength drill, once: two or three a day are enough, as the sources advise.
      if (!enoughSaid && state.ask.kind === 'exercise' && state.ask.attempt === 1 && state.ask.exercise.loading && strengthTried(state) >= LOADING_DRILLS_A_DAY) {
        enoughSaid = true;
        // A routine drawn from several (rehab, retest) may have gentler drills after its strength
        // drills: stopping would leave those out too.
        const gentleLater = plan.exercises.slice(state.ask.index + 1).some((exercise) => !exercise.loading);
        const choice = gentleLater
          ? 'Skipping the strength drills left ("Skip this drill" below) is a sound choice: the drills after them that are not strength work still suit today, and the strength drills can wait for your next strength session.'
          : 'Stopping here is a sound choice ("Stop the session here" below); the others can wait for your next strength session.';
        const enough = `You have tried ${strengthTried(state)} strength drills ${plan.goingOn ? 'today' : 'this session'}, and two or three are enough for one day. ${choice}`;
        say(`\n${wrap(enough, 78).map((line) => colour.bold(line)).join('\n')}\n`);
      }
      const answer = await ask(state.ask, { plan, exercises, prompter, options, colour, say, thresholds: state.session.thresholds });
      // Given as the lock was lost: not saved, as one typed at Ctrl-C is not. A lock found gone
      // is first taken again when no other itb took the session's place (see Store.lockSession).
      await store.lockChecked();
      if (takenOver) throw Object.assign(new Error('the session lock was taken over'), { name: 'AbortPromptError' });
      const step = next(state, answer, ctx.now().toISOString());
      state = step.state;
      const session = state.session;
      // The save that ends the session leaves the store's summary until its closing is shown.
      const ends = state.ask.kind === 'finished';
      saved = await savedOrAsked(() => save(store, session, ends), prompter, say, colour);
      savedSession = session;
      sayChangedOutside();
      if (step.feedback) {
        const { id } = step.feedback.exercise;
        const last = id === plan.exercises.at(-1)?.id;
        // Set aside by hand and skipped at its re-test, as its card says to when the reason holds:
        // still due, so how to set it aside again is said, or every session would offer it.
        const byHand = plan.retesting.find((status) => status.exerciseId === id && status.source === 'manual');
        const keepAside = step.feedback.kind === 'skipped' && byHand ? { keepAside: { command: `${itb} buckets move ${id} avoid`, withNote: byHand.note !== undefined } } : {};
        say(feedbackLine(step.feedback, plan.symptom, state.session.thresholds, retestDate(ctx, data.settings), colour, { last, standing: standing(id), ...keepAside }));
      }
    }
    // The store as the last save left it: reading years of history again would delay the summary.
    say(closing(state.session, library, bucketsBefore, saved!, ctx.now(), itb, colour));
    store.writeDueSummary();
  } catch (error) {
    if (error instanceof StoreBusy || error instanceof StoreDiskRefused) throw busy(error);
    if (error instanceof StoreDamagedSince) throw damaged(error);
    // Stopped while a save waited for another itb: the person asked to stop, so the session ends
    // now rather than wait again to mark itself interrupted (it shows as interrupted all the same).
    if (error instanceof StoppedWaiting) throw stoppedWaiting();
    if (!isPromptExit(error)) throw error;
    // Broken between words on a narrow terminal, as every note of the session is; why it
    // stopped first, when it was not the person's doing.
    const why = takenOver ? [TAKEN_OVER] : [];
    const stopped = (notes: string[]) => new Interrupted(`\n${[...why, ...notes].map((note) => wrap(note, 78).join('\n')).join('\n\n')}`);
    if (!state) throw stopped(['Stopped before the session began; no new session was recorded.']);
    // Nothing was rated yet, so nothing was saved: an empty session would only crowd the history.
    if (state.session.baseline === undefined) throw stopped(['Stopped before the first score; no new session was recorded.']);
    const answered = state.session;
    state = interrupt(state, ctx.now().toISOString());
    const after = await save(store, state.session).catch((failed: unknown) => {
      if (failed instanceof StoreDamagedSince) throw damaged(failed, answered);
      throw failed instanceof StoreBusy || failed instanceof StoreDiskRefused ? busy(failed, answered) : failed instanceof StoppedWaiting ? stoppedWaiting(answered) : failed;
    });
    sayChangedOutside();
    // Stopped at the question after a flare-up, or any time after one: the advice the summary
    // would have given still applies. Otherwise, as "Stop the session here" does, how to go on:
    // a person who pressed Ctrl-C at a sharp twinge or a phone call would not guess it.
    const { session } = state;
    const bucketsNow = bucketView(after, library, ctx.now());
    // Another itb command that took this session's place may have reset or moved what it decided:
    // what it kept is then said as it stands now, from the session as saved (its results' dates).
    const recorded = after.sessions.find((saved) => saved.id === session.id) ?? session;
    const notes = [takenOver ? interruptedNote(recorded, standing, { standing: standingIn(bucketsNow), resetAt: after.bucketsResetAt }) : interruptedNote(session, standing)];
    if (session.results.some((result) => result.flare)) notes.push(afterFlareUpAdvice);
    else {
      const advice = adviceFor(after, ctx.now(), library);
      const left = leftForLater(session, bucketsNow, after, library, ctx.now(), advice);
      const again = `\`${itb} session ${shellWord(session.routine)}\``;
      if (left > 0) notes.push(`To go on with the ${left === 1 ? 'one drill' : plural(left, 'drill')} left later today, run ${again}.`);
      // Begun after a flare-up earlier today, against the advice to rest, it is not to go on
      // today: the rest comes first, whether or not a drill got through before the stop.
      else if (advice.some((item) => item.id === 'rest-after-flare-up')) {
        notes.push(`After today's flare-up, take it easy for the rest of the day. To start this routine again on another day, run ${again}.`);
      }
      // Stopped at the first drill (during its timed hold, say): no next step would leave the
      // person to guess how to begin again.
      else if (nothingGotThrough(session, after, ctx.now())) notes.push(`To start this routine again, run ${again}.`);
    }
    throw stopped(notes);
  } finally {
    await release();
  }
}

// Its lock looks left behind after a pause (Ctrl-Z, the refresh not running), or at once to another
// computer whose clock is set ahead, on a store in a shared folder: true of both. What took the
// lock over is not known from it (a second session, or a reset, a move, an import or new settings
// saved under it), so neither is claimed.
const TAKEN_OVER =
  "Another itb command took this session's place: a second session, or a change to your buckets, history or settings (a reset, say). This one looked closed to it (after a pause, or to a computer whose clock is set differently), and stops here rather than mix its answers with what the other did.";

const STOPPED_BEFORE_BEGINNING =
  'Stopped before the session began, while it waited for another itb to finish saving to your store. Nothing was asked yet, so no new session was recorded.';

/** Saves the session as it stands; returns the whole store as saved. `summaryLater`: see Store.update. */
async function save(store: Store, session: Session, summaryLater = false): Promise<StoreData> {
  return store.update((data) => {
    const index = data.sessions.findIndex((s) => s.id === session.id);
    if (index >= 0) {
      // A session only gains results, so its new ones are applied to the stored buckets rather
      // than walking years of history again on every score.
      // A result that a decision dated ahead of the clock would outrank is dated just after it.
      const counted = datedToCount(data.buckets, session, data.sessions[index], data.bucketsResetAt);
      data.sessions[index] = counted;
      data.buckets = applySessionResults(data.buckets, counted, data.bucketsResetAt);
      return;
    }
    // Only one session runs at a time, so an earlier one still marked in progress was cut off.
    // Sessions read from the store are frozen: a changed copy takes the old one's place.
    data.sessions.forEach((earlier, i) => {
      if (earlier.status === 'in-progress') data.sessions[i] = cutOff(earlier);
    });
    // A new session projects the buckets from the whole log, which also mends stored buckets
    // that were out of step with it.
    const before = projectBuckets(data.sessions, data.moves, data.bucketsResetAt);
    const counted = datedToCount(before, session, undefined, data.bucketsResetAt);
    data.sessions.push(counted);
    data.buckets = applySessionResults(before, counted, data.bucketsResetAt);
  }, { summaryLater });
}

/**
 * `itb session --movement walking downhill`: the words after the first reach the routine. Said
 * with the routine's error: the movement wants quotes, as in the whole command given to copy,
 * with the routine and the rest typed.
 */
function movementWordsApart(ctx: Context, command: Command, error: unknown, routineArg: string, options: SessionOptions, library: Library): UserError | undefined {
  // A routine's name in several words is answered as such (routineExercises).
  if (!(error instanceof UserError) || options.movement === undefined || library.routines.some((r) => namedAs(routineArg, r.name, r.id))) return undefined;
  const [first, ...rest] = routineArg.split(' ');
  const routine = first === 'rehab' || first === 'retest' || library.routines.some((r) => r.id === first);
  const stray = (routine ? rest : [first, ...rest]).join(' ');
  if (stray === '') return undefined;
  const quoted = `${typedWith(ctx, command, routine ? [first!] : [], '--movement')} --movement ${shellWord(`${options.movement} ${stray}`)}`;
  return new UserError(error.message, `${error.hint ?? ''} If "${stray}" belongs to the test movement, put the movement in quotes: \`${quoted}\`.`.trim());
}

/** The day a drill set aside now is offered again, as `itb buckets` will show it. */
function retestDate(ctx: Context, settings: Settings): string {
  return localDate(retestDueAt(ctx.now().toISOString(), settings.retestAfterDays));
}
