// What `itb exercises` does (declared in exercises.ts).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { bucketView, viewBuckets, type ExerciseStatus } from '../core/buckets.js';
import { localDate } from '../core/history.js';
import type { StoreSummary } from '../core/summary.js';
import { namedAs } from '../core/closest.js';
import { UserError } from '../errors.js';
import { findExercise, loadLibrary } from '../library/library.js';
import type { Exercise, Library } from '../library/schema.js';
import { readStore } from '../store/store-file.js';
import { readSummary } from '../store/summary-file.js';
import { evidenceLines } from './buckets-show.js';
import { lastTestWords } from '../export/words.js';
import type { Colours } from '../ui/colour.js';
import { describeDose, describeSide } from '../ui/describe.js';
import { namePacked, packed, table } from '../ui/table.js';
import { width } from '../ui/width.js';
import { hanging, nameLines, onScreen, wrap, wrapName } from '../ui/wrap.js';
import { itbWithLibrary, keptDrills, libraryFile, whichLibraryFileLines, libraryOrStop, listedDrill, notInLibrary, notInLibraryWords, paint, printJson } from './shared.js';

export async function showExercises(ctx: Context, id: string | undefined, options: { json?: boolean }, command: Command) {
  const library = await libraryOrStop(ctx, command, { command: 'exercises', does: 'lists the drills' });
  const colour = paint(ctx, command);
  if (id === undefined) {
    if (options.json) return printJson(ctx, library.exercises);
    ctx.stdout.write(listExercises(library, colour, itbWithLibrary(ctx, command), whichLibraryFileLines(ctx, command)));
    return;
  }
  const exercise = findExercise(library, id);
  if (!exercise) {
    throw (
      routineNotDrill(ctx, id, library, command, 'id') ??
      // The id of a drill since renamed in one's own library is that drill's, not the new one's.
      (await droppedDrill(ctx, id, library, command, 'id')) ??
      nameNotId(ctx, id, library, command) ??
      (await droppedDrill(ctx, id, library, command, 'name')) ??
      routineNotDrill(ctx, id, library, command, 'name') ??
      (await notInLibrary(ctx, command, id, library.exercises.map((drill) => drill.id)))
    );
  }
  if (options.json) return printJson(ctx, exercise);
  ctx.stdout.write(showExercise(library, exercise, colour, await yourResults(ctx, exercise.id, library, itbWithLibrary(ctx, command))));
}

/** Lines indented by what they are given (see labelled). */
type Indented = (indent: string) => string[];

/**
 * How the drill has done for you: its bucket and its evidence, as `itb buckets` shows them, how
 * it did on each painful side included. None before anything was saved; a store that cannot be
 * read is said, for `itb buckets` to explain, and the drill is shown all the same. `itb`: how to
 * start it (itbWithLibrary).
 */
async function yourResults(ctx: Context, id: string, library: Library, itb: string): Promise<Indented | undefined> {
  let summary: StoreSummary;
  try {
    summary = await readSummary(ctx.env);
  } catch {
    return (indent) => packed([`not shown: your results could not be read (\`${itb} buckets\` says why)`], 80, indent, ' · ', wrapName);
  }
  if (summary.sessionCount === 0 && summary.moveCount === 0) return undefined;
  const view = viewBuckets(summary.buckets, library, ctx.now());
  const status = [...view.rehab, ...view.avoid, ...view.untested].find((each) => each.exerciseId === id);
  if (status === undefined) return undefined;
  const { evidence } = status;
  const moved = status.source === 'manual' ? ' (moved by hand)' : '';
  const retest = status.retestDue ? ', re-test due' : status.retestDueAt ? `, re-test from ${localDate(new Date(status.retestDueAt))}` : '';
  const bucket =
    status.bucket === 'rehab'
      ? `in your rehab routine${moved}`
      : status.bucket === 'avoid'
        ? `avoid for now${status.flare ? ' (flare-up)' : moved}${retest}`
        : evidence.tested > 0
          ? 'untested since the lists were cleared'
          : undefined;
  // "(flare-up)" beside the bucket, as "flare" beside a name in buckets: not again as "1 flare".
  // Set aside by a fall too small to count (as minImprovement was then), or with no room to
  // show help: "avoid for now" beside "last −1" would read as a mistake, as in `itb buckets`.
  const lastTest = lastTestWords(evidence);
  return (indent) => evidenceLines(evidence, summary.buckets.sidesApart, status.bucket === 'avoid' && status.flare, indent, bucket ? [bucket] : [], lastTest === undefined ? [] : [lastTest]);
}

/**
 * A routine given for a drill, by its id or, with `by` 'name', by its name as `itb routines` shows
 * it or the words of its id in any case (see namedAs): which routine, and where its drills are
 * listed (with the library in use). Drills come first: a name is a routine's only when no drill has it.
 */
function routineNotDrill(ctx: Context, typed: string, library: Library, command: Command, by: 'id' | 'name'): UserError | undefined {
  const itb = itbWithLibrary(ctx, command);
  const given = (id: string, name: string) => (by === 'id' ? typed === id : namedAs(typed, name, id));
  const builtIn = (['rehab', 'retest'] as const).find((id) => given(id, id));
  const id = builtIn ?? library.routines.find((routine) => given(routine.id, routine.name))?.id;
  if (id === undefined) return undefined;
  const routine = `${builtIn ? 'built-in ' : ''}routine`;
  const what = typed === id ? `"${id}" is a ${routine}` : `"${typed}" is the ${routine} ${id}`;
  const where = builtIn ? `\`${itb} buckets\` lists its drills.` : `\`${itb} routines\` lists its drills; \`${itb} exercises ID\` shows one of them.`;
  return new UserError(`${what}, not a drill`, where);
}

/**
 * A drill asked for by its name, as the list shows it ("Lateral ankle tilts"), or by the words of
 * its id: which id to type (see namedAs).
 */
function nameNotId(ctx: Context, typed: string, library: Library, command: Command): UserError | undefined {
  const drill = library.exercises.find((exercise) => namedAs(typed, exercise.name, exercise.id));
  if (drill === undefined) return undefined;
  return new UserError(`no drill with id "${typed}"`, `"${drill.name}" has the id ${drill.id}: \`${itbWithLibrary(ctx, command)} exercises ${drill.id}\` shows it.`);
}

/**
 * A drill your sessions or moves kept that the library no longer has, asked for by its id or, with
 * `by` 'name', its name: said so, rather than that there is no such drill, with where `itb buckets`
 * lists it, or that it lists it nowhere (never tested, in no bucket: only skipped, or moved by hand
 * before a reset). With a library file of one's own whose drill the built-in library has,
 * notInLibrary says how to show it there instead. A drill of the library with the same name (its
 * id changed in the file) is named, with how to keep the results together.
 */
async function droppedDrill(ctx: Context, typed: string, library: Library, command: Command, by: 'id' | 'name'): Promise<UserError | undefined> {
  // Read only, writing nothing beside the store; one that cannot be read is for the commands
  // that need it to say: here, the drill is only unknown.
  const data = await readStore(ctx.env).catch(() => undefined);
  if (data === undefined) return undefined;
  const kept = keptDrills(data);
  const found = [...kept].find(([id, name]) => id === typed || (by === 'name' && namedAs(typed, name, id)));
  if (found === undefined || findExercise(library, found[0])) return undefined;
  if (libraryFile(ctx, command) !== undefined && findExercise(await loadLibrary({}), found[0])) return undefined;
  const [id, name] = found;
  const itb = itbWithLibrary(ctx, command);
  const renamed = library.exercises.find((exercise) => exercise.name.toLowerCase() === name.toLowerCase());
  const view = bucketView(data, library, ctx.now());
  const shown = listedDrill(view, id);
  // Never tested and in no bucket, it is in no list: there are no results to point to.
  const unlisted = data.moves.some((move) => move.exerciseId === id)
    ? `${id} was never tested in a session, and \`${itb} buckets reset\` cleared the bucket you had moved it to: \`${itb} buckets\` does not list it.`
    : `${id} was only ever skipped, never tested, so it has no results: \`${itb} buckets\` does not list it.`;
  const elsewhere = `If it comes from another library file, that file shows it: \`itb --data FILE exercises ${id}\`.`;
  // Tested under the new id too, each id keeps its own: giving back the old one would leave the newer apart.
  const hint = renamed && shown === undefined
    ? `Your library has "${renamed.name}" with the id ${renamed.id} (\`${itb} exercises ${renamed.id}\`). ${unlisted}`
    : renamed && listedDrill(view, renamed.id)
    ? `Your library has "${renamed.name}" with the id ${renamed.id} (\`${itb} exercises ${renamed.id}\`), which has results of its own: results are kept by id, and \`${itb} buckets\` shows those of ${id} and those of ${renamed.id} apart.`
    : renamed
    ? `Your library has "${renamed.name}" with the id ${renamed.id} (\`${itb} exercises ${renamed.id}\`), and no results of its own yet: results are kept by id, and \`${itb} buckets\` shows those of ${id}. To keep them together, give the drill back the id ${id} in your library file.`
    : shown === undefined
    ? `${unlisted} \`${itb} exercises\` lists the drills your library has now. ${elsewhere}`
    : `${whereListed(shown, itb)}; \`${itb} exercises\` lists the drills your library has now. ${elsewhere}`;
  // The file named, as the error for an id never seen names it: with ITB_DATA, no command in the hint does.
  const file = libraryFile(ctx, command);
  const where = file === undefined ? notInLibraryWords(ctx, command) : `not in the exercise library ${file}`;
  return new UserError(`${name === id ? id : `"${name}" (${id})`} is ${where}`, hint);
}

/** Where `itb buckets` lists a drill the library in use lacks (`status`), and with what. */
function whereListed(status: ExerciseStatus, itb: string): string {
  if (status.bucket === 'untested') return `\`${itb} buckets\` lists it under the untested drills, with its results from before the buckets were cleared`;
  const bucket = status.bucket === 'rehab' ? 'in your rehab routine' : 'under "avoid for now"';
  // Moved there by hand and never tested: the bucket is all there is to show.
  const what = status.evidence.tested > 0 ? 'with its results from your sessions' : 'where you moved it; it was never tested in a session';
  return `\`${itb} buckets\` still shows it ${bucket}, ${what}`;
}

/**
 * Name, id and body region of every drill; a strength drill says it is one. Names are never
 * shortened: a long one wraps within its column, and on a terminal too narrow for the columns
 * (or for a name's note in brackets) each drill takes a line for its name and one for its id and
 * region. `itb`: how to start it (itbWithLibrary), for the command that shows one drill.
 */
function listExercises({ exercises }: Library, colour: Colours, itb: string, whichFile: string[]): string {
  // "(loading)" in the terminal's own colour: yellow all but vanishes on a white background.
  const named = (exercise: Exercise) => (exercise.loading ? `${exercise.name} (loading)` : exercise.name);
  // The ids in full (they are typed), the names in what is left of the screen.
  const widest = (texts: string[]) => Math.max(...texts.map((text) => width(text)));
  const room = onScreen(80) - widest(['id', ...exercises.map((e) => e.id)]) - widest(['region', ...exercises.map((e) => e.region)]) - 4;
  // A name breaks within its column between words, never inside its note in brackets: with a
  // note too long for the column, each drill takes its lines, as on a narrower terminal.
  const inColumn = room >= 20 && exercises.every((e) => nameLines(named(e), room, room - 2) !== undefined);
  const lines = inColumn
    ? table([[colour.dim('name'), colour.dim('id'), colour.dim('region')], ...exercises.map((e) => [named(e), colour.bold(e.id), e.region])], { most: [room] })
    : exercises.flatMap((e) => [...table([[named(e)]], { most: [onScreen(80)] }), ...packed([colour.bold(e.id), e.region], 80, '  ')]);
  // The 48 hours only for a library that has loading drills, which are the ones marked.
  const notes = [
    ...(exercises.some((exercise) => exercise.loading) ? ['Loading drills build strength: space those sessions about 48 hours apart.'] : []),
    `Show one drill in full: \`${itb} exercises ID\``,
    ...whichFile,
  ];
  return `${lines.join('\n')}\n\n${notes.flatMap((note) => wrap(note)).map((line) => colour.dim(line)).join('\n')}\n`;
}

function showExercise(library: Library, exercise: Exercise, colour: Colours, yours: Indented | undefined): string {
  const routines = library.routines.filter((routine) => routine.exercises.includes(exercise.id)).map((r) => r.id);
  const out = [
    ...namePacked(colour.bold(exercise.name), [colour.dim(`(${exercise.id})`)]),
    ...wrap(`${exercise.region} · ${exercise.category}${exercise.loading ? ' · loading drill (space these sessions 48 hours apart)' : ''}`),
    '',
    ...exercise.steps.flatMap((step, i) => hanging(`  ${String(i + 1).padStart(2)}. `, step, 78)),
    '',
    ...labelled('Dose:', describeDose(exercise.dose)),
    ...labelled('Side:', describeSide(exercise.side, undefined, exercise.dose)),
    // Worded as a session's drill screen words it, so that the two read as the same list.
    ...labelled('You need:', exercise.equipment.length > 0 ? exercise.equipment.join(', ') : 'nothing'),
  ];
  if (routines.length > 0) out.push(...labelled('Routines:', routines.join(', ')));
  if (exercise.video) out.push(...labelled('Video:', exercise.video));
  if (yours !== undefined) out.push(...labelled('For you:', yours));
  if (exercise.cues.length > 0) out.push('', '  Cues:', ...exercise.cues.flatMap((cue) => hanging('    - ', cue, 78)));
  if (exercise.source) out.push('', ...hanging('  From: ', exercise.source, 80).map((line) => colour.dim(line)));
  return `${out.join('\n')}\n`;
}

/**
 * "  Dose:       1 set × 10 reps", the text wrapped beside its label, or under it on a terminal
 * too narrow for both. Text in lines of its own making (your results) is given their indent.
 */
function labelled(label: string, text: string | Indented): string[] {
  const marker = `  ${label.padEnd(12)}`;
  const beside = width(marker) + 20 <= onScreen(80);
  if (typeof text === 'string') return beside ? hanging(marker, text, 80) : [`  ${label}`, ...wrap(text, 80, '    ')];
  if (!beside) return [`  ${label}`, ...text('    ')];
  const indent = ' '.repeat(width(marker));
  return text(indent).map((line, i) => (i === 0 ? marker + line.slice(indent.length) : line));
}
