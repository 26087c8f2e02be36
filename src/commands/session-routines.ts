// Which routine a session runs, and which of its drills it offers today: the library's
// routines, and the built-in rehab and re-test routines drawn from the buckets.
import { builtInRoutine, renamedAs, type BucketView, type ExerciseStatus } from '../core/buckets.js';
import { closest, namedAs, partOfName } from '../core/closest.js';
import { localDate } from '../core/history.js';
import { painfulSides } from '../core/terms.js';
import { compareInstants } from '../core/instant.js';
import { UserError } from '../errors.js';
import { plural, yourSide } from '../export/words.js';
import type { Exercise, Library } from '../library/schema.js';
import type { Choice, Prompter } from '../ui/prompter.js';
import { fitName } from '../ui/width.js';
import { listedDrill } from './shared.js';

/**
 * Asks which routine to run; the one used last (`last`) is offered first when it can run today.
 * `doneToday`: `last` was run earlier today and left nothing to go on with. Then, holding no drill
 * not tried yet, it is not offered first again: the list starts at the first routine that holds
 * one, as the summary's "`itb session hip-rotation` — test N drills not tried yet" names one
 * (untriedRoutine). On another day the routine of the latest session comes first again (a rehab
 * routine done day after day): the summary and `itb buckets` name the routine to test with.
 * `strengthResting`: the last strength session was under 48 hours ago, so a routine of strength
 * drills alone is not offered first either, neither as the last one nor as the first in the list
 * (Enter twice would end the session with nothing done).
 * `itb` is how to start itb in the command a refusal suggests (itbWithLibrary).
 */
export async function chooseRoutine(
  buckets: BucketView,
  library: Library,
  prompter: Prompter,
  itb: string,
  last?: string,
  strengthResting = false,
  doneToday = false,
): Promise<string> {
  const loading = new Map(library.exercises.map((exercise) => [exercise.id, exercise.loading]));
  const strengthOnly = new Set<string>();
  const noteStrengthOnly = (routine: string, ids: string[]) => {
    if (ids.length > 0 && ids.every((id) => loading.get(id) === true)) strengthOnly.add(routine);
  };
  const choices: Choice<string>[] = library.routines.map((routine) => {
    const { exercises, setAside } = routineExercises(routine.id, buckets, library, { allSetAside: 'keep' });
    noteStrengthOnly(routine.id, exercises.map((exercise) => exercise.id));
    // Each choice on one line of 80 columns, after the prompt's pointer: the name gives way.
    const name = (besides: string) => fitName(routine.name, Math.max(76 - besides.length, 24));
    if (exercises.length === 0) {
      const which = setAside.length === 1 ? 'its drill is' : setAside.length === 2 ? 'both drills are' : `all ${setAside.length} drills are`;
      const why = `(${which} set aside; re-test from ${firstRetest(setAside)})`;
      return { value: routine.id, name: name(` ${why}`), disabled: why };
    }
    // "Plus": the drills set aside are not among those counted before them.
    const aside = setAside.length > 0 ? `, plus ${setAside.length} set aside for now` : '';
    const count = ` (${plural(exercises.length, 'drill')}${aside})`;
    return { value: routine.id, name: `${name(count)}${count}`, description: routine.description };
  });
  const rehab = builtInRoutine('rehab', buckets, library);
  const retest = builtInRoutine('retest', buckets, library);
  noteStrengthOnly('rehab', rehab);
  noteStrengthOnly('retest', retest);
  // Drills of the buckets this library lacks: said where the routine is offered, or why it is not.
  const rehabAway = buckets.rehab.filter((status) => !status.inLibrary).length;
  const retestAway = buckets.avoid.filter((status) => !status.inLibrary).length;
  const leftOut = (count: number, which: string) => (count === 0 ? '' : ` Left out, as not in this exercise library: ${plural(count, 'drill')} ${which}.`);
  if (retest.length > 0) {
    const description = `Drills from your avoid-for-now bucket whose re-test date has come.${leftOut(retestAway, 'set aside for now')}`;
    choices.unshift({ value: 'retest', name: `Re-test drills set aside earlier (${retest.length} due)`, description });
  }
  if (rehab.length > 0) {
    const description = `The drills that helped you${helpedSidesWords(buckets.rehab)}, warm-up drills first, then in routine order.${leftOut(rehabAway, 'of your rehab bucket')}`;
    choices.unshift({ value: 'rehab', name: `Your rehab routine (${plural(rehab.length, 'drill')})`, description });
  } else if (rehabAway > 0) {
    // A rehab bucket of drills from another library: listed, greyed out, rather than missing unexplained.
    const why = `(${rehabAway === 1 ? 'its drill is' : `its ${rehabAway} drills are`} not in this exercise library)`;
    choices.unshift({ value: 'rehab', name: 'Your rehab routine', disabled: why });
  }
  const nothing = nothingToRunToday(buckets, library, itb);
  if (nothing) throw nothing;
  const canStart = (choice: Choice<string>) => choice.disabled === undefined && !(strengthResting && strengthOnly.has(choice.value));
  // Without one to offer again, the list starts at its first choice: while strength drills rest,
  // the first that has other drills, as the rehab routine listed first may be strength alone.
  const untried = new Set(buckets.untested.map((status) => status.exerciseId));
  const holdsUntried = (routine: string | undefined) => library.routines.some((r) => r.id === routine && r.exercises.some((id) => untried.has(id)));
  const toTest = doneToday && !holdsUntried(last) ? choices.find((choice) => holdsUntried(choice.value) && canStart(choice)) : undefined;
  const again = toTest ?? choices.find((choice) => choice.value === last && canStart(choice)) ?? (strengthResting ? choices.find(canStart) : undefined);
  return prompter.select({ message: 'Which routine?', choices, ...(again ? { default: again.value } : {}) });
}

/**
 * " (some when your left side hurt, some when your right side hurt)": the painful sides the drills
 * of the rehab routine helped on, when they helped on more than one (the pain moved sides), as
 * what helped one side need not help the other. Nothing when they helped on one side only.
 */
function helpedSidesWords(rehab: readonly ExerciseStatus[]): string {
  const sides = painfulSides.filter((side) => rehab.some((status) => status.inLibrary && status.evidence.sides.some((count) => count.side === side && count.helped > 0)));
  return sides.length < 2 ? '' : ` (${sides.map((side) => `some when ${yourSide(side)} hurt`).join(', ')})`;
}

/**
 * The drills a session of `routine` offers. A drill set aside for now stays out of the library's
 * routines until its re-test date (then they offer it again, as does \`itb session retest\`):
 * "avoid for now" means not today, and above all not straight after a flare-up. `options.itb`
 * is how to start itb in the commands a refusal suggests (itbWithLibrary); `options.typed`, the
 * session command as typed with another routine (typedWith), for the sessions a refusal suggests:
 * with the --side, --symptom and --movement typed, which spare the setup questions.
 */
export function routineExercises(
  routine: string,
  buckets: BucketView,
  library: Library,
  options: { allSetAside?: 'refuse' | 'keep'; itb?: string; typed?: (routine: string) => string } = {},
): { exercises: Exercise[]; setAside: ExerciseStatus[] } {
  const itb = options.itb ?? 'itb';
  const session = options.typed ?? ((other: string) => `${itb} session ${other}`);
  const byId = new Map(library.exercises.map((exercise) => [exercise.id, exercise]));
  const inLibrary = (ids: string[]) => ids.map((id) => byId.get(id)).filter((exercise): exercise is Exercise => exercise !== undefined);
  if (routine === 'rehab' || routine === 'retest') {
    const ids = builtInRoutine(routine, buckets, library);
    if (ids.length === 0 && routine === 'rehab') {
      const first = library.routines[0]?.id;
      // A library of drills alone has no routine for that first session: `itb session` would refuse.
      const start =
        first === undefined
          ? 'This exercise library has no routines to run a first session with: add one under "routines:" in the library file.'
          : `Run a session with a routine first: \`${session(first)}\`.`;
      const elsewhere = buckets.rehab.length;
      if (elsewhere > 0) {
        // Perhaps taken out of the library on a therapist's advice: run again only if still done.
        // One kept by an id the file has changed is in it still, under another: said what to do.
        const { renamed, others } = renamedApart(buckets.rehab, buckets, library);
        const still = others === 0 ? [] : [`If you still do ${theOthers(renamed, others)}, the library file that has ${them(others)} runs ${them(others)} (--data, or ITB_DATA); or test this one's drills.`];
        const orTest = others === 0 && first !== undefined ? `Or test this library's drills: \`${session(first)}\`.` : start;
        throw new UserError(
          `the ${elsewhere === 1 ? 'drill' : `${elsewhere} drills`} in your rehab bucket ${elsewhere === 1 ? 'is' : 'are'} not in this exercise library`,
          [...renamed, ...still, orTest].join(' '),
        );
      }
      // Emptied over time, the drills that once helped since set aside: not a first session to come.
      if (buckets.avoid.length > 0) throw emptiedRehab(buckets, library, itb, session, first);
      throw new UserError('your rehab bucket is empty, so there is no rehab routine yet', start);
    }
    if (ids.length === 0) {
      // Only drills of this library have a re-test date: others set aside wait for theirs.
      const waiting = buckets.avoid.filter((status) => status.retestDueAt !== undefined);
      const elsewhere = buckets.avoid.length;
      const { renamed, others } = renamedApart(buckets.avoid, buckets, library);
      const still = others === 0 ? [] : [`If you still want ${theOthers(renamed, others)} re-tested, the library file that has ${them(others)} re-tests ${them(others)} (--data, or ITB_DATA).`];
      const none =
        elsewhere === 0
          ? 'Nothing is set aside for now.'
          : [`${elsewhere === 1 ? 'The drill' : `The ${elsewhere} drills`} set aside for now ${elsewhere === 1 ? 'is' : 'are'} not in this exercise library.`, ...renamed, ...still].join(' ');
      throw new UserError(
        'no drill set aside for now is due for a re-test yet',
        waiting.length === 0 ? none : `The first is due on ${firstRetest(waiting)}; \`${itb} buckets\` shows every re-test date.`,
      );
    }
    return { exercises: inLibrary(ids), setAside: [] };
  }
  const found = library.routines.find((r) => r.id === routine);
  if (!found) {
    // Its name, as `itb routines` and the session's list show it, or the words of its id.
    const named = library.routines.find((r) => namedAs(routine, r.name, r.id));
    if (named) throw new UserError(`there is no routine "${routine}"`, `"${named.name}" has the id ${named.id}: \`${session(named.id)}\` runs it.`);
    // A whole line of the "Next:" lines copied, its words after the command too (`itb session
    // joint-chain    test 5 of 28 drills not tried yet`): the routine is the first word.
    const [first, ...after] = routine.trim().split(/\s+/);
    if (after.length > 0 && (first === 'rehab' || first === 'retest' || library.routines.some((r) => r.id === first))) {
      throw new UserError(`there is no routine "${routine}"`, `The routine is ${first}, and the words after it are not part of the command: \`${session(first!)}\` runs it.`);
    }
    const near = closest(routine, library.routines.map((r) => r.id).concat('rehab', 'retest'));
    // Like no id, but a word of one routine's name (`stretching`, `glutes`), as the session's list shows them.
    const [byWord, ...others] = near.length > 0 ? [] : library.routines.filter((r) => partOfName(routine, r.name));
    if (byWord && others.length === 0) {
      throw new UserError(`there is no routine "${routine}"`, `Did you mean "${byWord.name}"? Its id is ${byWord.id}: \`${session(byWord.id)}\` runs it.`);
    }
    throw new UserError(`there is no routine "${routine}"`, `${near.length > 0 ? `Did you mean ${near.join(' or ')}? ` : ''}\`${itb} routines\` lists them.`);
  }
  const waiting = new Map(buckets.avoid.filter((status) => !status.retestDue).map((status) => [status.exerciseId, status]));
  const exercises = inLibrary(found.exercises);
  const setAside = exercises.flatMap((exercise) => waiting.get(exercise.id) ?? []);
  const offered = exercises.filter((exercise) => !waiting.has(exercise.id));
  if (offered.length === 0 && options.allSetAside !== 'keep') {
    throw new UserError(
      `every drill of the ${found.name} routine is set aside for now: the first is due for a re-test on ${firstRetest(setAside)}`,
      `\`${itb} buckets\` shows when each one is due; \`${itb} routines\` lists the other routines.`,
    );
  }
  return { exercises: offered, setAside };
}

/**
 * The refusal of a session when no routine has a drill to offer today: a library of one's own
 * that lists drills and no routine (then nothing at all is set aside), or every drill of every
 * routine set aside for now, none due for a re-test and none in the rehab bucket. Said before
 * any question (the safety questions too), with the day the first comes back. Undefined when
 * something can run.
 */
export function nothingToRunToday(buckets: BucketView, library: Library, itb: string): UserError | undefined {
  if (builtInRoutine('rehab', buckets, library).length > 0 || builtInRoutine('retest', buckets, library).length > 0) return undefined;
  if (library.routines.length === 0) {
    return new UserError(
      'this exercise library has no routines, so a session has none to run',
      `Add one under "routines:" in the library file: an id, a name, a description and the ids of its exercises, in order. \`${itb} exercises\` lists the drills it has.`,
    );
  }
  const setAside: ExerciseStatus[] = [];
  for (const routine of library.routines) {
    const today = routineExercises(routine.id, buckets, library, { allSetAside: 'keep' });
    if (today.exercises.length > 0) return undefined;
    setAside.push(...today.setAside);
  }
  if (setAside.length === 0) return undefined;
  return new UserError(
    `every drill of every routine is set aside for now: the first is due for a re-test on ${firstRetest(setAside)}`,
    `From then, \`${itb} session retest\` offers it again; \`${itb} buckets\` shows when each one is due.`,
  );
}

/** The local day the first of these drills set aside is offered again. */
function firstRetest(statuses: ExerciseStatus[]): string {
  const first = statuses.map((status) => status.retestDueAt!).sort(compareInstants)[0]!;
  return localDate(new Date(first));
}

/**
 * The rehab routine asked for while every drill in the buckets is set aside for now. `session`:
 * the session command as typed with another routine, for the sessions suggested.
 */
function emptiedRehab(buckets: BucketView, library: Library, itb: string, session: (routine: string) => string, first: string | undefined): UserError {
  const due = builtInRoutine('retest', buckets, library).length;
  const others = first === undefined ? '' : ` Or test other drills from a routine: \`${session(first)}\`.`;
  const hint =
    due > 0
      ? `${due === 1 ? '1 drill' : `${due} drills`} set aside for now ${due === 1 ? 'is' : 'are'} due for a re-test: \`${session('retest')}\`.${others}`
      : `Every drill in your buckets is set aside for now; \`${itb} buckets\` shows when each is due for a re-test.${others}`;
  return new UserError('your rehab bucket is empty now, so there is no rehab routine to run', hint);
}

/**
 * What `itb session rehab` or `retest` leaves out as this library does not have it, said before the
 * session starts: how many drills of the rehab bucket, or set aside for now, are kept by an id
 * the library lacks (taken out of one's own library file, from another one, or under an id
 * since changed: then which), and where to see them. Undefined when there is none.
 */
export function leftOutHere(routine: 'rehab' | 'retest', buckets: BucketView, library: Library, itb: string): { heading: string; renamed: string[]; see: string } | undefined {
  const away = (routine === 'rehab' ? buckets.rehab : buckets.avoid).filter((status) => !status.inLibrary);
  if (away.length === 0) return undefined;
  const which = routine === 'rehab' ? `${plural(away.length, 'drill')} of your rehab bucket` : `${plural(away.length, 'drill')} set aside for now`;
  return {
    heading: `Left out, as not in this exercise library: ${which}.`,
    renamed: renamedApart(away, buckets, library).renamed,
    see: `\`${itb} buckets\` shows ${them(away.length)} with ${away.length === 1 ? 'its' : 'their'} results.`,
  };
}

/**
 * Of drills kept by ids this library does not have, what to do about each it has under another
 * id (renamedAs), as `itb buckets` says it; `others`: how many are not in it at all.
 */
export function renamedApart(statuses: ExerciseStatus[], buckets: BucketView, library: Library): { renamed: string[]; others: number } {
  const renamed = statuses.flatMap((status) => {
    const drill = renamedAs(status, library);
    if (drill === undefined) return [];
    const here = `This library has ${status.name} under another id, ${drill.id}`;
    // Tested under the new id too, each id keeps its own: giving back the old one would leave the newer apart.
    if (listedDrill(buckets, drill.id) !== undefined) return [`${here}, which has results of its own: results are kept by id, so each id's are kept apart.`];
    return [`${here}; its results are kept under the old one, ${status.exerciseId}: give it back the id ${status.exerciseId} in the library file to keep them together.`];
  });
  return { renamed, others: statuses.filter((status) => !status.inLibrary).length - renamed.length };
}

/** One drill is "it", more are "them". */
const them = (count: number) => (count === 1 ? 'it' : 'them');

/** The `others` drills not in the library at all: "the other one" after those said to be renamed. */
const theOthers = (renamed: string[], others: number) => (renamed.length === 0 ? them(others) : others === 1 ? 'the other one' : `the other ${others}`);
