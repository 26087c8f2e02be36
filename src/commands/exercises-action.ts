// What `itb exercises` does (declared in exercises.ts).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { findExercise } from '../library/library.js';
import type { Exercise, Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { describeDose, describeSide } from '../ui/describe.js';
import { fitName, hanging, packed, table } from '../ui/table.js';
import { libraryFor, paint, printJson, unknownDrill } from './shared.js';

export async function showExercises(ctx: Context, id: string | undefined, options: { json?: boolean }, command: Command) {
  const library = await libraryFor(ctx, command);
  const colour = paint(ctx, command);
  if (id === undefined) {
    if (options.json) return printJson(ctx, library.exercises);
    ctx.stdout.write(listExercises(library, colour));
    return;
  }
  const exercise = findExercise(library, id);
  if (!exercise) throw unknownDrill(id, library.exercises.map((drill) => drill.id));
  if (options.json) return printJson(ctx, exercise);
  ctx.stdout.write(showExercise(library, exercise, colour));
}

/** Name, id and body region of every drill, in 80 columns; a strength drill says it is one. */
function listExercises(library: Library, colour: Colours): string {
  const loading = ' (loading)';
  // The ids in full (they are typed), the names in what is left of 80 columns, at most 36.
  const widest = (texts: string[]) => Math.max(...texts.map((text) => text.length));
  const room = Math.max(Math.min(36, 80 - widest(library.exercises.map((e) => e.id)) - widest(library.exercises.map((e) => e.region)) - 4), 20);
  const rows = library.exercises.map((exercise) => [
    exercise.loading ? `${fitName(exercise.name, room - loading.length)}${colour.yellow(loading)}` : fitName(exercise.name, room),
    colour.bold(exercise.id),
    exercise.region,
  ]);
  const lines = table([[colour.dim('name'), colour.dim('id'), colour.dim('region')], ...rows]);
  const notes = ['Loading drills build strength: space those sessions about 48 hours apart.', 'Show one drill in full: itb exercises ID'];
  return `${lines.join('\n')}\n\n${notes.map((note) => colour.dim(note)).join('\n')}\n`;
}

function showExercise(library: Library, exercise: Exercise, colour: Colours): string {
  const routines = library.routines.filter((routine) => routine.exercises.includes(exercise.id)).map((r) => r.id);
  const out = [
    ...packed([colour.bold(exercise.name), colour.dim(`(${exercise.id})`)], 80, '', '  '),
    `${exercise.region} · ${exercise.category}${exercise.loading ? ' · loading drill (space these sessions 48 hours apart)' : ''}`,
    '',
    ...exercise.steps.flatMap((step, i) => hanging(`  ${String(i + 1).padStart(2)}. `, step, 78)),
    '',
    ...hanging('  Dose:       ', describeDose(exercise.dose), 80),
    ...hanging('  Side:       ', describeSide(exercise.side), 80),
    ...hanging('  Equipment:  ', exercise.equipment.length > 0 ? exercise.equipment.join(', ') : 'none', 80),
  ];
  if (routines.length > 0) out.push(...hanging('  Routines:   ', routines.join(', '), 80));
  if (exercise.video) out.push(`  Video:      ${exercise.video}`);
  if (exercise.cues.length > 0) out.push('', '  Cues:', ...exercise.cues.flatMap((cue) => hanging('    - ', cue, 78)));
  if (exercise.source) out.push('', colour.dim(`  From: ${exercise.source}`));
  return `${out.join('\n')}\n`;
}
