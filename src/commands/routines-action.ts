// What `itb routines` does (declared in routines.ts).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { builtInRoutine, viewBuckets, type ExerciseStatus } from '../core/buckets.js';
import { loadingSpacingCue, saysLoadingSpacing } from '../core/advice.js';
import { closest, namedAs } from '../core/closest.js';
import { UserError } from '../errors.js';
import { findExercise, loadLibrary } from '../library/library.js';
import type { Library } from '../library/schema.js';
import { readSummary } from '../store/summary-file.js';
import { hangingName, namePacked } from '../ui/table.js';
import { width } from '../ui/width.js';
import { hanging, onScreen, wrap, wrapName } from '../ui/wrap.js';
import { nothingToRunToday, renamedApart } from './session-routines.js';
import { itbAsTyped, itbWithLibrary, libraryFile, whichLibraryFileLines, libraryOrStop, paint, printJson } from './shared.js';

/** The mark of a test movement done on one leg. */
const ONE_LEG = '(one leg)';

export async function showRoutines(ctx: Context, options: { json?: boolean }, command: Command) {
  const library = await libraryOrStop(ctx, command, { command: 'routines', does: 'lists the routines' });
  // A routine's name may come as several words: `itb routines joint chain`.
  if (command.args.length > 0) throw strayWord(ctx, command.args.join(' '), library, command);
  const { builtIns, elsewhere, view } = await builtInRoutines(ctx, library, command);
  const ownRoutines = library.routines.map((routine) => ({ ...routine, builtIn: false }));
  if (options.json) return printJson(ctx, [...ownRoutines, ...builtIns]);
  const colour = paint(ctx, command);
  // The name beside the id, or under it when a long id leaves it too little room. Names, of
  // routines and drills, break as `itb buckets` breaks them: never inside a note in brackets.
  const titled = (id: string, name: string) =>
    width(id) + 2 + 20 <= onScreen(80) ? hangingName(`${colour.bold(id)}  `, name) : [...wrap(id).map((line) => colour.bold(line)), ...wrapName(name, 80, '  ')];
  const drills = (ids: string[]) =>
    ids.flatMap((id, i) => {
      const exercise = findExercise(library, id);
      const number = `  ${String(i + 1).padStart(2)}. `;
      if (!exercise) return hanging(number, id, 80);
      // The name in full and the id beside it, or under it when they do not fit one line.
      return hangingName(number, exercise.name, [colour.dim(`${exercise.id} · ${exercise.region}`)]);
    });
  // The 48 hours between strength sessions, for a routine that has strength drills: the app's
  // words, as a session says them, unless the routine's own description says them already.
  const loading = new Set(library.exercises.filter((exercise) => exercise.loading).map((exercise) => exercise.id));
  const withSpacing = (routine: Library['routines'][number]) =>
    routine.exercises.some((id) => loading.has(id)) && !saysLoadingSpacing(routine.description) ? `${routine.description} ${loadingSpacingCue}` : routine.description;
  const blocks = library.routines.map((routine) =>
    [...titled(routine.id, routine.name), ...wrap(withSpacing(routine), 78, '  ').map((l) => colour.dim(l)), ...drills(routine.exercises)].join('\n'),
  );
  // The built-in routines with the drills they hold today, as `itb session rehab` and `retest` would offer them.
  const itb = itbWithLibrary(ctx, command);
  const described = { rehab: `${builtIns[0].description} See \`${itb} buckets\`.`, retest: `${builtIns[1].description} \`${itb} buckets\` shows when each is due.` };
  // Empty at first, and again once every drill in it is set aside: words true of both. Drills
  // of another library file are in the bucket but not in this routine: said, not left out unsaid.
  const none = { rehab: 'None: a drill comes here when a test lowers your score.', retest: 'None due today.' };
  for (const routine of builtIns) {
    const others = elsewhere[routine.id];
    const away = others.count === 0 ? [] : wrap(awayWords(others, routine.id, itbAsTyped(ctx, command)), 78, '  ');
    const empty = routine.id === 'rehab' && others.count > 0 ? 'None in this exercise library.' : none[routine.id];
    const lines = [...(routine.exercises.length > 0 ? drills(routine.exercises) : wrap(empty, 78, '  ')), ...away];
    blocks.push([...titled(routine.id, routine.name), ...wrap(described[routine.id], 78, '  ').map((line) => colour.dim(line)), ...lines].join('\n'));
  }
  // The test movements a session offers, by the id `--movement` also takes, each done on one leg
  // marked so: with both sides painful, a session asks which leg for those.
  const { movements } = library;
  if (movements.length > 0) {
    const widest = Math.max(...movements.map((movement) => width(movement.id)));
    const lines = movements.flatMap((movement) => {
      const parts = movement.oneLeg ? [colour.dim(ONE_LEG)] : [];
      // The name beside the id, or under it, further in, on a narrow terminal.
      return widest + 4 + 20 <= onScreen(80)
        ? hangingName(`  ${colour.bold(movement.id.padEnd(widest))}  `, movement.name, parts)
        : [`  ${colour.bold(movement.id)}`, ...namePacked(movement.name, parts, 80, '    ')];
    });
    const oneLeg = movements.some((movement) => movement.oneLeg) ? ` Those marked ${ONE_LEG} are done on one leg: when both sides are painful, a session asks which.` : '';
    const about = `Offered by a session, or given with \`${itbWithLibrary(ctx, command)} session --movement ID\`; any movement in your own words works too.${oneLeg}`;
    blocks.push([colour.bold('Test movements'), ...wrap(about, 78, '  ').map((line) => colour.dim(line)), ...lines].join('\n'));
  }
  // What to do with the list, as `itb exercises` ends with how to show one drill; or why none
  // can run today, as `itb session` refuses then: a library file of drills alone with both
  // built-in routines empty, or every drill of every routine set aside for now.
  const nothing = nothingToRunToday(view, library, itb);
  const next =
    nothing === undefined
      ? `Run one: \`${itb} session ID\`, or \`${itb} session\` to choose from a list.`
      : library.routines.length === 0
        ? `This library has no routines, so there is none to run. Add one under "routines:" in the library file: an id, a name, a description and the ids of its exercises, in order. Without --data (and ITB_DATA), itb uses the built-in library and its routines.`
        : `${nothing.message.charAt(0).toUpperCase()}${nothing.message.slice(1)}. ${nothing.hint}`;
  const run = [next, ...whichLibraryFileLines(ctx, command)].flatMap((text) => wrap(text)).map((line) => colour.dim(line));
  ctx.stdout.write(`${blocks.join('\n\n')}\n\n${run.join('\n')}\n`);
}

/**
 * The built-in routines `itb session` also takes, with the drills of this library they hold now:
 * the rehab bucket in routine order, and the drills set aside whose re-test date has come.
 */
async function builtInRoutines(ctx: Context, library: Library, command: Command) {
  const view = viewBuckets((await readSummary(ctx.env)).buckets, library, ctx.now());
  const builtIn = (id: 'rehab' | 'retest', name: string, description: string) => ({ id, name, description, exercises: builtInRoutine(id, view, library), cues: [] as string[], builtIn: true });
  // Drills kept by id from another library file (sessions run with another --data): no date to
  // re-test them by here. With a file of one's own in use, they may all be built-in drills.
  const away = { rehab: view.rehab.filter((status) => !status.inLibrary), retest: view.avoid.filter((status) => !status.inLibrary) };
  const builtInLibrary = libraryFile(ctx, command) !== undefined && away.rehab.length + away.retest.length > 0 ? await loadLibrary({}) : undefined;
  // The built-in drill of that id, and of the name it was tested under: a drill of another file
  // may have been given a built-in drill's id.
  const isBuiltIn = (status: ExerciseStatus) => {
    const drill = builtInLibrary && findExercise(builtInLibrary, status.exerciseId);
    return drill !== undefined && (status.name === status.exerciseId || drill.name.toLowerCase() === status.name.toLowerCase());
  };
  // One kept by an id this library has since changed is in it under another: said apart (renamedApart).
  const awayFrom = (statuses: ExerciseStatus[]) => {
    const { renamed, others } = renamedApart(statuses, view, library);
    return { count: statuses.length, others, renamed, builtIn: renamed.length === 0 && statuses.length > 0 && statuses.every(isBuiltIn) };
  };
  const elsewhere = { rehab: awayFrom(away.rehab), retest: awayFrom(away.retest) };
  const builtIns = [
    builtIn('rehab', 'Your rehab routine (built in)', 'The drills in your rehab bucket, warm-up drills first, then in routine order.'),
    builtIn('retest', 'Re-test (built in)', 'Drills set aside for now whose re-test date has come.'),
  ] as const;
  return { builtIns, elsewhere, view };
}

/**
 * What the built-in routine leaves out: drills kept by id from another library file, or from the
 * built-in one. Such a drill may have been taken out on purpose (a therapist's advice): how to
 * still run or re-test it is said for the case that the person still does it, not as a thing to do.
 * `itb`: how the person started itb (`npx itb`), for the command that runs them without --data.
 */
function awayWords({ count: drills, others, renamed, builtIn }: { count: number; others: number; renamed: string[]; builtIn: boolean }, routine: 'rehab' | 'retest', itb: string): string {
  const which = `${drills} ${drills === 1 ? 'drill' : 'drills'} ${routine === 'rehab' ? 'in your rehab bucket' : 'set aside for now'} ${drills === 1 ? 'is' : 'are'}`;
  const leftOut = `so ${drills === 1 ? 'it is' : 'they are'} left out here`;
  const it = others === 1 ? 'it' : 'them';
  const still = routine === 'rehab' ? `if you still do ${it}` : `if you still want ${it} re-tested`;
  const withLibrary = builtIn ? `\`${itb} session ${routine}\` without --data (and ITB_DATA)` : `the library file that has ${it} (--data, or ITB_DATA)`;
  const does = routine === 'rehab' ? `runs ${it}` : builtIn ? `offers ${it} once due` : `re-tests ${it} once due`;
  // Each in this library under another id: what to do is said of each, not where else to run it;
  // then, of the others not in it at all (none is called built-in then), how to run them if still done.
  if (renamed.length > 0) {
    const rest = others === 1 ? 'The other one is' : `The other ${others} are`;
    const apart = others === 0 ? [] : [`${rest} not in it at all (taken out of it, or from another library file): ${still}, ${withLibrary} ${does}.`];
    return [`${which} not in this exercise library under ${drills === 1 ? 'its id' : 'their ids'}, ${leftOut}.`, ...renamed, ...apart].join(' ');
  }
  const where = builtIn ? 'in the built-in exercise library, not in this one' : 'not in this exercise library (taken out of it, or from another library file)';
  return `${which} ${where}, ${leftOut}; ${still}, ${withLibrary} ${does}.`;
}

/**
 * `itb routines` takes no routine: a word after it is most likely one to look at, or to run. The
 * commands named keep a --data given, so that they show the same library.
 */
function strayWord(ctx: Context, word: string, library: Library, command: Command): UserError {
  const itb = itbWithLibrary(ctx, command);
  const ids = library.routines.map((routine) => routine.id).concat('rehab', 'retest');
  const id = ids.find((known) => known === word.toLowerCase()) ?? library.routines.find((routine) => namedAs(word, routine.name, routine.id))?.id;
  if (id !== undefined) {
    return new UserError(`${itb} routines takes no routine name: it lists them all`, `\`${itb} routines\` shows ${id} among them; \`${itb} session ${id}\` runs it.`);
  }
  const near = closest(word, ids);
  return new UserError(`there is no routine "${word}"`, `${near.length > 0 ? `Did you mean ${near.join(' or ')}? ` : ''}\`${itb} routines\` lists them all, with their drills.`);
}
