// What `itb exercises` does (declared in exercises.ts).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { closest } from '../core/closest.js';
import { UserError } from '../errors.js';
import { findExercise, loadLibrary } from '../library/library.js';
import type { Exercise, Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { describeDose, describeSide } from '../ui/describe.js';
import { hanging, onScreen, packed, table, width, wrap } from '../ui/table.js';
import { globals, libraryFor, paint, printJson, unknownDrill } from './shared.js';

export async function showExercises(ctx: Context, id: string | undefined, options: { json?: boolean }, command: Command) {
  const library = await libraryFor(ctx, command);
  const colour = paint(ctx, command);
  if (id === undefined) {
    if (options.json) return printJson(ctx, library.exercises);
    ctx.stdout.write(listExercises(library, colour));
    return;
  }
  const exercise = findExercise(library, id);
  if (!exercise) throw await notInLibrary(ctx, command, id, library);
  if (options.json) return printJson(ctx, exercise);
  ctx.stdout.write(showExercise(library, exercise, colour));
}

/**
 * A drill the library in use does not have. With a library of one's own, the message names its
 * file, the command that lists its drills, and whether the built-in library has the drill.
 */
async function notInLibrary(ctx: Context, command: Command, id: string, library: Library): Promise<UserError> {
  const ids = library.exercises.map((drill) => drill.id);
  // The library in use, found as libraryFor finds it: --data, else a non-empty ITB_DATA.
  const { data } = globals(command);
  const file = data ?? (ctx.env.ITB_DATA || undefined);
  if (file === undefined) return unknownDrill(id, ids);
  const near = closest(id, ids);
  const builtIn = findExercise(await loadLibrary({}), id);
  // The built-in library is read without --data, and with ITB_DATA empty when it is set.
  const listing = data !== undefined ? `itb --data ${file} exercises` : 'itb exercises';
  const builtInCommand = `${ctx.env.ITB_DATA ? 'ITB_DATA= ' : ''}itb exercises ${id}`;
  const hints = [
    near.length > 0 ? `Did you mean ${near.join(' or ')}?` : undefined,
    `\`${listing}\` lists its drills.`,
    builtIn ? `The built-in library has it, "${builtIn.name}": \`${builtInCommand}\` shows it.` : undefined,
  ];
  return new UserError(`no drill with id "${id}" in the exercise library ${file}`, hints.filter(Boolean).join(' '));
}

/**
 * Name, id and body region of every drill; a strength drill says it is one. Names are never
 * shortened: a long one wraps within its column, and on a terminal too narrow for the columns
 * each drill takes a line for its name and one for its id and region.
 */
function listExercises({ exercises }: Library, colour: Colours): string {
  const named = (exercise: Exercise) => (exercise.loading ? `${exercise.name} ${colour.yellow('(loading)')}` : exercise.name);
  // The ids in full (they are typed), the names in what is left of the screen.
  const widest = (texts: string[]) => Math.max(...texts.map((text) => width(text)));
  const room = onScreen(80) - widest(['id', ...exercises.map((e) => e.id)]) - widest(['region', ...exercises.map((e) => e.region)]) - 4;
  const lines =
    room >= 20
      ? table([[colour.dim('name'), colour.dim('id'), colour.dim('region')], ...exercises.map((e) => [named(e), colour.bold(e.id), e.region])], { most: [room] })
      : exercises.flatMap((e) => [...table([[named(e)]], { most: [onScreen(80)] }), ...packed([colour.bold(e.id), e.region], 80, '  ')]);
  const notes = ['Loading drills build strength: space those sessions about 48 hours apart.', 'Show one drill in full: itb exercises ID'];
  return `${lines.join('\n')}\n\n${notes.flatMap((note) => wrap(note)).map((line) => colour.dim(line)).join('\n')}\n`;
}

function showExercise(library: Library, exercise: Exercise, colour: Colours): string {
  const routines = library.routines.filter((routine) => routine.exercises.includes(exercise.id)).map((r) => r.id);
  const out = [
    ...packed([colour.bold(exercise.name), colour.dim(`(${exercise.id})`)], 80, '', '  '),
    ...wrap(`${exercise.region} · ${exercise.category}${exercise.loading ? ' · loading drill (space these sessions 48 hours apart)' : ''}`),
    '',
    ...exercise.steps.flatMap((step, i) => hanging(`  ${String(i + 1).padStart(2)}. `, step, 78)),
    '',
    ...labelled('Dose:', describeDose(exercise.dose)),
    ...labelled('Side:', describeSide(exercise.side)),
    ...labelled('Equipment:', exercise.equipment.length > 0 ? exercise.equipment.join(', ') : 'none'),
  ];
  if (routines.length > 0) out.push(...labelled('Routines:', routines.join(', ')));
  if (exercise.video) out.push(...labelled('Video:', exercise.video));
  if (exercise.cues.length > 0) out.push('', '  Cues:', ...exercise.cues.flatMap((cue) => hanging('    - ', cue, 78)));
  if (exercise.source) out.push('', ...hanging('  From: ', exercise.source, 80).map((line) => colour.dim(line)));
  return `${out.join('\n')}\n`;
}

/** "  Dose:       1 set × 10 reps", the text wrapped beside its label, or under it on a terminal too narrow for both. */
function labelled(label: string, text: string): string[] {
  const marker = `  ${label.padEnd(12)}`;
  return width(marker) + 20 <= onScreen(80) ? hanging(marker, text, 80) : [`  ${label}`, ...wrap(text, 80, '    ')];
}
