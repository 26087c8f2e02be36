// What `itb routines` does (declared in routines.ts).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { findExercise } from '../library/library.js';
import { fitName, hanging, wrap } from '../ui/table.js';
import { libraryFor, paint, printJson } from './shared.js';

export async function showRoutines(ctx: Context, options: { json?: boolean }, command: Command) {
  const library = await libraryFor(ctx, command);
  if (options.json) return printJson(ctx, library.routines);
  const colour = paint(ctx, command);
  const blocks = library.routines.map((routine) => {
    const drills = routine.exercises.map((id, i) => {
      const exercise = findExercise(library, id);
      const number = `  ${String(i + 1).padStart(2)}. `;
      if (!exercise) return `${number}${id}`;
      // The name gives way, so that the line fits 80 columns with the id in full.
      const details = `  ${exercise.id} · ${exercise.region}`;
      return `${number}${fitName(exercise.name, Math.max(80 - number.length - details.length, 16))}${colour.dim(details)}`;
    });
    const title = hanging(`${colour.bold(routine.id)}  `, routine.name, 80);
    return [...title, ...wrap(routine.description, 78, '  ').map((l) => colour.dim(l)), ...drills].join('\n');
  });
  blocks.push(
    [
      `${colour.bold('rehab')}  Your rehab routine (built in)`,
      colour.dim('  The drills in your rehab bucket, in routine order. See `itb buckets`.'),
      `${colour.bold('retest')}  Re-test (built in)`,
      colour.dim('  Drills set aside for now whose re-test date has come.'),
    ].join('\n'),
  );
  ctx.stdout.write(`${blocks.join('\n\n')}\n`);
}
