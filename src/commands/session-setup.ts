// Setting a session up: the routine's drills for today (with the 48-hour rule for strength
// drills), the painful side, the symptom and the test movement, remembered for next time.
import { adviceFor, withoutGoingOn } from '../core/advice.js';
import type { BucketView, ExerciseStatus } from '../core/buckets.js';
import { localDate, localDateTime } from '../core/history.js';
import { compareInstants } from '../core/instant.js';
import type { Session, Settings, StoreData } from '../core/records.js';
import { leftPartWay, type PartWay } from '../core/resume.js';
import { andList, orList, painfulSides, sideWords, symptoms, symptomWords } from '../core/terms.js';
import { inSentence } from '../core/text.js';
import { pauseBetween } from '../core/pause.js';
import type { Context } from '../context.js';
import type { Exercise, Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { plural } from '../export/words.js';
import type { Prompter } from '../ui/prompter.js';
import { fitName } from '../ui/width.js';
import { wrap } from '../ui/wrap.js';
import { chooseMovement, onWhichLeg } from './session-movement.js';
import { loadingTriedBefore, onSide } from './part-way.js';
import { chooseRoutine, routineExercises } from './session-routines.js';
import type { SaveInSession } from './session-saving.js';
import type { SessionOptions } from './session.js';

export interface Plan {
  routine: string;
  /** Chosen from the routine list, which showed its description, rather than typed with the command. */
  chosenFromList: boolean;
  exercises: Exercise[];
  /** Drills of the routine set aside for now and not yet due for a re-test: left out today. */
  setAside: ExerciseStatus[];
  /** Strength drills left out today: the user chose to keep 48 hours after the last ones. */
  resting: Exercise[];
  /**
   * When the 48 hours since the last strength session are up, if the session reminded of them
   * before it began: then it says them no more, and names only this time.
   */
  strengthReadyAt?: string;
  /** Drills of the routine set aside earlier whose re-test date has come: offered again today. */
  retesting: ExerciseStatus[];
  /** Drills of the routine already in the rehab bucket (every drill of the rehab routine). */
  inRehab: ExerciseStatus[];
  /** Going on with the routine as left part way earlier today: the ids of the strength drills tried then. */
  goingOn?: { loadingTried: string[] };
  side: Session['side'];
  symptom: Session['symptom'];
  movement: string;
  /** How to do the test movement, when it is one of the library's (one in the user's own words has none). */
  movementInstructions?: string;
  /** For a library movement done on one leg: which leg, said after its instructions. */
  movementLeg?: string;
}

export async function setUp(
  ctx: Context,
  save: SaveInSession,
  data: StoreData,
  buckets: BucketView,
  library: Library,
  prompter: Prompter,
  routineArg: string | undefined,
  options: SessionOptions,
  colour: Colours,
  itb: string,
): Promise<Plan | undefined> {
  const now = ctx.now();
  const say = (text: string) => ctx.stdout.write(text);
  // The routine of the latest session is remembered the way its side and symptom are: by the log.
  const latest = data.sessions.reduce<Session | undefined>((newest, s) => (newest && compareInstants(newest.startedAt, s.startedAt) >= 0 ? newest : s), undefined);
  const advice = adviceFor(data, now, library);
  const spacing = advice.find((a) => a.id === 'loading-spacing');
  // The last routine, left part way today, can go on with its strength drills: offered first still.
  const lastLeft = latest && leftPartWay(data.sessions, latest.routine, now);
  const restingForList = lastLeft ? spacingWithout(data, lastLeft, now) : spacing;
  // One stopped before any drill got through (Ctrl-C at its first score) left the whole routine to
  // start again, as it then said: not done.
  const gotThrough = latest !== undefined && (latest.status === 'completed' || latest.results.length > 0);
  const doneToday = gotThrough && !lastLeft && localDate(new Date(latest.startedAt)) === localDate(now);
  const routine = routineArg ?? (await chooseRoutine(buckets, library, prompter, itb, latest?.routine, restingForList !== undefined, doneToday));
  const { exercises: offered, setAside } = routineExercises(routine, buckets, library);
  let exercises = offered;
  let resting: Exercise[] = [];
  let strengthReadyAt: string | undefined;

  for (const professional of advice.filter((a) => a.id === 'see-a-professional')) {
    say(`\n${wrap(professional.message, 78).map((l) => colour.bold(l)).join('\n')}\n`);
  }
  // One of a few plain words, the remembered one first in line; `also`, other words for each.
  // `said`: the words under the remembered one (`described`), and what a number typed there is
  // told, where it is most likely a score (see Prompter).
  const pick = <T extends string>(
    message: string,
    values: readonly T[],
    remembered: T | undefined,
    also?: (value: T) => string[],
    said: { described?: string; numberTyped?: string; numberNotListed?: string } = {},
  ) => {
    const { described, ...numbers } = said;
    return prompter.select({
      message,
      choices: values.map((value) => ({ value, name: value, ...(also ? { also: also(value) } : {}), ...(described !== undefined && value === remembered ? { description: described } : {}) })),
      default: remembered,
      ...numbers,
    });
  };
  // Each answer is kept as it is given, as a default for next time: stopping at the next question
  // still remembers it. One the same as last time needs no write.
  const remember = async <K extends 'side' | 'symptom' | 'movement'>(key: K, value: Settings[K]) => {
    if (data.settings[key] === value) return;
    await save((stored) => {
      stored.settings[key] = value;
    });
  };
  // The side first: the drills got through earlier today on another painful side were done on
  // that side, so the routine goes on only from a part done on this one.
  // Back after more than 4 weeks away, the side remembered from then may not be the one that
  // hurts now (IT band pain can move to the other leg): what Enter would give says when it was.
  const sideThen =
    latest !== undefined && latest.side === data.settings.side && pauseBetween(Date.parse(latest.startedAt), now.getTime())
      ? `The painful side of your last session, on ${localDate(new Date(latest.startedAt))}. Choose the side that hurts today.`
      : undefined;
  const side = options.side ?? (await pick('Which side is painful?', painfulSides, data.settings.side, sideWords, { described: sideThen }));
  await remember('side', side);
  const partWay = leftPartWay(onSide(data.sessions, side), routine, now);
  const goingOn = partWay && (await goOnFromPartWay(partWay, offered, setAside, library, prompter));
  // The strength drills of the part done earlier and the ones left make one day's strength work,
  // not two sessions 48 hours apart: only a strength session before that part calls for the wait.
  // Without one on this side, the 48-hour advice offers no going on from a part done on another.
  let spacingNow = spacing && adviceFor(data, now, library, side).find((a) => a.id === 'loading-spacing');
  // Started afresh when it could have gone on: the advice no longer offers going on.
  if (partWay && !goingOn && spacingNow?.goesOnToday === routine) spacingNow = withoutGoingOn(spacingNow);
  if (goingOn) {
    exercises = goingOn.left;
    spacingNow = spacingWithout(data, partWay!, now);
  }
  if (spacingNow && exercises.some((exercise) => exercise.loading)) {
    say(`\n${wrap(spacingNow.message, 78).map((l) => colour.bold(l)).join('\n')}\n`);
    strengthReadyAt = spacingNow.readyAt;
    const gentle = exercises.filter((exercise) => !exercise.loading);
    const message = gentle.length > 0 ? 'Do the strength drills today anyway? (No leaves them out today.)' : 'Do the strength drills today anyway?';
    if (!(await prompter.confirm({ message, default: false }))) {
      if (gentle.length === 0) {
        // Said of this session alone: the strength session that calls for the wait is kept.
        say(`${wrap(`No new session was started; your earlier ones are kept as they were. ${gentlerRoutines(buckets, library, itb)}`, 78).join('\n')}\n`);
        return undefined;
      }
      // Only the strength drills wait: the rest of the routine is still worth doing today.
      resting = exercises.filter((exercise) => exercise.loading);
      exercises = gentle;
    }
  }

  // "What will you rate?" answered with the score ("2"): no symptom picked by its place unseen,
  // and kept as the one rated from then on.
  const scoreLater = {
    numberTyped: `Your score is asked once the test movement is chosen. Choose what you will rate with the arrow keys (or type ${orList(symptoms)}), then Enter.`,
    numberNotListed: 'Your score is asked once the test movement is chosen.',
  };
  const symptom = options.symptom ?? (await pick('What will you rate?', symptoms, data.settings.symptom, symptomWords, scoreLater));
  await remember('symptom', symptom);
  // A library movement typed by its id (`--movement single-leg-squat`) is recorded by its name, as
  // picking it from the list records it: the same movement, so the same trend.
  const typed = options.movement?.trim();
  const byId = library.movements.find((known) => known.id === typed?.toLowerCase());
  const chosen = (byId && inSentence(byId.name)) ?? typed ?? (await chooseMovement(data.settings, library, prompter));
  const test = await onWhichLeg(chosen, side, data.sessions, library, { prompter, say, remember: (movement) => remember('movement', movement) });
  const inRoutine = (status: ExerciseStatus) => exercises.some((exercise) => exercise.id === status.exerciseId);
  const retesting = buckets.avoid.filter((status) => status.retestDue && inRoutine(status));
  const inRehab = buckets.rehab.filter(inRoutine);
  return {
    routine,
    chosenFromList: routineArg === undefined,
    exercises,
    // Set aside in the part done earlier today, a drill was tried today, not left out.
    setAside: goingOn ? setAside.filter((status) => !partWay!.passed.has(status.exerciseId)) : setAside,
    resting,
    ...(strengthReadyAt === undefined ? {} : { strengthReadyAt }),
    retesting,
    inRehab,
    side,
    symptom,
    ...test,
    ...(goingOn ? { goingOn: { loadingTried: goingOn.loadingTried } } : {}),
  };
}

/**
 * The drills got through, in the order done (those set aside then too, though they are out
 * anyway): a few by name, more by their number and the last of them; a name too long for a line
 * cut short.
 */
function gotThrough(names: string[]): string {
  const short = names.map((name) => fitName(name, NAME_COLUMNS));
  if (short.length > 3) return `${plural(short.length, 'drill')}, the last of them ${short.at(-1)}`;
  return andList(short);
}

/**
 * The widest name the question keeps whole, note in brackets and all: a line of it, less the
 * comma or full stop after the name. The last line of a yes/no question has 72 columns: 78 after
 * the prompt's mark, less the room kept for " (Y/n)" (see createPrompter).
 */
const NAME_COLUMNS = 71;

/** After the name of a drill skipped in the part done earlier. */
const SKIPPED = ' (skipped)';

/** The 48-hour advice, if any, as it stands without the sessions of a routine left part way today. */
function spacingWithout(data: StoreData, partWay: PartWay, now: Date) {
  return adviceFor({ ...data, sessions: data.sessions.filter((session) => !partWay.sessions.includes(session)) }, now).find((a) => a.id === 'loading-spacing');
}

/**
 * Asks whether to go on where the routine was left earlier today, leaving out the drills then
 * got through; undefined when the person starts it afresh, or when nothing else is left. When
 * today's drills hold none of those (set aside then, or re-tested out of the retest routine),
 * starting afresh offers the same drills: it goes on without asking. `setAside`: the routine's
 * drills set aside for now, which it does not offer.
 */
async function goOnFromPartWay(
  partWay: PartWay,
  offered: Exercise[],
  setAside: ExerciseStatus[],
  library: Library,
  prompter: Prompter,
): Promise<{ left: Exercise[]; loadingTried: string[] } | undefined> {
  const done = offered.filter((exercise) => partWay.passed.has(exercise.id));
  const left = offered.filter((exercise) => !partWay.passed.has(exercise.id));
  if (left.length === 0) return undefined;
  if (done.length === 0) return { left, loadingTried: loadingTriedBefore(partWay, library) };
  const when = localDateTime(new Date(partWay.leftAt)).slice(11);
  // By the names the library gives them now, as the rest of the session names them; a drill it
  // no longer has, as then. One skipped is marked so: going on leaves it out as one done.
  const outcomes = new Map(partWay.sessions.toReversed().flatMap((session) => session.results.map((result) => [result.exerciseId, result.outcome] as const)));
  const names = [...partWay.passed].map(([id, name]) => {
    const shown = library.exercises.find((exercise) => exercise.id === id)?.name ?? name;
    return outcomes.get(id) === 'skipped' ? `${fitName(shown, NAME_COLUMNS - SKIPPED.length)}${SKIPPED}` : shown;
  });
  // The routine list counts the drills on offer today, "plus" those set aside: drills got
  // through and set aside then are among the latter, which is said, so that the counts add up.
  const since = setAside.filter((status) => partWay.passed.has(status.exerciseId)).length;
  // Not all of them: with every one set aside, it goes on without asking.
  const sinceSetAside = since === 0 ? '' : ` (${since} of them set aside now)`;
  const message =
    `This routine was left part way today (at ${when}), after ${gotThrough(names)}${sinceSetAside}. ` +
    `Go on with the ${left.length === 1 ? 'one drill' : plural(left.length, 'drill')} left? (Answer n to start again from its first drill.)`;
  if (!(await prompter.confirm({ message, default: true }))) return undefined;
  return { left, loadingTried: loadingTriedBefore(partWay, library) };
}

/**
 * Where to go instead of a strength routine: the library's routines with no strength drill that
 * have drills to offer today, those with drills not tested yet first (in library order each), so
 * that the one whose command is given is not a routine whose every drill was tested already.
 * `itb`: how to start it (itbWithLibrary).
 */
function gentlerRoutines(buckets: BucketView, library: Library, itb: string): string {
  const untested = new Set(buckets.untested.map((status) => status.exerciseId));
  const ids = library.routines
    .filter((routine) => {
      const { exercises } = routineExercises(routine.id, buckets, library, { allSetAside: 'keep' });
      return exercises.length > 0 && exercises.every((exercise) => !exercise.loading);
    })
    .map((routine) => ({ id: routine.id, tested: !routine.exercises.some((id) => untested.has(id)) }))
    .sort((a, b) => Number(a.tested) - Number(b.tested))
    .map((routine) => routine.id);
  if (ids.length === 0) {
    // A library of strength routines alone has nothing gentler to offer, set aside or not.
    const loading = new Set(library.exercises.filter((drill) => drill.loading).map((drill) => drill.id));
    const gentler = library.routines.some((routine) => routine.exercises.length > 0 && routine.exercises.every((id) => !loading.has(id)));
    return gentler ? 'Rest today: every routine without strength drills has its drills set aside for now.' : 'Rest today: your exercise library has no routine without strength drills.';
  }
  const some = ids.slice(0, 3);
  return `A gentler routine suits today, such as ${orList(some)}: \`${itb} session ${some[0]}\`.`;
}
