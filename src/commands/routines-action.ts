// What `itb routines` does (declared in routines.ts).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { findExercise } from '../library/library.js';
import { hanging, hangingPacked, onScreen, width, wrap } from '../ui/table.js';
import { libraryFor, paint, printJson } from './shared.js';

export async function showRoutines(ctx: Context, options: { json?: boolean }, command: Command) {
  const library = await libraryFor(ctx, command);
  if (options.json) return printJson(ctx, library.routines);
  const colour = paint(ctx, command);
  // The name beside the id, or under it when a long id leaves it too little room.
  const titled = (id: string, name: string) =>
    width(id) + 2 + 20 <= onScreen(80) ? hanging(`${colour.bold(id)}  `, name, 80) : [...wrap(id).map((line) => colour.bold(line)), ...wrap(name, 80, '  ')];
  const blocks = library.routines.map((routine) => {
    const drills = routine.exercises.flatMap((id, i) => {
      const exercise = findExercise(library, id);
      const number = `  ${String(i + 1).padStart(2)}. `;
      if (!exercise) return hanging(number, id, 80);
      // The name in full and the id beside it, or under it when they do not fit one line.
      return hangingPacked(number, [exercise.name, colour.dim(`${exercise.id} · ${exercise.region}`)]);
    });
    return [...titled(routine.id, routine.name), ...wrap(routine.description, 78, '  ').map((l) => colour.dim(l)), ...drills].join('\n');
  });
  const builtIn = (id: string, name: string, description: string) => [
    ...titled(id, name),
    ...wrap(description, 78, '  ').map((line) => colour.dim(line)),
  ];
  blocks.push(
    [
      ...builtIn('rehab', 'Your rehab routine (built in)', 'The drills in your rehab bucket, in routine order. See `itb buckets`.'),
      ...builtIn('retest', 'Re-test (built in)', 'Drills set aside for now whose re-test date has come.'),
    ].join('\n'),
  );
  ctx.stdout.write(`${blocks.join('\n\n')}\n`);
}
